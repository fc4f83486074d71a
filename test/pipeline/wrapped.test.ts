/**
 * The sample articles as they arrive in real inboxes: hard-wrapped at 65 columns, and quoted in an e-mail reply. Each
 * form is ingested with every stage; entities and the network of relations must be those of the articles as given.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { buildJsonExport } from '../../src/export/json.js';
import { RELATION_TYPES, type RelationTypeId } from '../../src/model/index.js';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';
import { asEmailReply, hardWrap, hyphenWrap } from './messy-forms.js';

interface Network {
  entities: Set<string>;
  relations: Set<string>;
  evidenceMatches: boolean;
}

const FORMS: Record<string, (text: string) => string> = {
  given: (t) => t,
  wrapped: (t) => hardWrap(t, 65),
  email: asEmailReply,
  hyphenated: (t) => hyphenWrap(t, 60),
};

/** Writes every file of `from` in one form into a new folder. */
function writeForm(from: string, to: string, form: (text: string) => string): void {
  mkdirSync(to);
  for (const f of readdirSync(from)) writeFileSync(join(to, f), form(readFileSync(join(from, f), 'utf8')));
}

/** Ingests a folder as its own collection; returns entity (type:name) and relation (type(source -> target)) sets. */
async function network(store: Store, folder: string, collection: string): Promise<Network> {
  await ingestPaths([folder], { store, collection, stages: defaultStages(), finish: finishIngest });
  const data = (await buildJsonExport(store, { collections: [collection] })) as unknown as {
    entities: { id: string; type: string; name: string }[];
    relations: { type: string; source: string; target: string; evidence: { documentId: string; start: number; end: number; text: string }[] }[];
  };
  const name = new Map(data.entities.map((e) => [e.id, e.name]));
  let evidenceMatches = true;
  for (const r of data.relations) {
    for (const ev of r.evidence) {
      const doc = await store.getDocument(ev.documentId, { collections: [collection] });
      if (doc?.text.slice(ev.start, ev.end) !== ev.text) evidenceMatches = false;
    }
  }
  return {
    entities: new Set(data.entities.map((e) => `${e.type}:${e.name}`)),
    relations: new Set(data.relations.map((r) => {
      // Entity ids differ between collections, and a symmetric relation's ends are ordered by id: compare them unordered.
      const ends = [name.get(r.source), name.get(r.target)];
      if (RELATION_TYPES[r.type as RelationTypeId].symmetric) ends.sort();
      return `${r.type}(${ends[0]} -> ${ends[1]})`;
    })),
    evidenceMatches,
  };
}

const difference = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x));

describe('the sample articles hard-wrapped, e-mail quoted and hyphenated at line ends give the network of the articles as given', () => {
  let store: Store;
  const nets = new Map<string, Network>();
  before(async () => {
    const dir = tempDir();
    store = await openStore(join(dir, 'forms.db'));
    for (const [form, make] of Object.entries(FORMS)) {
      writeForm(SAMPLE_CORPUS, join(dir, form), make);
      nets.set(form, await network(store, join(dir, form), form));
    }
  });
  after(() => store.close());

  it('finds a network in the articles as given', () => {
    const given = nets.get('given')!;
    assert.ok(given.entities.size > 50 && given.relations.size > 20, `${given.entities.size} entities, ${given.relations.size} relations`);
  });

  it('hyphenated: the form breaks words at line ends', () => {
    const text = hyphenWrap(readFileSync(join(SAMPLE_CORPUS, readdirSync(SAMPLE_CORPUS)[0]!), 'utf8'), 60);
    assert.ok((text.match(/\p{Ll}-\n\p{Ll}/gu) ?? []).length > 20, 'words broken over lines');
  });

  for (const form of ['wrapped', 'email', 'hyphenated']) {
    it(`${form}: the same entities (names and types)`, () => {
      const given = nets.get('given')!;
      const other = nets.get(form)!;
      assert.deepEqual({ missing: difference(given.entities, other.entities), extra: difference(other.entities, given.entities) }, { missing: [], extra: [] });
    });

    it(`${form}: the same relations (type, source, target), with evidence sliced from the stored text`, () => {
      const given = nets.get('given')!;
      const other = nets.get(form)!;
      assert.deepEqual({ missing: difference(given.relations, other.relations), extra: difference(other.relations, given.relations) }, { missing: [], extra: [] });
      assert.ok(other.evidenceMatches);
    });
  }
});

describe('messy fixtures through the pipeline', () => {
  let store: Store;
  let names: { type: string; name: string }[] = [];
  before(async () => {
    store = await openStore(join(tempDir(), 'messy.db'));
    const folder = join(ROOT, 'fixtures', 'messy');
    const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => join(folder, f));
    await ingestPaths(files, { store, collection: 'messy', stages: defaultStages(), finish: finishIngest });
    names = ((await buildJsonExport(store, { collections: ['messy'] })) as unknown as { entities: { type: string; name: string }[] }).entities;
  });
  after(() => store.close());

  it('names no one from sign-offs, credits, mail headers and signatures', () => {
    const junk = names.filter((e) => /Jane Roe|John Doe|Richard Roe|Research Desk|Librarian|Newsroom|Reuters Limited|Analysts|iPhone/.test(e.name));
    assert.deepEqual(junk, []);
  });

  it('finds the people of the wrapped and quoted prose, whole', () => {
    for (const n of ['Haydar al-Abadi', 'Ruhollah Khomeini', 'Mahmud Ahmadi-Nejad', 'Hasan Fereidun Ruhani', 'Saddam Hussein']) {
      assert.ok(names.some((e) => e.type === 'PERSON' && e.name.replace(/\s+/g, ' ') === n), `${n} in ${names.filter((e) => e.type === 'PERSON').map((e) => e.name).join(', ')}`);
    }
    assert.ok(!names.some((e) => /\n|>/.test(e.name)), 'no name holds a line break or a quote marker');
  });
});
