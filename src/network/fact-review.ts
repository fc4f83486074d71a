/**
 * Events and claims in the review queue (the twin of review.ts for relations): proposals with their evidence, those
 * naming central entities first; accept, reject (with an optional reason) and undo recorded with who and when
 * (store.reviews.facts).
 */
import type { FactKind, FactReviewItem, FactReviewRecord, ReviewEnd, ReviewState } from '../model/index.js';
import type { Page, Scope, Store } from '../store/store.js';
import type { FactReviewInput, StoredFactProposal } from '../store/review.js';
import { factKeys } from '../store/shared/fact-review-store.js';
import { degrees, ReviewError } from './review.js';

/** Filters of the event and claim queue. */
export interface FactReviewQuery {
  kind: FactKind;
  /** Event type, or claim stance. */
  type?: string;
  /** Entity id: events it takes part in, claims it makes. */
  entity?: string;
  documentId?: string;
  state?: ReviewState | 'all';
  limit: number;
  offset: number;
}

function stateOf(p: StoredFactProposal): ReviewState {
  if (p.rejected) return 'rejected';
  if (!p.review) return 'unreviewed';
  return p.review.kept ? 'kept' : 'accepted';
}

/**
 * How much a proposal matters: log(1 + the merged-edge degrees of the distinct entities it names). Events and claims are
 * made by rules and carry no confidence, so this is the relation queue's priority with a confidence of 0: centrality.
 */
export function factPriority(entities: readonly string[], degree: ReadonlyMap<string, number>): number {
  return Math.log(1 + [...new Set(entities)].reduce((sum, e) => sum + (degree.get(e) ?? 0), 0));
}

/** The queue of events or claims: proposals passing the filters, highest priority first (ties: document, then span start), one page. */
export async function factReviewQueue(store: Store, scope: Scope, q: FactReviewQuery): Promise<Page<FactReviewItem>> {
  const state = q.state ?? 'unreviewed';
  const proposals = await store.reviews.facts.proposals(q.kind, scope, {
    ...(q.documentId ? { documentId: q.documentId } : {}), withRejected: state === 'all' || state === 'rejected', evidence: 'first',
  });
  const typeOf = (p: StoredFactProposal): string => String(p.kind === 'event' ? (p.fact as { type?: string }).type : (p.fact as { stance?: string }).stance);
  const passing = proposals.filter((p) => (state === 'all' || stateOf(p) === state) && (!q.type || typeOf(p) === q.type)
    && (!q.entity || p.entities.includes(q.entity)));
  const degree = passing.length > 0 ? await degrees(store, scope) : new Map<string, number>();
  const ranked = passing.map((p) => ({ p, priority: factPriority(p.entities, degree) }));
  ranked.sort((a, b) => b.priority - a.priority || (a.p.documentId < b.p.documentId ? -1 : a.p.documentId > b.p.documentId ? 1 : 0)
    || (a.p.fact.evidence[0]?.start ?? 0) - (b.p.fact.evidence[0]?.start ?? 0) || (a.p.id < b.p.id ? -1 : 1));
  const page = ranked.slice(q.offset, q.offset + q.limit).map(({ p }) => p);
  const priorityOf = new Map(ranked.map(({ p, priority }) => [p.id, priority]));
  // Current rows were read with their first span only: their sentences now (a rejected proposal's come with its record).
  const evidence = await store.reviews.facts.evidenceOf(q.kind, page.filter((p) => !p.rejected && p.rowId).map((p) => p.rowId!));
  const briefs = new Map((await store.getEntityBriefs([...new Set(page.flatMap((p) => p.entities))], scope)).map((b) => [b.id, b]));
  const end = (id: string, key: string): ReviewEnd => {
    const b = briefs.get(id);
    return { id, name: b?.name ?? key.slice(key.indexOf(':') + 1), type: b?.type ?? null };
  };
  return {
    total: ranked.length,
    items: page.map((p) => {
      const entities = factKeys(p).map((k, i) => end(p.entities[i]!, k));
      const f = p.fact as { date?: string; speakerText?: string; text?: string };
      const summary = p.kind === 'event'
        ? `${typeOf(p)}${f.date ? `, ${f.date}` : ''}${entities.length ? `: ${entities.map((e) => e.name).join(', ')}` : ''}`
        : `${f.speakerText ?? ''} ${typeOf(p)}: ${f.text ?? ''}`;
      return {
        id: p.id, kind: p.kind as FactKind, state: stateOf(p), type: typeOf(p), summary, entities, priority: Math.round((priorityOf.get(p.id) ?? 0) * 1e4) / 1e4,
        documentId: p.documentId, evidence: !p.rejected && p.rowId ? evidence.get(p.rowId) ?? [] : p.fact.evidence,
        stage: p.stage, version: p.version, ...(p.review ? { review: p.review } : {}), ...(p.rejection ? { rejection: p.rejection } : {}),
      };
    }),
  };
}

/** Records a verdict on an event or claim (accept, reject with an optional reason, undo) by `by`; the record made. */
export async function reviewFact(store: Store, scope: Scope, kind: FactKind, id: string, verdict: FactReviewInput['verdict'], options: { by?: string; reason?: string } = {}): Promise<FactReviewRecord> {
  if (!/^[0-9a-f]{16}\.[0-9a-f]{12}$/u.test(id)) throw new ReviewError(`"${id}" is no proposal id (document id, a dot, 12 hex digits).`);
  const record = await store.reviews.facts.decide(kind, id, { verdict, ...(options.by ? { by: options.by } : {}), ...(options.reason ? { reason: options.reason } : {}) }, scope);
  if (!record) throw new ReviewError(verdict === 'undo' ? `Nothing to undo on ${kind} "${id}".` : `No ${kind} proposal "${id}".`, 404);
  return record;
}
