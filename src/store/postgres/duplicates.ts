/** Near-duplicate groups in PostgreSQL: signatures, the band index (duplicate_bands) and incremental group updates. */
import type pg from 'pg';
import type { DuplicateStore, SignedDocument, BandNeighbour, UnsignedDocument } from '../duplicates.js';
import { bandBuckets, signatureFromBytes } from '../../nlp/minhash.js';
import { type Db, inTransaction } from './sql.js';

const asBuffer = (s: Uint8Array): Buffer => Buffer.from(s.buffer, s.byteOffset, s.byteLength);

/** Band, bucket and document columns of the band rows of signed documents (none for empty signatures). */
function bandColumns(docs: readonly SignedDocument[]): [number[], number[], string[]] {
  const cols: [number[], number[], string[]] = [[], [], []];
  for (const d of docs) {
    const sig = signatureFromBytes(d.signature);
    if (!sig) continue;
    for (const [band, bucket] of bandBuckets(sig).entries()) {
      cols[0].push(band);
      cols[1].push(bucket);
      cols[2].push(d.id);
    }
  }
  return cols;
}

/** Writes the band rows of signed documents (their collection read from the document), in the caller's transaction; `replace` drops their earlier rows first. */
async function writeBands(db: Db, docs: readonly SignedDocument[], replace: boolean): Promise<void> {
  if (docs.length === 0) return;
  if (replace) await db.query('DELETE FROM duplicate_bands WHERE document_id = ANY($1::text[])', [docs.map((d) => d.id)]);
  const [bands, buckets, ids] = bandColumns(docs);
  await db.query(`INSERT INTO duplicate_bands (collection, band, bucket_hash, document_id)
    SELECT d.collection, v.band, v.bucket, d.id FROM unnest($1::int[], $2::bigint[], $3::text[]) AS v(band, bucket, id)
    JOIN documents d ON d.id = v.id ON CONFLICT DO NOTHING`, [bands, buckets, ids]);
}

/** Documents of a collection with their MinHash signature (null when not computed yet). */
export async function readSignatures(db: Db, collection: string): Promise<{ id: string; signature: Uint8Array | null }[]> {
  const rows = await db.query<{ id: string; signature: Buffer | null }>('SELECT id, signature FROM documents WHERE collection = $1 ORDER BY id', [collection]);
  return rows.rows.map((r) => ({ id: r.id, signature: r.signature ? new Uint8Array(r.signature) : null }));
}

/** Stores signatures with their band rows, and near-duplicate groups (inside the caller's transaction). */
export async function writeDuplicateGroups(db: Db, signatures: Map<string, Uint8Array>, groups: Map<string, string>): Promise<void> {
  if (signatures.size > 0) {
    await db.query('UPDATE documents d SET signature = v.sig FROM unnest($1::text[], $2::bytea[]) AS v(id, sig) WHERE d.id = v.id',
      [[...signatures.keys()], [...signatures.values()].map(asBuffer)]);
    await writeBands(db, [...signatures].map(([id, signature]) => ({ id, signature })), true);
  }
  if (groups.size > 0) {
    await db.query('UPDATE documents d SET duplicate_group = v.grp FROM unnest($1::text[], $2::text[]) AS v(id, grp) WHERE d.id = v.id',
      [[...groups.keys()], [...groups.values()]]);
  }
}

// Transaction-scoped advisory lock per collection: one near-duplicate step at a time, across processes and machines.
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('cablegraph-duplicates:' || $1, 0))";

/** The band index of a PostgreSQL store. */
export function postgresDuplicates(pool: pg.Pool, db: Db): DuplicateStore {
  return {
    async unsigned(collection, limit) {
      return (await db.query<UnsignedDocument>('SELECT id, text FROM documents WHERE collection = $1 AND signature IS NULL ORDER BY id LIMIT $2',
        [collection, limit])).rows;
    },

    async addSigned(collection, docs, decide) {
      return inTransaction(pool, async (tx) => {
        await tx.query(LOCK_SQL, [collection]);
        const open = new Set((await tx.query<{ id: string }>(`SELECT id FROM documents WHERE id = ANY($1::text[]) AND collection = $2
          AND signature IS NULL`, [docs.map((d) => d.id), collection])).rows.map((r) => r.id));
        const todo = docs.filter((d) => open.has(d.id));
        if (todo.length === 0) return { signed: 0, neighbours: 0, relabelled: 0 };
        // Band rows left by an earlier signature (reset by a migration) would make a document its own neighbour.
        await tx.query('DELETE FROM duplicate_bands WHERE document_id = ANY($1::text[])', [todo.map((d) => d.id)]);
        const [bands, buckets] = bandColumns(todo);
        const rows = await tx.query<{ id: string; signature: Buffer; grp: string }>(`SELECT d.id, d.signature, coalesce(d.duplicate_group, d.id) AS grp
          FROM documents d WHERE d.id IN (SELECT b.document_id FROM unnest($1::int[], $2::bigint[]) AS k(band, bucket)
            JOIN duplicate_bands b ON b.collection = $3 AND b.band = k.band AND b.bucket_hash = k.bucket)
          ORDER BY d.id`, [bands, buckets, collection]);
        const neighbours: BandNeighbour[] = rows.rows.map((r) => ({ id: r.id, signature: new Uint8Array(r.signature), group: r.grp }));
        const update = decide(todo, neighbours);
        await tx.query(`UPDATE documents d SET signature = v.sig, duplicate_group = v.grp
          FROM unnest($1::text[], $2::bytea[], $3::text[]) AS v(id, sig, grp) WHERE d.id = v.id`,
        [todo.map((d) => d.id), todo.map((d) => asBuffer(d.signature)), todo.map((d) => update.groups.get(d.id) ?? null)]);
        await writeBands(tx, todo, false);
        let relabelled = 0;
        if (update.relabel.size > 0) {
          const [from, to] = [[...update.relabel.keys()], [...update.relabel.values()]];
          // By the (collection, duplicate_group) index; a document signed without a group (an older writer) is named by its id.
          const renamed = await tx.query(`UPDATE documents d SET duplicate_group = v.to_grp FROM unnest($1::text[], $2::text[]) AS v(from_grp, to_grp)
            WHERE d.collection = $3 AND d.duplicate_group = v.from_grp`, [from, to, collection]);
          const adopted = await tx.query(`UPDATE documents d SET duplicate_group = v.to_grp FROM unnest($1::text[], $2::text[]) AS v(from_grp, to_grp)
            WHERE d.id = v.from_grp AND d.duplicate_group IS NULL`, [from, to]);
          relabelled = (renamed.rowCount ?? 0) + (adopted.rowCount ?? 0);
        }
        return { signed: todo.length, neighbours: neighbours.length, relabelled };
      });
    },

    async listGroups(collection) {
      const rows = await db.query<{ id: string; grp: string | null }>('SELECT id, duplicate_group AS grp FROM documents WHERE collection = $1 ORDER BY id', [collection]);
      return new Map(rows.rows.map((r) => [r.id, r.grp]));
    },

    async countBands(collection) {
      return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM duplicate_bands WHERE collection = $1', [collection])).rows[0]!.n;
    },
  };
}
