/** `cablegraph ingest <path...>`: files, folders and archives into the store, with progress and a summary. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ingestPaths, defaultStages, finishIngest, type IngestSummary } from '../pipeline.js';
import { DEFAULT_LIMITS } from '../ingest/handler.js';
import { withDb, withStore, positiveInt, EXIT, bold } from './common.js';
import { progressReporter, describeFailure } from './progress.js';
import { ingestWithQueue } from './ingest-queue.js';
import { isPostgresUrl } from './worker.js';
import { DEFAULT_RETRY } from '../pipeline/queue/boss.js';
import { DEFAULT_DB } from '../store/open.js';
import { withWorkers, pipelineWorkers } from './workers-option.js';

/** Registers the ingest command. */
export function registerIngest(program: Command): void {
  withWorkers(withDb(program.command('ingest')))
    .description('Ingest files, folders (recursively) and archives. Exit code 0: all stored; 2: some failed (the rest stored); 130: interrupted.')
    .argument('<paths...>', 'files or folders')
    .option('--collection <name>', 'collection to put the documents in', 'default')
    .option('--batch <n>', 'container members (JSON Lines records, messages, zip members) stored per transaction', positiveInt('--batch'), 500)
    .option('--max-file-mb <n>', 'refuse files larger than this', positiveInt('--max-file-mb'), DEFAULT_LIMITS.maxFileBytes / 1024 / 1024)
    .option('--ocr-lang <langs>', 'Tesseract language(s) for scans and images, e.g. fas+eng; auto: chosen per page from the script', 'auto')
    .option('--no-ocr', 'do not OCR images and PDF pages without a text layer (they are stored blank with a warning)')
    .option('--batch-size <n>', 'PostgreSQL queue: documents per job', positiveInt('--batch-size'), 25)
    .option('--job-timeout <s>', 'PostgreSQL queue: a batch active this long is taken as lost and retried', positiveInt('--job-timeout'), DEFAULT_RETRY.expireSeconds)
    .option('--retry-limit <n>', 'PostgreSQL queue: retries of a lost or failing batch before its documents are recorded as failed', positiveInt('--retry-limit'), DEFAULT_RETRY.retryLimit)
    .action(async (paths: string[], opts: { db?: string; collection: string; ocrLang: string; ocr: boolean; maxFileMb: number; workers?: number; batch: number; batchSize: number; jobTimeout: number; retryLimit: number }) => {
      const location = opts.db ?? process.env.CABLEGRAPH_DB;
      const ocr = { enabled: opts.ocr, lang: opts.ocrLang.trim() || 'auto' };
      if (opts.workers !== undefined && location && isPostgresUrl(location)) {
        const limits = { ...DEFAULT_LIMITS, maxFileBytes: opts.maxFileMb * 1024 * 1024 };
        const retry = { ...DEFAULT_RETRY, expireSeconds: Math.max(1, opts.jobTimeout), retryLimit: opts.retryLimit };
        process.exitCode = await withStore({ db: location }, (store) => ingestWithQueue(paths, store, {
          url: location, collection: opts.collection, limits, ocr, workers: opts.workers!, batchSize: Math.max(1, opts.batchSize), retry,
        }));
        return;
      }
      const code = await withStore(opts, async (store) => {
        const controller = new AbortController();
        // First Ctrl-C: finish the documents in progress and stop cleanly; a second one exits at once (the store stays consistent either way).
        const onSigint = (): void => {
          if (controller.signal.aborted) process.exit(EXIT.interrupted);
          process.stderr.write('\nInterrupted: finishing the documents in progress. Run the same command again to finish the job.\n');
          controller.abort();
        };
        process.on('SIGINT', onSigint);
        const progress = progressReporter();
        try {
          const summary = await ingestPaths(paths, {
            store, collection: opts.collection, stages: defaultStages(), workers: pipelineWorkers(opts.workers), batchDocuments: Math.max(1, opts.batch), finish: finishIngest, signal: controller.signal,
            limits: { ...DEFAULT_LIMITS, maxFileBytes: opts.maxFileMb * 1024 * 1024 }, ocr, skipPaths: storeFiles(location ?? DEFAULT_DB),
            onProgress: progress.onProgress,
            // Internal errors (a failing stage) with stack and causes, above the progress bar.
            log: (message) => {
              progress.finish();
              process.stderr.write(`${message}\n`);
            },
          });
          progress.finish();
          printSummary(summary);
          return summary.interrupted ? EXIT.interrupted : summary.failed.length > 0 ? EXIT.someFailed : EXIT.ok;
        } finally {
          process.off('SIGINT', onSigint);
        }
      });
      process.exitCode = code;
    });
}

/** Prints what the run did: counts, then every failure with its path and reason. */
function printSummary(s: IngestSummary): void {
  const out = process.stdout;
  const rate = s.seconds > 0 ? ` (${((s.ingested + s.unchanged + s.failed.length) / s.seconds).toFixed(1)} files/s, ${(Math.max(s.processed, s.documents) / s.seconds).toFixed(1)} documents/s)` : '';
  out.write(`${bold('Ingested')} ${s.ingested} file(s) as ${s.documents} document(s), ${s.unchanged} unchanged, ${s.failed.length} failed, in ${s.seconds.toFixed(1)} s${rate}.\n`);
  if (s.ocrPages > 0) out.write(`OCR read ${s.ocrPages} page(s) (${(s.ocrPages / Math.max(0.001, s.seconds)).toFixed(2)} pages/s over the run).\n`);
  if (s.failed.length > 0) {
    out.write(`${bold('Failed:')}\n`);
    for (const f of s.failed) out.write(`  ${describeFailure(f)}\n`);
    if (s.failed.some((f) => f.code === 'stage-failed')) {
      out.write('Documents whose stages failed are stored and searchable; `cablegraph retry` runs their stages again.\n');
    }
  }
  if (s.interrupted) out.write('Interrupted before the end: run the same command again to finish (stored files are skipped).\n');
}

/** The SQLite store's own files (database, WAL, shared memory, journal), so `ingest .` beside the store never reads them. */
export function storeFiles(location: string): string[] {
  if (isPostgresUrl(location)) return [];
  const db = resolve(location);
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}
