/** What stage_runs say about a batch's documents: done (every stage at its current version) or failed, and what is left. */
import type { Stage } from '../../model/index.js';
import type pg from 'pg';
import type { Scope, Store } from '../../store/store.js';

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

/**
 * Ids of the collection's documents up to `maxSeq` whose stages have work to do (as `runStages` would choose them,
 * failures left alone): PostgreSQL skips the documents done at every current stage version in one indexed pass (no paging through
 * the collection), then the few left are sorted by their stage runs.
 */
export async function pendingDocuments(store: Store, pool: pg.Pool, stages: Stage[], collection: string, maxSeq: number): Promise<string[]> {
  if (stages.length === 0) return [];
  const { rows } = await pool.query<{ id: string }>(`SELECT d.id FROM documents d WHERE d.collection = $1 AND d.seq <= $5
    AND (SELECT count(*) FROM stage_runs s JOIN unnest($2::text[], $3::text[]) AS c(stage, version)
         ON s.stage = c.stage AND s.version = c.version WHERE s.document_id = d.id AND s.status = 'done') < $4
    ORDER BY d.seq`, [collection, stages.map((s) => s.name), stages.map((s) => s.version), stages.length, maxSeq]);
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const outcome = await batchOutcome(store, stages, collection, rows.slice(i, i + 500).map((r) => r.id));
    for (const p of outcome.pending) ids.push(p.id);
  }
  return ids;
}

/** Failure code of documents whose batch was given up after its retries (a worker died on it each time). */
export const LOST_BATCH_CODE = 'worker-failed';

/**
 * Removes the lost-batch failure records of documents whose stages no longer fail (after `cablegraph retry`), so
 * `stats` lists only what is still failing. Returns how many were removed.
 */
export async function clearRecoveredFailures(store: Store, scope: Scope): Promise<number> {
  const lost = (await store.listFailures(scope)).filter((f) => f.code === LOST_BATCH_CODE);
  if (lost.length === 0) return 0;
  const failing = new Set((await store.listStageFailures(scope)).map((f) => `${f.collection}\t${f.path}`));
  const recovered = lost.filter((f) => !failing.has(`${f.collection}\t${f.path}`));
  for (const f of recovered) await store.clearFailures(f.collection, f.path);
  return recovered.length;
}
