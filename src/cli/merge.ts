/** `cablegraph merge A B` and `cablegraph split ENTITY MEMBER`: user decisions that survive re-extraction and can be undone. */
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { findEntity } from '../network/find-entity.js';
import { mergeEntities, splitMember, DecisionError } from '../network/decisions.js';
import { withDb, withStore, UserError } from './common.js';

async function pick(store: Store, name: string): Promise<{ id: string; name: string }> {
  const e = await findEntity(store, ALL_COLLECTIONS, name);
  if (!e) throw new UserError(`No entity named "${name}".`);
  return { id: e.id, name: e.name };
}

/** Registers merge and split. */
export function registerMerge(program: Command): void {
  withDb(program.command('merge'))
    .description('Merge entity B into entity A (names or ids). Recorded as a decision; undo with split.')
    .argument('<a>').argument('<b>')
    .option('--by <name>', 'who decided (kept with the decision)')
    .action(async (a: string, b: string, opts: { db?: string; by?: string }) => {
      await withStore(opts, async (store) => {
        const [ea, eb] = [await pick(store, a), await pick(store, b)];
        try {
          const { decisions: [d] } = await mergeEntities(store, ALL_COLLECTIONS, ea.id, eb.id, opts.by);
          process.stdout.write(`Merged "${eb.name}" into "${ea.name}" (decision ${d?.id} recorded ${d?.at}).\n`);
        } catch (err) {
          if (err instanceof DecisionError) throw new UserError(err.message);
          throw err;
        }
      });
    });
  withDb(program.command('split'))
    .description('Take a member (a candidate key, or a normalised name) out of an entity. Recorded as a decision.')
    .argument('<entity>', 'entity name or id').argument('<member>', 'candidate key or normalised name to take out')
    .option('--by <name>', 'who decided')
    .action(async (entity: string, member: string, opts: { db?: string; by?: string }) => {
      await withStore(opts, async (store) => {
        const e = await pick(store, entity);
        try {
          const { decisions: ds } = await splitMember(store, ALL_COLLECTIONS, e.id, member, opts.by);
          process.stdout.write(`Split ${new Set(ds.map((d) => d.a)).size} candidate(s) out of "${e.name}".\n`);
        } catch (err) {
          if (err instanceof DecisionError) throw new UserError(err.message);
          throw err;
        }
      });
    });
}
