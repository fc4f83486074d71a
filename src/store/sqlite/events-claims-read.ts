/** Events and claims read by key in SQLite: all in the scope, an entity's (participant, place or speaker key), or one document's. */
import type Database from 'better-sqlite3';
import type { Event, Claim } from '../../model/index.js';
import type { Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { IN_JSON } from './entity-reads.js';
import { evidenceOf } from './relations-read.js';
import { makeEntityResolver, keysByCollection, type EntityResolver } from '../shared/keys.js';
import { toEvent, toClaim, type EventRow, type ClaimRow } from '../shared/merge-relations.js';

/** Which events or claims to read. */
export type FactSelection = { all: true } | { entities: readonly string[] } | { document: string } | { ids: readonly string[] };

/** A resolver over the map rows of just these keys: one statement per collection, the keys bound as one JSON array. */
export function resolverFor(db: Database.Database, pairs: Iterable<readonly [string, string]>): EntityResolver {
  const statement = db.prepare(`SELECT candidate_key AS k, entity_id AS e FROM entity_members WHERE collection = ? AND candidate_key ${IN_JSON}`);
  const rows: { collection: string; k: string; e: string }[] = [];
  for (const [collection, keys] of keysByCollection(pairs)) {
    for (const r of statement.iterate(collection, JSON.stringify(keys)) as Iterable<{ k: string; e: string }>) rows.push({ collection, ...r });
  }
  return makeEntityResolver(rows);
}

function selection(sel: FactSelection, kind: 'events' | 'claims', alias: string): { where: string; params: unknown[] } {
  if ('all' in sel) return { where: '1', params: [] };
  if ('document' in sel) return { where: `${alias}.document_id = ?`, params: [sel.document] };
  if ('ids' in sel) return { where: `${alias}.id ${IN_JSON}`, params: [JSON.stringify([...sel.ids])] };
  const ids = JSON.stringify([...sel.entities]);
  // Events by participant or place key (event_keys, kept by triggers), claims by speaker key (indexed): only the member
  // keys that have any, from a partial index (their counts kept by triggers, migration 23).
  return kind === 'events'
    ? { where: `${alias}.id IN (SELECT k.event_id FROM entity_members em INDEXED BY entity_members_events JOIN event_keys k ON k.key = em.candidate_key
        WHERE em.entity_id ${IN_JSON} AND em.events > 0)`, params: [ids] }
    : { where: `${alias}.speaker IN (SELECT em.candidate_key FROM entity_members em INDEXED BY entity_members_claims WHERE em.entity_id ${IN_JSON} AND em.claims > 0)`, params: [ids] };
}

/** Selected events in the scope, oldest first, participants and places mapped to entities. */
export function readEvents(db: Database.Database, scope: Scope, sel: FactSelection = { all: true }): Event[] {
  const s = scopeClause(scope);
  const w = selection(sel, 'events', 'e');
  const rows = db.prepare(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, e.review, d.collection FROM events e
    JOIN documents d INDEXED BY documents_group ON d.id = e.document_id WHERE ${w.where} AND ${s.sql} ORDER BY e.date, e.id`).all(...w.params, ...s.params) as EventRow[];
  return completeEvents(db, scope, sel, rows);
}

/**
 * Events `offset` to `offset + limit` of the selection in the scope, the newest first (dates compared as text, undated
 * last, then by id: newestFirst in network/entity-events.ts), and how many there are; only the page's are completed.
 */
export function readEventsPage(db: Database.Database, scope: Scope, sel: FactSelection, offset: number, limit: number): { items: Event[]; total: number } {
  const s = scopeClause(scope);
  const w = selection(sel, 'events', 'e');
  const from = `FROM events e JOIN documents d INDEXED BY documents_group ON d.id = e.document_id WHERE ${w.where} AND ${s.sql}`;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(...w.params, ...s.params) as number;
  const rows = total <= offset ? [] : db.prepare(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, e.review, d.collection ${from}
    ORDER BY coalesce(e.date, '') = '', e.date DESC, e.id LIMIT ? OFFSET ?`).all(...w.params, ...s.params, limit, offset) as EventRow[];
  return { items: completeEvents(db, scope, { ids: rows.map((e) => e.id) }, rows), total };
}

/** Event rows with their participants and places mapped to entities and their evidence (of `sel`: by id unless all). */
function completeEvents(db: Database.Database, scope: Scope, sel: FactSelection, rows: EventRow[]): Event[] {
  if (rows.length === 0) return [];
  const keys = rows.flatMap((e) => {
    const place = (JSON.parse(e.attrs) as { place?: string }).place;
    return [...(JSON.parse(e.participants) as string[]), ...(place ? [place] : [])].map((k) => [e.collection, k] as const);
  });
  const resolve = resolverFor(db, keys);
  const evidence = evidenceOf(db, 'event', 'all' in sel ? null : rows.map((e) => e.id), scope);
  return rows.map((e) => toEvent(e, resolve, evidence(e.id)));
}

/** Selected claims in the scope, speakers mapped to entities. */
export function readClaims(db: Database.Database, scope: Scope, sel: FactSelection = { all: true }): Claim[] {
  const s = scopeClause(scope);
  const w = selection(sel, 'claims', 'c');
  const rows = db.prepare(`SELECT c.id, c.speaker, c.speaker_text AS speakerText, c.text, c.stance, c.stage, c.version, c.review, d.collection,
    ms.entity_id AS speakerEntity FROM claims c JOIN documents d INDEXED BY documents_group ON d.id = c.document_id
    LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = c.speaker
    WHERE ${w.where} AND ${s.sql} ORDER BY c.id`).all(...w.params, ...s.params) as (ClaimRow & { speakerEntity: string | null })[];
  if (rows.length === 0) return [];
  const resolve = makeEntityResolver(rows.filter((c) => c.speaker && c.speakerEntity).map((c) => ({ collection: c.collection, k: c.speaker!, e: c.speakerEntity! })));
  const evidence = evidenceOf(db, 'claim', 'all' in sel ? null : rows.map((c) => c.id), scope);
  return rows.map(({ speakerEntity: _e, ...c }) => toClaim(c, resolve, evidence(c.id)));
}
