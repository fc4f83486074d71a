/** FollowTheMoney export: every entity checked against the FtM schema YAML (schemata, property names, ranges, required). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildFtm, buildFtmEntities, type FtmEntity } from '../../src/export/ftm.js';
import type { ExportData } from '../../src/export/dataset.js';
import type { Store } from '../../src/store/store.js';
import { AWKWARD, awkwardData, extractedSample } from './fixtures.js';
import { FTM_SCHEMA_DIR, allProperties, ancestry, loadFtmModel } from './ftm-model.js';

const model = loadFtmModel();
const skip = model ? false : `FtM schema YAML not found at ${FTM_SCHEMA_DIR} (set FTM_SCHEMA_DIR): model checks skipped`;

/** Checks schemata, property names, required properties and that entity references point at emitted entities in range. */
function assertValidFtm(entities: FtmEntity[]): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  assert.equal(byId.size, entities.length, 'ids are unique');
  for (const e of entities) {
    assert.match(e.id, /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/, 'FtM id syntax');
    const schema = model!.get(e.schema);
    assert.ok(schema && !schema.abstract, `${e.schema} is a concrete schema`);
    const props = allProperties(model!, e.schema);
    for (const req of ancestry(model!, e.schema).flatMap((n) => model!.get(n)!.required)) {
      assert.ok(e.properties[req]?.length, `${e.schema} ${e.id} has required ${req}`);
    }
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = props[name];
      assert.ok(prop, `${e.schema} has a property "${name}"`);
      assert.ok(values.length > 0 && values.every((v) => typeof v === 'string' && v !== ''), `${e.id}.${name} holds non-empty strings`);
      if (prop.type !== 'entity') continue;
      for (const ref of values) {
        const target = byId.get(ref);
        assert.ok(target, `${e.id}.${name} -> ${ref} is emitted`);
        assert.ok(ancestry(model!, target.schema).includes(prop.range!), `${e.schema}.${name} takes ${prop.range}, got ${target.schema}`);
      }
    }
  }
}

describe('FollowTheMoney export', () => {
  it('maps a Succession the FtM way round: predecessor is the one succeeded', () => {
    const data = awkwardData();
    data.entities[0]!.type = 'PERSON';
    data.relations[0]!.type = 'succeeded';
    const rel = buildFtmEntities(data).find((e) => e.schema === 'Succession')!;
    assert.deepEqual(rel.properties.successor, ['cg-ent-0000000000000002']);
    assert.deepEqual(rel.properties.predecessor, ['cg-ent-0000000000000001']);
  });

  it('writes Membership with the stated role, and falls back to UnknownLink where the ends do not fit the ranges', () => {
    const data = awkwardData();
    const membership = buildFtmEntities(data).find((e) => e.id === 'cg-rel-0000000000000001')!;
    assert.equal(membership.schema, 'Membership');
    assert.deepEqual(membership.properties.member, ['cg-ent-0000000000000002']);
    assert.deepEqual(membership.properties.organization, ['cg-ent-0000000000000001']);
    assert.deepEqual(membership.properties.role, ['leader']);
    assert.deepEqual(membership.properties.description, [AWKWARD.sentence]);
    data.entities[0]!.type = 'LOC';
    const link = buildFtmEntities(data).find((e) => e.id === 'cg-rel-0000000000000001')!;
    assert.equal(link.schema, 'UnknownLink');
    assert.deepEqual([link.properties.subject, link.properties.object], [['cg-ent-0000000000000002'], ['cg-ent-0000000000000001']]);
  });

  it('keeps awkward text intact through JSON lines', () => {
    const lines = buildFtm(awkwardData()).split('\n');
    assert.equal(lines.pop(), '');
    const parsed = lines.map((l) => JSON.parse(l) as FtmEntity);
    assert.equal(parsed.find((e) => e.schema === 'Organization')!.properties.name![0], AWKWARD.org);
    assert.equal(parsed.find((e) => e.schema === 'Person')!.properties.name![0], AWKWARD.person);
    assert.equal(parsed.find((e) => e.schema === 'Note')!.properties.description![0], AWKWARD.sentence);
    assert.deepEqual(parsed.find((e) => e.schema === 'Document')!.properties.language, ['ara']);
  });

  it('passes the FtM model checks on the hand-made data', { skip }, () => assertValidFtm(buildFtmEntities(awkwardData())));

  describe('on the extracted sample corpus', () => {
    let store: Store;
    let data: ExportData;
    before(async () => ({ store, data } = await extractedSample()));
    after(() => store.close());

    it('passes the FtM model checks', { skip }, () => assertValidFtm(buildFtmEntities(data)));

    it('writes every document, entity, relation, event and claim, and every evidence sentence as a Note', () => {
      const out = buildFtmEntities(data);
      const ids = new Set(out.map((e) => e.id));
      for (const e of data.entities) assert.ok(ids.has(`cg-${e.id.replace('_', '-')}`));
      for (const d of data.documents) assert.ok(ids.has(`cg-doc-${d.id}`));
      const notes = out.filter((e) => e.schema === 'Note').flatMap((e) => e.properties.description ?? []);
      for (const r of data.relations) {
        const rel = out.find((e) => e.id === `cg-${r.id.replace('_', '-')}`)!;
        for (const ev of r.evidence) {
          assert.ok(rel.properties.description!.includes(ev.text), `relation ${r.id} cites "${ev.text}"`);
          assert.ok(notes.includes(ev.text));
        }
      }
      assert.equal(out.filter((e) => e.schema === 'Event').length, data.events.length);
      const schemata = new Set(out.map((e) => e.schema));
      for (const s of ['Document', 'Person', 'Organization', 'Address', 'Membership', 'Succession', 'UnknownLink', 'Note']) {
        assert.ok(schemata.has(s), `writes ${s}`);
      }
      const iran = out.find((e) => e.schema === 'Address' && e.properties.name![0] === 'Iran');
      assert.deepEqual(iran?.properties.country, ['ir']);
    });

    it('is byte-identical across two exports', () => assert.equal(buildFtm(data), buildFtm(data)));
  });
});
