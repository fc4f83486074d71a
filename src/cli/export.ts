/** `cablegraph export --format json|csv|gexf|ftm|stix [--out PATH]`: the whole store in a documented format. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, isExportFormat } from '../export/formats.js';
import { FORMATS_WITH_REJECTED } from '../export/dataset.js';
import { writeFilesAtomically, writeToStream } from '../export/output.js';
import { removeLeftoversSync } from '../export/scratch.js';
import { withDb, withStore, UserError } from './common.js';
import { pseudonymisedStore } from '../network/protection/export-store.js';
import { cliUser } from './protect.js';
import { parseGrade, GradeError, type Grade } from '../network/curation/grade.js';

/** Registers the export command. */
export function registerExport(program: Command): void {
  const formats = EXPORT_FORMAT_IDS.map((id) => `${id} (${EXPORT_FORMATS[id].description})`).join(', ');
  withDb(program.command('export'))
    .description('Export documents, entities, relations, events and claims with evidence.')
    .option('--format <format>', `one of: ${formats}`, 'json')
    .option('--out <path>', 'write to this file instead of standard output (csv: a folder receiving relations.csv and entities.csv)')
    .option('--collection <name...>', 'export only these collections')
    .option('--reviewed-only', 'only relations an analyst accepted, edited or made (rejected ones are never exported)')
    .option('--include-rejected', 'also relations, events and claims an analyst rejected, marked "rejected" (json and csv; left out by default)')
    .option('--min-grade <grade>', 'only relations with evidence from documents graded at least this Admiralty grade, e.g. B2 (reliability A-B, credibility 1-2); ungraded documents are left out')
    .option('--unmask', 'protected entities under their real names instead of pseudonyms (audited; for admins of the store)')
    .option('--timestamp <iso>', 'fixed time written into the export (STIX created/modified, GEXF date), for byte-identical re-exports')
    .action(async (opts: { db?: string; format: string; out?: string; collection?: string[]; timestamp?: string; reviewedOnly?: boolean; includeRejected?: boolean; unmask?: boolean; minGrade?: string }) => {
      if (!isExportFormat(opts.format)) throw new UserError(`Unknown export format "${opts.format}": use one of ${EXPORT_FORMAT_IDS.join(', ')}.`);
      if (opts.timestamp !== undefined && Number.isNaN(Date.parse(opts.timestamp))) {
        throw new UserError(`--timestamp must be an ISO date-time such as 2020-01-03T00:00:00Z, got "${opts.timestamp}".`);
      }
      if (opts.includeRejected && !FORMATS_WITH_REJECTED.includes(opts.format)) {
        throw new UserError(`--include-rejected works with the formats ${FORMATS_WITH_REJECTED.join(' and ')}, which mark rejected items; ${opts.format} cannot.`);
      }
      let minGrade: Grade | undefined;
      try {
        minGrade = opts.minGrade === undefined ? undefined : parseGrade(opts.minGrade);
      } catch (err) {
        if (err instanceof GradeError) throw new UserError(`--min-grade: ${err.message}`);
        throw err;
      }
      const format = EXPORT_FORMATS[opts.format];
      const scope = opts.collection ? { collections: opts.collection } : ALL_COLLECTIONS;
      // Stopped by Ctrl-C or kill: no partial file and no scratch copy of the data is left behind (exports are sensitive).
      const stop = (signal: NodeJS.Signals) => {
        removeLeftoversSync();
        process.stderr.write(`Export stopped (${signal})${opts.out ? `: nothing written to ${opts.out}` : ', the output is incomplete'}.\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        await exportStore();
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      async function exportStore(): Promise<void> {
        await withStore(opts, async (store) => {
          if (opts.unmask) {
            await store.trust.appendAudit({ at: new Date().toISOString(), user: cliUser(), address: 'local', action: 'unmask', target: null,
              details: { format: opts.format, collections: scope.collections } });
          }
          // Every export is pseudonymised (protected names become "Protected person 3"), unless --unmask.
          const source = opts.unmask ? store : await pseudonymisedStore(store, scope);
          const files = format.files(source, scope, { timestamp: opts.timestamp, reviewedOnly: opts.reviewedOnly, includeRejected: opts.includeRejected, minGrade });
          // Each file is read from the store a page at a time and written as it is read, with back-pressure.
          if (!opts.out) {
            // Standard output carries one file: the main one (relations.csv for csv).
            await writeToStream(files[0]!.chunks(), process.stdout);
          } else if (files.length === 1) {
            await writeFilesAtomically([{ path: opts.out, chunks: files[0]!.chunks }]);
            process.stderr.write(`Wrote ${opts.out}\n`);
          } else {
            // Several files go into a folder named by --out, so their fixed names (relations.csv ...) stay recognisable.
            await mkdir(opts.out, { recursive: true });
            await writeFilesAtomically(files.map((f) => ({ path: join(opts.out!, f.name), chunks: f.chunks })));
            process.stderr.write(`Wrote ${files.map((f) => join(opts.out!, f.name)).join(', ')}\n`);
          }
        });
      }
    });
}
