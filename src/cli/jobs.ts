/** `cablegraph jobs --db postgres://...`: progress of queued ingest runs and their workers, from any machine. */
import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { progressPool } from '../pipeline/queue/tables.js';
import { listRuns, listWorkers, type RunProgress, type WorkerProgress } from '../pipeline/queue/progress.js';
import { withDb, positiveInt, printJson, bold } from './common.js';
import { postgresLocation } from './worker.js';

/** Registers the jobs command. */
export function registerJobs(program: Command): void {
  withDb(program.command('jobs'))
    .description('Progress of queued ingest runs (PostgreSQL): documents queued, done and failed, workers, rate.')
    .option('--collection <name>', 'only runs of this collection')
    .option('--limit <n>', 'most recent runs shown', positiveInt('--limit'), 20)
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; collection?: string; limit: number; json?: boolean }) => {
      const url = postgresLocation(opts, 'jobs');
      // Opening the store migrates it: the progress tables exist even before the first queued run.
      await (await openStore(url)).close();
      const pool = progressPool(url);
      try {
        const runs = await listRuns(pool, { collection: opts.collection, limit: opts.limit });
        const workers = await listWorkers(pool);
        if (opts.json) printJson({ runs, workers });
        else printJobs(runs, workers);
      } finally {
        await pool.end();
      }
    });
}

function printJobs(runs: RunProgress[], workers: WorkerProgress[]): void {
  const out = process.stdout;
  if (runs.length === 0) out.write('No queued runs yet (`cablegraph ingest PATH --db postgres://... --workers N` queues one).\n');
  for (const r of runs) {
    const end = r.finishedAt ? `finished ${r.finishedAt}` : 'not finished';
    out.write(`${bold(r.id)}  ${r.collection}  ${r.status}\n`);
    out.write(`  documents ${r.documents}: ${r.queued} queued, ${r.done} done, ${r.failed} failed  ${r.rate.toFixed(1)} documents/s\n`);
    out.write(`  batches ${r.batches.total}: ${r.batches.active} active, ${r.batches.retried} retried, ${r.batches.failed} given up  `
      + `workers on it ${r.activeWorkers}\n`);
    out.write(`  started ${r.startedAt} on ${r.host}, ${end}\n`);
  }
  const active = workers.filter((w) => w.active);
  out.write(`${bold('Workers')}: ${active.length} active\n`);
  for (const w of workers) {
    out.write(`  ${w.id}  ${w.active ? 'active' : 'gone'}  concurrency ${w.concurrency}  ${w.batches} batch(es), ${w.documents} document(s)  last seen ${w.lastSeen}\n`);
  }
}
