/**
 * Kill -9 during a merge: a child process applying a merge to a real SQLite file is killed inside the commit (at the
 * crash point), then the store is checked (consistent: the old entities, no half-applied change) and the merge run again
 * (applied once, recorded once). Both ways a merge is applied: at once, and recorded pending for a job.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { resolveIncrementally } from '../../src/pipeline/resolve-collection.js';
import { addGenerated } from '../resolve/generated-collection.js';
import { assertMatchesFull, canonical, storedEntities } from '../resolve/resolution-helpers.js';
import { ROOT, tempDir } from '../helpers.js';

const C = 'crash';
const CHILD = join(ROOT, 'test', 'store', 'fixtures', 'merge-child.ts');

/** Runs the child; with `crash`, waits for it to reach the crash point and kills it with SIGKILL. */
function runChild(args: string[], crash: boolean): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT, env: { ...process.env, CRASH_AT_APPLY: crash ? '1' : '0', CABLEGRAPH_CRASH_AT: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      if (crash && out.includes('crash-point resolution-commit')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

async function prepared(): Promise<{ path: string; a: string; b: string; before: string[] }> {
  const path = join(tempDir('cablegraph-crash-'), 'store.db');
  const store = await openStore(path);
  try {
    await addGenerated(store, C, 5, 0, 80, 100);
    await resolveIncrementally(store, C);
    const entities = await storedEntities(store, C);
    const [a, b] = entities.filter((e) => e.type === 'PERSON');
    return { path, a: a!.members[0]!, b: b!.members[0]!, before: canonical(entities) };
  } finally {
    await store.close();
  }
}

async function check(path: string, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(path);
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

for (const mode of ['now', 'pending'] as const) {
  describe(`kill -9 inside the commit of a merge applied ${mode === 'now' ? 'at once' : 'by a job'}`, () => {
    it('leaves the old entities and no half-applied change; running it again applies it once', async () => {
      const { path, a, b, before } = await prepared();
      const killed = await runChild([path, C, mode, a, b], true);
      assert.equal(killed.signal, 'SIGKILL', killed.out);
      await check(path, async (store) => {
        assert.deepEqual(canonical(await storedEntities(store, C)), before, 'entities as before the merge');
        const decisions = await store.listDecisions(C);
        if (mode === 'now') assert.deepEqual(decisions, [], 'the decision went with the rolled-back commit');
        else assert.deepEqual((await store.resolution.pendingDecisions(C)).map((d) => [d.a, d.b]), [[a, b]], 'recorded, still pending');
      });
      const again = await runChild([path, C, mode, a, b], false);
      assert.equal(again.code, 0, again.out);
      await check(path, async (store) => {
        assert.equal((await store.listDecisions(C)).length, 1, 'one decision');
        assert.deepEqual(await store.resolution.pendingDecisions(C), []);
        const merged = (await storedEntities(store, C)).find((e) => e.members.includes(a));
        assert.ok(merged?.members.includes(b), 'merged');
        await assertMatchesFull(store, C, 'the re-run');
      });
    });
  });
}
