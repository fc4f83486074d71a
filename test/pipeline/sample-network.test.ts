/** End to end on the sample corpus: ingest with every stage, then the network the articles describe is in the export. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { buildJsonExport } from '../../src/export/json.js';
import { SAMPLE_CORPUS, tempDir } from '../helpers.js';
import { measureSample } from '../../scripts/sample-quality.js';

interface Exported {
  documents: { id: string }[];
  entities: { id: string; name: string; type: string; aliases: string[] }[];
  relations: { type: string; source: string; target: string; evidence: { documentId: string; start: number; end: number; text: string }[] }[];
  events: { type: string; date: string }[];
  claims: { stance: string; speakerText: string }[];
}

describe('sample corpus network', () => {
  let store: Store;
  let data: Exported;
  before(async () => {
    store = await openStore(join(tempDir(), 'net.db'));
    await ingestPaths([SAMPLE_CORPUS], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
    data = (await buildJsonExport(store, ALL_COLLECTIONS)) as unknown as Exported;
  });
  after(() => store.close());

  const entity = (pattern: RegExp) => data.entities.filter((e) => pattern.test(e.name) || e.aliases.some((a) => pattern.test(a)));
  const edge = (type: string, from: RegExp, to: RegExp) => data.relations.find((r) => r.type === type
    && entity(from).some((e) => e.id === r.source) && entity(to).some((e) => e.id === r.target));

  it('finds the people and organisations the articles are about', () => {
    for (const name of [/Soleimani/, /Khamenei/, /Quds Force/, /Kataeb Hezbollah/, /Hejazi/, /Qaani/, /Abadi/]) {
      assert.ok(entity(name).length > 0, `entity ${name}`);
    }
  });

  it('merges spellings of one person across documents into one entity', () => {
    const people = data.entities.filter((e) => e.type === 'PERSON' && /Soleimani/.test(e.name));
    assert.equal(people.length, 1, `one Soleimani, got ${people.map((p) => p.name).join(', ')}`);
  });

  it('extracts who took charge of whom, with evidence slices that match the stored text', async () => {
    assert.ok(edge('succeeded', /Qaani/, /Soleimani/), 'Qaani succeeded Soleimani');
    assert.ok(edge('role_in', /Soleimani/, /Quds Force/), 'Soleimani leads the Quds Force');
    assert.ok(edge('controls', /Hejazi/, /Kataeb Hezbollah/), 'Hejazi responsible for Kataeb Hezbollah');
    for (const r of data.relations) {
      for (const ev of r.evidence) {
        const doc = await store.getDocument(ev.documentId, ALL_COLLECTIONS);
        assert.equal(doc!.text.slice(ev.start, ev.end), ev.text);
      }
    }
  });

  it('dates the drone strike that killed Soleimani', () => {
    assert.ok(data.events.some((e) => e.date === '2020-01-03'));
  });

  it('finds at least 90% of the people, organisations and places a reader names, with their types', async () => {
    const q = await measureSample(store);
    assert.ok(q.entities.found / q.entities.total >= 0.9, `recall ${q.entities.found}/${q.entities.total}; missed ${q.entities.missed.join('; ')}`);
  });

  // The measure of precision is the dev data (docs/relations.md: 0.85-0.87 on news and CoNLL04 dev at the default
  // threshold); the samples are a smoke test of the whole pipeline, where NER slips ("National Security Adviser" as
  // an organisation) also cost edges. The rules alone scored 1.0 here because they were written on these articles.
  it('shows by default relations that hand judgment finds at least 75% right', async () => {
    const q = await measureSample(store);
    const judged = q.relations.right + q.relations.wrong;
    assert.ok(judged >= q.relations.shown / 2, `most shown relations are judged (${judged} of ${q.relations.shown}): run scripts/eval-sample.ts and judge the rest`);
    assert.ok(q.relations.right / judged >= 0.75, `precision ${q.relations.right}/${judged}`);
  });

  it('records attributed claims, including denials', () => {
    assert.ok(data.claims.some((c) => c.stance === 'denies'));
    assert.ok(data.claims.some((c) => /specialist|sources|officials/i.test(c.speakerText)));
  });
});
