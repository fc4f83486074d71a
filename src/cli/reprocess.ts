/** `cablegraph reprocess`: runs the extraction stages again on stored documents (after a model or rule upgrade), then resolution. */
import type { Command } from 'commander';
import { defaultStages, runStages, finishIngest } from '../pipeline.js';
import { withDb, withStore, UserError } from './common.js';

/** Registers the reprocess command. */
export function registerReprocess(program: Command): void {
  withDb(program.command('reprocess'))
    .description('Run extraction stages again on stored documents; each stage replaces only its own output. Without --all, only documents whose stored output is from another stage version.')
    .option('--stage <name...>', 'only these stages (default: all, in pipeline order)')
    .option('--collection <name...>', 'only these collections (default: all)')
    .option('--all', 're-run even where the stored output is from the current version')
    .action(async (opts: { db?: string; stage?: string[]; collection?: string[]; all?: boolean }) => {
      await withStore(opts, async (store) => {
        const all = defaultStages();
        const unknown = opts.stage?.find((s) => !all.some((x) => x.name === s));
        if (unknown) throw new UserError(`Unknown stage "${unknown}": stages are ${all.map((s) => s.name).join(', ')}.`);
        const stages = opts.stage ? all.filter((s) => opts.stage!.includes(s.name)) : all;
        const collections = opts.collection ?? (await store.listCollections());
        for (const collection of collections) {
          const started = performance.now();
          const runs = await runStages(store, stages, { collections: [collection] }, undefined, Boolean(opts.all));
          await finishIngest(store, collection);
          process.stdout.write(`${collection}: ${runs} stage run(s), resolution refreshed, in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
        }
      });
    });
}
