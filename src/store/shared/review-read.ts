/** Proposals read for review: relation rows as stored with their evidence, ends mapped to entities, and rejected ones. */
import type { Evidence, Proposal, RelationReview } from '../../model/index.js';
import type { ProposalFilter, StoredProposal } from '../review.js';
import type { Scope } from '../store.js';
import type { SqlExecutor } from './resolution-sql.js';
import { fallbackEntityId } from './keys.js';
import { decisionsInForce, proposalId, REVIEW_COLUMNS, toReviewRecord, type ReviewRow } from './review-apply.js';

interface Row {
  id: string; document_id: string; collection: string; type: string; source: string; target: string; confidence: number;
  claim_id: string | null; attrs: string; stage: string; version: string; review: string | null;
  /** The first evidence span, when read instead of the evidence (ProposalFilter.evidence `first`). */
  first_start?: number | string | null; first_end?: number | string | null;
}

/** The collections of a scope as a WHERE fragment over documents aliased `d`. */
function scopeWhere(exec: SqlExecutor, scope: Scope): { sql: string; params: unknown[] } {
  if (scope.collections === '*') return { sql: '1 = 1', params: [] };
  return exec.dialect.inList('d.collection', scope.collections);
}

/** The evidence of relation rows by row id, each ordered by start. */
export async function evidenceOfRows(exec: SqlExecutor, spans: [string, string], rowIds: readonly string[]): Promise<Map<string, Evidence[]>> {
  const byOwner = new Map<string, Evidence[]>();
  if (rowIds.length === 0) return byOwner;
  const ids = exec.dialect.inList('owner_id', [...new Set(rowIds)]);
  const evidence = await exec.all<Evidence & { owner: string }>(`SELECT owner_id AS owner, document_id AS "documentId", ${spans[0]} AS start,
    ${spans[1]} AS "end", text FROM evidence WHERE owner_kind = 'relation' AND ${ids.sql} ORDER BY owner_id, ${spans[0]}`, ids.params);
  for (const { owner, ...e } of evidence) {
    const list = byOwner.get(owner);
    if (list) list.push(e);
    else byOwner.set(owner, [e]);
  }
  return byOwner;
}

/** The first evidence span of each row as columns (for ProposalFilter.evidence `first`). */
const firstSpan = (spans: [string, string]): string => ['first_start', 'first_end'].map((as, i) => `(SELECT e.${spans[i]} FROM evidence e
  WHERE e.owner_kind = 'relation' AND e.owner_id = r.id ORDER BY e.${spans[0]}, e.${spans[1]} LIMIT 1) AS ${as}`).join(', ');

/**
 * Rows as proposals with their evidence (or only the first span, without text, when the rows carry it): the proposal id
 * of a reviewed row is the one its review names.
 */
async function asProposals(exec: SqlExecutor, spans: [string, string], rows: Row[], firstOnly = false): Promise<(Proposal & { review?: RelationReview })[]> {
  if (rows.length === 0) return [];
  const byOwner = firstOnly ? new Map<string, Evidence[]>() : await evidenceOfRows(exec, spans, rows.map((r) => r.id));
  if (firstOnly) {
    for (const r of rows) {
      if (r.first_start !== null && r.first_start !== undefined) byOwner.set(r.id, [{ documentId: r.document_id, start: Number(r.first_start), end: Number(r.first_end), text: '' }]);
    }
  }
  return rows.map((r) => {
    const review = r.review ? (JSON.parse(r.review) as RelationReview) : undefined;
    const p: Proposal = {
      id: '', collection: r.collection, documentId: r.document_id, rowId: r.id, type: r.type, source: r.source, target: r.target,
      confidence: Number(r.confidence), evidence: byOwner.get(r.id) ?? [], attrs: JSON.parse(r.attrs) as Record<string, unknown>,
      stage: r.stage, version: r.version, ...(r.claim_id ? { claimId: r.claim_id } : {}),
    };
    p.id = review?.proposal ?? proposalId(r.document_id, p);
    return review ? { ...p, review } : p;
  });
}

const ROW_COLUMNS = `r.id, r.document_id, d.collection, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version, r.review`;

/** The current proposals of one document (its relation rows of every stage). */
export async function rowsOfDocument(exec: SqlExecutor, spans: [string, string], documentId: string): Promise<(Proposal & { review?: RelationReview })[]> {
  const rows = await exec.all<Row>(`SELECT ${ROW_COLUMNS} FROM relations r JOIN documents d ON d.id = r.document_id WHERE r.document_id = ?`, [documentId]);
  return asProposals(exec, spans, rows);
}

/** Entity ids of candidate keys, by "collection NUL key" (absent keys: the per-name fallback). */
export async function entitiesOf(exec: SqlExecutor, keys: readonly string[]): Promise<(collection: string, key: string) => string> {
  const map = new Map<string, string>();
  if (keys.length > 0) {
    const list = exec.dialect.inList('candidate_key', [...new Set(keys)]);
    for (const m of await exec.all<{ collection: string; candidate_key: string; entity_id: string }>(
      `SELECT collection, candidate_key, entity_id FROM entity_members WHERE ${list.sql}`, list.params)) {
      map.set(`${m.collection}\u0000${m.candidate_key}`, m.entity_id);
    }
  }
  return (collection, key) => map.get(`${collection}\u0000${key}`) ?? fallbackEntityId(collection, key);
}

/** Current proposals in scope (one document's when asked), and rejected ones from their records when asked. */
export async function readProposals(exec: SqlExecutor, spans: [string, string], scope: Scope, filter: ProposalFilter): Promise<StoredProposal[]> {
  const where = scopeWhere(exec, scope);
  const doc = filter.documentId ? { sql: ' AND r.document_id = ?', params: [filter.documentId] } : { sql: '', params: [] };
  const firstOnly = filter.evidence === 'first';
  const rows = await exec.all<Row>(`SELECT ${ROW_COLUMNS}${firstOnly ? `, ${firstSpan(spans)}` : ''} FROM relations r JOIN documents d ON d.id = r.document_id
    WHERE ${where.sql}${doc.sql}`, [...where.params, ...doc.params]);
  const found: (Proposal & { review?: RelationReview; rejected?: boolean; rejection?: StoredProposal['rejection'] })[] = await asProposals(exec, spans, rows, firstOnly);
  if (filter.withRejected) {
    const docSql = filter.documentId ? ' AND d.id = ?' : '';
    const records = (await exec.all<ReviewRow>(`SELECT ${REVIEW_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')} FROM relation_reviews v
      JOIN documents d ON d.id = v.document_id WHERE ${where.sql}${docSql} ORDER BY v.id`, [...where.params, ...doc.params])).map(toReviewRecord);
    for (const d of decisionsInForce(records).values()) if (d.verdict === 'rejected') found.push({ ...d.snapshot, rejected: true, rejection: { at: d.at, ...(d.by ? { by: d.by } : {}), ...(d.reason ? { reason: d.reason } : {}) } });
  }
  const entity = await entitiesOf(exec, found.flatMap((p) => [p.source, p.target]));
  return found.map((p) => ({ ...p, sourceEntity: entity(p.collection, p.source), targetEntity: entity(p.collection, p.target) }));
}
