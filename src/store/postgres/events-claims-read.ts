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
  // Each member key's rows by index, one key at a time: OFFSET 0 keeps the planner from flattening the lateral read into
  // a hash join. It estimates ten times the member keys a hub has (1,849 for 235 on the kept 20k store) and then read
  // all of event_keys or claims (63,086 and 20,767 rows) in a sequential scan: 10.9 and 6.3 ms against 1.9 and 0.7.
  return kind === 'events'
    ? `${alias}.id IN (SELECT k.event_id FROM entity_members em CROSS JOIN LATERAL (SELECT ek.event_id FROM event_keys ek WHERE ek.key = em.candidate_key OFFSET 0) k
      WHERE em.entity_id = ANY(${ids}) AND em.events > 0)`
    : `${alias}.id IN (SELECT x.id FROM entity_members em CROSS JOIN LATERAL (SELECT cs.id FROM claims cs WHERE cs.speaker = em.candidate_key OFFSET 0) x
      WHERE em.entity_id = ANY(${ids}) AND em.claims > 0)`;
}

/** Selected events in the scope, oldest first, participants and places mapped to entities. */
export async function readEvents(db: Db, scope: Scope, sel: FactSelection = { all: true }): Promise<Event[]> {
  const p = new Params();
  const rows = (await db.query<EventRow>(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, e.review, d.collection FROM events e
    JOIN documents d ON d.id = e.document_id WHERE ${selection(p, sel, 'events', 'e')} AND ${scopeSql(p, scope)} ORDER BY e.date, e.id`, p.values)).rows;
  return completeEvents(db, scope, sel, rows);
}

/**
 * Events `offset` to `offset + limit` of the selection in the scope, the newest first (dates compared as text in the
 * columns' C collation, undated last, then by id: newestFirst in network/entity-events.ts), and how many there are;
 * only the page's are completed.
 */
export async function readEventsPage(db: Db, scope: Scope, sel: FactSelection, offset: number, limit: number): Promise<{ items: Event[]; total: number }> {
  const p = new Params();
  const from = `FROM events e JOIN documents d ON d.id = e.document_id WHERE ${selection(p, sel, 'events', 'e')} AND ${scopeSql(p, scope)}`;
  const total = Number((await db.query<{ n: string | number }>(`SELECT count(*) AS n ${from}`, p.values)).rows[0]?.n ?? 0);
  if (total <= offset) return { items: [], total };
  const rows = (await db.query<EventRow>(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, e.review, d.collection ${from}
    ORDER BY coalesce(e.date, '') = '', e.date DESC, e.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values)).rows;
  return { items: await completeEvents(db, scope, { ids: rows.map((e) => e.id) }, rows), total };
}

/** Event rows with their participants and places mapped to entities and their evidence (of `sel`: by id unless all). */
async function completeEvents(db: Db, scope: Scope, sel: FactSelection, rows: EventRow[]): Promise<Event[]> {
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
