/**
 * Per-document reads do not grow with the collection: a document's mentions (what every stage run reads first) and its
 * facts are read at two collection sizes (16x apart) and the time per document is compared within the test. Reading
 * the whole candidate -> entity map per document, as before, made the larger collection about as much slower per
 * document as it is larger (reprocess of 5,000 documents took 20x the time of 1,500).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ResolvedEntityRecord, StageOutput } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { textDoc } from '../store/conformance.js';
import { tempDir } from '../helpers.js';

const MENTIONS_PER_DOCUMENT = 20;
const SAMPLE = 100;
const ROUNDS = 5;

/** A store of `n` documents, each with keyed mentions and two relations, resolved into entities shared across documents. */
async function buildStore(n: number): Promise<{ store: Store; ids: string[] }> {
  const store = await openStore(join(tempDir('cablegraph-growth-'), 'growth.db'));
  const ids: string[] = [];
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) => {
      const i = start + k;
      const text = `Report ${i}. The minister met the envoy in the capital, officials said on Tuesday.`;
      return { doc: textDoc(`r${i}.txt`, text), collection: 'growth', sentences: [{ start: 0, end: text.length }] };
    });
    ids.push(...(await store.putDocuments(batch)).map((r) => r.id));
  }
  // Names repeat across documents (entities have several members); their number grows with the collection.
  const names = Math.max(50, Math.floor(n / 2));
  const members = new Map<number, string[]>();
  for (const [i, id] of ids.entries()) {
    const keys = Array.from({ length: MENTIONS_PER_DOCUMENT }, (_, j) => (i * 7 + j * 13) % names).map((p) => {
      const key = `${id}#PERSON:person ${p}`;
      if (!members.get(p)?.push(key)) members.set(p, [key]);
      return key;
    });
    const ev = { documentId: id, start: 0, end: 9, text: `Report ${i}`.slice(0, 9) };
    const output: StageOutput = {
      mentions: keys.map((k, j) => ({ documentId: id, start: j, end: j + 1, text: 'P', type: 'PERSON', norm: k.slice(k.indexOf(':') + 1), entityKey: k })),
      relations: [0, 1].map((j) => ({ id: `rel-${i}-${j}`, type: 'met', source: keys[j]!, target: keys[j + 2]!, confidence: 0.8, evidence: [ev] })),
    };
    await store.putStageOutput(id, 'mentions', 'g1', output);
  }
  const entities: ResolvedEntityRecord[] = [...members].map(([p, keys]) => ({
    id: `ent_${p.toString(16).padStart(16, '0')}`, collection: 'growth', type: 'PERSON', name: `Person ${p}`, aliases: [],
    mentionCount: keys.length, documentIds: [...new Set(keys.map((k) => k.slice(0, k.indexOf('#'))))], members: keys.sort(), reasons: [],
  }));
  await store.putEntities('growth', entities, 'resolve', 'g1');
  return { store, ids };
}

/** Fastest of several rounds of `read` over the same sample documents, in ms per document. */
async function perDocument(ids: string[], read: (id: string) => Promise<unknown>): Promise<number> {
  const sample = ids.filter((_, i) => i % Math.floor(ids.length / SAMPLE) === 0).slice(0, SAMPLE);
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const t = performance.now();
    for (const id of sample) await read(id);
    best = Math.min(best, (performance.now() - t) / sample.length);
  }
  return best;
}

describe('per-document reads at two collection sizes', () => {
  let small: { store: Store; ids: string[] };
  let large: { store: Store; ids: string[] };
  before(async () => {
    small = await buildStore(250);
    large = await buildStore(4000);
  });
  after(async () => {
    await small?.store.close();
    await large?.store.close();
  });

  it('reads a document\'s mentions with their entities in time that does not grow with the collection', async (t) => {
    const read = (s: { store: Store }) => (id: string) => s.store.listMentions(id, ALL_COLLECTIONS);
    const mentions = await small.store.listMentions(small.ids[3]!, ALL_COLLECTIONS);
    assert.equal(mentions.length, MENTIONS_PER_DOCUMENT);
    assert.ok(mentions.every((m) => /^ent_[0-9a-f]{16}$/.test(m.entityId ?? '')), 'every mention is mapped to its entity');
    const [a, b] = [await perDocument(small.ids, read(small)), await perDocument(large.ids, read(large))];
    t.diagnostic(`per document: ${a.toFixed(3)} ms at 250 documents, ${b.toFixed(3)} ms at 4,000`);
    assert.ok(b < a * 3, `per document: ${a.toFixed(3)} ms at 250 documents, ${b.toFixed(3)} ms at 4,000`);
  });

  it('reads a document\'s relations, events and claims in time that does not grow with the collection', async (t) => {
    const read = (s: { store: Store }) => (id: string) => s.store.listDocumentFacts(id, ALL_COLLECTIONS);
    const facts = await large.store.listDocumentFacts(large.ids[5]!, ALL_COLLECTIONS);
    assert.ok(facts.relations.some((r) => r.evidence.some((e) => e.documentId === large.ids[5])));
    const [a, b] = [await perDocument(small.ids, read(small)), await perDocument(large.ids, read(large))];
    t.diagnostic(`per document: ${a.toFixed(3)} ms at 250 documents, ${b.toFixed(3)} ms at 4,000`);
    assert.ok(b < a * 3, `per document: ${a.toFixed(3)} ms at 250 documents, ${b.toFixed(3)} ms at 4,000`);
  });
});
