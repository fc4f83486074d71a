/** The CLI as a user runs it: real processes, a real store file, exit codes and messages. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';
import { openStore } from '../../src/store/open.js';
import { ingestPaths, finishIngest } from '../../src/pipeline.js';
import { CRASH_MARK, crashingStages } from '../pipeline/large-inputs.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** Runs the CLI to completion. */
function run(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cablegraph CLI', () => {
  it('ingests the sample corpus, then treats a re-run as a no-op', () => {
    const db = join(tempDir(), 'c.db');
    const first = run(['ingest', SAMPLE_CORPUS, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Ingested 3 file\(s\) as 3 document\(s\), 0 unchanged, 0 failed/);
    assert.match(first.stderr, /ingested\s+1\/3 /, 'plain progress lines when not a terminal');
    const second = run(['ingest', SAMPLE_CORPUS, '--db', db]);
    assert.equal(second.code, 0);
    assert.match(second.stdout, /Ingested 0 file\(s\) as 0 document\(s\), 3 unchanged, 0 failed/);
    const search = run(['search', 'Quds Force', '--db', db, '--json']);
    assert.equal(search.code, 0);
    assert.equal(JSON.parse(search.stdout).total, 2);
  });

  it('reports broken files with path and reason, stores the rest, exits 2', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'good.txt'), 'The Badr Organization met in Baghdad on 3 March 2021.');
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]));
    writeFileSync(join(input, 'broken.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const db = join(dir, 'c.db');
    const r = run(['ingest', input, join(dir, 'missing.txt'), '--db', db]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /Ingested 1 file\(s\)/);
    for (const name of ['empty.txt', 'binary.txt', 'broken.zip', 'missing.txt']) {
      assert.match(r.stdout, new RegExp(`${name}: \\[[a-z-]+\\] .+`), `summary names ${name} with a reason`);
    }
    const stats = JSON.parse(run(['stats', '--db', db, '--json']).stdout);
    assert.equal(stats.documents, 1);
    assert.equal(stats.failures, 4);
    assert.equal(JSON.parse(run(['search', 'Badr', '--db', db, '--json']).stdout).total, 1);
  });

  it('never reads its own store when the store sits in the folder being ingested', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'note.txt'), 'The Badr Organization met in Baghdad on 3 March 2021.');
    const db = join(dir, 'c.db');
    for (let round = 0; round < 2; round++) {
      // The second round finds c.db, c.db-wal and c.db-shm beside the note: none may be taken as a document.
      const r = run(['ingest', dir, '--db', db]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout, /c\.db/);
    }
    const stats = JSON.parse(run(['stats', '--db', db, '--json']).stdout);
    assert.equal(stats.documents, 1);
    assert.equal(stats.failures, 0);
  });

  it('explains bad queries and unknown ids without a stack trace', () => {
    const db = join(tempDir(), 'c.db');
    for (const [args, message] of [
      [['search', '"Quds Force', '--db', db], /query syntax: Unbalanced quote/],
      [['search', '(Iran OR Iraq', '--db', db], /Unbalanced parenthesis/],
      [['search', Array(330).fill('a*').join(' OR '), '--db', db], /cablegraph: A query may hold at most 64 terms; this one has 330\./],
      [['search', 'Iran '.repeat(10_000), '--db', db], /A query may be at most 2,000 characters long; this one has 50,000\./],
      [['show', 'ffffffffffffffff', '--db', db], /No document with id/],
      [['export', '--format', 'xml', '--db', db], /Unknown export format/],
    ] as [string[], RegExp][]) {
      const r = run(args);
      assert.equal(r.code, 64, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('exports the JSON contract with evidence slices that match the text', () => {
    const dir = tempDir();
    const db = join(dir, 'c.db');
    run(['ingest', SAMPLE_CORPUS, '--db', db, '--collection', 'iran']);
    const out = join(dir, 'export.json');
    assert.equal(run(['export', '--format', 'json', '--out', out, '--db', db]).code, 0);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(data.version, 1);
    assert.equal(data.documents.length, 3);
    assert.ok(data.documents.every((d: { sha256: string; path: string }) => /^[0-9a-f]{64}$/.test(d.sha256) && d.path.includes('iran-cables')));
  });

  it('shows every place a document was found, and verify names them all', () => {
    const dir = tempDir();
    for (const sub of ['a', 'b']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'a', 'x.txt'), 'The Badr Organization met in Baghdad on 3 March 2021.');
    writeFileSync(join(dir, 'b', 'y.txt'), 'The Badr Organization met in Baghdad on 3 March 2021.');
    const db = join(dir, 'c.db');
    const ingest = run(['ingest', dir, '--db', db, '--workers', '1']);
    assert.match(ingest.stdout, /Ingested 1 file\(s\) as 1 document\(s\), 1 unchanged, 0 failed/);
    const id = (JSON.parse(run(['search', 'Badr', '--db', db, '--json']).stdout) as { results: { document: { id: string } }[] }).results[0]!.document.id;
    const shown = run(['show', id, '--db', db]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, new RegExp(`also at\\s+${join(dir, 'b', 'y.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    const json = JSON.parse(run(['show', id, '--db', db, '--json']).stdout) as { locations: { path: string; parentId: string | null }[] };
    assert.deepEqual(json.locations.map((l) => [l.parentId, l.path]), [[null, join(dir, 'a', 'x.txt')], [null, join(dir, 'b', 'y.txt')]]);
    const raw = new Database(db);
    raw.prepare("UPDATE originals SET bytes = CAST('forged' AS BLOB)").run();
    raw.close();
    const bad = run(['verify', '--db', db]);
    assert.equal(bad.code, 3);
    assert.ok(bad.stdout.includes(join(dir, 'a', 'x.txt')) && bad.stdout.includes(join(dir, 'b', 'y.txt')), bad.stdout);
  });

  it('verifies originals and flags tampering with exit code 3', () => {
    const db = join(tempDir(), 'c.db');
    run(['ingest', SAMPLE_CORPUS, '--db', db]);
    const ok = run(['verify', '--db', db]);
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /Checked 3 original\(s\): all match/);
    const raw = new Database(db);
    raw.prepare("UPDATE originals SET bytes = CAST('forged' AS BLOB) WHERE rowid = 1").run();
    raw.close();
    const bad = run(['verify', '--db', db]);
    assert.equal(bad.code, 3);
    assert.match(bad.stdout, /MISMATCH [0-9a-f]{64}\s+\S+iran-cables/);
  });

  it('survives kill -9 mid-ingest: a re-run finishes the job without duplicates', async () => {
    const dir = tempDir();
    const input = join(dir, 'many');
    mkdirSync(input);
    const N = 400;
    for (let i = 0; i < N; i++) {
      writeFileSync(join(input, `doc-${String(i).padStart(4, '0')}.txt`), `Cable number ${i}. The station reported on asset ${i * 7} in Baghdad.\n`.repeat(20));
    }
    const db = join(dir, 'c.db');
    const child = spawn(process.execPath, [...CLI, 'ingest', input, '--db', db], { cwd: ROOT });
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        seen += (chunk.toString().match(/^ingested /gm) ?? []).length;
        if (seen >= 40) { child.kill('SIGKILL'); resolve(); }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    await new Promise((r) => child.once('close', r));
    const partial = new Database(db, { readonly: true });
    const stored = (partial.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    partial.close();
    assert.ok(stored >= 40 && stored < N, `killed part-way (${stored} of ${N} stored)`);
    const rerun = run(['ingest', input, '--db', db]);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stdout, new RegExp(`Ingested ${N - stored} file\\(s\\).*${stored} unchanged, 0 failed`));
    const check = new Database(db, { readonly: true });
    assert.equal((check.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    assert.equal((check.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n, N);
    assert.equal((check.prepare('SELECT count(DISTINCT sha256) AS n FROM documents').get() as { n: number }).n, N);
    check.close();
    const hits = JSON.parse(run(['search', '"asset 2793"', '--db', db, '--json']).stdout);
    assert.equal(hits.total, 1, 'the full-text index matches the documents table');
  });

  it('reprocesses stored documents stage by stage, and names the stages when asked for an unknown one', () => {
    const db = join(tempDir(), 'c.db');
    run(['ingest', SAMPLE_CORPUS, '--db', db, '--collection', 'iran']);
    const before = JSON.parse(run(['export', '--db', db]).stdout);
    const again = run(['reprocess', '--db', db]);
    assert.match(again.stdout, /iran: 0 stage run\(s\)/, 'nothing outdated after an ingest');
    const forced = run(['reprocess', '--db', db, '--stage', 'facts', '--all']);
    assert.match(forced.stdout, /iran: 3 stage run\(s\)/);
    assert.match(forced.stderr, /^reprocess iran: 0\/3 documents/m, 'progress from the start');
    assert.match(forced.stderr, /^reprocess iran: 3\/3 documents +[\d.]+ documents\/s +ETA 0:00$/m, 'and at the end');
    const after = JSON.parse(run(['export', '--db', db]).stdout);
    assert.deepEqual(after.relations.map((r: { id: string }) => r.id).sort(), before.relations.map((r: { id: string }) => r.id).sort(), 'same rules, same relations');
    const bad = run(['reprocess', '--db', db, '--stage', 'nope']);
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /Unknown stage "nope": stages are mentions, facts/);
  });

  it('lists a document whose stage crashed in stats, leaves it to later ingests, and retries it on request', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'good.txt'), 'The Badr Organization met in Baghdad on 3 March 2021.\n');
    writeFileSync(join(input, 'crash.txt'), `The Quds Force met officials in Basra on 4 May 2019. ${CRASH_MARK}\n`);
    const db = join(dir, 'c.db');
    // The pipeline's stages (same names and versions) with one crashing on a file, as a bug or a pathological input would.
    const store = await openStore(db);
    const first = await ingestPaths([input], { store, collection: 'memos', stages: crashingStages(), finish: finishIngest });
    await store.close();
    assert.deepEqual(first.failed.map((f) => f.code), ['stage-failed']);
    const stats = run(['stats', '--db', db]);
    assert.match(stats.stdout, /stage failures \(1\)/);
    assert.match(stats.stdout, /crash\.txt: stage "facts" \(.+\) failed: RangeError: Maximum call stack size exceeded/);
    const failures = () => JSON.parse(run(['stats', '--db', db, '--json']).stdout).stageFailures as { path: string; stage: string; reason: string }[];
    assert.deepEqual(failures().map((f) => [f.path.endsWith('crash.txt'), f.stage]), [[true, 'facts']]);
    const again = run(['ingest', input, '--db', db, '--collection', 'memos']);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /Ingested 0 file\(s\) as 0 document\(s\), 2 unchanged, 0 failed/);
    assert.equal(failures().length, 1, 'an ingest does not run the failed stage again');
    const retry = run(['retry', '--db', db, '--collection', 'memos']);
    assert.equal(retry.code, 0, retry.stdout + retry.stderr);
    assert.match(retry.stdout, /memos: 1 document\(s\) retried, 1 now complete, 0 failed again/);
    assert.match(retry.stderr, /^retry memos: 1\/1 documents/m);
    assert.deepEqual(failures(), []);
    assert.match(run(['retry', '--db', db]).stdout, /No failed stages to retry/);
  });

  it('stops cleanly on Ctrl-C with exit code 130', async () => {
    const dir = tempDir();
    const input = join(dir, 'many');
    mkdirSync(input);
    for (let i = 0; i < 300; i++) writeFileSync(join(input, `d${i}.txt`), `Report ${i} on the militia in Mosul.\n`.repeat(30));
    const db = join(dir, 'c.db');
    const child = spawn(process.execPath, [...CLI, 'ingest', input, '--db', db], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    let signalled = false;
    child.stderr.on('data', (c: Buffer) => {
      if (!signalled && /^ingested /m.test(c.toString())) { signalled = true; child.kill('SIGINT'); }
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.equal(code, 130);
    assert.match(out, /Interrupted before the end/);
    assert.equal(run(['ingest', input, '--db', db]).code, 0);
  });
});
