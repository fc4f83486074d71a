/** Near-duplicate groups in SQLite: signatures, the band index (duplicate_bands) and incremental group updates. */
import type Database from 'better-sqlite3';
import type { DuplicateStore, SignedDocument, BandNeighbour, UnsignedDocument } from '../duplicates.js';
import { bandBuckets, signatureFromBytes } from '../../nlp/minhash.js';

const asBuffer = (s: Uint8Array): Buffer => Buffer.from(s.buffer, s.byteOffset, s.byteLength);

/** [band, bucket] pairs of a stored signature (none for an empty one). */
function bandPairs(signature: Uint8Array): [number, number][] {
  const sig = signatureFromBytes(signature);
  return sig ? bandBuckets(sig).map((bucket, band) => [band, bucket]) : [];
}

/** Writes the band rows of signed documents (their collection read from the document), in the caller's transaction; `replace` drops their earlier rows first. */
function writeBands(db: Database.Database, docs: readonly SignedDocument[], replace: boolean): void {
  const drop = db.prepare('DELETE FROM duplicate_bands WHERE document_id = ?');
  const add = db.prepare(`INSERT OR IGNORE INTO duplicate_bands (collection, band, bucket_hash, document_id)
    SELECT d.collection, ?, ?, d.id FROM documents d WHERE d.id = ?`);
  for (const d of docs) {
    if (replace) drop.run(d.id);
    for (const [band, bucket] of bandPairs(d.signature)) add.run(band, bucket, d.id);
  }
}

/** Documents of a collection with their MinHash signature (null when not computed yet). */
export function readSignatures(db: Database.Database, collection: string): { id: string; signature: Uint8Array | null }[] {
  return (db.prepare('SELECT id, signature FROM documents WHERE collection = ? ORDER BY id').all(collection) as { id: string; signature: Buffer | null }[])
    .map((r) => ({ id: r.id, signature: r.signature ? new Uint8Array(r.signature) : null }));
}

/** Stores signatures with their band rows, and near-duplicate groups (document id -> group id), in one transaction. */
export function writeDuplicateGroups(db: Database.Database, signatures: Map<string, Uint8Array>, groups: Map<string, string>): void {
  const sig = db.prepare('UPDATE documents SET signature = ? WHERE id = ?');
  const grp = db.prepare('UPDATE documents SET duplicate_group = ? WHERE id = ?');
  db.transaction(() => {
    for (const [id, s] of signatures) sig.run(asBuffer(s), id);
    writeBands(db, [...signatures].map(([id, signature]) => ({ id, signature })), true);
    for (const [id, g] of groups) grp.run(g, id);
  })();
}

/** The band index of a SQLite store; IMMEDIATE transactions make each step the only writer. */
export function sqliteDuplicates(db: Database.Database): DuplicateStore {
  return {
    async unsigned(collection, limit) {
      return db.prepare('SELECT id, text FROM documents WHERE collection = ? AND signature IS NULL ORDER BY id LIMIT ?')
        .all(collection, limit) as UnsignedDocument[];
    },

    async addSigned(collection, docs, decide) {
      return db.transaction(() => {
        const open = new Set((db.prepare(`SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))
          AND collection = ? AND signature IS NULL`).all(JSON.stringify(docs.map((d) => d.id)), collection) as { id: string }[]).map((r) => r.id));
        const todo = docs.filter((d) => open.has(d.id));
        if (todo.length === 0) return { signed: 0, neighbours: 0, relabelled: 0 };
        // Band rows left by an earlier signature (reset by a migration) would make a document its own neighbour.
        const drop = db.prepare('DELETE FROM duplicate_bands WHERE document_id = ?');
        for (const d of todo) drop.run(d.id);
        const keys = todo.flatMap((d) => bandPairs(d.signature));
        // CROSS JOIN keeps the keys as the outer loop: the planner otherwise walked every band row of the collection.
        const rows = db.prepare(`SELECT d.id, d.signature, coalesce(d.duplicate_group, d.id) AS grp FROM documents d
          WHERE d.id IN (SELECT b.document_id FROM json_each(?) k CROSS JOIN duplicate_bands b
            ON b.collection = ? AND b.band = k.value ->> 0 AND b.bucket_hash = k.value ->> 1)
          ORDER BY d.id`).all(JSON.stringify(keys), collection) as { id: string; signature: Buffer; grp: string }[];
        const neighbours: BandNeighbour[] = rows.map((r) => ({ id: r.id, signature: new Uint8Array(r.signature), group: r.grp }));
        const update = decide(todo, neighbours);
        const write = db.prepare('UPDATE documents SET signature = ?, duplicate_group = ? WHERE id = ?');
        for (const d of todo) write.run(asBuffer(d.signature), update.groups.get(d.id) ?? null, d.id);
        writeBands(db, todo, false);
        let relabelled = 0;
        const rename = db.prepare('UPDATE documents SET duplicate_group = ? WHERE collection = ? AND duplicate_group = ?');
        // A document signed without a group (an older writer) is its own group: named by its id, stored as null.
        const adopt = db.prepare('UPDATE documents SET duplicate_group = ? WHERE id = ? AND duplicate_group IS NULL');
        for (const [from, to] of update.relabel) relabelled += rename.run(to, collection, from).changes + adopt.run(to, from).changes;
        return { signed: todo.length, neighbours: neighbours.length, relabelled };
      }).immediate();
    },

    async listGroups(collection) {
      const rows = db.prepare('SELECT id, duplicate_group AS grp FROM documents WHERE collection = ? ORDER BY id').all(collection) as { id: string; grp: string | null }[];
      return new Map(rows.map((r) => [r.id, r.grp]));
    },

    async countBands(collection) {
      return (db.prepare('SELECT count(*) AS n FROM duplicate_bands WHERE collection = ?').get(collection) as { n: number }).n;
    },
  };
}
