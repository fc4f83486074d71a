/** Resolved entities in PostgreSQL: candidates from mention keys, the resolution result, decisions, near-duplicate groups. */
import type { Decision, EntityCandidate, EntityType, ResolvedEntityRecord, MergeReason } from '../../model/index.js';
import type { Scope } from '../store.js';
import { candidatesFromRows, type CandidateRow } from '../shared/candidates.js';
import { type Db, Params, scopeSql } from './sql.js';
import { indexPendingNames } from './entity-search.js';
import { MEMBER_COUNT_COLUMNS, MEMBER_COUNTS_SQL } from '../shared/entity-members.js';
import { listsById } from '../shared/entity-rows.js';

/** Per-document candidates of a collection (see candidatesFromRows). */
export async function readCandidates(db: Db, collection: string): Promise<EntityCandidate[]> {
  const rows = await db.query<CandidateRow>(`SELECT m.entity_key AS key, m.type, m.text, m.document_id AS doc, count(*)::int AS n
    FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.collection = $1 AND m.entity_key IS NOT NULL
    GROUP BY m.entity_key, m.type, m.text, m.document_id ORDER BY m.entity_key, m.type, m.text, m.document_id`, [collection]);
  return candidatesFromRows(collection, rows.rows);
}

/**
 * Replaces a collection's resolved entities and the candidate -> entity map (inside the caller's transaction). The
 * resolution index no longer matches them, so its algorithm mark is cleared: the next resolution is a full one.
 */
export async function writeEntities(db: Db, collection: string, entities: ResolvedEntityRecord[], stage: string, version: string): Promise<void> {
  await db.query("UPDATE resolve_state SET algorithm = '', version = version + 1 WHERE collection = $1", [collection]);
  await db.query('DELETE FROM entity_members WHERE collection = $1', [collection]);
  await db.query('DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE collection = $1)', [collection]);
  await db.query('DELETE FROM entities WHERE collection = $1', [collection]);
  if (entities.length === 0) return void (await indexPendingNames(db));
  await db.query(`INSERT INTO entities (id, collection, type, name, mention_count, document_ids, reasons, stage, version)
    SELECT e.id, $2::text, e.type, e.name, e.n, e.docs, e.reasons, $3::text, $4::text
    FROM unnest($1::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[]) AS e(id, type, name, n, docs, reasons)`, [
    entities.map((e) => e.id), collection, stage, version, entities.map((e) => e.type), entities.map((e) => e.name),
    entities.map((e) => e.mentionCount), entities.map((e) => JSON.stringify(e.documentIds)), entities.map((e) => JSON.stringify(e.reasons)),
  ]);
  const aliases = entities.flatMap((e) => e.aliases.map((a) => [e.id, a] as const));
  await db.query(`INSERT INTO aliases (entity_id, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [aliases.map((a) => a[0]), aliases.map((a) => a[1])]);
  // A candidate listed under two entities ends in the last one, as with SQLite's INSERT OR REPLACE.
  const members = new Map(entities.flatMap((e) => e.members.map((k) => [k, e.id] as const)));
  await db.query(`INSERT INTO entity_members (collection, candidate_key, entity_id, ${MEMBER_COUNT_COLUMNS}) SELECT $1::text, v.k, v.e, ${MEMBER_COUNTS_SQL('v.k')}
    FROM unnest($2::text[], $3::text[]) AS v(k, e)`,
    [collection, [...members.keys()], [...members.values()]]);
  // The names the triggers queued are indexed in the same transaction, so search never sees a half-indexed collection.
  await indexPendingNames(db);
}

export interface EntityRow {
  id: string; collection: string; type: EntityType; name: string; mention_count: number; document_ids: string; reasons: string;
}

/** Entity rows with their aliases and members, read in two more queries (not one per entity). */
export async function toRecords(db: Db, rows: EntityRow[]): Promise<ResolvedEntityRecord[]> {
  const ids = rows.map((r) => r.id);
  const aliases = await db.query<{ id: string; name: string }>('SELECT entity_id AS id, name FROM aliases WHERE entity_id = ANY($1::text[]) ORDER BY entity_id, name', [ids]);
  const members = await db.query<{ id: string; k: string }>(`SELECT entity_id AS id, candidate_key AS k FROM entity_members
    WHERE entity_id = ANY($1::text[]) ORDER BY entity_id, candidate_key`, [ids]);
  // Appended in place: copying a list per row made an entity with 20,000 members take tens of seconds.
  const aliasesOf = listsById(aliases.rows.map((a) => ({ id: a.id, v: a.name })));
  const membersOf = listsById(members.rows.map((m) => ({ id: m.id, v: m.k })));
  return rows.map((r) => ({
    id: r.id, collection: r.collection, type: r.type, name: r.name, aliases: aliasesOf.get(r.id) ?? [], mentionCount: r.mention_count,
    documentIds: JSON.parse(r.document_ids) as string[], members: membersOf.get(r.id) ?? [], reasons: JSON.parse(r.reasons) as MergeReason[],
  }));
}

/** Resolved entities of the visible collections. */
export async function readResolvedEntities(db: Db, scope: Scope): Promise<ResolvedEntityRecord[]> {
  const p = new Params();
  const rows = await db.query<EntityRow>(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids, d.reasons FROM entities d
    WHERE ${scopeSql(p, scope)} ORDER BY d.mention_count DESC, d.name, d.seq`, p.values);
  return toRecords(db, rows.rows);
}

/** One resolved entity by id, or null when absent or outside the scope. */
export async function readEntity(db: Db, id: string, scope: Scope): Promise<ResolvedEntityRecord | null> {
  const p = new Params();
  const rows = await db.query<EntityRow>(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids, d.reasons FROM entities d
    WHERE d.id = ${p.add(id)} AND ${scopeSql(p, scope)}`, p.values);
  return (await toRecords(db, rows.rows))[0] ?? null;
}

/** Collections that have resolved entities. */
export async function resolvedCollections(db: Db): Promise<Set<string>> {
  return new Set((await db.query<{ collection: string }>('SELECT DISTINCT collection FROM entities')).rows.map((r) => r.collection));
}

/** A collection's decisions, oldest first. */
export async function readDecisions(db: Db, collection: string): Promise<Decision[]> {
  const rows = await db.query<Decision & { by: string | null; note: string | null }>(
    'SELECT kind, a, b, at, by, note FROM decisions WHERE collection = $1 ORDER BY at, id', [collection]);
  return rows.rows.map((d) => ({ kind: d.kind, a: d.a, b: d.b, at: d.at, by: d.by ?? undefined, note: d.note ?? undefined }));
}
