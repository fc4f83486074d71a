/**
 * kill -9 in the middle of a large JSON Lines file loses at most the batch in flight: running the same command again
 * finishes the file, and the store then holds what one uninterrupted run stores, nothing twice.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir, ROOT } from '../helpers.js';
import { writeNewsJsonl, dumpStore, countDocuments } from './worker-inputs.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const RECORDS = 60;

/** Runs `cablegraph ingest` to its end; returns its exit code and output. */
function ingest(input: string, db: string, workers: number): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [...CLI, 'ingest', input, '--db', db, '--workers', String(workers), '--batch', '10'], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('ingest killed with SIGKILL mid-file', () => {
  const dir = tempDir();
  const input = join(dir, 'news.jsonl');

  before(() => writeNewsJsonl(input, RECORDS));

  it('resumes where it stopped and ends with the content of an uninterrupted run, nothing duplicated', async () => {
    const reference = ingest(input, join(dir, 'ref.db'), 1);
    assert.equal(reference.status, 0, reference.out);

    const db = join(dir, 'killed.db');
    const child = spawn(process.execPath, [...CLI, 'ingest', input, '--db', db, '--workers', '2', '--batch', '10'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed once two batches are stored: the file is neither absent nor complete.
    let atKill = 0;
    for (let waited = 0; waited < 120_000 && child.exitCode === null; waited += 50) {
      try {
        atKill = countDocuments(db);
      } catch {
        atKill = 0; // not created yet
      }
      if (atKill >= 20) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL', 'the run was killed, not finished');
    const stored = countDocuments(db);
    assert.ok(stored >= 20 && stored < RECORDS + 1, `killed mid-file: ${stored} of ${RECORDS + 1} documents stored`);

    const again = ingest(input, db, 2);
    assert.equal(again.status, 0, again.out);
    assert.match(again.out, /Ingested 1 file\(s\) as \d+ document\(s\)/u);

    const [want, got] = [dumpStore(join(dir, 'ref.db')), dumpStore(db)];
    assert.equal(got.documents!.length, RECORDS + 1);
    assert.ok(want.mentions!.length > 500 && want.entities!.length > 50, 'the reference ran every stage');
    for (const table of Object.keys(want)) assert.deepEqual(got[table], want[table], `table ${table}`);
    const third = ingest(input, db, 2);
    assert.match(third.out, /Ingested 0 file\(s\) as 0 document\(s\), 1 unchanged/u, 'complete now: unchanged');
  });
});
