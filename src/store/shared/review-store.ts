/**
 * ReviewStore over shared SQL (both engines through SqlExecutor): a decision is recorded and applied to its proposal's
 * row in one transaction, the row rewritten from the proposal as decided (so an undo restores what a rejection removed).
 */
import type { Evidence, Proposal, ReviewRecord } from '../../model/index.js';
import type { ProposalFilter, ReviewInput, ReviewStore, StoredProposal } from '../review.js';
import type { Scope } from '../store.js';
import { POSTGRES_DIALECT, stmt, val, type SqlExecutor, type Statement } from './resolution-sql.js';
import {
  ANALYST_STAGE, decisionInForce, proposalDocument, proposalId, reviewedRelation, REVIEW_COLUMNS, toReviewRecord, type OutputRelation, type ReviewRow,
} from './review-apply.js';
import { evidenceOfRows, readProposals, rowsOfDocument } from './review-read.js';
import { SqlFactReviewStore } from './fact-review-store.js';
import { SqlMergeReviewStore } from './merge-review-store.js';

/** The version of relations made by hand (their provenance: stage `analyst`, the user and time in the review). */
export const ANALYST_VERSION = 'analyst@1';

/** Review decisions of one store. */
export class SqlReviewStore implements ReviewStore {
  readonly facts: SqlFactReviewStore;
  readonly merges: SqlMergeReviewStore;

  constructor(private readonly exec: SqlExecutor) {
    this.facts = new SqlFactReviewStore(exec);
    this.merges = new SqlMergeReviewStore(exec);
  }

  private spans(): [string, string] {
    return this.exec.dialect === POSTGRES_DIALECT ? ['span_start', 'span_end'] : ['start', '"end"'];
  }

  async records(documentId: string): Promise<ReviewRecord[]> {
    return (await this.exec.all<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM relation_reviews WHERE document_id = ? ORDER BY id`, [documentId])).map(toReviewRecord);
  }

  async proposals(scope: Scope, filter: ProposalFilter = {}): Promise<StoredProposal[]> {
    return readProposals(this.exec, this.spans(), scope, filter);
  }

  async evidenceOf(rowIds: readonly string[]): Promise<Map<string, Evidence[]>> {
    return evidenceOfRows(this.exec, this.spans(), rowIds);
  }

  private async collectionOf(documentId: string, scope: Scope): Promise<string | null> {
    const [row] = await this.exec.all<{ collection: string }>('SELECT collection FROM documents WHERE id = ?', [documentId]);
    if (!row || (scope.collections !== '*' && !scope.collections.includes(row.collection))) return null;
    return row.collection;
  }

  async decide(id: string, input: ReviewInput, scope: Scope): Promise<ReviewRecord | null> {
    const documentId = proposalDocument(id);
    const collection = await this.collectionOf(documentId, scope);
    if (!collection) return null;
    const current = (await rowsOfDocument(this.exec, this.spans(), documentId)).find((p) => p.id === id);
    const earlier = (await this.records(documentId)).filter((r) => r.proposal === id);
    const last = earlier[earlier.length - 1];
    // The proposal as made: an unreviewed or plainly accepted row is the current one; an edited or kept row no longer
    // shows it, the first record does.
    const fresh = current && (!current.review || (current.review.verdict === 'accepted' && !current.review.kept));
    const { review: _review, ...asStored } = current ?? { review: undefined };
    const snapshot: Proposal | undefined = fresh ? (asStored as Proposal) : earlier[0]?.snapshot ?? (current ? (asStored as Proposal) : undefined);
    if (!snapshot) return null;
    if (input.verdict === 'undo' && !decisionInForce(earlier)) return null;
    const record: Omit<ReviewRecord, 'id'> = {
      collection, proposal: id, documentId, verdict: input.verdict, at: new Date().toISOString(), snapshot: { ...snapshot, rowId: current?.rowId ?? snapshot.rowId },
      ...(input.by ? { by: input.by } : {}), ...(input.reason ? { reason: input.reason } : {}), ...(input.edit ? { edit: input.edit } : {}),
    };
    const inForce = decisionInForce([...earlier, { ...record, id: (last?.id ?? 0) + 1 }]);
    // Still proposed unless its row is a kept one, or it was made by hand (an undone addition leaves nothing).
    const proposed = snapshot.stage !== ANALYST_STAGE && !current?.review?.kept;
    const row = inForce ? reviewedRelation(asOutput(record.snapshot), inForce, Boolean(current?.review?.kept)) : proposed ? asOutput(record.snapshot) : null;
    return this.commit(record, current?.rowId, row, snapshot);
  }

  async add(p: Omit<Proposal, 'id' | 'collection' | 'stage' | 'version'>, by: string | undefined, scope: Scope): Promise<ReviewRecord | null> {
    const collection = await this.collectionOf(p.documentId, scope);
    if (!collection) return null;
    const id = proposalId(p.documentId, p);
    const snapshot: Proposal = { ...p, id, collection, stage: ANALYST_STAGE, version: ANALYST_VERSION, rowId: `rel_analyst_${id}` };
    const record: Omit<ReviewRecord, 'id'> = { collection, proposal: id, documentId: p.documentId, verdict: 'added', at: new Date().toISOString(), snapshot, ...(by ? { by } : {}) };
    const row = reviewedRelation(asOutput(snapshot), { ...record, id: 0 });
    return this.commit(record, snapshot.rowId, row, snapshot);
  }

  /** Records the decision, removes the proposal's row and writes `row` (when any), in one transaction. */
  private async commit(record: Omit<ReviewRecord, 'id'>, oldRowId: string | undefined, row: OutputRelation | null, snapshot: Proposal): Promise<ReviewRecord> {
    const [start, end] = this.spans();
    const plan: Statement[] = [stmt([
      'INSERT INTO relation_reviews (collection, proposal, document_id, verdict, reason, edit, by, at, snapshot) VALUES (',
      val(record.collection), ', ', val(record.proposal), ', ', val(record.documentId), ', ', val(record.verdict), ', ',
      val(record.reason ?? null), ', ', val(record.edit ? JSON.stringify(record.edit) : null), ', ', val(record.by ?? null), ', ',
      val(record.at), ', ', val(JSON.stringify(record.snapshot)), `) RETURNING ${REVIEW_COLUMNS}`,
    ], { returns: true })];
    for (const rowId of new Set([oldRowId, row?.id].filter((x): x is string => Boolean(x)))) {
      plan.push({ sql: "DELETE FROM evidence WHERE owner_kind = 'relation' AND owner_id = ?", params: [rowId] });
      plan.push({ sql: 'DELETE FROM relations WHERE id = ?', params: [rowId] });
    }
    if (row) {
      plan.push({
        sql: `INSERT INTO relations (id, document_id, type, source, target, confidence, claim_id, attrs, stage, version, review)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [row.id, record.documentId, row.type, row.source, row.target, row.confidence, row.claimId ?? null, JSON.stringify(row.attrs ?? {}),
          snapshot.stage, snapshot.version, row.review ? JSON.stringify(row.review) : null],
      });
      for (const e of row.evidence) {
        plan.push({
          sql: `INSERT INTO evidence (owner_kind, owner_id, document_id, ${start}, ${end}, text) VALUES ('relation', ?, ?, ?, ?, ?)`,
          params: [row.id, e.documentId, e.start, e.end, e.text],
        });
      }
    }
    const result = await this.exec.run(plan);
    return toReviewRecord((result.rows[0] as ReviewRow[])[0]!);
  }
}

/** A proposal as a relation row to write, under its row id. */
function asOutput(p: Proposal): OutputRelation {
  return {
    id: p.rowId ?? `rel_review_${p.id}`, type: p.type, source: p.source, target: p.target, confidence: p.confidence, evidence: p.evidence,
    attrs: p.attrs, ...(p.claimId ? { claimId: p.claimId } : {}),
  };
}
