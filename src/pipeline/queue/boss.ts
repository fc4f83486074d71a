/**
 * The stage queue: pg-boss on the store's own PostgreSQL (schema `pgboss`, no extra service). One queue holds every
 * run's batches of document ids; a batch that fails past its retry limit (a worker killed, or past its time limit)
 * lands in a dead-letter queue, where any worker records the failure of its documents.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Stage } from '../../model/index.js';

/** Queue of stage batches. */
export const STAGE_QUEUE = 'cablegraph-stages';
/** Batches that failed past their retry limit, waiting for their failure to be recorded. */
export const DEAD_QUEUE = 'cablegraph-stages-dead';

/** One job: a batch of a run's documents, all in one collection. */
export interface BatchJob {
  run: string;
  seq: number;
  collection: string;
  ids: string[];
  /** Stage names and versions the run expects (stageSignature): a worker with others leaves the batch alone. */
  stages: string;
  /** The job's own id in STAGE_QUEUE (a dead-letter copy gets a new id; this one finds the original's error). */
  job: string;
}

/** The stages as "name@version ...", compared between the ingest that queued a batch and the worker taking it. */
export function stageSignature(stages: readonly Stage[]): string {
  return stages.map((s) => `${s.name}@${s.version}`).join(' ');
}

/** How batches are retried and how soon a dead worker's batch comes back (per job, chosen by the ingest run). */
export interface RetryPolicy {
  /** Retries after the first attempt (pg-boss retryLimit). */
  retryLimit: number;
  /** An active batch older than this is taken as lost (its worker died) and retried: longer than any real batch. */
  expireSeconds: number;
  /** Wait before a failed batch is offered again. */
  retryDelaySeconds: number;
}

/** Defaults: 2 retries, a batch lost after 15 minutes (pg-boss's default), retried after 5 s. */
export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 2, expireSeconds: 900, retryDelaySeconds: 5 };

/**
 * How often this process's pg-boss looks for expired batches (at most one process does it per interval, pg-boss
 * takes a lock): CABLEGRAPH_QUEUE_MAINTENANCE_SECONDS, default 30.
 */
export function maintenanceSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CABLEGRAPH_QUEUE_MAINTENANCE_SECONDS ?? '30');
  return Number.isInteger(n) && n >= 1 ? n : 30;
}

// Session advisory lock taken while a process installs pg-boss and creates the queues (see openBoss).
const SETUP_LOCK = 4_242_002;
// Attempts at the setup when PostgreSQL reports a deadlock or a serialization failure (both transient).
const SETUP_ATTEMPTS = 5;

/**
 * Starts pg-boss on `url` (installing its schema the first time) and makes sure both queues exist. Processes starting
 * at once (an ingest and its workers on a new database) take turns: creating a queue is DDL on pg-boss's partitioned
 * job table, and two at once, or one beside another's maintenance, could deadlock ("deadlock detected", seen in CI);
 * a deadlock that still happens is retried.
 */
export async function openBoss(url: string, connections: number): Promise<PgBoss> {
  const lock = new pg.Client({ connectionString: url, application_name: 'cablegraph-queue-setup' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    for (let attempt = 1; ; attempt++) {
      // A fresh instance per attempt: pg-boss does not start again after a failed start.
      const boss = new PgBoss({
        connectionString: url, max: connections, schedule: false, supervise: true,
        maintenanceIntervalSeconds: maintenanceSeconds(),
        application_name: 'cablegraph-queue',
      });
      // Errors of its background maintenance (a lost connection) are retried at the next interval: not fatal.
      boss.on('error', () => undefined);
      try {
        await boss.start();
        await ensureQueue(boss, DEAD_QUEUE, {});
        await ensureQueue(boss, STAGE_QUEUE, { deadLetter: DEAD_QUEUE });
        return boss;
      } catch (err) {
        await boss.stop({ graceful: false, close: true }).catch(() => undefined);
        if (attempt >= SETUP_ATTEMPTS || !isTransient(err)) throw err;
        await sleep(200 * attempt);
      }
    }
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
  }
}

/** PostgreSQL's deadlock_detected and serialization_failure: the statement may succeed when tried again. */
function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '40P01' || code === '40001';
}

/** Creates a queue unless it exists; two processes starting at once may race, the loser finds it made. */
async function ensureQueue(boss: PgBoss, name: string, options: { deadLetter?: string }): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, ...options });
  } catch (err) {
    if (!(await boss.getQueue(name))) throw err;
  }
}

/** The pg-boss job for one batch, with the run's retry policy. */
export function batchJob(data: BatchJob, policy: RetryPolicy): PgBoss.JobInsert<BatchJob> {
  return {
    id: data.job, name: STAGE_QUEUE, data, singletonKey: data.run, deadLetter: DEAD_QUEUE,
    retryLimit: policy.retryLimit, retryDelay: policy.retryDelaySeconds, expireInSeconds: policy.expireSeconds,
  };
}

/** Why pg-boss gave up on a job, from its stored output ("job failed by timeout in active state" when a worker died). */
export async function jobFailureMessage(boss: PgBoss, jobId: string): Promise<string> {
  const job = await boss.getJobById<BatchJob>(STAGE_QUEUE, jobId, { includeArchive: true }).catch(() => null);
  const output = job?.output as { value?: { message?: unknown }; message?: unknown } | undefined;
  const message = output?.value?.message ?? output?.message;
  return typeof message === 'string' ? message : 'no reason recorded';
}
