/**
 * A synthetic store for the export benchmark, written cheaply through the Store (no extraction): `docs` short documents,
 * each naming four of a pool of people and organisations that grows with the collection (a few recurring often), with
 * three relations, an event and a claim citing its sentences, then the resolved entities. Deterministic for a size.
 */
import type { Claim, Event, Relation, ResolvedEntityRecord } from '../src/model/index.js';
import type { Store } from '../src/store/store.js';
import { sha256Hex } from '../src/model/ids.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { seededRandom } from '../src/nlp/random.js';

const COLLECTION = 'bench-export';
const TYPES = ['paid', 'met', 'controls', 'contacted'] as const;


/** Writes the synthetic collection into an empty, migrated store. */
export async function writeExportStore(store: Store, docs: number): Promise<{ relations: number }> {
  const rand = seededRandom(docs);
  const pool = Math.max(20, Math.round(docs * 1.5));
  // A quarter of the names come from a small popular set, as in news: hubs with many relations.
  const pick = () => (rand() < 0.25 ? Math.floor(rand() * 20) : Math.floor(rand() * pool));
  const name = (i: number) => (i % 3 === 0 ? `Org ${i} Holdings` : `Person ${i} Example`);
  const type = (i: number) => (i % 3 === 0 ? 'ORG' : 'PERSON') as 'ORG' | 'PERSON';
  const entities = new Map<number, { docs: string[]; keys: string[]; mentions: number }>();
  let relations = 0;
  const BATCH = 200;
  for (let start = 0; start < docs; start += BATCH) {
    const batch: { text: string; names: number[] }[] = [];
    for (let d = start; d < Math.min(docs, start + BATCH); d++) {
      const names = [pick(), pick(), pick(), pick()];
      const sentences = [
        `Report ${d}: ${name(names[0]!)} paid ${name(names[1]!)} through an account in the capital, according to a ledger seen by reporters.`,
        `${name(names[2]!)} met ${name(names[3]!)} twice in the spring of ${2000 + (d % 20)} to discuss the payments and the contracts.`,
        `${name(names[1]!)} contacted ${name(names[2]!)} the following week, officials said, and denied any wrongdoing.`,
      ];
      batch.push({ text: sentences.join('\n'), names });
    }
    const put = await store.putDocuments(batch.map(({ text }, i) => {
      const original = new TextEncoder().encode(text);
      return { doc: { path: `/bench/${start + i}.txt`, sha256: sha256Hex(original), original, format: 'text', text }, collection: COLLECTION, sentences: splitSentences(text) };
    }));
    for (const [i, { text, names }] of batch.entries()) {
      const id = put[i]!.id;
      const lines = text.split('\n');
      const spans = lines.map((line) => {
        const at = text.indexOf(line);
        return { documentId: id, start: at, end: at + line.length, text: line };
      });
      const key = (n: number) => `${id}#${type(n)}:${name(n).toLowerCase()}`;
      for (const n of new Set(names)) {
        const e = entities.get(n) ?? { docs: [], keys: [], mentions: 0 };
        e.docs.push(id);
        e.keys.push(key(n));
        e.mentions += names.filter((x) => x === n).length;
        entities.set(n, e);
      }
      const rel = (k: number, t: string, a: number, b: number): Omit<Relation, 'stage' | 'version' | 'independentSources'> =>
        ({ id: `rel_${id}_${k}`, type: t, source: key(a), target: key(b), confidence: 0.6 + 0.1 * k, evidence: [spans[k]!] });
      const rels = [rel(0, TYPES[0], names[0]!, names[1]!), rel(1, TYPES[1], names[2]!, names[3]!), rel(2, TYPES[3], names[1]!, names[2]!)];
      relations += rels.length;
      const event: Omit<Event, 'stage' | 'version'> = { id: `evt_${id}`, type: 'meeting', date: `${2000 + ((start + i) % 20)}`, participants: [key(names[2]!), key(names[3]!)], evidence: [spans[1]!] };
      const claim: Omit<Claim, 'stage' | 'version'> = { id: `clm_${id}`, speaker: key(names[1]!), speakerText: name(names[1]!), text: 'denied any wrongdoing', stance: 'denies', evidence: [spans[2]!] };
      await store.putStageOutput(id, 'facts', 'bench', { relations: rels, events: [event], claims: [claim] });
    }
  }
  const resolved: ResolvedEntityRecord[] = [...entities.entries()].map(([n, e]) => ({
    id: `ent_${sha256Hex(`${COLLECTION}:${n}`).slice(0, 16)}`, collection: COLLECTION, type: type(n), name: name(n), aliases: [],
    mentionCount: e.mentions, documentIds: [...new Set(e.docs)].sort(), members: e.keys, reasons: [],
  }));
  await store.putEntities(COLLECTION, resolved, 'resolve', 'bench');
  return { relations };
}
