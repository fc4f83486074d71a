/** InFlight: never more than its limit running, drain waits for all, a failure surfaces at the next add or drain. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { InFlight } from '../../src/pipeline/in-flight.js';

describe('InFlight', () => {
  it('runs at most `limit` tasks at once and drains them all', async () => {
    const set = new InFlight(3);
    let running = 0;
    let most = 0;
    let finished = 0;
    const task = async (ms: number): Promise<void> => {
      running++;
      most = Math.max(most, running);
      await sleep(ms);
      running--;
      finished++;
    };
    for (let i = 0; i < 10; i++) await set.add(task(5 + (i % 3) * 5));
    await set.drain();
    assert.equal(finished, 10);
    assert.equal(most, 3);
  });

  it("throws a failed task's error at the next drain, after the others end", async () => {
    const set = new InFlight(4);
    let ended = 0;
    await set.add(sleep(20).then(() => void ended++));
    await set.add(Promise.reject(new Error('broken file')));
    await assert.rejects(set.drain(), /broken file/);
    assert.equal(ended, 1);
  });

  it('a limit of 1 runs one task at a time', async () => {
    const set = new InFlight(1);
    const order: string[] = [];
    await set.add(sleep(10).then(() => void order.push('a')));
    order.push('after a');
    await set.add(sleep(1).then(() => void order.push('b')));
    await set.drain();
    assert.deepEqual(order, ['a', 'after a', 'b']);
  });
});
