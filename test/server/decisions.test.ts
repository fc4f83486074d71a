/**
 * Merges and splits over HTTP: small ones answered applied (200), large ones answered at once as pending (202) and
 * applied by a background job while other requests are answered; the same merge twice is one decision; a restart
 * applies what a crash left pending. Order of events, not wall-clock times, is what the tests check.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { buildApp } from '../../src/server/app.js';
import { sampleStore } from '../helpers.js';

/** A gate a background job waits at until the test opens it. */
function gate(): { wait: () => Promise<void>; open: () => void; reached: Promise<void> } {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  const reached = new Promise<void>((resolve) => { reach = resolve; });
  return { wait: async () => { reach(); await opened; }, open, reached };
}

describe('decisions over HTTP', () => {
  let store: Store;
  before(async () => {
    ({ store } = await sampleStore(true));
  });
  after(() => store.close());

  const two = async (app: FastifyInstance, q1: string, q2: string) => {
    const find = async (q: string) => (await app.inject({ method: 'GET', url: `/api/entities?q=${encodeURIComponent(q)}&type=PERSON` })).json().items[0];
    return [await find(q1), await find(q2)];
  };

  it('answers a large merge at once as pending, answers reads while the job waits, then applies it', async () => {
    const g = gate();
    const events: string[] = [];
    const app = await buildApp({ store, webRoot: '/nonexistent', decisionSyncLimit: 0, decisionJobs: { beforeJob: async () => { events.push('job waits'); await g.wait(); events.push('job runs'); } } });
    try {
      const [a, b] = await two(app, 'Hejazi', 'Abadi');
      assert.ok(a && b && a.id !== b.id);
      const reads = ['/api/entities?limit=5', '/api/graph', `/api/entities/${a.id}`, '/api/search?q=Soleimani', '/api/schema'];
      const inFlight = reads.map((url) => app.inject({ method: 'GET', url }).then((res) => { events.push(`read ${res.statusCode}`); return res; }));
      const merge = await app.inject({ method: 'POST', url: '/api/decisions/merge', payload: { a: a.id, b: b.id, by: 'test' } });
      events.push(`merge ${merge.statusCode}`);
      assert.equal(merge.statusCode, 202, merge.body);
      const { status, decisions } = merge.json();
      assert.equal(status, 'pending');
      await g.reached;
      await Promise.all(inFlight);
      const more = await Promise.all(reads.map((url) => app.inject({ method: 'GET', url })));
      assert.deepEqual(more.map((r) => r.statusCode), reads.map(() => 200));
      events.push('reads answered');
      const pending = (await app.inject({ method: 'GET', url: `/api/decisions/${decisions[0].id}` })).json();
      assert.equal(pending.status, 'pending');
      // The same merge again while it is pending: the same decision, still pending.
      const again = await app.inject({ method: 'POST', url: '/api/decisions/merge', payload: { a: a.id, b: b.id, by: 'test' } });
      assert.equal(again.statusCode, 202);
      assert.equal(again.json().decisions[0].id, decisions[0].id);
      g.open();
      await waitFor(async () => (await app.inject({ method: 'GET', url: `/api/decisions/${decisions[0].id}` })).json().status === 'applied');
      events.push('applied');
      // In this order (the repeated merge may schedule one more, empty, job after the first).
      const order = ['merge 202', 'job waits', 'reads answered', 'job runs', 'applied'].map((e) => events.indexOf(e));
      assert.deepEqual(order, [...order].sort((x, y) => x - y), events.join(', '));
      assert.ok(!order.includes(-1), events.join(', '));
      assert.equal(events.filter((e) => e === 'read 200').length, reads.length, 'every read in flight during the merge was answered');
      const view = (await app.inject({ method: 'GET', url: `/api/entities?q=${encodeURIComponent('Hejazi')}&type=PERSON` })).json().items[0];
      const merged = (await app.inject({ method: 'GET', url: `/api/entities/${view.id}` })).json();
      assert.ok(merged.entity.members.some((m: string) => /abadi/.test(m)), 'Abadi merged into Hejazi');
      assert.equal((await store.listDecisions('iran-cables')).filter((d) => d.kind === 'merge').length, 1, 'one decision');
    } finally {
      g.open();
      await app.close();
    }
  });

  it('applies a small merge before answering, and a split undoes it', async () => {
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    try {
      const [a, b] = await two(app, 'Qaani', 'Soleimani');
      const merge = await app.inject({ method: 'POST', url: '/api/decisions/merge', payload: { a: a.id, b: b.id } });
      assert.equal(merge.statusCode, 200, merge.body);
      assert.equal(merge.json().status, 'applied');
      const id = merge.json().decisions[0].id;
      assert.equal((await app.inject({ method: 'GET', url: `/api/decisions/${id}` })).json().status, 'applied');
      const after = (await two(app, 'Qaani', 'Soleimani'));
      assert.equal(after[0].id, after[1].id, 'one entity now');
      const member = (await app.inject({ method: 'GET', url: `/api/entities/${after[0].id}` })).json().entity.members.find((m: string) => /qaani/.test(m));
      const split = await app.inject({ method: 'POST', url: '/api/decisions/split', payload: { entity: after[0].id, member } });
      assert.equal(split.statusCode, 200, split.body);
      const undone = await two(app, 'Qaani', 'Soleimani');
      assert.notEqual(undone[0].id, undone[1].id, 'apart again');
      assert.equal((await app.inject({ method: 'GET', url: '/api/decisions/999999' })).statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/api/decisions/x' })).statusCode, 400);
    } finally {
      await app.close();
    }
  });

  it('applies decisions a crash left pending when the server starts', async () => {
    const probe = await buildApp({ store, webRoot: '/nonexistent' });
    const [a, b] = await two(probe, 'Khamenei', 'Hejazi');
    await probe.close();
    const [ea, eb] = [await store.getEntity(a.id, { collections: '*' }), await store.getEntity(b.id, { collections: '*' })];
    await store.addDecision('iran-cables', { kind: 'merge', a: ea!.members[0]!, b: eb!.members[0]!, at: new Date().toISOString() });
    assert.equal((await store.resolution.pendingDecisions()).length, 1);
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    try {
      await app.ready();
      await waitFor(async () => (await store.resolution.pendingDecisions()).length === 0);
      const [x, y] = await two(app, 'Khamenei', 'Hejazi');
      assert.equal(x.id, y.id);
    } finally {
      await app.close();
    }
  });
});

/** Polls until `done` holds, yielding to the event loop between tries (at most 2,000 tries). */
async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail('condition never held');
}
