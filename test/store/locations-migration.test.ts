/**
 * Migration 20 on stores written before it (both engines): documents stored at version 19 get one location each, their
 * own path and parent, with the member's name cut from the paths ("!/" members, "#" sheets), and the reads work on them.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { documentId, sha256Hex } from '../../src/store/ids.js';
import { tempDir } from '../helpers.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from './pg-server.js';

const LOCATIONS_VERSION = 20;

/** Rows written at version 19: a workbook with a sheet, a zip with a member, a member whose path does not nest. */
const OLD_DOCUMENTS = (() => {
  const doc = (path: string, text: string, parent: string | null) => {
    const sha = sha256Hex(text);
    return { id: documentId('old', sha), sha, path, text, parent };
  };
  const book = doc('/in/staff.xlsx', 'Staff', null);
  const zip = doc('/in/a.zip', 'a zip', null);
  return [
    book, doc('/in/staff.xlsx#Staff', 'Name\tRole', book.id),
    zip, doc('/in/a.zip!/dir/x.txt', 'A memo in a zip.', zip.id), doc('elsewhere.txt', 'A member named oddly.', zip.id),
  ];
})();

async function checkBackfill(store: Store): Promise<void> {
  const [book, sheet, zip, member, odd] = OLD_DOCUMENTS;
  assert.deepEqual((await store.listChildren(book!.id, ALL_COLLECTIONS)).map((c) => [c.id, c.path, c.name]), [[sheet!.id, sheet!.path, 'Staff']]);
  assert.deepEqual((await store.listChildren(zip!.id, ALL_COLLECTIONS)).map((c) => [c.id, c.path, c.name]), [
    [member!.id, member!.path, 'dir/x.txt'], [odd!.id, 'elsewhere.txt', null],
  ]);
  const locations = await store.listLocations(member!.id, ALL_COLLECTIONS);
  assert.deepEqual(locations.map((l) => [l.parentId, l.path, l.firstSeen]), [[zip!.id, member!.path, '2020-01-01T00:00:00.000Z']]);
  assert.deepEqual((await store.listLocations(book!.id, ALL_COLLECTIONS)).map((l) => [l.parentId, l.path, l.name]), [[null, book!.path, null]]);
  // A new place for old content goes on from there.
  assert.equal(await store.putLocation({ collection: 'old', documentId: book!.id, parentId: null, path: '/copy/staff.xlsx', name: null }), true);
  assert.deepEqual((await store.listLocations(book!.id, ALL_COLLECTIONS)).map((l) => l.path), ['/in/staff.xlsx', '/copy/staff.xlsx']);
}

describe('document locations migration (SQLite)', () => {
  it('backfills one location per document written at version 19', async () => {
    const path = join(tempDir('cablegraph-locations-migration-'), 'old.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version < LOCATIONS_VERSION)) raw.exec(m.sql);
    raw.pragma(`user_version = ${LOCATIONS_VERSION - 1}`);
    const insert = raw.prepare(`INSERT INTO documents (id, collection, sha256, path, parent_id, format, text, length, sentences, ingested_at)
      VALUES (?, 'old', ?, ?, ?, 'text', ?, ?, '[]', '2020-01-01T00:00:00.000Z')`);
    for (const d of OLD_DOCUMENTS) insert.run(d.id, d.sha, d.path, d.parent, d.text, d.text.length);
    raw.close();
    const store = new SqliteStore(path, { searchReaders: 0 });
    try {
      await store.migrate();
      await checkBackfill(store);
    } finally {
      await store.close();
    }
  });
});

if (!hasPostgres()) {
  describe('document locations migration (PostgreSQL)', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  const server = new TestServer();
  after(() => server.stop());
  describe('document locations migration (PostgreSQL)', () => {
    it('backfills one location per document written at version 19', async () => {
      const url = await databaseMaker(server, 'cablegraph_locations')();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
        for (const m of PG_MIGRATIONS.filter((x) => x.version < LOCATIONS_VERSION)) {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [m.version, m.description]);
        }
        for (const d of OLD_DOCUMENTS) {
          await client.query(`INSERT INTO documents (id, collection, sha256, path, parent_id, format, text, length, sentences, ingested_at, fts)
            VALUES ($1, 'old', $2, $3, $4, 'text', $5, $6, '[]', '2020-01-01T00:00:00.000Z', ''::tsvector)`, [d.id, d.sha, d.path, d.parent, d.text, d.text.length]);
        }
      } finally {
        await client.end();
      }
      const store = new PostgresStore(url);
      try {
        await store.migrate();
        await checkBackfill(store);
      } finally {
        await store.close();
      }
    });
  });
}
