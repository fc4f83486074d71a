/**
 * Review of events and claims over shared SQL (both engines through SqlExecutor), the twin of review-store.ts: a
 * decision is recorded in `fact_reviews` and applied to its proposal's row in one transaction (rejected: the row goes;
 * accepted: it carries the review; undo: the state before). Entities added by hand are an `analyst` mention with a
 * record (kind `entity`, verdict `added`).
 */
import type { Evidence, FactKind, FactProposal, FactReviewRecord, RelationReview } from '../../model/index.js';
import type { Scope } from '../store.js';
import type { AnalystMention, FactReviewInput, FactReviewStore, StoredFactProposal } from '../review.js';
import { POSTGRES_DIALECT, stmt, val, type SqlExecutor, type Statement } from './resolution-sql.js';
import { decisionInForce, decisionsInForce } from './review-apply.js';
import { entitiesOf } from './review-read.js';
import {
  factProposalId, factReviewOf, FACT_REVIEW_COLUMNS, toFactReviewRecord, type FactReviewRow, type OutputClaim, type OutputEvent, type OutputFact,
} from './fact-review-apply.js';
import { eventColumns } from './merge-relations.js';
import { sha256Hex } from '../ids.js';



interface FactRow {
  id: string; document_id: string; collection: string; stage: string; version: string; review: string | null;
  type?: string; date?: string; participants?: string; attrs?: string;
  speaker?: string | null; speaker_text?: string; text?: string; stance?: string;
  /** The first evidence span, when read instead of the evidence (filter.evidence `first`). */
  first_start?: number | string | null; first_end?: number | string | null;
}

/** The version of facts made by hand. */
const ANALYST = { stage: 'analyst', version: 'analyst@1' };

/** Event and claim review of one store. */
export class SqlFactReviewStore implements FactReviewStore {
  constructor(private readonly exec: SqlExecutor) {}

  private spans(): [string, string] {
    return this.exec.dialect === POSTGRES_DIALECT ? ['span_start', 'span_end'] : ['start', '"end"'];
  }

  private scopeWhere(scope: Scope): { sql: string; params: unknown[] } {
    if (scope.collections === '*') return { sql: '1 = 1', params: [] };
    return this.exec.dialect.inList('d.collection', scope.collections);
  }

  /** Every decision recorded about the events, claims and hand-made entities of a document, oldest first. */
  async records(documentId: string): Promise<FactReviewRecord[]> {
    return (await this.exec.all<FactReviewRow>(`SELECT ${FACT_REVIEW_COLUMNS} FROM fact_reviews WHERE document_id = ? ORDER BY id`, [documentId])).map(toFactReviewRecord);
  }

  /** Current event or claim proposals in scope (one document's when asked), and rejected ones from their records when asked. */
  async proposals(kind: FactKind, scope: Scope, filter: { documentId?: string; withRejected?: boolean; evidence?: 'all' | 'first' } = {}): Promise<StoredFactProposal[]> {
    const where = this.scopeWhere(scope);
    const doc = filter.documentId ? { sql: ' AND f.document_id = ?', params: [filter.documentId] } : { sql: '', params: [] };
    const columns = kind === 'event' ? 'f.type, f.date, f.participants, f.attrs' : 'f.speaker, f.speaker_text, f.text, f.stance';
    const firstOnly = filter.evidence === 'first';
    const [start, end] = this.spans();
    const first = firstOnly ? ['first_start', 'first_end'].map((as, i) => `, (SELECT e.${[start, end][i]} FROM evidence e WHERE e.owner_kind = '${kind}'
      AND e.owner_id = f.id ORDER BY e.${start}, e.${end} LIMIT 1) AS ${as}`).join('') : '';
    const rows = await this.exec.all<FactRow>(`SELECT f.id, f.document_id, d.collection, f.stage, f.version, f.review, ${columns}${first}
      FROM ${kind}s f JOIN documents d ON d.id = f.document_id WHERE ${where.sql}${doc.sql}`, [...where.params, ...doc.params]);
    const out: Omit<StoredFactProposal, 'entities'>[] = await this.asProposals(kind, rows, firstOnly);
    if (filter.withRejected) {
      const docSql = filter.documentId ? ' AND v.document_id = ?' : '';
      const records = (await this.exec.all<FactReviewRow>(`SELECT ${FACT_REVIEW_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')} FROM fact_reviews v
        JOIN documents d ON d.id = v.document_id WHERE v.kind = ? AND ${where.sql}${docSql} ORDER BY v.id`, [kind, ...where.params, ...doc.params])).map(toFactReviewRecord);
      for (const d of decisionsInForce(records).values()) {
        if (d.verdict === 'rejected') out.push({ ...d.snapshot, rejected: true, rejection: { at: d.at, ...(d.by ? { by: d.by } : {}), ...(d.reason ? { reason: d.reason } : {}) } });
      }
    }
    const entity = await entitiesOf(this.exec, out.flatMap(factKeys));
    return out.map((p) => ({ ...p, entities: factKeys(p).map((k) => entity(p.collection, k)) }));
  }

  /** The evidence of some event or claim rows (by row id), each ordered by start. */
  async evidenceOf(kind: FactKind, rowIds: readonly string[]): Promise<Map<string, Evidence[]>> {
    const byOwner = new Map<string, Evidence[]>();
    if (rowIds.length === 0) return byOwner;
    const [start, end] = this.spans();
    const ids = this.exec.dialect.inList('owner_id', [...new Set(rowIds)]);
    const evidence = await this.exec.all<Evidence & { owner: string }>(`SELECT owner_id AS owner, document_id AS "documentId", ${start} AS start,
      ${end} AS "end", text FROM evidence WHERE owner_kind = ? AND ${ids.sql} ORDER BY owner_id, ${start}`, [kind, ...ids.params]);
    for (const { owner, ...e } of evidence) {
      const list = byOwner.get(owner);
      const item = { ...e, start: Number(e.start), end: Number(e.end) };
      if (list) list.push(item);
      else byOwner.set(owner, [item]);
    }
    return byOwner;
  }

  /** Rows as proposals with their evidence, or only their first span (no text) when `firstOnly` (the rows carry it). */
  private async asProposals(kind: FactKind, rows: FactRow[], firstOnly = false): Promise<Omit<StoredFactProposal, 'entities'>[]> {
    if (rows.length === 0) return [];
    const byOwner = firstOnly ? new Map<string, Evidence[]>() : await this.evidenceOf(kind, rows.map((r) => r.id));
    if (firstOnly) {
      for (const r of rows) {
        if (r.first_start !== null && r.first_start !== undefined) byOwner.set(r.id, [{ documentId: r.document_id, start: Number(r.first_start), end: Number(r.first_end), text: '' }]);
      }
    }
    return rows.map((r) => {
      const ev = byOwner.get(r.id) ?? [];
      const fact: OutputFact = kind === 'event'
        ? { ...(JSON.parse(r.attrs ?? '{}') as object), id: r.id, type: r.type!, date: r.date!, participants: JSON.parse(r.participants ?? '[]') as string[], evidence: ev }
        : { id: r.id, speaker: r.speaker ?? null, speakerText: r.speaker_text!, text: r.text!, stance: r.stance as OutputClaim['stance'], evidence: ev };
      const review = r.review ? (JSON.parse(r.review) as RelationReview) : undefined;
      const id = review?.proposal ?? factProposalId(kind, r.document_id, fact);
      return {
        id, kind, collection: r.collection, documentId: r.document_id, rowId: r.id, stage: r.stage, version: r.version,
        fact: fact as unknown as FactProposal['fact'], ...(review ? { review } : {}),
      };
    });
  }

  private async collectionOf(documentId: string, scope: Scope): Promise<string | null> {
    const [row] = await this.exec.all<{ collection: string }>('SELECT collection FROM documents WHERE id = ?', [documentId]);
    if (!row || (scope.collections !== '*' && !scope.collections.includes(row.collection))) return null;
    return row.collection;
  }

  /** Records a decision on an event or claim and applies it to its row; null when the proposal is unknown or out of scope. */
  async decide(kind: FactKind, id: string, input: FactReviewInput, scope: Scope): Promise<FactReviewRecord | null> {
    const documentId = id.slice(0, id.indexOf('.'));
    const collection = await this.collectionOf(documentId, scope);
    if (!collection) return null;
    const current = (await this.proposals(kind, scope, { documentId })).find((p) => p.id === id);
    const earlier = (await this.records(documentId)).filter((r) => r.kind === kind && r.proposal === id);
    const { review: _review, ...asStored } = current ?? { review: undefined };
    // The proposal as made: the current row unless it is a kept one (then its first record tells it).
    const snapshot: FactProposal | undefined = current && !current.review?.kept ? (asStored as FactProposal) : earlier[0]?.snapshot ?? (current ? (asStored as FactProposal) : undefined);
    if (!snapshot) return null;
    if (input.verdict === 'undo' && !decisionInForce(earlier)) return null;
    const record: Omit<FactReviewRecord, 'id'> = {
      collection, kind, proposal: id, documentId, verdict: input.verdict, at: new Date().toISOString(),
      snapshot: { ...snapshot, ...(current?.rowId ? { rowId: current.rowId } : {}) }, ...(input.by ? { by: input.by } : {}), ...(input.reason ? { reason: input.reason } : {}),
    };
    const inForce = decisionInForce([...earlier, { ...record, id: Number.MAX_SAFE_INTEGER }]);
    const kept = Boolean(current?.review?.kept);
    let row: OutputFact | null = null;
    if (inForce) {
      const review = factReviewOf(inForce, kept);
      row = review ? { ...(record.snapshot.fact as unknown as OutputFact), review } : null;
    } else if (!kept) {
      row = record.snapshot.fact as unknown as OutputFact;
    }
    const rowId = current?.rowId ?? snapshot.rowId ?? (snapshot.fact as { id?: string }).id;
    return this.commit(record, kind, rowId, row ? { ...row, id: rowId ?? row.id } : null, snapshot);
  }

  /** Records the decision, removes the proposal's row and writes `row` (when any), in one transaction. */
  private async commit(record: Omit<FactReviewRecord, 'id'>, kind: FactKind, rowId: string | undefined, row: OutputFact | null, snapshot: FactProposal): Promise<FactReviewRecord> {
    const [start, end] = this.spans();
    const plan: Statement[] = [this.insertRecord(record)];
    if (rowId) {
      plan.push({ sql: 'DELETE FROM evidence WHERE owner_kind = ? AND owner_id = ?', params: [kind, rowId] });
      plan.push({ sql: `DELETE FROM ${kind}s WHERE id = ?`, params: [rowId] });
    }
    if (row) {
      const review = 'review' in row && row.review ? JSON.stringify(row.review) : null;
      if (kind === 'event') {
        const e = row as OutputEvent;
        const { participants, attrs } = eventColumns(e);
        plan.push({
          sql: 'INSERT INTO events (id, document_id, type, date, participants, attrs, stage, version, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          params: [e.id, record.documentId, e.type, e.date, participants, attrs, snapshot.stage, snapshot.version, review],
        });
      } else {
        const c = row as OutputClaim;
        plan.push({
          sql: 'INSERT INTO claims (id, document_id, speaker, speaker_text, text, stance, stage, version, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          params: [c.id, record.documentId, c.speaker, c.speakerText, c.text, c.stance, snapshot.stage, snapshot.version, review],
        });
      }
      for (const e of row.evidence) {
        plan.push({ sql: `INSERT INTO evidence (owner_kind, owner_id, document_id, ${start}, ${end}, text) VALUES (?, ?, ?, ?, ?, ?)`, params: [kind, row.id, e.documentId, e.start, e.end, e.text] });
      }
    }
    const result = await this.exec.run(plan);
    return toFactReviewRecord((result.rows[0] as FactReviewRow[])[0]!);
  }

  private insertRecord(record: Omit<FactReviewRecord, 'id'>): Statement {
    return stmt([
      'INSERT INTO fact_reviews (collection, kind, proposal, document_id, verdict, reason, by, at, snapshot) VALUES (',
      val(record.collection), ', ', val(record.kind), ', ', val(record.proposal), ', ', val(record.documentId), ', ', val(record.verdict), ', ',
      val(record.reason ?? null), ', ', val(record.by ?? null), ', ', val(record.at), ', ', val(JSON.stringify(record.snapshot)), `) RETURNING ${FACT_REVIEW_COLUMNS}`,
    ], { returns: true });
  }

  /**
   * Stores a name marked by hand as a mention of stage `analyst` (no pipeline stage has that name, so reprocess keeps it)
   * with its record (kind `entity`, verdict `added`: who and when); the same span and name twice is one mention.
   */
  async addMention(m: AnalystMention, by: string | undefined, scope: Scope): Promise<FactReviewRecord | null> {
    const collection = await this.collectionOf(m.documentId, scope);
    if (!collection) return null;
    const [start, end] = this.spans();
    const id = `${m.documentId}.${factProposalIdOfMention(m)}`;
    const snapshot: FactProposal = {
      id, kind: 'entity', collection, documentId: m.documentId, stage: ANALYST.stage, version: ANALYST.version,
      fact: { ...m, evidence: [{ documentId: m.documentId, start: m.start, end: m.end, text: m.text }] },
    };
    const record: Omit<FactReviewRecord, 'id'> = { collection, kind: 'entity', proposal: id, documentId: m.documentId, verdict: 'added', at: new Date().toISOString(), snapshot, ...(by ? { by } : {}) };
    const [known] = await this.exec.all<{ n: number | string }>(`SELECT count(*) AS n FROM mentions WHERE document_id = ? AND ${start} = ? AND ${end} = ?
      AND entity_key = ? AND stage = ?`, [m.documentId, m.start, m.end, m.entityKey, ANALYST.stage]);
    const plan: Statement[] = [this.insertRecord(record)];
    if (Number(known?.n ?? 0) === 0) {
      plan.push({
        sql: `INSERT INTO mentions (document_id, ${start}, ${end}, type, text, norm, confidence, entity_key, stage, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [m.documentId, m.start, m.end, m.type, m.text, m.norm, 1, m.entityKey, ANALYST.stage, ANALYST.version],
      });
    }
    const result = await this.exec.run(plan);
    return toFactReviewRecord((result.rows[0] as FactReviewRow[])[0]!);
  }
}

/** Candidate keys of the entities a fact names: an event's participants then place, a claim's speaker. */
export function factKeys(p: Pick<FactProposal, 'kind' | 'fact'>): string[] {
  const f = p.fact as { participants?: string[]; place?: string; speaker?: string | null };
  return p.kind === 'event' ? [...(f.participants ?? []), ...(f.place ? [f.place] : [])] : f.speaker ? [f.speaker] : [];
}

/** 12 hex digits naming a hand-made mention: its span and candidate key. */
function factProposalIdOfMention(m: AnalystMention): string {
  return sha256Hex(['entity', m.start, m.end, m.entityKey].join('\u0000')).slice(0, 12);
}
