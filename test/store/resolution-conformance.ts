/**
 * The conformance suite of the resolution write side (Store.resolution), run on every engine: documents marked when
 * their keyed mentions change, the version guard, decisions recorded once, and incremental resolution (merges included)
 * giving what full resolution gives.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { resolveIncrementally, applyDecisionNow, applyPendingDecisions } from '../../src/pipeline/resolve-collection.js';
import { addGenerated } from '../resolve/generated-collection.js';
import { assertMatchesFull, storedEntities } from '../resolve/resolution-helpers.js';

/** Registers the suite for one engine; `create` gives a new, empty, migrated store. */
export function resolutionConformance(name: string, create: () => Promise<Store>): void {
  describe(`Resolution conformance: ${name}`, () => {
    let store: Store;
    let ids: string[];
    const C = 'res';
    before(async () => {
      store = await create();
      ids = await addGenerated(store, C, 3, 0, 60, 80);
    });
    after(() => store.close());

    it('marks documents whose keyed mentions change, and consumes a mark only as it was read', async () => {
      const state = await store.resolution.state(C);
      assert.deepEqual([state.documents, state.dirty, state.algorithm], [60, 60, '']);
      const marks = await store.resolution.dirtyDocuments(C, 1000);
      assert.deepEqual(marks.map((m) => m.id).sort(), [...ids].sort());
      assert.deepEqual(await store.resolution.dirtyDocuments('other', 10), []);
      const [first] = marks;
      // Marked again after it was read: consuming the old mark leaves it marked.
      await store.putStageOutput(first!.id, 'mentions', 'gen2', { mentions: [] });
      const ok = await store.resolution.commit(C, state.version, { dirty: marks.slice(0, 2) });
      assert.equal(ok.ok, true);
      assert.deepEqual((await store.resolution.dirtyDocuments(C, 1000)).map((m) => m.id).includes(first!.id), true);
      assert.equal((await store.resolution.dirtyDocuments(C, 1000)).some((m) => m.id === marks[1]!.id), false, 'consumed');
      await store.putStageOutput(first!.id, 'mentions', 'gen2', { mentions: [] });
    });

    it('refuses a commit computed from an older version, changing nothing', async () => {
      const { version } = await store.resolution.state(C);
      const stale = await store.resolution.commit(C, version - 1, { newDecisions: [{ decision: { kind: 'merge', a: 'x', b: 'y', at: '2026-01-01T00:00:00Z' }, status: 'pending' }] });
      assert.deepEqual(stale, { ok: false, decisions: [] });
      assert.deepEqual(await store.listDecisions(C), []);
      assert.equal((await store.resolution.state(C)).version, version);
    });

    it('records a decision once while the latest about its pair says the same', async () => {
      const d = (kind: 'merge' | 'split', at: string) => ({ kind, a: 'k#PERSON:a', b: 'k#PERSON:b', at });
      await store.addDecision('dec', d('merge', '2026-01-01T00:00:00Z'));
      await store.addDecision('dec', { ...d('merge', '2026-01-02T00:00:00Z'), a: 'k#PERSON:b', b: 'k#PERSON:a' });
      assert.equal((await store.listDecisions('dec')).length, 1, 'the same pair in either order');
      await store.addDecision('dec', d('split', '2026-01-03T00:00:00Z'));
      await store.addDecision('dec', d('merge', '2026-01-04T00:00:00Z'));
      assert.deepEqual((await store.listDecisions('dec')).map((x) => x.kind), ['merge', 'split', 'merge']);
      const pending = await store.resolution.pendingDecisions('dec');
      assert.equal(pending.length, 3);
      assert.equal((await store.resolution.decision(pending[0]!.id))?.status, 'pending');
      assert.equal((await store.resolution.latestDecision('dec', 'k#PERSON:b', 'k#PERSON:a'))?.id, pending[2]!.id);
    });

    it('resolves incrementally to what full resolution gives, merges and splits included', async () => {
      assert.equal((await resolveIncrementally(store, C)).mode, 'full');
      assert.deepEqual(await store.resolution.dirtyDocuments(C, 10), []);
      await assertMatchesFull(store, C, 'the first run');
      ids.push(...await addGenerated(store, C, 3, 60, 66, 80));
      const report = await resolveIncrementally(store, C);
      assert.deepEqual([report.mode, report.documents], ['incremental', 6]);
      await assertMatchesFull(store, C, 'adding documents');
      const people = (await storedEntities(store, C)).filter((e) => e.type === 'PERSON');
      const merge = { kind: 'merge' as const, a: people[0]!.members[0]!, b: people[1]!.members[0]!, at: '2026-05-01T00:00:00Z' };
      const [recorded] = await applyDecisionNow(store, C, [merge]);
      assert.equal(recorded?.status, 'applied');
      await assertMatchesFull(store, C, 'a merge');
      await store.addDecision(C, { kind: 'split', a: merge.a, b: merge.b, at: '2026-05-02T00:00:00Z' });
      assert.equal(await applyPendingDecisions(store, C), 1);
      await assertMatchesFull(store, C, 'a pending split');
      assert.equal((await store.listDecisions(C)).length, 2);
    });
  });
}
