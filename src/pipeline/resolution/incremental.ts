/**
 * Incremental resolution: documents whose mentions changed are resolved a batch at a time, decisions one step each,
 * every step committed atomically behind the version it read (redone when another commit came first). A collection
 * whose index was never built, or whose changed documents are a large share of it, is resolved in full instead.
 */
import type { Decision, DecisionRecord } from '../../model/index.js';
import type { Store } from '../../store/store.js';
import type { ResolutionChange } from '../../store/resolution.js';
import { RESOLVE_VERSION } from './cluster.js';
import { resolveFully } from './full.js';
import { computeStep, type StepInput } from './step.js';
import { recordDecisions } from '../../store/shared/record-decision.js';

/** Options of the incremental entry points. */
export interface IncrementalOptions {
  /** Documents per step (default 500). */
  batch?: number;
  /** Above this share of changed documents, resolve in full (default 0.25). */
  fullShare?: number;
  /** Yields to the event loop between rounds of work (default: a macrotask turn). */
  pause?: () => Promise<void>;
}

/** What a run did. */
export interface ResolveReport {
  mode: 'full' | 'incremental' | 'none';
  documents: number;
  steps: number;
  regionCandidates: number;
  fastJoins: number;
}

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const MAX_ATTEMPTS = 20;

// One resolution at a time per store and collection in this process; other processes are kept out by the version check.
const queues = new WeakMap<Store, Map<string, Promise<unknown>>>();

/** Runs `work` after the resolution work already queued for the collection in this process. */
export function serialized<T>(store: Store, collection: string, work: () => Promise<T>): Promise<T> {
  const byCollection = queues.get(store) ?? new Map<string, Promise<unknown>>();
  queues.set(store, byCollection);
  const next = (byCollection.get(collection) ?? Promise.resolve()).catch(() => undefined).then(work);
  byCollection.set(collection, next);
  return next;
}

/** True when the collection's index was built by this version of the algorithm (else only a full run is valid). */
async function indexBuilt(store: Store, collection: string): Promise<boolean> {
  return (await store.resolution.state(collection)).algorithm === RESOLVE_VERSION;
}

/** Computes and commits one step (with `extra` written in the same transaction), again from the start whenever another commit came first. */
async function commitStep(store: Store, collection: string, input: StepInput, pause: () => Promise<void>, extra: Pick<ResolutionChange, 'mergeReviews'> = {}) {
  for (let attempt = 1; ; attempt++) {
    const { version } = await store.resolution.state(collection);
    const step = await computeStep(store.resolution, collection, input, pause);
    const result = await store.resolution.commit(collection, version, { ...step.change, ...extra });
    if (result.ok) return { ...step, decisions: result.decisions };
    if (attempt >= MAX_ATTEMPTS) throw new Error(`Resolution of "${collection}" kept changing while a step was computed (${attempt} attempts).`);
  }
}

/** Brings the collection's entities up to date with its mentions: incrementally where it can, in full where it must. */
export function resolveIncrementally(store: Store, collection: string, options: IncrementalOptions = {}): Promise<ResolveReport> {
  return serialized(store, collection, async () => {
    const { batch = 500, fullShare = 0.25, pause = yieldTurn } = options;
    const state = await store.resolution.state(collection);
    if (state.algorithm !== RESOLVE_VERSION || (state.dirty > batch && state.dirty > fullShare * state.documents)) {
      await resolveFully(store, collection, pause);
      return { mode: 'full', documents: state.documents, steps: 1, regionCandidates: 0, fastJoins: 0 };
    }
    const report: ResolveReport = { mode: 'none', documents: 0, steps: 0, regionCandidates: 0, fastJoins: 0 };
    let after = '';
    for (;;) {
      const dirty = await store.resolution.dirtyDocuments(collection, batch, after);
      if (dirty.length === 0) return report;
      const step = await commitStep(store, collection, { dirty, newDecisions: [], pending: [] }, pause);
      Object.assign(report, { mode: 'incremental', documents: report.documents + dirty.length, steps: report.steps + 1 });
      report.regionCandidates += step.regionSize;
      report.fastJoins += step.fastJoins;
      after = dirty.at(-1)!.id;
    }
  });
}

/**
 * Records decisions and applies them in the same transaction; returns them as stored (where the latest decision about a
 * pair already said the same, that one). `mergeReviews` (the review records of merges these decisions come from) are
 * written in the transaction that records the decisions.
 */
export function applyDecisionNow(store: Store, collection: string, decisions: Decision[], options: IncrementalOptions = {},
  mergeReviews: ResolutionChange['mergeReviews'] = []): Promise<DecisionRecord[]> {
  return serialized(store, collection, async () => {
    if (!(await indexBuilt(store, collection))) {
      // No index to patch yet: record the decisions, then resolve the collection in full (which applies them).
      const recorded = await recordDecisions(store.resolution, collection, decisions, mergeReviews);
      await resolveFully(store, collection);
      return Promise.all(recorded.map(async (d) => (await store.resolution.decision(d.id)) ?? d));
    }
    const step = await commitStep(store, collection, { dirty: [], newDecisions: decisions, pending: [] }, options.pause ?? yieldTurn,
      mergeReviews.length > 0 ? { mergeReviews } : {});
    return step.decisions;
  });
}

/** Applies the collection's pending decisions in one step; returns how many it applied. */
export function applyPendingDecisions(store: Store, collection: string, options: IncrementalOptions = {}): Promise<number> {
  return serialized(store, collection, async () => {
    const pending = await store.resolution.pendingDecisions(collection);
    if (pending.length === 0) return 0;
    if (!(await indexBuilt(store, collection))) {
      await resolveFully(store, collection);
      return pending.length;
    }
    await commitStep(store, collection, { dirty: [], newDecisions: [], pending }, options.pause ?? yieldTurn);
    return pending.length;
  });
}
