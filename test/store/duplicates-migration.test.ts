/**
 * Upgrading a store grouped before the band index existed: the migration clears the old signatures (they have no band
 * rows) and keeps the groups for reads meanwhile; the next near-duplicate step signs every document once, builds the
 * index and gives the groups a full regrouping gives, and later steps go on incrementally.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { documentId } from '../../src/store/ids.js';
import { groupNearDuplicates, minhashSignature, signatureBytes } from '../../src/nlp/minhash.js';
import { groupDuplicates } from '../../src/pipeline/near-duplicates.js';
import { DuplicateCorpus } from './duplicates-corpus.js';
import { tempDir } from '../helpers.js';

// The step that added the band index (found by its description, so renumbering on merge does not break the test).
const BANDS_VERSION = MIGRATIONS.find((m) => m.sql.includes('CREATE TABLE duplicate_bands'))!.version;

describe('near-duplicate band index migration', () => {
  it('re-signs a store grouped by the old full regroup and then goes on incrementally', async () => {
    const path = join(tempDir('cablegraph-dup-migration-'), 'old.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.filter((x) => x.version < BANDS_VERSION)) raw.exec(m.sql);
    raw.pragma(`user_version = ${BANDS_VERSION - 1}`);
    const corpus = new DuplicateCorpus('old', 11);
    const docs = corpus.next(80, 0.5);
    const sigs = new Map<string, Uint32Array>();
    const insert = raw.prepare(`INSERT INTO documents (id, collection, sha256, path, format, text, length, sentences, ingested_at, signature)
      VALUES (?, 'old', ?, ?, 'text', ?, ?, '[]', '2020-01-01', ?)`);
    for (const { doc } of docs) {
      const id = documentId('old', doc.sha256);
      const sig = doc.text.trim() === '' ? null : minhashSignature(doc.text);
      if (sig) sigs.set(id, sig);
      insert.run(id, doc.sha256, doc.path, doc.text, doc.text.length, sig ? Buffer.from(signatureBytes(sig)) : null);
    }
    const oldGroups = groupNearDuplicates(sigs);
    const setGroup = raw.prepare('UPDATE documents SET duplicate_group = ? WHERE id = ?');
    for (const [id, g] of oldGroups) setGroup.run(g, id);
    raw.close();

    const store = new SqliteStore(path, { searchReaders: 0 });
    try {
      await store.migrate();
      assert.equal((await store.listSignatures('old')).filter((s) => s.signature !== null).length, 0, 'old signatures cleared');
      assert.deepEqual([...(await store.duplicates.listGroups('old'))].filter(([, g]) => g !== null), [...oldGroups].sort(), 'groups kept meanwhile');
      const first = await groupDuplicates(store, 'old');
      assert.equal(first.signed, 80);
      assert.equal(await store.duplicates.countBands('old'), 16 * sigs.size);
      assert.deepEqual([...(await store.duplicates.listGroups('old'))].filter(([, g]) => g !== null), [...oldGroups].sort());
      await store.putDocuments(corpus.next(20, 0.8));
      const next = await groupDuplicates(store, 'old');
      assert.equal(next.signed, 20);
      const all = new Map<string, Uint32Array>();
      for (const [id] of await store.duplicates.listGroups('old')) {
        const text = (await store.getDocument(id, { collections: ['old'] }))!.text;
        if (text.trim() !== '') all.set(id, minhashSignature(text));
      }
      assert.deepEqual([...(await store.duplicates.listGroups('old'))].filter(([, g]) => g !== null), [...groupNearDuplicates(all)].sort());
    } finally {
      await store.close();
    }
  });
});
