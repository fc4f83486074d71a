/** Extracted facts in PostgreSQL: one stage's output replaced in a transaction; reads with candidate keys mapped to entities. */
import type pg from 'pg';
import type { Mention, Entity, Evidence, Relation, Event, Claim } from '../../model/index.js';
import type { Scope, StageOutput } from '../store.js';
import { entitiesFromRows, type NameRow } from '../shared/candidates.js';
import {
  makeEntityResolver, mergeRelations, toEvent, toClaim, eventColumns, type EntityResolver, type RelationRow, type EventRow,
  type ClaimRow,
} from '../shared/merge-relations.js';
import { type Db, Params, scopeSql } from './sql.js';

type OwnerKind = 'relation' | 'event' | 'claim';

/** Keeps the last item per id, as SQLite's INSERT OR REPLACE does within one batch. */
function lastById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((x) => [x.id, x])).values()];
}

/** Replaces one stage's output for one document (inside the caller's transaction) and records the stage version that ran. */
export async function writeStageOutput(db: pg.PoolClient, documentId: string, stage: string, version: string, out: StageOutput): Promise<void> {
  for (const kind of ['relation', 'event', 'claim'] as const) {
    await db.query(`DELETE FROM evidence WHERE owner_kind = $1 AND owner_id IN (SELECT id FROM ${kind}s WHERE document_id = $2 AND stage = $3)`,
      [kind, documentId, stage]);
  }
  for (const table of ['mentions', 'relations', 'events', 'claims']) {
    await db.query(`DELETE FROM ${table} WHERE document_id = $1 AND stage = $2`, [documentId, stage]);
  }
  const mentions = out.mentions ?? [];
  if (mentions.length > 0) {
    await db.query(`INSERT INTO mentions (document_id, span_start, span_end, type, text, norm, confidence, entity_key, stage, version)
      SELECT $1::text, *, $9::text, $10::text FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[])`, [
      documentId, mentions.map((m) => m.start), mentions.map((m) => m.end), mentions.map((m) => m.type), mentions.map((m) => m.text),
      mentions.map((m) => m.norm), mentions.map((m) => m.confidence ?? null), mentions.map((m) => m.entityKey ?? null), stage, version,
    ]);
  }
  const evidence: { kind: OwnerKind; id: string; e: Evidence }[] = [];
  const relations = out.relations ?? [];
  for (const r of lastById(relations)) {
    await db.query(`INSERT INTO relations (id, document_id, type, source, target, confidence, claim_id, attrs, stage, version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO UPDATE SET document_id = EXCLUDED.document_id,
      type = EXCLUDED.type, source = EXCLUDED.source, target = EXCLUDED.target, confidence = EXCLUDED.confidence,
      claim_id = EXCLUDED.claim_id, attrs = EXCLUDED.attrs, stage = EXCLUDED.stage, version = EXCLUDED.version`,
    [r.id, documentId, r.type, r.source, r.target, r.confidence, r.claimId ?? null, JSON.stringify(r.attrs ?? {}), stage, version]);
  }
  for (const r of relations) evidence.push(...r.evidence.map((e) => ({ kind: 'relation' as const, id: r.id, e })));
  const events = out.events ?? [];
  for (const e of lastById(events)) {
    const { participants, attrs } = eventColumns(e);
    await db.query(`INSERT INTO events (id, document_id, type, date, participants, attrs, stage, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (id) DO UPDATE SET document_id = EXCLUDED.document_id, type = EXCLUDED.type, date = EXCLUDED.date,
      participants = EXCLUDED.participants, attrs = EXCLUDED.attrs, stage = EXCLUDED.stage, version = EXCLUDED.version`,
    [e.id, documentId, e.type, e.date, participants, attrs, stage, version]);
  }
  for (const x of events) evidence.push(...x.evidence.map((e) => ({ kind: 'event' as const, id: x.id, e })));
  const claims = out.claims ?? [];
  for (const c of lastById(claims)) {
    await db.query(`INSERT INTO claims (id, document_id, speaker, speaker_text, text, stance, stage, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (id) DO UPDATE SET document_id = EXCLUDED.document_id, speaker = EXCLUDED.speaker, speaker_text = EXCLUDED.speaker_text,
      text = EXCLUDED.text, stance = EXCLUDED.stance, stage = EXCLUDED.stage, version = EXCLUDED.version`,
    [c.id, documentId, c.speaker, c.speakerText, c.text, c.stance, stage, version]);
  }
  for (const c of claims) evidence.push(...c.evidence.map((e) => ({ kind: 'claim' as const, id: c.id, e })));
  if (evidence.length > 0) {
    await db.query(`INSERT INTO evidence (owner_kind, owner_id, document_id, span_start, span_end, text)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[])`, [
      evidence.map((x) => x.kind), evidence.map((x) => x.id), evidence.map((x) => x.e.documentId), evidence.map((x) => x.e.start),
      evidence.map((x) => x.e.end), evidence.map((x) => x.e.text),
    ]);
  }
  await db.query(`INSERT INTO stage_runs (document_id, stage, version, at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (document_id, stage) DO UPDATE SET version = EXCLUDED.version, at = EXCLUDED.at`,
  [documentId, stage, version, new Date().toISOString()]);
}

/** Maps candidate keys to entity ids for the visible collections. */
export async function entityResolver(db: Db, scope: Scope): Promise<EntityResolver> {
  const p = new Params();
  const rows = await db.query<{ collection: string; k: string; e: string }>(`SELECT m.collection, m.candidate_key AS k, m.entity_id AS e
    FROM entity_members m WHERE m.collection IN (SELECT DISTINCT d.collection FROM documents d WHERE ${scopeSql(p, scope)})`, p.values);
  return makeEntityResolver(rows.rows);
}

/** Mentions in one document, in text order. */
export async function readMentions(db: Db, documentId: string, scope: Scope): Promise<Mention[]> {
  const p = new Params();
  const id = p.add(documentId);
  const resolve = await entityResolver(db, scope);
  const rows = await db.query(`SELECT m.document_id AS "documentId", m.span_start AS start, m.span_end AS "end", m.text, m.type, m.norm,
    m.confidence, m.entity_key AS "entityKey", m.stage, m.version, d.collection FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.document_id = ${id} AND ${scopeSql(p, scope)} ORDER BY m.span_start, m.span_end, m.stage, m.id`, p.values);
  return rows.rows.map((r) => {
    const { collection, ...m } = r as Mention & { confidence: number | null; entityKey: string | null; collection: string };
    const key = m.entityKey ?? `${documentId}#${m.type}:${m.norm}`;
    return { ...m, confidence: m.confidence ?? undefined, entityKey: m.entityKey ?? undefined, entityId: resolve(collection, key) };
  });
}

/** Entities before cross-document resolution (see entitiesFromRows). */
export async function readEntities(db: Db, scope: Scope): Promise<Entity[]> {
  const p = new Params();
  const rows = await db.query<NameRow>(`SELECT d.collection, m.type, m.norm, m.text, m.document_id AS doc, count(*)::int AS n
    FROM mentions m JOIN documents d ON d.id = m.document_id WHERE ${scopeSql(p, scope)} AND m.norm <> ''
    GROUP BY d.collection, m.type, m.norm, m.text, m.document_id ORDER BY d.collection, m.type, m.norm, m.text, m.document_id`, p.values);
  return entitiesFromRows(rows.rows);
}

/** Evidence of every visible fact of one kind, by owner id, ordered by document and start. */
async function evidenceByOwner(db: Db, kind: OwnerKind, scope: Scope): Promise<(id: string) => Evidence[]> {
  const p = new Params();
  const k = p.add(kind);
  const rows = await db.query<Evidence & { owner: string }>(`SELECT e.owner_id AS owner, e.document_id AS "documentId", e.span_start AS start,
    e.span_end AS "end", e.text FROM evidence e WHERE e.owner_kind = ${k} AND e.owner_id IN
    (SELECT f.id FROM ${kind}s f JOIN documents d ON d.id = f.document_id WHERE ${scopeSql(p, scope)})
    ORDER BY e.owner_id, e.document_id, e.span_start, e.seq`, p.values);
  const byOwner = new Map<string, Evidence[]>();
  for (const { owner, ...e } of rows.rows) {
    const list = byOwner.get(owner) ?? [];
    list.push(e);
    byOwner.set(owner, list);
  }
  return (id) => byOwner.get(id) ?? [];
}

/** Relations merged across documents (see mergeRelations). */
export async function readMergedRelations(db: Db, scope: Scope): Promise<Relation[]> {
  const p = new Params();
  const rows = await db.query<RelationRow>(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp FROM relations r JOIN documents d ON d.id = r.document_id
    WHERE ${scopeSql(p, scope)} ORDER BY r.id`, p.values);
  return mergeRelations(rows.rows, await entityResolver(db, scope), await evidenceByOwner(db, 'relation', scope));
}

/** Events in the scope, participants mapped to entities. */
export async function readEvents(db: Db, scope: Scope): Promise<Event[]> {
  const p = new Params();
  const rows = await db.query<EventRow>(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, d.collection FROM events e
    JOIN documents d ON d.id = e.document_id WHERE ${scopeSql(p, scope)} ORDER BY e.date, e.id`, p.values);
  const resolve = await entityResolver(db, scope);
  const evidence = await evidenceByOwner(db, 'event', scope);
  return rows.rows.map((e) => toEvent(e, resolve, evidence(e.id)));
}

/** Claims in the scope, speakers mapped to entities. */
export async function readClaims(db: Db, scope: Scope): Promise<Claim[]> {
  const p = new Params();
  const rows = await db.query<ClaimRow>(`SELECT c.id, c.speaker, c.speaker_text AS "speakerText", c.text, c.stance, c.stage, c.version,
    d.collection FROM claims c JOIN documents d ON d.id = c.document_id WHERE ${scopeSql(p, scope)} ORDER BY c.id`, p.values);
  const resolve = await entityResolver(db, scope);
  const evidence = await evidenceByOwner(db, 'claim', scope);
  return rows.rows.map((c) => toClaim(c, resolve, evidence(c.id)));
}
