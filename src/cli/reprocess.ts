/** `cablegraph reprocess`: runs the extraction stages again on stored documents (after a model or rule upgrade), then resolution. */
import type { Command } from 'commander';
import { defaultStages, runStages, finishIngest } from '../pipeline.js';
import { errorDetail } from '../pipeline/errors.js';
import { withDb, withStore, UserError, EXIT } from './common.js';
import { documentProgress } from './progress.js';
import { withWorkers, pipelineWorkers } from './workers-option.js';
import { openStageSource } from '../pipeline/workers/source.js';

/** Registers the reprocess command. */
export function registerReprocess(program: Command): void {
  withWorkers(withDb(program.command('reprocess')))
    .description('Run extraction stages again on stored documents; each stage replaces only its own output. Without --all, only documents whose stored output is from another stage version. Exit code 2: some documents failed (recorded; see stats, retry).')
    .option('--stage <name...>', 'only these stages (default: all, in pipeline order)')
    .option('--collection <name...>', 'only these collections (default: all)')
    .option('--all', 're-run even where the stored output is from the current version')
    .action(async (opts: { db?: string; stage?: string[]; collection?: string[]; all?: boolean; workers?: number }) => {
      process.exitCode = await withStore(opts, async (store) => {
        const all = defaultStages();
        const unknown = opts.stage?.find((s) => !all.some((x) => x.name === s));
        if (unknown) throw new UserError(`Unknown stage "${unknown}": stages are ${all.map((s) => s.name).join(', ')}.`);
        const stages = opts.stage ? all.filter((s) => opts.stage!.includes(s.name)) : all;
        const collections = opts.collection ?? (await store.listCollections());
        const source = await openStageSource(stages, pipelineWorkers(opts.workers), opts.stage);
        let failed = 0;
        try {
          for (const collection of collections) {
            const started = performance.now();
            const progress = documentProgress(`reprocess ${collection}`);
            const summary = await runStages(store, source.source, { collections: [collection] }, undefined, {
              force: Boolean(opts.all),
              onProgress: (done, total) => progress.update(done, total),
              onFailure: (f) => progress.log(`failed    ${f.path}: stage "${f.stage}" failed: ${f.reason}\n${errorDetail(f.error)}`),
            });
            progress.finish();
            await finishIngest(store, collection);
            failed += summary.failed.length;
            const failures = summary.failed.length > 0 ? `, ${summary.failed.length} document(s) failed (see \`cablegraph stats\`; \`cablegraph retry\` tries again)` : '';
            process.stdout.write(`${collection}: ${summary.runs} stage run(s)${failures}, resolution refreshed, in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
          }
        } finally {
          await source.close();
        }
        return failed > 0 ? EXIT.someFailed : EXIT.ok;
      });
    });
}
