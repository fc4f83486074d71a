/**
 * Incremental resolution gives what full resolution gives: after documents are added, re-extracted or emptied, and
 * after merges and splits (applied at once or as pending decisions), on a generated collection large enough that
 * steps touch only part of it.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Decision } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { resolveIncrementally, applyDecisionNow, applyPendingDecisions } from '../../src/pipeline/resolve-collection.js';
import { addGenerated, generatedDocument, mentionsOf, random } from './generated-collection.js';
import { assertMatchesFull, storedEntities, tempStore } from './resolution-helpers.js';

const C = 'gen';

describe('incremental resolution equals full resolution', () => {
  let store: Store;
  let ids: string[];
  let next = 240;
  const r = random(42);
  before(async () => {
    store = await tempStore();
    ids = await addGenerated(store, C, 42, 0, next, 300);
    const first = await resolveIncrementally(store, C);
    assert.equal(first.mode, 'full', 'a collection without an index is resolved in full');
  });
  after(() => store.close());

  it('after documents are added a few at a time, through both the fast path and re-clustered regions', async () => {
    let fast = 0;
    let region = 0;
    let total = 0;
    for (const k of [1, 3, 7, 2, 12]) {
      ids.push(...await addGenerated(store, C, 42, next, next + k, 300));
      next += k;
      const report = await resolveIncrementally(store, C);
      assert.equal(report.mode, 'incremental');
      assert.equal(report.documents, k);
      fast += report.fastJoins;
      region += report.regionCandidates;
      total = await assertMatchesFull(store, C, `adding ${k}`);
    }
    assert.ok(fast > 0, 'some new candidates joined by the fast path');
    assert.ok(region > 0, 'some steps re-clustered a region');
    const candidates = (await store.listCandidates(C)).length;
    assert.ok(region / 5 < candidates / 2, `regions (${region / 5} candidates a step) stay a part of the collection (${candidates}, ${total} entities)`);
  });

  it('after documents are re-extracted with other names, or lose all their names', async () => {
    for (let i = 0; i < 6; i++) {
      const id = ids[Math.floor(r() * ids.length)]!;
      const { named } = generatedDocument(7, 1000 + i, 300);
      const text = (await store.getDocument(id, { collections: [C] }))!.text;
      const extra = named.map((x) => x.texts.join(' ')).join(' ');
      const mentions = i % 3 === 2 ? [] : mentionsOf(id, `${text} ${extra}`, named).filter((m) => m.start >= 0);
      await store.putStageOutput(id, 'mentions', 'gen', { mentions });
      const report = await resolveIncrementally(store, C);
      assert.equal(report.documents, 1, 'the changed document is marked for resolution by the store');
      await assertMatchesFull(store, C, `re-extracting ${id}`);
    }
  });

  it('after merges and splits, applied at once or left pending and applied later', async () => {
    for (let i = 0; i < 10; i++) {
      const entities = await storedEntities(store, C);
      const a = entities[Math.floor(r() * entities.length)]!;
      const others = entities.filter((e) => e.type === a.type && e.id !== a.id);
      const b = others[Math.floor(r() * others.length)]!;
      const split = i % 3 === 2 && a.members.length > 1;
      const d: Decision = split
        ? { kind: 'split', a: a.members[0]!, b: a.members.at(-1)!, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), by: 'test' }
        : { kind: 'merge', a: a.members[0]!, b: b.members[0]!, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), by: 'test' };
      if (i % 2 === 0) await applyDecisionNow(store, C, [d]);
      else {
        await store.addDecision(C, d);
        assert.equal((await store.resolution.pendingDecisions(C)).length, 1);
        assert.equal(await applyPendingDecisions(store, C), 1);
      }
      assert.deepEqual(await store.resolution.pendingDecisions(C), []);
      await assertMatchesFull(store, C, `${d.kind} ${d.a} / ${d.b}`);
    }
  });

  it('records the same merge twice as one decision, and a split undoes a merge', async () => {
    const entities = await storedEntities(store, C);
    const a = entities.find((e) => e.type === 'ORG')!;
    const b = entities.find((e) => e.type === 'ORG' && e.id !== a.id)!;
    const before = (await store.listDecisions(C)).length;
    const merge: Decision = { kind: 'merge', a: a.members[0]!, b: b.members[0]!, at: '2026-02-01T00:00:00.000Z' };
    const [first] = await applyDecisionNow(store, C, [merge]);
    const [again] = await applyDecisionNow(store, C, [{ ...merge, at: '2026-02-01T00:00:05.000Z' }]);
    assert.equal(again!.id, first!.id, 'the second identical merge is the first one');
    await store.addDecision(C, { ...merge, at: '2026-02-01T00:00:09.000Z' });
    assert.equal((await store.listDecisions(C)).length, before + 1);
    const merged = (await storedEntities(store, C)).find((e) => e.members.includes(a.members[0]!))!;
    assert.ok(merged.members.includes(b.members[0]!));
    await applyDecisionNow(store, C, [{ kind: 'split', a: merge.a, b: merge.b, at: '2026-02-01T00:01:00.000Z' }]);
    const after = await storedEntities(store, C);
    assert.notEqual(after.find((e) => e.members.includes(a.members[0]!))!.id, after.find((e) => e.members.includes(b.members[0]!))!.id);
    await assertMatchesFull(store, C, 'merge then split');
  });
});
