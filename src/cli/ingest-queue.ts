/**
 * `cablegraph ingest --db postgres://... --workers N`: the queued ingest (src/pipeline/queue) with N local worker
 * processes (`cablegraph worker` children of this process; 0: only workers started elsewhere).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Store } from '../store/store.js';
import type { IngestLimits } from '../ingest/handler.js';
import type { OcrOptions } from '../ingest/ocr/options.js';
import { defaultStages, finishIngest } from '../pipeline.js';
import { ingestQueued } from '../pipeline/queue/ingest-queued.js';
import type { RetryPolicy } from '../pipeline/queue/boss.js';
import type { RunProgress } from '../pipeline/queue/progress.js';
import { EXIT, bold } from './common.js';
import { progressReporter, documentProgress, describeFailure } from './progress.js';

/** Options the ingest command passes to a queued ingest. */
export interface QueueIngestOptions {
  url: string;
  collection: string;
  limits: IngestLimits;
  /** OCR settings (on/off, language). */
  ocr?: Partial<OcrOptions>;
  workers: number;
  batchSize: number;
  retry: RetryPolicy;
}

/** A child that dies on its own is started again, this many times per slot (a crash loop must not spin forever). */
const RESPAWNS = 3;

/** Runs the queued ingest with local worker processes; returns the exit code. */
export async function ingestWithQueue(paths: string[], store: Store, opts: QueueIngestOptions): Promise<number> {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write('\nInterrupted: queued batches stay queued for the workers. Run the same command again to finish the job.\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const workers = localWorkers(opts.url, opts.workers, controller.signal);
  const progress = progressReporter();
  const stages = documentProgress('stages (queue)');
  try {
    const result = await ingestQueued(paths, {
      url: opts.url, store, collection: opts.collection, limits: opts.limits, ...(opts.ocr ? { ocr: opts.ocr } : {}), stages: defaultStages(), finish: finishIngest,
      batchSize: opts.batchSize, retry: opts.retry, signal: controller.signal, onProgress: progress.onProgress,
      log: (message) => {
        progress.finish();
        process.stderr.write(`${message}\n`);
      },
      onQueued: (run) => {
        progress.finish();
        process.stderr.write(`Run ${run.id}: stage work is queued as documents are stored; ${opts.workers} local worker(s).\n`);
        workers.start();
      },
      onWait: (p) => stages.update(p.done + p.failed, p.documents),
    });
    stages.finish();
    const s = result.stored;
    const out = process.stdout;
    out.write(`${bold('Stored')} ${s.ingested} file(s) as ${s.documents} document(s), ${s.unchanged} unchanged, ${s.failed.length} failed to read.\n`);
    for (const f of s.failed) out.write(`  ${describeFailure(f)}\n`);
    if (result.run) printRun(result.run);
    if (s.interrupted) {
      out.write('Interrupted before the end: run the same command again to finish (stored files are skipped, queued batches stay queued).\n');
      return EXIT.interrupted;
    }
    return s.failed.length > 0 || (result.run?.failed ?? 0) > 0 ? EXIT.someFailed : EXIT.ok;
  } finally {
    process.off('SIGINT', onSigint);
    await workers.stop();
  }
}

function printRun(run: RunProgress): void {
  const seconds = (Date.parse(run.finishedAt ?? new Date().toISOString()) - Date.parse(run.startedAt)) / 1000;
  process.stdout.write(`${bold('Stages')} run ${run.id}: ${run.done} document(s) done, ${run.failed} failed, ${run.queued} not finished, `
    + `${run.batches.total} batch(es) (${run.batches.retried} retried, ${run.batches.failed} given up), ${seconds.toFixed(1)} s (${run.rate.toFixed(1)} documents/s).\n`);
  if (run.failed > 0) process.stdout.write('Documents whose stages failed are stored and searchable; `cablegraph retry` runs their stages again.\n');
}

/** N `cablegraph worker` children of this process, started when the batches are queued, stopped (SIGTERM) at the end. */
function localWorkers(url: string, count: number, signal: AbortSignal): { start: () => void; stop: () => Promise<void> } {
  const children = new Set<ChildProcess>();
  let stopping = false;
  const launch = (slot: number, respawns: number): void => {
    // The same script and loader flags as this process (tsx in development, dist/ when installed).
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'worker', '--db', url, '--concurrency', '1'],
      { stdio: ['ignore', 'ignore', 'inherit'] });
    children.add(child);
    child.on('exit', (code, killedBy) => {
      children.delete(child);
      // Ctrl-C reaches the children too: they finish their batch and end, as this process does.
      if (stopping || signal.aborted) return;
      process.stderr.write(`local worker ${slot + 1} ended (${killedBy ?? `exit ${code}`}); its batch comes back after the job timeout.\n`);
      if (respawns < RESPAWNS) launch(slot, respawns + 1);
    });
  };
  return {
    start: () => {
      for (let slot = 0; slot < count; slot++) launch(slot, 0);
    },
    stop: async () => {
      stopping = true;
      await Promise.all([...children].map((child) => new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })));
    },
  };
}
