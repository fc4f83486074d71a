/**
 * Progress of queued ingest runs in the store's database (tables queue_runs, queue_batches, queue_workers; see the
 * PostgreSQL migrations), so `cablegraph jobs` on any machine sees every run, batch and worker.
 */
import pg from 'pg';
import type { BatchJob } from './boss.js';

/** A small pool for progress rows (the store and pg-boss keep their own). */
export function progressPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return pool;
}

/** Records a new run (its batches are added as documents are stored). */
export async function createRun(pool: pg.Pool, run: { id: string; collection: string; host: string }): Promise<void> {
  await pool.query('INSERT INTO queue_runs (id, collection, host) VALUES ($1, $2, $3)', [run.id, run.collection, run.host]);
}

/** Records batches of a run in one transaction, before their jobs are sent (a worker always finds its row). */
export async function addBatches(pool: pg.Pool, runId: string, batches: BatchJob[]): Promise<void> {
  if (batches.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const b of batches) {
      await client.query('INSERT INTO queue_batches (run_id, seq, job_id, document_ids) VALUES ($1, $2, $3, $4)', [b.run, b.seq, b.job, b.ids]);
    }
    await client.query('UPDATE queue_runs SET documents = documents + $2 WHERE id = $1', [runId, batches.reduce((n, b) => n + b.ids.length, 0)]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The collection's documents stored after `afterSeq` (insertion order), with the last one's seq. */
export async function documentsAfter(pool: pg.Pool, collection: string, afterSeq: number): Promise<{ ids: string[]; last: number }> {
  const { rows } = await pool.query<{ id: string; seq: string }>('SELECT id, seq FROM documents WHERE collection = $1 AND seq > $2 ORDER BY seq',
    [collection, afterSeq]);
  return { ids: rows.map((r) => r.id), last: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : afterSeq };
}

/** The highest document seq so far (documents stored later have a higher one). */
export async function lastDocumentSeq(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM documents');
  return Number(rows[0]?.seq ?? 0);
}

/** Ids of documents in the collection's batches still queued or in progress (another run is on them). */
export async function openDocumentIds(pool: pg.Pool, collection: string): Promise<Set<string>> {
  const { rows } = await pool.query<{ id: string }>(`SELECT unnest(b.document_ids) AS id FROM queue_batches b JOIN queue_runs r ON r.id = b.run_id
    WHERE r.collection = $1 AND b.state IN ('queued', 'active')`, [collection]);
  return new Set(rows.map((r) => r.id));
}

/** Documents of the collection's batches not yet done or failed (all runs). */
export async function openDocuments(pool: pg.Pool, collection: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT COALESCE(sum(cardinality(b.document_ids)), 0) AS n FROM queue_batches b
    JOIN queue_runs r ON r.id = b.run_id WHERE r.collection = $1 AND b.state IN ('queued', 'active')`, [collection]);
  return Number(rows[0]?.n ?? 0);
}

/** A worker took the batch: one more attempt. */
export async function startBatch(pool: pg.Pool, job: BatchJob, worker: string): Promise<void> {
  await pool.query(`UPDATE queue_batches SET state = 'active', attempts = attempts + 1, worker = $3, started_at = now()
    WHERE run_id = $1 AND seq = $2`, [job.run, job.seq, worker]);
}

/** The batch ended: its documents' outcome, counted from their stage runs (a retried batch is counted afresh). */
export async function finishBatch(pool: pg.Pool, job: BatchJob, state: 'done' | 'failed', counts: { done: number; failed: number }, worker?: string): Promise<void> {
  await pool.query(`UPDATE queue_batches SET state = $3, done = $4, failed = $5, finished_at = now() WHERE run_id = $1 AND seq = $2`,
    [job.run, job.seq, state, counts.done, counts.failed]);
  if (worker) {
    await pool.query('UPDATE queue_workers SET batches = batches + 1, documents = documents + $2 WHERE id = $1', [worker, counts.done + counts.failed]);
  }
}

/** Sets a run's status; `finished` also stamps its end. */
export async function setRunStatus(pool: pg.Pool, runId: string, status: 'running' | 'finishing' | 'finished' | 'interrupted'): Promise<void> {
  await pool.query(`UPDATE queue_runs SET status = $2, finished_at = CASE WHEN $2 = 'finished' THEN now() ELSE finished_at END WHERE id = $1`, [runId, status]);
}

/**
 * Marks the collection's earlier unfinished runs finished once none of their batches is open: the collection-level
 * steps that just ran covered their documents too (an interrupted ingest, run again).
 */
export async function closeEarlierRuns(pool: pg.Pool, collection: string): Promise<void> {
  await pool.query(`UPDATE queue_runs r SET status = 'finished', finished_at = now()
    WHERE r.collection = $1 AND r.status <> 'finished'
      AND NOT EXISTS (SELECT 1 FROM queue_batches b WHERE b.run_id = r.id AND b.state IN ('queued', 'active'))`, [collection]);
}

/** Registers a worker (its id names host and pid, for `cablegraph jobs`). */
export async function registerWorker(pool: pg.Pool, worker: { id: string; host: string; pid: number; concurrency: number }): Promise<void> {
  await pool.query(`INSERT INTO queue_workers (id, host, pid, concurrency) VALUES ($1, $2, $3, $4)
    ON CONFLICT (id) DO UPDATE SET last_seen = now(), stopped_at = NULL`, [worker.id, worker.host, worker.pid, worker.concurrency]);
}

/** The worker is alive (called every few seconds; a worker not seen for a while counts as gone). */
export async function heartbeat(pool: pg.Pool, workerId: string): Promise<void> {
  await pool.query('UPDATE queue_workers SET last_seen = now() WHERE id = $1', [workerId]);
}

/** The worker stopped cleanly. */
export async function workerStopped(pool: pg.Pool, workerId: string): Promise<void> {
  await pool.query('UPDATE queue_workers SET stopped_at = now(), last_seen = now() WHERE id = $1', [workerId]);
}

/**
 * Runs `work` holding a session advisory lock on the collection, so the collection-level steps run in one process at
 * a time on any number of machines (resolution is serialised only within a process).
 */
export async function withCollectionLock<T>(pool: pg.Pool, collection: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('cablegraph-finish'), hashtext($1))", [collection]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('cablegraph-finish'), hashtext($1))", [collection]);
    }
  } finally {
    client.release();
  }
}
