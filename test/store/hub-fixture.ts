/** A hub entity in a store: relations of graded support (sources, rows), one only denied, one denied and supported. */
import { createHash } from 'node:crypto';
import type { ResolvedEntityRecord, StageOutput } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { textDoc } from './conformance.js';

/** What the fixture wrote: the hub, its documents, and the neighbours by how many documents support the hub's relation to them. */
export interface Hub {
  hub: string;
  documents: string[];
  /** Neighbour ids whose relation has support in 3, 2 and 1 documents. */
  bySources: [string[], string[], string[]];
  /** A neighbour whose only rows deny the relation (no relation). */
  deniedOnly: string;
}

/**
 * Writes into `collection` three documents and a hub paid by `counts[i]` entities with support in 3 - i documents, each
 * neighbour itself paying `fanout` entities of its own (a second ring), then the resolved entities. Entity ids are
 * readable ("ent_hub", "ent_p0_3", "ent_f1_2_0"), or with `apiIds` shaped as the store makes them (`ent_` and 16 hex
 * digits, which the API's routes require).
 */
export async function writeHub(store: Store, collection: string, counts: [number, number, number], fanout = 0, apiIds = false): Promise<Hub> {
  const idOf = (readable: string): string => (apiIds ? `ent_${createHash('sha256').update(`${collection}\u0000${readable}`).digest('hex').slice(0, 16)}` : readable);
  const texts = ['Wire one: the ministry paid its agents.\nSeveral payments followed.', 'Wire two: payments to agents, reported again.', 'Wire three: a separate account of the payments.'];
  const put = await store.putDocuments(texts.map((text, i) => ({ doc: textDoc(`${collection}-${i}.txt`, text), collection, sentences: splitSentences(text) })));
  const docs = put.map((p) => p.id);
  const key = (d: string, name: string) => `${d}#ORG:${name}`;
  const ev = (d: string) => [{ documentId: d, start: 0, end: 8, text: 'Wire one' }];
  const rels = new Map<string, NonNullable<StageOutput['relations']>>(docs.map((d) => [d, []]));
  const entities: ResolvedEntityRecord[] = [];
  const entity = (readable: string, name: string, mentions: number): void => void entities.push({
    id: idOf(readable), collection, type: 'ORG', name, aliases: [], mentionCount: mentions, documentIds: docs, members: docs.map((d) => key(d, name)), reasons: [],
  });
  entity('ent_hub', 'hub', 1000);
  const bySources: Hub['bySources'] = [[], [], []];
  let n = 0;
  const relation = (d: string, source: string, target: string, negated = false): void =>
    void rels.get(d)!.push({ id: `r${n++}`, type: 'paid', source: key(d, source), target: key(d, target), confidence: 0.8, evidence: ev(d), ...(negated ? { attrs: { negated: true } } : {}) });
  for (const [tier, count] of counts.entries()) {
    for (let i = 0; i < count; i++) {
      const name = `payee ${tier} ${i}`;
      entity(`ent_p${tier}_${i}`, name, 10);
      bySources[tier]!.push(idOf(`ent_p${tier}_${i}`));
      for (const d of docs.slice(0, 3 - tier)) relation(d, 'hub', name);
      for (let j = 0; j < fanout; j++) {
        const far = `far ${tier} ${i} ${j}`;
        entity(`ent_f${tier}_${i}_${j}`, far, 1);
        relation(docs[0]!, name, far);
      }
    }
  }
  entity('ent_denied', 'denied', 5);
  for (const d of docs) relation(d, 'hub', 'denied', true);
  for (const d of docs) await store.putStageOutput(d, 'facts', 'f1', { relations: rels.get(d)! });
  await store.putEntities(collection, entities, 'resolve', 'r1');
  return { hub: idOf('ent_hub'), documents: docs, bySources, deniedOnly: idOf('ent_denied') };
}
