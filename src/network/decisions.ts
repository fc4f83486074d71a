/**
 * User merges and splits: recorded as decisions on candidate keys and applied incrementally (only the entities they
 * touch), atomically with the record. Small ones are applied before the call returns; large ones are recorded as
 * pending and applied by a background job. The same decision twice is one decision.
 */
import type { Decision, DecisionRecord, FactReviewRecord, ResolvedEntityRecord } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';
import { applyDecisionNow } from '../pipeline/resolve-collection.js';
import { recordDecisions } from '../store/shared/record-decision.js';
import type { DecisionJobs } from './decision-jobs.js';

/** A decision request failed for a reason the user can fix. */
export class DecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionError';
  }
}

/** How a decision is applied. */
export interface DecisionOptions {
  /** Background jobs for large decisions; without them every decision is applied before returning. */
  jobs?: DecisionJobs;
  /** Member candidates of the entities involved above which the decision goes to a job (default 2,000). */
  syncLimit?: number;
}

/** The recorded decisions and whether they are applied yet. */
export interface DecisionOutcome {
  decisions: DecisionRecord[];
  status: 'applied' | 'pending';
}

const DEFAULT_SYNC_LIMIT = 2000;

async function entityOrFail(store: Store, id: string, scope: Scope): Promise<ResolvedEntityRecord> {
  const e = await store.getEntity(id, scope);
  if (!e) throw new DecisionError(`No entity with id "${id}".`);
  if (e.members.length === 0) throw new DecisionError(`Entity "${e.name}" has not been resolved yet: ingest with the default stages first.`);
  return e;
}

/**
 * Records the decisions and applies them: now when the entities are small (or no job runner is given), else as a
 * pending job. Decisions whose pair's latest decision already says the same are not recorded again. `mergeReviews`
 * (review records of merges the decisions come from) are written in the transaction recording the decisions, or on
 * their own when nothing new is recorded.
 */
async function decide(store: Store, collection: string, decisions: Decision[], size: number, options: DecisionOptions,
  mergeReviews: Omit<FactReviewRecord, 'id'>[] = []): Promise<DecisionOutcome> {
  // Asked before: every pair's latest decision already says the same (checked one by one, stopping at the first new one).
  const known: DecisionRecord[] = [];
  for (const d of decisions) {
    const latest = await store.resolution.latestDecision(collection, d.a, d.b);
    if (!latest || latest.kind !== d.kind) break;
    known.push(latest);
  }
  if (known.length === decisions.length) {
    for (const record of mergeReviews) await store.reviews.merges.record(record);
    const pending = known.some((d) => d.status === 'pending');
    if (pending) options.jobs?.schedule(collection);
    return { decisions: known, status: pending ? 'pending' : 'applied' };
  }
  if (options.jobs && size > (options.syncLimit ?? DEFAULT_SYNC_LIMIT)) {
    const recorded = await recordDecisions(store.resolution, collection, decisions, mergeReviews);
    options.jobs.schedule(collection);
    return { decisions: recorded, status: recorded.every((d) => d.status === 'applied') ? 'applied' : 'pending' };
  }
  return { decisions: await applyDecisionNow(store, collection, decisions, {}, mergeReviews), status: 'applied' };
}

/** Merges entity `b` into entity `a`. Undo it with splitMember. */
export async function mergeEntities(store: Store, scope: Scope, a: string, b: string, by?: string, options: DecisionOptions = {}): Promise<DecisionOutcome> {
  const [ea, eb] = [await entityOrFail(store, a, scope), await entityOrFail(store, b, scope)];
  if (ea.id === eb.id) throw new DecisionError('These are already one entity.');
  if (ea.collection !== eb.collection) throw new DecisionError(`"${ea.name}" and "${eb.name}" are in different collections.`);
  if (ea.type !== eb.type) throw new DecisionError(`"${ea.name}" is ${ea.type} and "${eb.name}" is ${eb.type}: only entities of one type merge.`);
  const decision: Decision = { kind: 'merge', a: ea.members[0]!, b: eb.members[0]!, at: new Date().toISOString(), by, note: `${ea.name} = ${eb.name}` };
  return decide(store, ea.collection, [decision], ea.members.length + eb.members.length, options);
}

/** Takes one candidate (member key, or an alias whose candidates should leave) out of an entity. */
export async function splitMember(store: Store, scope: Scope, entityId: string, member: string, by?: string, options: DecisionOptions = {}): Promise<DecisionOutcome> {
  const e = await entityOrFail(store, entityId, scope);
  const leaving = e.members.filter((k) => k === member || k.endsWith(`:${member.toLowerCase()}`));
  if (leaving.length === 0) throw new DecisionError(`"${member}" is not a member of "${e.name}". Members: ${e.members.join(', ')}`);
  const staying = e.members.filter((k) => !leaving.includes(k));
  if (staying.length === 0) throw new DecisionError(`Splitting "${member}" would leave "${e.name}" empty.`);
  const at = new Date().toISOString();
  const decisions = leaving.flatMap((l) => staying.map((s): Decision => ({ kind: 'split', a: l, b: s, at, by, note: `split from ${e.name}` })));
  return decide(store, e.collection, decisions, e.members.length, options);
}

/** A decision by id with its status, or null when absent or outside the scope. */
export async function decisionStatus(store: Store, scope: Scope, id: number): Promise<DecisionRecord | null> {
  const d = await store.resolution.decision(id);
  if (!d || (scope.collections !== '*' && !scope.collections.includes(d.collection))) return null;
  return d;
}

/**
 * A decision about two candidate keys of one collection (the review of a merge: keep it, undo it, or hand the pair
 * back to resolution with `clear`), recorded and applied as merges and splits are, with the review record `review`
 * (when given) in the same transaction.
 */
export async function decidePair(store: Store, collection: string, kind: Decision['kind'], a: string, b: string, by?: string, note?: string,
  options: DecisionOptions = {}, review?: Omit<FactReviewRecord, 'id'>): Promise<DecisionOutcome> {
  const decision: Decision = { kind, a, b, at: new Date().toISOString(), ...(by ? { by } : {}), ...(note ? { note } : {}) };
  return decide(store, collection, [decision], 0, options, review ? [review] : []);
}
