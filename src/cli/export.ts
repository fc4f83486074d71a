/** `cablegraph export --format json [--out FILE]`: the whole store in a documented format. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { buildJsonExport } from '../export/json.js';
import { withDb, withStore, UserError } from './common.js';

const FORMATS = ['json'];

/** Registers the export command. */
export function registerExport(program: Command): void {
  withDb(program.command('export'))
    .description('Export documents, entities, relations, events and claims with evidence.')
    .option('--format <format>', `one of: ${FORMATS.join(', ')}`, 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--collection <name...>', 'export only these collections')
    .action(async (opts: { db?: string; format: string; out?: string; collection?: string[] }) => {
      if (!FORMATS.includes(opts.format)) throw new UserError(`Unknown export format "${opts.format}": use one of ${FORMATS.join(', ')}.`);
      const data = await withStore(opts, (store) => buildJsonExport(store, opts.collection ? { collections: opts.collection } : ALL_COLLECTIONS));
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (opts.out) {
        await writeFile(opts.out, text);
        process.stderr.write(`Wrote ${opts.out}\n`);
      } else {
        process.stdout.write(text);
      }
    });
}
