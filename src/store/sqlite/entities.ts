/** Resolved entities: candidates from mention keys, the resolution result, user decisions and near-duplicate groups. */
import type Database from 'better-sqlite3';
import type { Decision, EntityCandidate, EntityType, ResolvedEntityRecord, MergeReason } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { candidatesFromRows, type CandidateRow } from '../shared/candidates.js';
import { indexPendingNames } from './entity-search.js';
import { MEMBER_COUNT_COLUMNS, MEMBER_COUNTS_SQL } from '../shared/entity-members.js';

/** Per-document candidates of a collection: one per mention entity_key, named by its longest written form. */
export function readCandidates(db: Database.Database, collection: string): EntityCandidate[] {
  const rows = db.prepare(`SELECT m.entity_key AS key, m.type, m.text, m.document_id AS doc, count(*) AS n
    FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE d.collection = ? AND m.entity_key IS NOT NULL GROUP BY m.entity_key, m.type, m.text, m.document_id ORDER BY m.entity_key`)
    .iterate(collection) as IterableIterator<CandidateRow>;
  return candidatesFromRows(collection, rows);
}

/**
 * Replaces a collection's resolved entities and the candidate -> entity map in one transaction. The resolution index no
 * longer matches them, so its algorithm mark is cleared: the next resolution of the collection is a full one.
 */
export function writeEntities(db: Database.Database, collection: string, entities: ResolvedEntityRecord[], stage: string, version: string): void {
  db.transaction(() => {
    db.prepare("UPDATE resolve_state SET algorithm = '', version = version + 1 WHERE collection = ?").run(collection);
    db.prepare('DELETE FROM entity_members WHERE collection = ?').run(collection);
    db.prepare('DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE collection = ?)').run(collection);
    db.prepare('DELETE FROM entities WHERE collection = ?').run(collection);
    const entity = db.prepare(`INSERT INTO entities (id, collection, type, name, mention_count, document_ids, reasons, stage, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const alias = db.prepare('INSERT OR IGNORE INTO aliases (entity_id, name) VALUES (?, ?)');
    const member = db.prepare(`INSERT OR REPLACE INTO entity_members (collection, candidate_key, entity_id, ${MEMBER_COUNT_COLUMNS}) SELECT ?, v.k, ?, ${MEMBER_COUNTS_SQL('v.k')}
      FROM (SELECT ? AS k) v`);
    for (const e of entities) {
      entity.run(e.id, collection, e.type, e.name, e.mentionCount, JSON.stringify(e.documentIds), JSON.stringify(e.reasons), stage, version);
      for (const a of e.aliases) alias.run(e.id, a);
      for (const k of e.members) member.run(collection, e.id, k);
    }
    // The names the triggers queued are indexed in the same transaction, so search never sees a half-indexed collection.
    indexPendingNames(db);
  })();
}

export interface EntityRow {
  id: string; collection: string; type: EntityType; name: string; mention_count: number; document_ids: string; reasons: string;
}

function toRecord(db: Database.Database, r: EntityRow): ResolvedEntityRecord {
  const aliases = (db.prepare('SELECT name FROM aliases WHERE entity_id = ? ORDER BY name').all(r.id) as { name: string }[]).map((a) => a.name);
  const members = (db.prepare('SELECT candidate_key AS k FROM entity_members WHERE entity_id = ? ORDER BY k').all(r.id) as { k: string }[]).map((m) => m.k);
  return withLists(r, aliases, members);
}

export function withLists(r: EntityRow, aliases: string[], members: string[]): ResolvedEntityRecord {
  return {
    id: r.id, collection: r.collection, type: r.type, name: r.name, aliases, mentionCount: r.mention_count,
    documentIds: JSON.parse(r.document_ids) as string[], members, reasons: JSON.parse(r.reasons) as MergeReason[],
  };
}

/** Resolved entities of the visible collections. */
export function readResolvedEntities(db: Database.Database, scope: Scope): ResolvedEntityRecord[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids, d.reasons FROM entities d
    WHERE ${s.sql} ORDER BY d.mention_count DESC, d.name`).all(...s.params) as EntityRow[];
  // Aliases and members of every entity in two queries, not two per entity.
  const lists = (sql: string): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const { id, v } of db.prepare(sql).all(...s.params) as { id: string; v: string }[]) {
      const list = map.get(id);
      if (list) list.push(v);
      else map.set(id, [v]);
    }
    return map;
  };
  const aliases = lists(`SELECT a.entity_id AS id, a.name AS v FROM aliases a JOIN entities d ON d.id = a.entity_id WHERE ${s.sql} ORDER BY a.entity_id, a.name`);
  const members = lists(`SELECT m.entity_id AS id, m.candidate_key AS v FROM entity_members m JOIN entities d ON d.id = m.entity_id WHERE ${s.sql} ORDER BY m.entity_id, m.candidate_key`);
  return rows.map((r) => withLists(r, aliases.get(r.id) ?? [], members.get(r.id) ?? []));
}

/** One resolved entity by id, or null when absent or outside the scope. */
export function readEntity(db: Database.Database, id: string, scope: Scope): ResolvedEntityRecord | null {
  const s = scopeClause(scope);
  const row = db.prepare(`SELECT d.id, d.collection, d.type, d.name, d.mention_count, d.document_ids, d.reasons FROM entities d
    WHERE d.id = ? AND ${s.sql}`).get(id, ...s.params) as EntityRow | undefined;
  return row ? toRecord(db, row) : null;
}

/** Collections that have resolved entities. */
export function resolvedCollections(db: Database.Database): Set<string> {
  return new Set((db.prepare('SELECT DISTINCT collection FROM entities').all() as { collection: string }[]).map((r) => r.collection));
}

/** A collection's decisions, oldest first. */
export function readDecisions(db: Database.Database, collection: string): Decision[] {
  return (db.prepare('SELECT kind, a, b, at, by, note FROM decisions WHERE collection = ? ORDER BY at, id').all(collection) as (Decision & { by: string | null; note: string | null })[])
    .map((d) => ({ kind: d.kind, a: d.a, b: d.b, at: d.at, by: d.by ?? undefined, note: d.note ?? undefined }));
}
