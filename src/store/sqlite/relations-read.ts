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

function evidenceOf(db: Database.Database, kind: string, id: string): Evidence[] {
  return db.prepare('SELECT document_id AS documentId, start, end, text FROM evidence WHERE owner_kind = ? AND owner_id = ? ORDER BY document_id, start')
    .all(kind, id) as Evidence[];
}

/** Relations merged across documents (see mergeRelations). */
export function readMergedRelations(db: Database.Database, scope: Scope): Relation[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp FROM relations r JOIN documents d ON d.id = r.document_id
    WHERE ${s.sql} ORDER BY r.id`).all(...s.params) as RelationRow[];
  return mergeRelations(rows, entityResolver(db, scope), (id) => evidenceOf(db, 'relation', id));
}

/** Events in the scope, participants mapped to entities. */
export function readEvents(db: Database.Database, scope: Scope): Event[] {
  const s = scopeClause(scope);
  const resolve = entityResolver(db, scope);
  const rows = db.prepare(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, d.collection FROM events e
    JOIN documents d ON d.id = e.document_id WHERE ${s.sql} ORDER BY e.date, e.id`).all(...s.params) as EventRow[];
  return rows.map((e) => toEvent(e, resolve, evidenceOf(db, 'event', e.id)));
}

/** Claims in the scope, speakers mapped to entities. */
export function readClaims(db: Database.Database, scope: Scope): Claim[] {
  const s = scopeClause(scope);
  const resolve = entityResolver(db, scope);
  const rows = db.prepare(`SELECT c.id, c.speaker, c.speaker_text AS speakerText, c.text, c.stance, c.stage, c.version, d.collection FROM claims c
    JOIN documents d ON d.id = c.document_id WHERE ${s.sql} ORDER BY c.id`).all(...s.params) as ClaimRow[];
  return rows.map((c) => toClaim(c, resolve, evidenceOf(db, 'claim', c.id)));
}
