/**
 * `cablegraph protect ENTITY` and `cablegraph protect --remove ENTITY`: protect an identity (an informant, a victim, a
 * source) so that exports and readers without the right see a pseudonym; audited as the local user (cli:NAME).
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { findEntity } from '../network/find-entity.js';
import { protectEntity, unprotectEntity, ProtectionError } from '../network/protection/entities.js';
import { withDb, withStore, UserError } from './common.js';

/** The audit name of commands run on this machine. */
export function cliUser(): string {
  return `cli:${userInfo().username}`;
}

/** Registers protect. */
export function registerProtect(program: Command): void {
  withDb(program.command('protect'))
    .description('Protect an entity (name or id): exports and readers without write access see it as "Protected person N".')
    .argument('<entity>', 'entity name or id')
    .option('--remove', 'stop protecting it')
    .option('--by <name>', 'who decided (kept with the protection)')
    .action(async (entity: string, opts: { db?: string; remove?: boolean; by?: string }) => {
      await withStore(opts, async (store) => {
        const e = await findEntity(store, ALL_COLLECTIONS, entity);
        if (!e) throw new UserError(`No entity named "${entity}".`);
        try {
          const outcome = opts.remove
            ? await unprotectEntity(store, ALL_COLLECTIONS, e.id)
            : await protectEntity(store, ALL_COLLECTIONS, e.id, opts.by ?? cliUser());
          await store.trust.appendAudit({
            at: new Date().toISOString(), user: cliUser(), address: 'local', action: opts.remove ? 'entity-unprotected' : 'entity-protected',
            target: e.id, details: { collection: outcome.collection, pseudonym: outcome.pseudonym, keys: outcome.keys },
          });
          process.stdout.write(opts.remove
            ? `"${e.name}" is no longer protected (was ${outcome.pseudonym}).\n`
            : `"${e.name}" is protected as ${outcome.pseudonym} (${outcome.keys} member candidates).\n`);
        } catch (err) {
          if (err instanceof ProtectionError) throw new UserError(err.message);
          throw err;
        }
      });
    });
}
