/** Runs the Store conformance suite against SqliteStore on a real database file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeConformance, type StoreHarness } from './conformance.js';
import { keyReadsConformance } from './conformance-reads.js';
import { strongestConformance } from './conformance-strongest.js';
import { pageConformance } from './conformance-page.js';
import { membersConformance } from './conformance-members.js';
import { entityDocumentsConformance } from './conformance-entity-docs.js';
import { noteSearchConformance } from './conformance-note-search.js';
import { resolutionConformance } from './resolution-conformance.js';
import { duplicatesConformance } from './conformance-duplicates.js';
import { reviewConformance } from './review-conformance.js';
import { factReviewConformance } from './fact-review-conformance.js';
import { trustConformance } from './conformance-trust.js';
import { protectionConformance } from './conformance-protection.js';
import { curationConformance } from './conformance-curation.js';
import { locationsConformance } from './conformance-locations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const harness: StoreHarness = {
  async create() {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-store-')), 'test.db'));
    await store.migrate();
    return store;
  },
  async corruptOriginal(store, sha256) {
    const db = new Database((store as SqliteStore).path);
    db.prepare('UPDATE originals SET bytes = ? WHERE sha256 = ?').run(Buffer.from('tampered'), sha256);
    db.close();
  },
};

storeConformance('SQLite', harness);
keyReadsConformance('SQLite', harness);
strongestConformance('SQLite', harness);
pageConformance('SQLite', harness);
membersConformance('SQLite', harness);
entityDocumentsConformance('SQLite', harness);
noteSearchConformance('SQLite', harness);

reviewConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-review-')), 'test.db'));
  await store.migrate();
  return store;
});

factReviewConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-fact-review-')), 'test.db'));
  await store.migrate();
  return store;
});

resolutionConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-resolution-')), 'test.db'));
  await store.migrate();
  return store;
});

duplicatesConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-duplicates-')), 'test.db'));
  await store.migrate();
  return store;
}, async (store, sql) => {
  const db = new Database((store as SqliteStore).path);
  db.pragma('foreign_keys = ON');
  db.exec(sql);
  db.close();
});

trustConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-trust-')), 'test.db'));
  await store.migrate();
  return store;
}, async (store, sql) => {
  const db = new Database((store as SqliteStore).path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
});

protectionConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-protect-')), 'test.db'));
  await store.migrate();
  return store;
});

curationConformance('SQLite', async () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cablegraph-curation-')), 'test.db'));
  await store.migrate();
  return store;
});

locationsConformance('SQLite', harness, async (store, sql) => {
  const db = new Database((store as SqliteStore).path);
  try {
    db.pragma('foreign_keys = ON');
    const statements = sql.trim();
    return /^select/iu.test(statements) ? db.prepare(statements).all() as Record<string, unknown>[] : (db.exec(statements), []);
  } finally {
    db.close();
  }
});
