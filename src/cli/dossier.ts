/** `cablegraph dossier VIEW [--format html|json] [--out FILE] [--unmask]`: the dossier of a saved view (by id or name), pseudonymised as every export unless --unmask (audited). */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withDb, withStore, UserError } from './common.js';
import { pseudonymisedStore } from '../network/protection/export-store.js';
import { buildDossier } from '../export/dossier.js';
import { buildDossierHtml } from '../export/dossier-html.js';
import { cliUser } from './protect.js';

/** Registers the dossier command. */
export function registerDossier(program: Command): void {
  withDb(program.command('dossier'))
    .description('Export a saved view of the network (saved in the workbench or with POST /api/views) as a dossier for a fact-checker: every edge with its citations, grades, corroboration, review and notes.')
    .argument('<view>', 'the saved view: its id or its exact name (the newest of that name)')
    .option('--format <format>', 'html (one self-contained page, no outside requests) or json', 'html')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--timestamp <iso>', 'fixed generation time written into the dossier, for byte-identical re-exports')
    .option('--unmask', 'protected entities under their real names instead of pseudonyms (audited; for admins of the store)')
    .action(async (ref: string, opts: { db?: string; format: string; out?: string; timestamp?: string; unmask?: boolean }) => {
      if (opts.format !== 'html' && opts.format !== 'json') throw new UserError(`Unknown dossier format "${opts.format}": use html or json.`);
      if (opts.timestamp !== undefined && Number.isNaN(Date.parse(opts.timestamp))) {
        throw new UserError(`--timestamp must be an ISO date-time such as 2020-01-03T00:00:00Z, got "${opts.timestamp}".`);
      }
      const text = await withStore(opts, async (store) => {
        const views = await store.views.listViews();
        const view = /^\d+$/u.test(ref) ? views.find((v) => v.id === Number(ref)) : views.find((v) => v.name === ref);
        if (!view) {
          const names = views.slice(0, 10).map((v) => `${v.id} "${v.name}"`).join(', ');
          throw new UserError(`No saved view "${ref}".${names ? ` Saved views: ${names}.` : ' Save one in the network scene first.'}`);
        }
        const scope = { collections: view.collections };
        await store.trust.appendAudit({ at: new Date().toISOString(), user: cliUser(), address: 'local', action: 'dossier', target: `view:${view.id}`,
          details: { format: opts.format, collections: view.collections, unmask: Boolean(opts.unmask) } });
        if (opts.unmask) {
          await store.trust.appendAudit({ at: new Date().toISOString(), user: cliUser(), address: 'local', action: 'unmask', target: `view:${view.id}`,
            details: { format: opts.format, collections: view.collections } });
        }
        const dossier = await buildDossier(opts.unmask ? store : await pseudonymisedStore(store, scope), scope, view, { timestamp: opts.timestamp });
        return opts.format === 'json' ? `${JSON.stringify(dossier, null, 2)}\n` : buildDossierHtml(dossier);
      });
      if (!opts.out) process.stdout.write(text);
      else {
        await writeFile(opts.out, text);
        process.stderr.write(`Wrote ${opts.out}\n`);
      }
    });
}
