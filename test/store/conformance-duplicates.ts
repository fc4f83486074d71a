/**
 * The conformance suite of the near-duplicate band index (Store.duplicates), run on every engine: groups kept by the
 * incremental step equal a full regrouping after every step of a growing collection (joins of stored groups included),
 * no stale band rows after a document is removed or signed again, and one writer when two steps race.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { groupDuplicates, groupDuplicatesFully } from '../../src/pipeline/near-duplicates.js';
import { groupNearDuplicates, minhashSignature } from '../../src/nlp/minhash.js';
import { DuplicateCorpus } from './duplicates-corpus.js';

/** Direct SQL on a store's database, for states the Store interface never makes (a deleted document, a reset signature). */
export type RawSql = (store: Store, sql: string) => Promise<void>;

/** The groups a full regrouping gives for texts (document id -> smallest id of its group; null for empty texts). */
async function expectedGroups(store: Store, collection: string): Promise<Map<string, string | null>> {
  const ids = [...(await store.duplicates.listGroups(collection)).keys()];
  const sigs = new Map<string, Uint32Array>();
  for (const id of ids) {
    const doc = await store.getDocument(id, { collections: [collection] });
    if (doc && doc.text.trim() !== '') sigs.set(id, minhashSignature(doc.text));
  }
  const groups = groupNearDuplicates(sigs);
  return new Map(ids.map((id) => [id, groups.get(id) ?? null]));
}

/** Registers the suite for one engine; `create` gives a new, empty, migrated store. */
export function duplicatesConformance(name: string, create: () => Promise<Store>, raw: RawSql): void {
  describe(`Near-duplicate conformance: ${name}`, () => {
    let store: Store;
    const C = 'dups';
    const corpus = new DuplicateCorpus(C, 7);
    before(async () => {
      store = await create();
    });
    after(() => store.close());

    it('keeps the groups of a full regrouping while documents arrive in steps, joining stored groups', async () => {
      let relabelled = 0;
      let joins = 0;
      for (const [n, share] of [[120, 0.2], [40, 0.6], [40, 0.6], [1, 1], [40, 0.7]] as const) {
        await store.putDocuments(corpus.next(n, share));
        const earlier = await store.duplicates.listGroups(C);
        const report = await groupDuplicates(store, C, 32);
        assert.equal(report.signed, n);
        const groups = await store.duplicates.listGroups(C);
        assert.deepEqual(groups, await expectedGroups(store, C));
        relabelled += report.relabelled;
        // Two stored groups became one: the members of the group with the larger id were renamed.
        const was = new Set([...earlier.values()].filter((g) => g !== null));
        joins += [...was].filter((g) => !new Set(groups.values()).has(g)).length;
      }
      assert.ok(joins > 0 && relabelled > 0, `some step joined stored groups (joins ${joins}, renamed ${relabelled})`);
      const sizes = [...(await store.duplicates.listGroups(C)).values()].reduce((m, g) => (g ? m.set(g, (m.get(g) ?? 0) + 1) : m), new Map<string, number>());
      assert.ok([...sizes.values()].some((s) => s >= 3), 'some group has three or more documents');
      assert.deepEqual(await groupDuplicates(store, C), { batches: 0, signed: 0, neighbours: 0, relabelled: 0 }, 'nothing left to sign');
    });

    it('gives what the full regroup gives, and goes on incrementally from the index the full regroup rebuilt', async () => {
      const incremental = await store.duplicates.listGroups(C);
      const bands = await store.duplicates.countBands(C);
      const groups = await groupDuplicatesFully(store, C);
      assert.deepEqual(await store.duplicates.listGroups(C), incremental);
      assert.equal(groups, new Set([...incremental.values()].filter((g) => g !== null)).size);
      assert.equal(await store.duplicates.countBands(C), bands, 'the rebuilt index has the rows the incremental steps wrote');
      const withText = [...incremental.values()].filter((g) => g !== null).length;
      assert.equal(bands, 16 * withText, 'sixteen bands per document with text, none for empty ones');
      await store.putDocuments(corpus.next(30, 0.6));
      await groupDuplicates(store, C);
      assert.deepEqual(await store.duplicates.listGroups(C), await expectedGroups(store, C));
    });

    it('leaves no band rows of a removed document, and signs a reset document again without doubling its rows', async () => {
      const groups = await store.duplicates.listGroups(C);
      const size = (g: string | null): number => [...groups.values()].filter((x) => x === g).length;
      // Alone in its group, so no other group is named after it; the reset one shares its group.
      const gone = [...groups].find(([id, g]) => g === id && size(g) === 1)![0];
      const reset = [...groups].find(([, g]) => g !== null && size(g) >= 2)![0];
      const bands = await store.duplicates.countBands(C);
      await raw(store, `DELETE FROM documents WHERE id = '${gone}'`);
      assert.equal(await store.duplicates.countBands(C), bands - 16);
      await raw(store, `UPDATE documents SET signature = NULL WHERE id = '${reset}'`);
      const report = await groupDuplicates(store, C);
      assert.equal(report.signed, 1);
      assert.equal(await store.duplicates.countBands(C), bands - 16);
      assert.equal((await store.duplicates.listGroups(C)).get(reset), groups.get(reset));
    });

    it('signs each document once when two steps race', async () => {
      await store.putDocuments(corpus.next(60, 0.5));
      const reports = await Promise.all([groupDuplicates(store, C, 16), groupDuplicates(store, C, 16)]);
      assert.equal(reports[0]!.signed + reports[1]!.signed, 60);
      assert.deepEqual(await store.duplicates.listGroups(C), await expectedGroups(store, C));
      assert.deepEqual(await store.duplicates.listGroups('other'), new Map());
    });
  });
}
