/**
 * Review of the merges resolution made, over shared SQL (both engines through SqlExecutor): the merge reasons of the
 * resolved entities in a scope, and decisions on them as `fact_reviews` rows of kind `merge` (accept, reject, undo with
 * who and when). What a decision does to the entities is a resolution decision (network/merge-review.ts).
 */
import type { EntityType, FactReviewRecord, MergeReason } from '../../model/index.js';
import type { MergeReviewStore, StoredMergeReason } from '../review.js';
import type { Scope } from '../store.js';
import { stmt, val, type SqlExecutor, type Statement } from './resolution-sql.js';
import { FACT_REVIEW_COLUMNS, toFactReviewRecord, type FactReviewRow } from './fact-review-apply.js';

interface EntityRow { id: string; collection: string; type: EntityType; name: string; mention_count: number | string; version: string; reasons: string }

/** Merge review of one store. */
export class SqlMergeReviewStore implements MergeReviewStore {
  constructor(private readonly exec: SqlExecutor) {}

  private scopeWhere(column: string, scope: Scope): { sql: string; params: unknown[] } {
    if (scope.collections === '*') return { sql: '1 = 1', params: [] };
    return this.exec.dialect.inList(column, scope.collections);
  }

  /** Merge reasons of every resolved entity in scope that gathers more than one candidate. */
  async reasons(scope: Scope): Promise<StoredMergeReason[]> {
    const where = this.scopeWhere('collection', scope);
    const rows = await this.exec.all<EntityRow>(`SELECT id, collection, type, name, mention_count, version, reasons FROM entities
      WHERE reasons <> '[]' AND ${where.sql} ORDER BY id`, where.params);
    return rows.flatMap((r) => {
      const entity = { id: r.id, collection: r.collection, type: r.type, name: r.name, mentionCount: Number(r.mention_count), version: r.version };
      return (JSON.parse(r.reasons) as MergeReason[]).map((reason) => ({ entity, reason }));
    });
  }

  /** Decisions on merges in scope (one proposal's when given), oldest first. */
  async records(scope: Scope, proposal?: string): Promise<FactReviewRecord[]> {
    const where = this.scopeWhere('collection', scope);
    const one = proposal ? { sql: ' AND document_id = ? AND proposal = ?', params: [proposal.slice(0, proposal.indexOf('.')), proposal] } : { sql: '', params: [] };
    return (await this.exec.all<FactReviewRow>(`SELECT ${FACT_REVIEW_COLUMNS} FROM fact_reviews WHERE kind = 'merge' AND ${where.sql}${one.sql} ORDER BY id`,
      [...where.params, ...one.params])).map(toFactReviewRecord);
  }

  /** Records one decision on a merge. */
  async record(record: Omit<FactReviewRecord, 'id'>): Promise<FactReviewRecord> {
    const result = await this.exec.run([mergeReviewInsert(record, true)]);
    return toFactReviewRecord((result.rows[0] as FactReviewRow[])[0]!);
  }
}

/** The statement recording a decision on a merge (also run inside a resolution commit, with the decision it explains). */
export function mergeReviewInsert(record: Omit<FactReviewRecord, 'id'>, returns = false): Statement {
  return stmt([
    'INSERT INTO fact_reviews (collection, kind, proposal, document_id, verdict, reason, by, at, snapshot) VALUES (',
    val(record.collection), ", 'merge', ", val(record.proposal), ', ', val(record.documentId), ', ', val(record.verdict), ', ',
    val(record.reason ?? null), ', ', val(record.by ?? null), ', ', val(record.at), ', ', val(JSON.stringify(record.snapshot)), `)${returns ? ` RETURNING ${FACT_REVIEW_COLUMNS}` : ''}`,
  ], { returns });
}
