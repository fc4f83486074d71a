/** `cablegraph stats`: counts per collection, format and language, failed files, and stages that failed on documents. */
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { pipelineSteps } from '../pipeline.js';
import { withDb, withStore, printJson, bold } from './common.js';

/** Registers the stats command. */
export function registerStats(program: Command): void {
  withDb(program.command('stats'))
    .description('Counts per collection, format, language, failed files, and stages that failed on stored documents (with reasons).')
    .option('--json', 'print as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withStore(opts, async (store) => {
        const s = await store.stats(ALL_COLLECTIONS);
        const stageFailures = await store.listStageFailures(ALL_COLLECTIONS);
        if (opts.json) return printJson({ ...s, failureList: await store.listFailures(ALL_COLLECTIONS), stageFailures });
        const out = process.stdout;
        out.write(`${bold('documents')}  ${s.documents} (${s.characters} characters, ${s.mentions} mentions, ${s.relations} relations)\n`);
        const table = (title: string, rows: { value: string; count: number }[]): void => {
          out.write(`\n${bold(title)}\n`);
          if (rows.length === 0) out.write('  (none)\n');
          for (const r of rows) out.write(`  ${String(r.count).padStart(7)}  ${r.value || '(unknown)'}\n`);
        };
        table('by collection', s.byCollection);
        table('by format', s.byFormat);
        table('by language', s.byLanguage);
        table(`failures (${s.failures})`, s.failuresByCode);
        for (const f of await store.listFailures(ALL_COLLECTIONS)) out.write(`    ${f.path}: [${f.code}] ${f.message}\n`);
        out.write(`\n${bold(`stage failures (${stageFailures.length})`)}\n`);
        if (stageFailures.length === 0) out.write('  (none)\n');
        for (const f of stageFailures) out.write(`    ${f.path}: stage "${f.stage}" (${f.version}) failed: ${f.reason}\n`);
        if (stageFailures.length > 0) out.write('  stored and searchable; `cablegraph retry` runs the failed stages again\n');
        // What this build runs, in order: a stored document whose stage versions differ is brought up to date by ingest or reprocess.
        out.write(`\n${bold('pipeline (this build)')}\n`);
        for (const step of pipelineSteps()) out.write(`  ${(step.per === 'document' ? 'each document' : 'each collection').padEnd(15)}  ${step.name}  ${step.version}\n`);
      });
    });
}
