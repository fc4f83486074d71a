/**
 * Merges in the review queue: each merge resolution made by a rule other than the same normalised name (cross-script,
 * acronym, partial name, ...) is a proposal, keyed by the two candidate keys it joined. Accept keeps it (a user merge of
 * the pair), reject undoes it (a user split of the pair), undo returns to the decision before (none: a `clear` decision
 * hands the pair back to resolution). Each decision is a `fact_reviews` record of kind `merge` (who, when, why).
 */
import type { Evidence, FactReviewRecord, FactProposal, MergeReviewItem, ReviewEnd, ReviewState } from '../model/index.js';
import { parseCandidateKey } from '../model/candidate-key.js';
import type { Page, Scope, Store } from '../store/store.js';
import type { StoredMergeReason } from '../store/review.js';
import { decisionInForce, decisionsInForce } from '../store/shared/review-apply.js';
import { sha256Hex } from '../model/ids.js';
import { decidePair, type DecisionOptions } from './decisions.js';
import { ReviewError } from './review.js';

/** Rules that are not proposals: the same normalised name (the resolver's ground rule) and the users' own merges. */
const NOT_PROPOSED = new Set(['exact-norm', 'user-merge']);

/** Filters of the merge queue. */
export interface MergeReviewQuery {
  /** The rule ("cross-script", "acronym-definition", ...). */
  type?: string;
  /** Entity id: merges inside it, or with a side in it. */
  entity?: string;
  documentId?: string;
  minConfidence?: number;
  maxConfidence?: number;
  state?: ReviewState | 'all';
  limit: number;
  offset: number;
}

/** What a merge proposal's snapshot holds. */
interface MergeFact {
  a: string;
  b: string;
  rule: string;
  score: number;
  names?: string;
  entity: { id: string; name: string; mentionCount: number };
  evidence: Evidence[];
}

/** The stable id of the merge of two candidate keys: the first key's document, then 12 hex digits of the sorted pair. */
export function mergeProposalId(a: string, b: string): string | null {
  const [x, y] = [a, b].sort();
  const documentId = parseCandidateKey(x!).documentId;
  if (!/^[0-9a-f]{16}$/u.test(documentId)) return null;
  return `${documentId}.${sha256Hex(['merge', x, y].join('\u0000')).slice(0, 12)}`;
}

function asProposal(r: StoredMergeReason): FactProposal | null {
  const id = mergeProposalId(r.reason.a, r.reason.b);
  if (!id) return null;
  const fact: MergeFact = {
    a: r.reason.a, b: r.reason.b, rule: r.reason.rule, score: r.reason.score, ...(r.reason.evidence ? { names: r.reason.evidence } : {}),
    entity: { id: r.entity.id, name: r.entity.name, mentionCount: r.entity.mentionCount }, evidence: [],
  };
  return { id, kind: 'merge', collection: r.entity.collection, documentId: id.slice(0, 16), stage: 'resolve', version: r.entity.version, fact: fact as unknown as FactProposal['fact'] };
}

interface Listed { p: FactProposal; state: ReviewState; decision?: FactReviewRecord }

/** Current merge proposals and decided ones in scope, each once. */
async function listMerges(store: Store, scope: Scope): Promise<Listed[]> {
  const inForce = decisionsInForce(await store.reviews.merges.records(scope));
  const out: Listed[] = [];
  const seen = new Set<string>();
  for (const r of await store.reviews.merges.reasons(scope)) {
    if (NOT_PROPOSED.has(r.reason.rule)) continue;
    const p = asProposal(r);
    if (!p || seen.has(p.id) || inForce.has(p.id)) continue;
    seen.add(p.id);
    out.push({ p, state: 'unreviewed' });
  }
  for (const d of inForce.values()) out.push({ p: d.snapshot, state: d.verdict === 'rejected' ? 'rejected' : 'accepted', decision: d });
  return out;
}

const factOf = (p: FactProposal): MergeFact => p.fact as unknown as MergeFact;
const priorityOf = (f: MergeFact): number => (1 - f.score) * Math.log(1 + f.entity.mentionCount);

/** The first mention of a candidate key in its document, as evidence. */
async function firstMention(store: Store, scope: Scope, key: string): Promise<Evidence | null> {
  const documentId = parseCandidateKey(key).documentId;
  if (!documentId) return null;
  const m = (await store.listMentions(documentId, scope)).find((x) => x.entityKey === key);
  return m ? { documentId, start: m.start, end: m.end, text: m.text } : null;
}

/** The merge queue: proposals passing the filters, highest priority first (ties: document, then id), one page. */
export async function mergeReviewQueue(store: Store, scope: Scope, q: MergeReviewQuery): Promise<Page<MergeReviewItem>> {
  const state = q.state ?? 'unreviewed';
  const all = await listMerges(store, scope);
  // Where each side is now (the entity a filter names, and the ends shown), per collection.
  const byCollection = new Map<string, Set<string>>();
  for (const { p } of all) {
    const set = byCollection.get(p.collection) ?? new Set<string>();
    set.add(factOf(p).a).add(factOf(p).b);
    byCollection.set(p.collection, set);
  }
  const entityOf = new Map<string, string>();
  for (const [collection, keys] of byCollection) {
    for (const [k, e] of await store.resolution.entityOfKeys(collection, [...keys])) entityOf.set(`${collection}\u0000${k}`, e);
  }
  const sides = (p: FactProposal): string[] => [...new Set([factOf(p).a, factOf(p).b].map((k) => entityOf.get(`${p.collection}\u0000${k}`) ?? ''))].filter(Boolean);
  const passing = all.filter(({ p, state: s }) => {
    const f = factOf(p);
    return (state === 'all' || s === state) && (!q.type || f.rule === q.type)
      && (!q.entity || f.entity.id === q.entity || sides(p).includes(q.entity))
      && (!q.documentId || parseCandidateKey(f.a).documentId === q.documentId || parseCandidateKey(f.b).documentId === q.documentId)
      && f.score >= (q.minConfidence ?? 0) && f.score <= (q.maxConfidence ?? 1);
  });
  passing.sort((x, y) => priorityOf(factOf(y.p)) - priorityOf(factOf(x.p)) || (x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0));
  const page = passing.slice(q.offset, q.offset + q.limit);
  const briefs = new Map((await store.getEntityBriefs([...new Set(page.flatMap(({ p }) => sides(p)))], scope)).map((b) => [b.id, b]));
  const items: MergeReviewItem[] = [];
  for (const { p, state: s, decision } of page) {
    const f = factOf(p);
    const entities: ReviewEnd[] = sides(p).map((id) => ({ id, name: briefs.get(id)?.name ?? id, type: briefs.get(id)?.type ?? null }));
    const evidence = (await Promise.all([f.a, f.b].map((k) => firstMention(store, scope, k)))).filter((e): e is Evidence => e !== null);
    const review = decision && decision.verdict === 'accepted' ? { review: { verdict: 'accepted' as const, at: decision.at, ...(decision.by ? { by: decision.by } : {}) } } : {};
    const rejection = decision && decision.verdict === 'rejected'
      ? { rejection: { at: decision.at, ...(decision.by ? { by: decision.by } : {}), ...(decision.reason ? { reason: decision.reason } : {}) } } : {};
    items.push({
      id: p.id, kind: 'merge', state: s, type: f.rule, summary: `${f.names ?? `${f.a} ~ ${f.b}`} (${f.rule}, ${f.score.toFixed(2)})`, entities,
      documentId: p.documentId, evidence, stage: p.stage, version: p.version, score: f.score, priority: Math.round(priorityOf(f) * 1e4) / 1e4,
      a: f.a, b: f.b, ...review, ...rejection,
    });
  }
  return { total: passing.length, items };
}

/**
 * Records a verdict on a merge (accept: keep; reject: undo the merge, with an optional reason; undo: the decision before)
 * by `by`, and applies it to the entities as a resolution decision about the pair; the record made.
 */
export async function reviewMerge(store: Store, scope: Scope, id: string, verdict: 'accepted' | 'rejected' | 'undo',
  options: { by?: string; reason?: string; decisions?: DecisionOptions } = {}): Promise<FactReviewRecord> {
  if (!/^[0-9a-f]{16}\.[0-9a-f]{12}$/u.test(id)) throw new ReviewError(`"${id}" is no proposal id (document id, a dot, 12 hex digits).`);
  const earlier = await store.reviews.merges.records(scope, id);
  const inForce = decisionInForce(earlier);
  if (verdict === 'undo' && !inForce) throw new ReviewError(`Nothing to undo on merge "${id}".`, 404);
  let snapshot = earlier[0]?.snapshot;
  if (!snapshot) {
    const current = (await store.reviews.merges.reasons(scope)).map(asProposal).find((p) => p?.id === id);
    if (!current) throw new ReviewError(`No merge proposal "${id}".`, 404);
    snapshot = current;
  }
  const record: Omit<FactReviewRecord, 'id'> = {
    collection: snapshot.collection, kind: 'merge', proposal: id, documentId: snapshot.documentId, verdict, at: new Date().toISOString(), snapshot,
    ...(options.by ? { by: options.by } : {}), ...(options.reason && verdict === 'rejected' ? { reason: options.reason } : {}),
  };
  const after = decisionInForce([...earlier, { ...record, id: Number.MAX_SAFE_INTEGER }]);
  const kind = !after ? 'clear' : after.verdict === 'rejected' ? 'split' : 'merge';
  const f = factOf(snapshot);
  // The review record is written in the transaction that records the resolution decision (a crash leaves both or neither).
  await decidePair(store, snapshot.collection, kind, f.a, f.b, options.by, `review of merge ${id}: ${verdict}`, options.decisions, record);
  const written = (await store.reviews.merges.records(scope, id)).at(-1);
  if (!written) throw new Error(`The review of merge ${id} was not recorded.`);
  return written;
}
