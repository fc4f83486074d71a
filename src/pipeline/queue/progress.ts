/** Progress of queued runs and workers, read from the progress tables: what `cablegraph jobs` shows on any machine. */
import type pg from 'pg';
import { HEARTBEAT_SECONDS } from './worker.js';

/** One run: its documents by state, its workers and rate. */
export interface RunProgress {
  id: string;
  collection: string;
  /** Machine of the ingest that queued it. */
  host: string;
  status: 'running' | 'finishing' | 'finished' | 'interrupted';
  documents: number;
  /** Documents not done or failed yet (queued or in a batch in progress). */
  queued: number;
  done: number;
  failed: number;
  batches: { total: number; active: number; retried: number; failed: number };
  /** Workers holding one of its batches now. */
  activeWorkers: number;
  /** Documents done or failed per second since the run started (up to its end). */
  rate: number;
  startedAt: string;
  finishedAt: string | null;
}

/** One worker process. */
export interface WorkerProgress {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
  batches: number;
  documents: number;
  startedAt: string;
  lastSeen: string;
  /** Seen within a few heartbeats and not stopped. */
  active: boolean;
}

const RUN_SQL = `
  SELECT r.id, r.collection, r.host, r.status, r.documents, r.started_at, r.finished_at,
    COALESCE(sum(b.done), 0) AS done, COALESCE(sum(b.failed), 0) AS failed,
    COALESCE(sum(cardinality(b.document_ids)) FILTER (WHERE b.state IN ('queued', 'active')), 0) AS open,
    count(b.seq) AS batches, count(*) FILTER (WHERE b.state = 'active') AS active,
    count(*) FILTER (WHERE b.attempts > 1) AS retried, count(*) FILTER (WHERE b.state = 'failed') AS failed_batches,
    count(DISTINCT b.worker) FILTER (WHERE b.state = 'active') AS workers,
    EXTRACT(EPOCH FROM COALESCE(r.finished_at, now()) - r.started_at) AS seconds
  FROM queue_runs r LEFT JOIN queue_batches b ON b.run_id = r.id`;

type RunRow = Record<'id' | 'collection' | 'host' | 'status', string> & { started_at: Date; finished_at: Date | null; documents: number }
  & Record<'done' | 'failed' | 'open' | 'batches' | 'active' | 'retried' | 'failed_batches' | 'workers' | 'seconds', string>;

/** Progress of one run, or null when unknown. */
export async function runProgress(pool: pg.Pool, runId: string): Promise<RunProgress | null> {
  const { rows } = await pool.query<RunRow>(`${RUN_SQL} WHERE r.id = $1 GROUP BY r.id`, [runId]);
  return rows[0] ? toRun(rows[0]) : null;
}

/** The latest runs, newest first (optionally of one collection). */
export async function listRuns(pool: pg.Pool, options: { collection?: string; limit?: number } = {}): Promise<RunProgress[]> {
  const { rows } = await pool.query<RunRow>(`${RUN_SQL} WHERE $1::text IS NULL OR r.collection = $1 GROUP BY r.id ORDER BY r.started_at DESC, r.id LIMIT $2`,
    [options.collection ?? null, options.limit ?? 20]);
  return rows.map(toRun);
}

/** Workers seen recently (active ones first). */
export async function listWorkers(pool: pg.Pool, options: { limit?: number } = {}): Promise<WorkerProgress[]> {
  const { rows } = await pool.query<{ id: string; host: string; pid: number; concurrency: number; batches: number; documents: number; started_at: Date; last_seen: Date; active: boolean }>(
    `SELECT id, host, pid, concurrency, batches, documents, started_at, last_seen,
      (stopped_at IS NULL AND last_seen > now() - make_interval(secs => $1)) AS active
     FROM queue_workers ORDER BY active DESC, last_seen DESC LIMIT $2`, [HEARTBEAT_SECONDS * 3, options.limit ?? 20]);
  return rows.map((r) => ({
    id: r.id, host: r.host, pid: r.pid, concurrency: r.concurrency, batches: r.batches, documents: r.documents,
    startedAt: r.started_at.toISOString(), lastSeen: r.last_seen.toISOString(), active: r.active,
  }));
}

function toRun(r: RunRow): RunProgress {
  const done = Number(r.done);
  const failed = Number(r.failed);
  const seconds = Number(r.seconds);
  return {
    id: r.id, collection: r.collection, host: r.host, status: r.status as RunProgress['status'], documents: r.documents,
    queued: Number(r.open), done, failed,
    batches: { total: Number(r.batches), active: Number(r.active), retried: Number(r.retried), failed: Number(r.failed_batches) },
    activeWorkers: Number(r.workers), rate: seconds > 0 ? (done + failed) / seconds : 0,
    startedAt: r.started_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
