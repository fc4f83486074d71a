/** Extracted facts in PostgreSQL: one stage's output replaced in a transaction; reads with candidate keys mapped to entities. */
import type { Mention, Entity } from '../../model/index.js';
import { CANDIDATE_KEY_SQL, formatCandidateKey } from '../../model/index.js';
import type { Scope, StageOutput } from '../store.js';
import { entitiesFromRows, type NameRow } from '../shared/candidates.js';
import { eventColumns } from '../shared/merge-relations.js';
import { fallbackEntityId } from '../shared/keys.js';
import { applyReviews, REVIEW_COLUMNS, toReviewRecord, type ReviewRow } from '../shared/review-apply.js';
import { applyFactReviews, FACT_REVIEW_COLUMNS, toFactReviewRecord, type FactReviewRow } from '../shared/fact-review-apply.js';
import { type Db, Params, scopeSql } from './sql.js';

type OwnerKind = 'relation' | 'event' | 'claim';

/** Keeps the last item per id, as SQLite's INSERT OR REPLACE does within one batch. */
function lastById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((x) => [x.id, x])).values()];
}

/** Replaces one stage's output for one document (inside the caller's transaction) and records the stage version that ran. */
export async function writeStageOutput(db: Db, documentId: string, stage: string, version: string, out: StageOutput): Promise<void> {
  // One statement removes the earlier output (all CTEs see the same snapshot, so evidence still finds its owners).
  await db.query(`WITH ${(['relation', 'event', 'claim'] as const).map((kind) => `${kind}_evidence AS (DELETE FROM evidence
    WHERE owner_kind = '${kind}' AND owner_id IN (SELECT id FROM ${kind}s WHERE document_id = $1 AND stage = $2))`).join(', ')},
    ${['mentions', 'relations', 'events', 'claims'].map((t) => `${t}_rows AS (DELETE FROM ${t} WHERE document_id = $1 AND stage = $2)`).join(', ')}
    SELECT 1`, [documentId, stage]);
  const column = <T, V>(items: T[], f: (x: T) => V): V[] => items.map(f);
  const mentions = out.mentions ?? [];
  if (mentions.length > 0) {
    await db.query(`INSERT INTO mentions (document_id, span_start, span_end, type, text, norm, confidence, entity_key, stage, version)
      SELECT $1::text, *, $9::text, $10::text FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[])`, [
      documentId, column(mentions, (m) => m.start), column(mentions, (m) => m.end), column(mentions, (m) => m.type), column(mentions, (m) => m.text),
      column(mentions, (m) => m.norm), column(mentions, (m) => m.confidence ?? null), column(mentions, (m) => m.entityKey ?? null), stage, version,
    ]);
  }
  // Ids are global, as in SQLite (INSERT OR REPLACE): a later row with the same id replaces the earlier one.
  // Review decisions on this document's proposals apply again to what the stage proposes now (see applyReviews).
  const reviewed = out.relations
    ? applyReviews(documentId, stage, out.relations, (await db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM relation_reviews
      WHERE document_id = $1 ORDER BY id`, [documentId])).rows.map(toReviewRecord))
    : [];
  const relations = lastById(reviewed);
  if (relations.length > 0) {
    await db.query(`INSERT INTO relations (id, document_id, type, source, target, confidence, claim_id, attrs, stage, version, review)
      SELECT r.id, $1::text, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, $9::text, $10::text, r.review
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $11::text[])
        AS r(id, type, source, target, confidence, claim_id, attrs, review)
      ON CONFLICT (id) DO UPDATE SET document_id = EXCLUDED.document_id, type = EXCLUDED.type, source = EXCLUDED.source,
        target = EXCLUDED.target, confidence = EXCLUDED.confidence, claim_id = EXCLUDED.claim_id, attrs = EXCLUDED.attrs,
        stage = EXCLUDED.stage, version = EXCLUDED.version, review = EXCLUDED.review`, [
      documentId, column(relations, (r) => r.id), column(relations, (r) => r.type), column(relations, (r) => r.source),
      column(relations, (r) => r.target), column(relations, (r) => r.confidence), column(relations, (r) => r.claimId ?? null),
      column(relations, (r) => JSON.stringify(r.attrs ?? {})), stage, version, column(relations, (r) => (r.review ? JSON.stringify(r.review) : null)),
    ]);
  }
  // Decisions on events and claims likewise (see applyFactReviews).
  const factRecords = (await db.query<FactReviewRow>(`SELECT ${FACT_REVIEW_COLUMNS} FROM fact_reviews WHERE document_id = $1 AND kind <> 'entity'
    ORDER BY id`, [documentId])).rows.map(toFactReviewRecord);
  const reviewedEvents = applyFactReviews('event', documentId, stage, out.events ?? [], factRecords);
  const reviewedClaims = applyFactReviews('claim', documentId, stage, out.claims ?? [], factRecords);
  const reviewJson = (x: { review?: unknown }): string | null => (x.review ? JSON.stringify(x.review) : null);
  const events = lastById(reviewedEvents).map((e) => ({ ...e, ...eventColumns(e) }));
  if (events.length > 0) {
    await db.query(`INSERT INTO events (id, document_id, type, date, participants, attrs, stage, version, review)
      SELECT e.id, $1::text, e.type, e.date, e.participants, e.attrs, $7::text, $8::text, e.review
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $9::text[]) AS e(id, type, date, participants, attrs, review)
      ON CONFLICT (id) DO UPDATE SET document_id = EXCLUDED.document_id, type = EXCLUDED.type, date = EXCLUDED.date,
        participants = EXCLUDED.participants, attrs = EXCLUDED.attrs, stage = EXCLUDED.stage, version = EXCLUDED.version, review = EXCLUDED.review`, [
      documentId, column(events, (e) => e.id), column(events, (e) => e.type), column(events, (e) => e.date),
      column(events, (e) => e.participants), column(events, (e) => e.attrs), stage, version, column(events, reviewJson),
    ]);
  }
  const claims = lastById(reviewedClaims);
  if (claims.length > 0) {
    await db.query(`INSERT INTO claims (id, document_id, speaker, speaker_text, text, stance, stage, version, review)
      SELECT c.id, $1::text, c.speaker, c.speaker_text, c.text, c.stance, $7::text, $8::text, c.review
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $9::text[]) AS c(id, speaker, speaker_text, text, stance, review)
      ON CONFLICT (id) DO UPDATE SET document_id = EXCLUDED.document_id, speaker = EXCLUDED.speaker,
        speaker_text = EXCLUDED.speaker_text, text = EXCLUDED.text, stance = EXCLUDED.stance, stage = EXCLUDED.stage,
        version = EXCLUDED.version, review = EXCLUDED.review`, [
      documentId, column(claims, (c) => c.id), column(claims, (c) => c.speaker), column(claims, (c) => c.speakerText),
      column(claims, (c) => c.text), column(claims, (c) => c.stance), stage, version, column(claims, reviewJson),
    ]);
  }
  // Evidence of every item, duplicates of an id included (SQLite keeps those too).
  const evidence = [
    ...reviewed.flatMap((r) => r.evidence.map((e) => ({ kind: 'relation' as OwnerKind, id: r.id, e }))),
    ...reviewedEvents.flatMap((x) => x.evidence.map((e) => ({ kind: 'event' as OwnerKind, id: x.id, e }))),
    ...reviewedClaims.flatMap((c) => c.evidence.map((e) => ({ kind: 'claim' as OwnerKind, id: c.id, e }))),
  ];
  if (evidence.length > 0) {
    await db.query(`INSERT INTO evidence (owner_kind, owner_id, document_id, span_start, span_end, text)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[])`, [
      column(evidence, (x) => x.kind), column(evidence, (x) => x.id), column(evidence, (x) => x.e.documentId),
      column(evidence, (x) => x.e.start), column(evidence, (x) => x.e.end), column(evidence, (x) => x.e.text),
    ]);
  }
  await db.query(`INSERT INTO stage_runs (document_id, stage, version, at, status, error) VALUES ($1, $2, $3, $4, 'done', NULL)
    ON CONFLICT (document_id, stage) DO UPDATE SET version = EXCLUDED.version, at = EXCLUDED.at, status = 'done', error = NULL`,
  [documentId, stage, version, new Date().toISOString()]);
}

/** Mentions in one document, in text order, each mapped to its entity through the map rows of this document's keys only. */
export async function readMentions(db: Db, documentId: string, scope: Scope): Promise<Mention[]> {
  const p = new Params();
  const id = p.add(documentId);
  const rows = await db.query<Mention & { confidence: number | null; entityKey: string | null; collection: string; resolved: string | null }>(`SELECT
    m.document_id AS "documentId", m.span_start AS start, m.span_end AS "end", m.text, m.type, m.norm, m.confidence, m.entity_key AS "entityKey",
    m.stage, m.version, d.collection, em.entity_id AS resolved FROM mentions m JOIN documents d ON d.id = m.document_id
    LEFT JOIN entity_members em ON em.collection = d.collection
      AND em.candidate_key = coalesce(m.entity_key, ${CANDIDATE_KEY_SQL})
    WHERE m.document_id = ${id} AND ${scopeSql(p, scope)} ORDER BY m.span_start, m.span_end, m.stage, m.id`, p.values);
  return rows.rows.map((r) => {
    const { collection, resolved, ...m } = r;
    const entityId = resolved ?? fallbackEntityId(collection, m.entityKey ?? formatCandidateKey(documentId, m.type, m.norm));
    return { ...m, confidence: m.confidence ?? undefined, entityKey: m.entityKey ?? undefined, entityId };
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
