/** What stage_runs say about a batch's documents: done (every stage at its current version) or failed, and what is left. */
import type { Stage } from '../../model/index.js';
import type { Store } from '../../store/store.js';

/** A batch's documents sorted by their recorded stage runs. */
export interface BatchOutcome {
  done: string[];
  failed: string[];
  /** Neither: the first stage still to run on each (a worker died before it ended). */
  pending: { id: string; stage: Stage }[];
}

/** Reads the stage runs of `ids` and sorts the documents by outcome. */
export async function batchOutcome(store: Store, stages: Stage[], collection: string, ids: readonly string[]): Promise<BatchOutcome> {
  const scope = { collections: [collection] };
  const runs = await Promise.all(stages.map((s) => store.stageRuns(s.name, scope, ids)));
  const outcome: BatchOutcome = { done: [], failed: [], pending: [] };
  for (const id of ids) {
    let state: 'done' | 'failed' | Stage = 'done';
    for (const [k, stage] of stages.entries()) {
      const run = runs[k]!.get(id);
      if (run?.version !== stage.version) { state = stage; break; }
      if (run.status === 'failed') { state = 'failed'; break; }
    }
    if (state === 'done') outcome.done.push(id);
    else if (state === 'failed') outcome.failed.push(id);
    else outcome.pending.push({ id, stage: state });
  }
  return outcome;
}

/** Ids of the collection's documents whose stages have work to do (as `runStages` would choose them, failures left alone). */
export async function pendingDocuments(store: Store, stages: Stage[], collection: string): Promise<string[]> {
  const scope = { collections: [collection] };
  const ids: string[] = [];
  const PAGE = 500;
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments(scope, PAGE, offset);
    const outcome = await batchOutcome(store, stages, collection, page.items.map((d) => d.id));
    for (const p of outcome.pending) ids.push(p.id);
    if (page.items.length < PAGE) return ids;
  }
}
