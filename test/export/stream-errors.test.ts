/**
 * A read failing after an export has started writing: the CLI leaves no file that looks complete and exits non-zero
 * with the cause; the HTTP route aborts the connection. The failure is real: a relation row whose attributes are not
 * JSON, met after the documents and entities were written.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT, sampleStore, tempDir } from '../helpers.js';
import { openStore } from '../../src/store/open.js';
import { buildApp } from '../../src/server/app.js';
import { writeFilesAtomically, ExportWriteError } from '../../src/export/output.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

describe('exports failing part-way', () => {
  let db: string;
  before(async () => {
    const { store, dir } = await sampleStore(true);
    await store.close();
    db = join(dir, 'test.db');
    const raw = new Database(db);
    // The last relation row by id: every format has written something before it reads this one.
    raw.prepare('UPDATE relations SET attrs = ? WHERE id = (SELECT max(id) FROM relations)').run('{not json');
    raw.close();
  });

  it('CLI --out: exits non-zero with the cause, leaves neither the file nor its partial copy', () => {
    const dir = tempDir();
    const out = join(dir, 'export.json');
    const r = spawnSync(process.execPath, [...CLI, 'export', '--format', 'json', '--out', out, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /Export to .*export\.json failed, nothing written there: .*JSON/u);
    assert.equal(existsSync(out), false);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('CLI --out over an existing file: the earlier export stays as it was', () => {
    const dir = tempDir();
    const out = join(dir, 'export.gexf');
    writeFileSync(out, 'earlier export');
    const r = spawnSync(process.execPath, [...CLI, 'export', '--format', 'gexf', '--out', out, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.deepEqual(readdirSync(dir), ['export.gexf']);
    assert.equal(spawnSync('cat', [out], { encoding: 'utf8' }).stdout, 'earlier export');
  });

  it('CLI to standard output: exits non-zero saying the output is incomplete', () => {
    const r = spawnSync(process.execPath, [...CLI, 'export', '--format', 'ftm', '--db', db], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.ok(r.stdout.length > 0, 'documents and entities were written first');
    assert.match(r.stderr, /incomplete/u);
  });

  it('HTTP: the response starts, then the connection is aborted (no complete body)', async () => {
    const store = await openStore(db);
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const outcome = await new Promise<{ status: number; bytes: number; error: string | null; complete: boolean }>((resolve) => {
        get(`http://127.0.0.1:${port}/api/export?format=json`, (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => { bytes += c.length; });
          res.on('error', (err) => resolve({ status: res.statusCode ?? 0, bytes, error: err.message, complete: res.complete }));
          res.on('close', () => resolve({ status: res.statusCode ?? 0, bytes, error: null, complete: res.complete }));
        }).on('error', (err) => resolve({ status: 0, bytes: 0, error: err.message, complete: false }));
      });
      assert.equal(outcome.status, 200);
      assert.equal(outcome.complete, false, `the body must not end normally (${JSON.stringify(outcome)})`);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('writeFilesAtomically: a failure in the second file removes the first one\'s partial copy too', async () => {
    const dir = tempDir();
    const ok = async function* () { yield 'a,b\r\n'; };
    const broken = async function* () { yield 'x'; throw new Error('disk read failed'); };
    await assert.rejects(writeFilesAtomically([{ path: join(dir, 'relations.csv'), chunks: ok }, { path: join(dir, 'entities.csv'), chunks: broken }]),
      (err: unknown) => err instanceof ExportWriteError && /disk read failed/u.test(err.message));
    assert.deepEqual(readdirSync(dir), []);
  });
});
