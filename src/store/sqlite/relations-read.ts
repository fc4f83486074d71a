/** Reads relations, events and claims with candidate keys mapped to resolved entities, and relations merged across documents. */
import type Database from 'better-sqlite3';
import type { Relation, Event, Claim, Evidence } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import {
  makeEntityResolver, mergeRelations, toEvent, toClaim, type EntityResolver, type RelationRow, type EventRow, type ClaimRow,
} from '../shared/merge-relations.js';

/** Maps a candidate key to its entity id: the resolved entity when resolution ran, else the per-name entity. */
export function entityResolver(db: Database.Database, scope: Scope): EntityResolver {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT m.collection, m.candidate_key AS k, m.entity_id AS e FROM entity_members m
    JOIN (SELECT DISTINCT collection FROM documents d WHERE ${s.sql}) c ON c.collection = m.collection`).all(...s.params) as { collection: string; k: string; e: string }[];
  return makeEntityResolver(rows);
}

/** All evidence of one kind in the scope, by owner id: one query instead of one per relation, event or claim. */
function evidenceByOwner(db: Database.Database, kind: string, scope: Scope): (id: string) => Evidence[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT e.owner_id AS owner, e.document_id AS documentId, e.start, e.end, e.text FROM evidence e
    JOIN documents d ON d.id = e.document_id WHERE e.owner_kind = ? AND ${s.sql} ORDER BY e.owner_id, e.document_id, e.start`)
    .all(kind, ...s.params) as (Evidence & { owner: string })[];
  const map = new Map<string, Evidence[]>();
  for (const { owner, ...ev } of rows) {
    const list = map.get(owner);
    if (list) list.push(ev);
    else map.set(owner, [ev]);
  }
  return (id) => map.get(id) ?? [];
}

/** Relations merged across documents (see mergeRelations). */
export function readMergedRelations(db: Database.Database, scope: Scope, keys?: readonly string[]): Relation[] {
  const s = scopeClause(scope);
  const list = keys ? keys.map(() => '?').join(', ') : '';
  const byKey = keys ? `AND (r.source IN (${list}) OR r.target IN (${list}))` : '';
  const rows = db.prepare(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp FROM relations r JOIN documents d ON d.id = r.document_id
    WHERE ${s.sql} ${byKey} ORDER BY r.id`).all(...s.params, ...(keys ?? []), ...(keys ?? [])) as RelationRow[];
  return mergeRelations(rows, entityResolver(db, scope), evidenceByOwner(db, 'relation', scope));
}

/** Events in the scope, participants mapped to entities. */
export function readEvents(db: Database.Database, scope: Scope): Event[] {
  const s = scopeClause(scope);
  const resolve = entityResolver(db, scope);
  const rows = db.prepare(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, d.collection FROM events e
    JOIN documents d ON d.id = e.document_id WHERE ${s.sql} ORDER BY e.date, e.id`).all(...s.params) as EventRow[];
  const evidence = evidenceByOwner(db, 'event', scope);
  return rows.map((e) => toEvent(e, resolve, evidence(e.id)));
}

/** Claims in the scope, speakers mapped to entities. */
export function readClaims(db: Database.Database, scope: Scope): Claim[] {
  const s = scopeClause(scope);
  const resolve = entityResolver(db, scope);
  const rows = db.prepare(`SELECT c.id, c.speaker, c.speaker_text AS speakerText, c.text, c.stance, c.stage, c.version, d.collection FROM claims c
    JOIN documents d ON d.id = c.document_id WHERE ${s.sql} ORDER BY c.id`).all(...s.params) as ClaimRow[];
  const evidence = evidenceByOwner(db, 'claim', scope);
  return rows.map((c) => toClaim(c, resolve, evidence(c.id)));
}
