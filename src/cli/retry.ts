/** `cablegraph retry`: runs the stages that failed on stored documents again (after a fix), then resolution. */
import type { Command } from 'commander';
import { defaultStages, runStages, finishIngest } from '../pipeline.js';
import { errorDetail } from '../pipeline/errors.js';
import { clearRecoveredFailures } from '../pipeline/queue/outcome.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { withDb, withStore, EXIT } from './common.js';
import { documentProgress } from './progress.js';
import { withWorkers, pipelineWorkers } from './workers-option.js';
import { openStageSource } from '../pipeline/workers/source.js';

/** Registers the retry command. */
export function registerRetry(program: Command): void {
  withWorkers(withDb(program.command('retry')))
    .description('Run again the stages that failed on stored documents (ingest and reprocess leave them alone once recorded). Exit code 2: some failed again.')
    .option('--collection <name...>', 'only these collections (default: all)')
    .action(async (opts: { db?: string; collection?: string[]; workers?: number }) => {
      process.exitCode = await withStore(opts, async (store) => {
        const scope = opts.collection ? { collections: opts.collection } : ALL_COLLECTIONS;
        const byCollection = new Map<string, Set<string>>();
        for (const f of await store.listStageFailures(scope)) {
          const ids = byCollection.get(f.collection) ?? new Set<string>();
          byCollection.set(f.collection, ids.add(f.documentId));
        }
        if (byCollection.size === 0) {
          process.stdout.write('No failed stages to retry.\n');
          return EXIT.ok;
        }
        const source = await openStageSource(defaultStages(), pipelineWorkers(opts.workers));
        let failed = 0;
        try {
          for (const [collection, ids] of byCollection) {
            const progress = documentProgress(`retry ${collection}`);
            const summary = await runStages(store, source.source, { collections: [collection] }, [...ids], {
              retryFailed: true,
              onProgress: (done, total) => progress.update(done, total),
              onFailure: (f) => progress.log(`failed    ${f.path}: stage "${f.stage}" failed: ${f.reason}\n${errorDetail(f.error)}`),
            });
            progress.finish();
            if (summary.runs > 0) await finishIngest(store, collection);
            failed += summary.failed.length;
            const done = summary.documents - summary.failed.length;
            process.stdout.write(`${collection}: ${summary.documents} document(s) retried, ${done} now complete, ${summary.failed.length} failed again.\n`);
            for (const f of summary.failed) process.stdout.write(`  ${f.path}: stage "${f.stage}" failed: ${f.reason}\n`);
          }
        } finally {
          await source.close();
        }
        // Documents a queue worker gave up on (PostgreSQL) also have a failure record: gone once their stages ran.
        await clearRecoveredFailures(store, scope);
        return failed > 0 ? EXIT.someFailed : EXIT.ok;
      });
    });
}
