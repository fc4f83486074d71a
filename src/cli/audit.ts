/** `cablegraph audit`: the audit log, oldest of the selection first, as lines or JSON Lines. */
import type { Command } from 'commander';
import { withDb, withStore, positiveInt, UserError } from './common.js';

/** Registers the audit command. */
export function registerAudit(program: Command): void {
  withDb(program.command('audit'))
    .description('Who signed in, searched, opened, exported, merged or split what, and when (newest --limit rows).')
    .option('--user <name>', 'only this user ("token" for the single --token, cli:NAME for commands run here)')
    .option('--action <action>', 'only this action, e.g. login-failed, document, export, user-created')
    .option('--since <time>', 'only rows at or after this ISO date or time, e.g. 2026-12-01 or 2026-12-01T09:00')
    .option('--limit <n>', 'newest rows at most', positiveInt('--limit'), 1000)
    .option('--json', 'print JSON Lines (one row per line)')
    .action(async (opts: { db?: string; user?: string; action?: string; since?: string; limit: number; json?: boolean }) => {
      if (opts.since !== undefined && !/^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+Z?)?)?)?$/.test(opts.since)) {
        throw new UserError(`--since must be an ISO date or time such as 2026-12-01T09:00, got "${opts.since}".`);
      }
      await withStore(opts, async (store) => {
        const rows = (await store.trust.listAudit({ user: opts.user, action: opts.action, since: opts.since?.replace(' ', 'T'), limit: opts.limit })).reverse();
        for (const r of rows) {
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(r)}\n`);
            continue;
          }
          const details = Object.keys(r.details).length > 0 ? `  ${JSON.stringify(r.details)}` : '';
          process.stdout.write(`${r.at}  ${r.user ?? '-'}  ${r.address}  ${r.action}${r.target ? `  ${r.target}` : ''}${details}\n`);
        }
      });
    });
}
