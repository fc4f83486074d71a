/** Helpers for resolution tests: the stored entities of a collection and full resolution, in one comparable form. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ResolvedEntityRecord } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { computeFull } from '../../src/pipeline/resolve-collection.js';
import { tempDir } from '../helpers.js';

/** One line per entity with every field a reader sees (members and aliases sorted), lines sorted. */
export function canonical(list: ResolvedEntityRecord[]): string[] {
  return list.map((e) => JSON.stringify([e.id, e.type, e.name, [...e.aliases].sort(), e.mentionCount, e.documentIds, [...e.members].sort(),
    e.reasons.map((r) => [r.rule, r.score, r.a, r.b, r.evidence ?? ''])])).sort();
}

/** The collection's entities as stored (written by whichever resolution ran last). */
export async function storedEntities(store: Store, collection: string): Promise<ResolvedEntityRecord[]> {
  const ids = (await store.listEntities({ collections: [collection] })).map((e) => e.id);
  return store.resolution.entityRecords(collection, ids);
}

/** Asserts that the stored entities are exactly what full resolution of the current candidates and decisions gives. */
export async function assertMatchesFull(store: Store, collection: string, when: string): Promise<number> {
  const [stored, full] = [canonical(await storedEntities(store, collection)), canonical(await computeFull(store, collection))];
  const onlyStored = stored.filter((x) => !full.includes(x));
  const onlyFull = full.filter((x) => !stored.includes(x));
  assert.deepEqual({ onlyStored: onlyStored.slice(0, 3), onlyFull: onlyFull.slice(0, 3) }, { onlyStored: [], onlyFull: [] }, `after ${when}`);
  return stored.length;
}

/** A new SQLite store in a temp folder. */
export async function tempStore(): Promise<Store> {
  return openStore(join(tempDir('cablegraph-resolve-'), 'store.db'));
}
