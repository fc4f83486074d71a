/** `cablegraph resolve`: brings entities up to date with the documents (incrementally, or in full with --full) and applies pending decisions. */
import type { Command } from 'commander';
import { resolveIncrementally, resolveEntities, applyPendingDecisions } from '../pipeline/resolve-collection.js';
import { withDb, withStore } from './common.js';

/** Registers the resolve command. */
export function registerResolve(program: Command): void {
  withDb(program.command('resolve'))
    .description('Resolve entities across documents: only documents whose names changed (and pending merges and splits), or the whole collection with --full.')
    .option('--collection <name...>', 'only these collections (default: all)')
    .option('--full', 'resolve every candidate again from scratch (gives the same entities as the incremental runs)')
    .action(async (opts: { db?: string; collection?: string[]; full?: boolean }) => {
      await withStore(opts, async (store) => {
        for (const collection of opts.collection ?? (await store.listCollections())) {
          const started = performance.now();
          let what: string;
          if (opts.full) {
            what = `${await resolveEntities(store, collection)} entities, full`;
          } else {
            const report = await resolveIncrementally(store, collection);
            what = report.mode === 'none' ? 'up to date'
              : report.mode === 'full' ? `${report.documents} documents, full`
              : `${report.documents} changed documents in ${report.steps} step(s), ${report.fastJoins} names joined directly, ${report.regionCandidates} re-clustered`;
          }
          const applied = await applyPendingDecisions(store, collection);
          const decisions = applied > 0 ? `, ${applied} pending decision(s) applied` : '';
          process.stdout.write(`${collection}: ${what}${decisions}, in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
        }
      });
    });
}
