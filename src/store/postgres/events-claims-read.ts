/** Events and claims read by key in PostgreSQL: all in the scope, an entity's (participant, place or speaker key), or one document's. */
import type { Event, Claim } from '../../model/index.js';
import type { Scope } from '../store.js';
import { type Db, Params, scopeSql } from './sql.js';
import { evidenceOf } from './relations-read.js';
import { makeEntityResolver, keysByCollection, type EntityResolver } from '../shared/keys.js';
import { toEvent, toClaim, type EventRow, type ClaimRow } from '../shared/merge-relations.js';

/** Which events or claims to read. */
export type FactSelection = { all: true } | { entities: readonly string[] } | { document: string } | { ids: readonly string[] };

/** A resolver over the map rows of just these keys: one statement per collection, the keys bound as one array. */
export async function resolverFor(db: Db, pairs: Iterable<readonly [string, string]>): Promise<EntityResolver> {
  const rows: { collection: string; k: string; e: string }[] = [];
  for (const [collection, keys] of keysByCollection(pairs)) {
    const found = await db.query<{ k: string; e: string }>(`SELECT candidate_key AS k, entity_id AS e FROM entity_members
      WHERE collection = $1 AND candidate_key = ANY($2::text[])`, [collection, keys]);
    for (const r of found.rows) rows.push({ collection, ...r });
  }
  return makeEntityResolver(rows);
}

function selection(p: Params, sel: FactSelection, kind: 'events' | 'claims', alias: string): string {
  if ('all' in sel) return 'TRUE';
  if ('document' in sel) return `${alias}.document_id = ${p.add(sel.document)}`;
  if ('ids' in sel) return `${alias}.id = ANY(${p.add([...sel.ids])}::text[])`;
  const ids = `${p.add([...sel.entities])}::text[]`;
  return kind === 'events'
    ? `${alias}.id IN (SELECT k.event_id FROM entity_members em JOIN event_keys k ON k.key = em.candidate_key WHERE em.entity_id = ANY(${ids}) AND em.events > 0)`
    : `${alias}.speaker IN (SELECT em.candidate_key FROM entity_members em WHERE em.entity_id = ANY(${ids}) AND em.claims > 0)`;
}

/** Selected events in the scope, oldest first, participants and places mapped to entities. */
export async function readEvents(db: Db, scope: Scope, sel: FactSelection = { all: true }): Promise<Event[]> {
  const p = new Params();
  const rows = (await db.query<EventRow>(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, e.review, d.collection FROM events e
    JOIN documents d ON d.id = e.document_id WHERE ${selection(p, sel, 'events', 'e')} AND ${scopeSql(p, scope)} ORDER BY e.date, e.id`, p.values)).rows;
  if (rows.length === 0) return [];
  const keys = rows.flatMap((e) => {
    const place = (JSON.parse(e.attrs) as { place?: string }).place;
    return [...(JSON.parse(e.participants) as string[]), ...(place ? [place] : [])].map((k) => [e.collection, k] as const);
  });
  const resolve = await resolverFor(db, keys);
  const evidence = await evidenceOf(db, 'event', 'all' in sel ? null : rows.map((e) => e.id), scope);
  return rows.map((e) => toEvent(e, resolve, evidence(e.id)));
}

/** Selected claims in the scope, speakers mapped to entities. */
export async function readClaims(db: Db, scope: Scope, sel: FactSelection = { all: true }): Promise<Claim[]> {
  const p = new Params();
  const rows = (await db.query<ClaimRow & { speakerEntity: string | null }>(`SELECT c.id, c.speaker, c.speaker_text AS "speakerText", c.text,
    c.stance, c.stage, c.version, c.review, d.collection, ms.entity_id AS "speakerEntity" FROM claims c JOIN documents d ON d.id = c.document_id
    LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = c.speaker
    WHERE ${selection(p, sel, 'claims', 'c')} AND ${scopeSql(p, scope)} ORDER BY c.id`, p.values)).rows;
  if (rows.length === 0) return [];
  const resolve = makeEntityResolver(rows.filter((c) => c.speaker && c.speakerEntity).map((c) => ({ collection: c.collection, k: c.speaker!, e: c.speakerEntity! })));
  const evidence = await evidenceOf(db, 'claim', 'all' in sel ? null : rows.map((c) => c.id), scope);
  return rows.map(({ speakerEntity: _e, ...c }) => toClaim(c, resolve, evidence(c.id)));
}
