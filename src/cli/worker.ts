/** `cablegraph worker --db postgres://...`: joins the stage queue from any machine until stopped (SIGINT/SIGTERM). */
import type { Command } from 'commander';
import { defaultStages } from '../pipeline.js';
import { runWorker } from '../pipeline/queue/worker.js';
import { DEFAULT_DB } from '../store/open.js';
import { withDb, withStore, positiveInt, UserError, EXIT } from './common.js';

/** True for a PostgreSQL URL (the queue needs the server store). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//u.test(location);
}

/** The --db location, or a usage error when it is not PostgreSQL. */
export function postgresLocation(opts: { db?: string }, command: string): string {
  const location = opts.db ?? process.env.CABLEGRAPH_DB ?? DEFAULT_DB;
  if (!isPostgresUrl(location)) throw new UserError(`${command} needs a PostgreSQL store (--db postgres://...), got "${location}".`);
  return location;
}

/** Registers the worker command. */
export function registerWorker(program: Command): void {
  withDb(program.command('worker'))
    .description('Work on the stage queue of a PostgreSQL store (ingest --workers enqueues): run on any machine that reaches the database; SIGINT/SIGTERM finishes the batches in hand, then exits.')
    .option('--concurrency <n>', 'batches worked on at once in this process', positiveInt('--concurrency'), 1)
    .action(async (opts: { db?: string; concurrency: number }) => {
      const url = postgresLocation(opts, 'worker');
      const code = await withStore({ db: url }, async (store) => {
        const controller = new AbortController();
        const stop = (): void => {
          if (controller.signal.aborted) process.exit(EXIT.interrupted);
          process.stderr.write('worker: stopping after the batches in hand\n');
          controller.abort();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        try {
          const summary = await runWorker({
            url, store, stages: defaultStages(), concurrency: Math.max(1, opts.concurrency), signal: controller.signal,
            log: (message) => process.stderr.write(`${message}\n`),
          });
          process.stdout.write(`Worker ${summary.id}: ${summary.batches} batch(es), ${summary.documents} document(s), ${summary.failed} failed.\n`);
          return EXIT.ok;
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      });
      process.exitCode = code;
    });
}
