/** Schema migrations: an old store is upgraded in place without losing data; a newer one is refused with a message. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { parseQuery } from '../../src/store/query.js';
import { tempDir } from '../helpers.js';

describe('SQLite migrations', () => {
  it('upgrades a version-1 store and keeps its documents searchable', async () => {
    const path = join(tempDir(), 'old.db');
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0]!.sql);
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO documents (id, collection, sha256, path, format, text, length, sentences, ingested_at)
      VALUES ('0123456789abcdef', 'old', 'aa', 'memo.txt', 'text', 'The Badr Organization met.', 26, '[[0,26]]', '2020-01-01')`).run();
    raw.prepare("INSERT INTO document_fts (rowid, title, body) VALUES (1, '', 'The Badr Organization met.')").run();
    raw.close();

    const store = new SqliteStore(path);
    await store.migrate();
    const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    const check = new Database(path, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), latest);
    check.close();
    assert.equal((await store.getDocument('0123456789abcdef', ALL_COLLECTIONS))?.path, 'memo.txt');
    assert.equal((await store.search({ query: parseQuery('Badr'), limit: 5, offset: 0 }, ALL_COLLECTIONS)).total, 1);
    await store.close();
  });

  it('upgrades stage runs recorded before failures were: they read as done, and a failure can be recorded', async () => {
    const path = join(tempDir(), 'v3.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) raw.exec(m.sql);
    raw.pragma('user_version = 3');
    raw.prepare(`INSERT INTO documents (id, collection, sha256, path, format, text, length, sentences, ingested_at)
      VALUES ('0123456789abcdef', 'old', 'aa', 'memo.txt', 'text', 'The Badr Organization met.', 26, '[[0,26]]', '2020-01-01')`).run();
    raw.prepare("INSERT INTO stage_runs (document_id, stage, version, at) VALUES ('0123456789abcdef', 'facts', 'v1', '2020-01-01')").run();
    raw.close();
    const store = new SqliteStore(path);
    await store.migrate();
    assert.deepEqual((await store.stageRuns('facts', ALL_COLLECTIONS)).get('0123456789abcdef'), { version: 'v1', status: 'done' });
    assert.deepEqual(await store.listStageFailures(ALL_COLLECTIONS), []);
    await store.putStageFailure('0123456789abcdef', 'facts', 'v2', 'Error: boom');
    assert.deepEqual((await store.listStageFailures(ALL_COLLECTIONS)).map((f) => [f.path, f.stage, f.reason]), [['memo.txt', 'facts', 'Error: boom']]);
    await store.close();
  });

  it('refuses a store written by a newer version', async () => {
    const path = join(tempDir(), 'future.db');
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    const store = new SqliteStore(path);
    await assert.rejects(store.migrate(), /newer Cablegraph \(schema 999/);
    await store.close();
  });
});
