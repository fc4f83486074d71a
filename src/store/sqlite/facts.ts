/** Reading and writing extracted facts (mentions, relations, events, claims) and their evidence. */
import type Database from 'better-sqlite3';
import type { Mention, Entity, Evidence } from '../../model/index.js';
import { CANDIDATE_KEY_SQL, formatCandidateKey } from '../../model/index.js';
import type { Scope, StageOutput } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { fallbackEntityId } from '../shared/keys.js';
import { entitiesFromRows, type NameRow } from '../shared/candidates.js';
import { eventColumns } from '../shared/merge-relations.js';
import { applyReviews, REVIEW_COLUMNS, toReviewRecord, type ReviewRow } from '../shared/review-apply.js';
import { applyFactReviews, FACT_REVIEW_COLUMNS, toFactReviewRecord, type FactReviewRow } from '../shared/fact-review-apply.js';
import { cachedStatement } from './statement-cache.js';

/** The statements of writeStageOutput, prepared once per connection (preparing them per call cost ~1 ms a document). */
interface WriteStatements {
  deleteEvidence: Record<'relation' | 'event' | 'claim', Database.Statement>;
  deleteRows: Database.Statement[];
  evidence: Database.Statement;
  mention: Database.Statement;
  relation: Database.Statement;
  event: Database.Statement;
  claim: Database.Statement;
  done: Database.Statement;
  reviews: Database.Statement;
  factReviews: Database.Statement;
  write: (documentId: string, stage: string, version: string, out: StageOutput) => void;
}

const prepared = new WeakMap<Database.Database, WriteStatements>();

function statements(db: Database.Database): WriteStatements {
  const known = prepared.get(db);
  if (known) return known;
  const deleteEvidence = (kind: string): Database.Statement =>
    db.prepare(`DELETE FROM evidence WHERE owner_kind = ? AND owner_id IN (SELECT id FROM ${kind}s WHERE document_id = ? AND stage = ?)`);
  const st: Omit<WriteStatements, 'write'> = {
    deleteEvidence: { relation: deleteEvidence('relation'), event: deleteEvidence('event'), claim: deleteEvidence('claim') },
    deleteRows: ['mentions', 'relations', 'events', 'claims'].map((table) => db.prepare(`DELETE FROM ${table} WHERE document_id = ? AND stage = ?`)),
    evidence: db.prepare('INSERT INTO evidence (owner_kind, owner_id, document_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)'),
    mention: db.prepare(`INSERT INTO mentions (document_id, start, end, type, text, norm, confidence, entity_key, stage, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    relation: db.prepare(`INSERT OR REPLACE INTO relations (id, document_id, type, source, target, confidence, claim_id, attrs, stage, version, review)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    event: db.prepare('INSERT OR REPLACE INTO events (id, document_id, type, date, participants, attrs, stage, version, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    claim: db.prepare(`INSERT OR REPLACE INTO claims (id, document_id, speaker, speaker_text, text, stance, stage, version, review)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    done: db.prepare(`INSERT INTO stage_runs (document_id, stage, version, at, status, error) VALUES (?, ?, ?, ?, 'done', NULL)
      ON CONFLICT (document_id, stage) DO UPDATE SET version = excluded.version, at = excluded.at, status = 'done', error = NULL`),
    reviews: db.prepare(`SELECT ${REVIEW_COLUMNS} FROM relation_reviews WHERE document_id = ? ORDER BY id`),
    factReviews: db.prepare(`SELECT ${FACT_REVIEW_COLUMNS} FROM fact_reviews WHERE document_id = ? AND kind <> 'entity' ORDER BY id`),
  };
  const full: WriteStatements = { ...st, write: db.transaction((documentId: string, stage: string, version: string, out: StageOutput) => writeRows(full, documentId, stage, version, out)) };
  prepared.set(db, full);
  return full;
}

function writeRows(st: WriteStatements, documentId: string, stage: string, version: string, out: StageOutput): void {
  const addEvidence = (kind: string, id: string, list: Evidence[]): void => {
    for (const e of list) st.evidence.run(kind, id, e.documentId, e.start, e.end, e.text);
  };
  for (const kind of ['relation', 'event', 'claim'] as const) st.deleteEvidence[kind].run(kind, documentId, stage);
  for (const del of st.deleteRows) del.run(documentId, stage);
  for (const m of out.mentions ?? []) {
    st.mention.run(documentId, m.start, m.end, m.type, m.text, m.norm, m.confidence ?? null, m.entityKey ?? null, stage, version);
  }
  // Review decisions on this document's proposals apply again to what the stage proposes now (one indexed probe).
  const relations = out.relations ? applyReviews(documentId, stage, out.relations, (st.reviews.all(documentId) as ReviewRow[]).map(toReviewRecord)) : [];
  for (const r of relations) {
    st.relation.run(r.id, documentId, r.type, r.source, r.target, r.confidence, r.claimId ?? null, JSON.stringify(r.attrs ?? {}), stage, version,
      r.review ? JSON.stringify(r.review) : null);
    addEvidence('relation', r.id, r.evidence);
  }
  // Decisions on events and claims likewise (see applyFactReviews).
  const factRecords = (st.factReviews.all(documentId) as FactReviewRow[]).map(toFactReviewRecord);
  for (const e of applyFactReviews('event', documentId, stage, out.events ?? [], factRecords)) {
    const { participants, attrs } = eventColumns(e);
    st.event.run(e.id, documentId, e.type, e.date, participants, attrs, stage, version, e.review ? JSON.stringify(e.review) : null);
    addEvidence('event', e.id, e.evidence);
  }
  for (const c of applyFactReviews('claim', documentId, stage, out.claims ?? [], factRecords)) {
    st.claim.run(c.id, documentId, c.speaker, c.speakerText, c.text, c.stance, stage, version, c.review ? JSON.stringify(c.review) : null);
    addEvidence('claim', c.id, c.evidence);
  }
  st.done.run(documentId, stage, version, new Date().toISOString());
}

/** Replaces one stage's output for one document, atomically, and records the stage version that ran. */
export function writeStageOutput(db: Database.Database, documentId: string, stage: string, version: string, out: StageOutput): void {
  statements(db).write(documentId, stage, version, out);
}

/** Mentions in one document, in text order, each mapped to its entity through the map rows of this document's keys only. */
export function readMentions(db: Database.Database, documentId: string, scope: Scope): Mention[] {
  const s = scopeClause(scope);
  return cachedStatement(db, `SELECT m.document_id AS documentId, m.start, m.end, m.text, m.type, m.norm, m.confidence, m.entity_key AS entityKey,
    m.stage, m.version, d.collection, em.entity_id AS resolved FROM mentions m JOIN documents d ON d.id = m.document_id
    LEFT JOIN entity_members em ON em.collection = d.collection
      AND em.candidate_key = coalesce(m.entity_key, ${CANDIDATE_KEY_SQL})
    WHERE m.document_id = ? AND ${s.sql} ORDER BY m.start, m.end, m.stage`)
    .all(documentId, ...s.params)
    .map((r) => {
      const { collection, resolved, ...m } = r as Mention & { confidence: number | null; entityKey: string | null; collection: string; resolved: string | null };
      const entityId = resolved ?? fallbackEntityId(collection, m.entityKey ?? formatCandidateKey(documentId, m.type, m.norm));
      return { ...m, confidence: m.confidence ?? undefined, entityKey: m.entityKey ?? undefined, entityId };
    });
}

/** Entities before cross-document resolution: one per collection, type and normalised name, named by its most frequent spelling. */
export function readEntities(db: Database.Database, scope: Scope): Entity[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT d.collection, m.type, m.norm, m.text, m.document_id AS doc, count(*) AS n
    FROM mentions m JOIN documents d ON d.id = m.document_id WHERE ${s.sql} AND m.norm <> ''
    GROUP BY d.collection, m.type, m.norm, m.text, m.document_id ORDER BY d.collection, m.type, m.norm`)
    .all(...s.params) as NameRow[];
  return entitiesFromRows(rows);
}
