/**
 * `cablegraph review`: the review queue (low confidence on central entities first; `--kind event|claim`: events or
 * claims naming central entities first) and decisions on its proposals: `review accept|reject|undo ID`. Decisions are recorded with
 * who and when and survive reprocess.
 */
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { findEntity } from '../network/find-entity.js';
import { reviewQueue, reviewRelation, ReviewError, type ReviewItem } from '../network/review.js';
import { factReviewQueue, reviewFact } from '../network/fact-review.js';
import { mergeReviewQueue, reviewMerge } from '../network/merge-review.js';
import type { FactReviewItem, MergeReviewItem } from '../model/index.js';
import { withDb, withStore, printJson, positiveInt, UserError } from './common.js';

const ACTIONS = { accept: 'accepted', reject: 'rejected', undo: 'undo' } as const;
const STATES = ['unreviewed', 'accepted', 'kept', 'rejected', 'all'];
const KINDS = ['relation', 'event', 'claim', 'merge'];

interface ReviewOptions {
  db?: string; kind: string; by?: string; reason?: string; type?: string; entity?: string; document?: string; state: string;
  minConfidence?: string; maxConfidence?: string; limit: number; offset: number; json?: boolean;
}

function confidence(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!(x >= 0 && x <= 1)) throw new UserError(`${name} must be a number between 0 and 1.`);
  return x;
}

function line(item: ReviewItem): string {
  const e = item.evidence[0];
  const state = item.state === 'unreviewed' ? '' : ` [${item.state}]`;
  return `${item.id}  ${item.source.name} -[${item.type}${item.negated ? ', denied' : ''}]-> ${item.target.name}  (${item.confidence.toFixed(2)})${state}\n`
    + `  ${item.documentId} ${e ? `[${e.start}, ${e.end})  ${e.text.replace(/\s+/gu, ' ')}` : ''}\n`;
}

function factLine(item: FactReviewItem | MergeReviewItem): string {
  const e = item.evidence[0];
  const state = item.state === 'unreviewed' ? '' : ` [${item.state}]`;
  return `${item.id}  ${item.kind}: ${item.summary.replace(/\s+/gu, ' ')}  (priority ${item.priority.toFixed(2)})${state}\n  ${item.documentId} ${e ? `[${e.start}, ${e.end})  ${e.text.replace(/\s+/gu, ' ')}` : ''}\n`;
}

/** Registers the review command. */
export function registerReview(program: Command): void {
  withDb(program.command('review'))
    .description('List proposed relations to review (low confidence on central entities first; --kind event, claim or merge: those), or accept / reject / undo one by its id (a merge: accept keeps it, reject undoes it).')
    .argument('[action]', 'list (default), accept, reject or undo')
    .argument('[id]', 'proposal id, as the list prints it')
    .option('--kind <kind>', `what to review: ${KINDS.join(', ')}`, 'relation')
    .option('--by <name>', 'who decided (kept with the decision)')
    .option('--reason <text>', 'why (reject)')
    .option('--type <type>', 'list: only this relation type (event type, claim stance, merge rule)')
    .option('--entity <name>', 'list: only relations with an end in this entity')
    .option('--document <id>', 'list: only this document')
    .option('--state <state>', `list: ${STATES.join(', ')}`, 'unreviewed')
    .option('--min-confidence <x>', 'list: lowest confidence')
    .option('--max-confidence <x>', 'list: highest confidence')
    .option('--limit <n>', 'list: how many', positiveInt('--limit'), 20)
    .option('--offset <n>', 'list: how many to skip', (v) => Number.parseInt(v, 10), 0)
    .option('--json', 'print JSON')
    .action(async (action: string | undefined, id: string | undefined, opts: ReviewOptions) => {
      if (!KINDS.includes(opts.kind)) throw new UserError(`--kind must be one of ${KINDS.join(', ')}.`);
      const kind = opts.kind as 'relation' | 'event' | 'claim' | 'merge';
      await withStore(opts, async (store) => {
        if (!action || action === 'list') {
          if (!STATES.includes(opts.state)) throw new UserError(`--state must be one of ${STATES.join(', ')}.`);
          let entity: string | undefined;
          if (opts.entity) {
            entity = (await findEntity(store, ALL_COLLECTIONS, opts.entity))?.id;
            if (!entity) throw new UserError(`No entity named "${opts.entity}".`);
          }
          if (kind === 'merge') {
            const merges = await mergeReviewQueue(store, ALL_COLLECTIONS, {
              type: opts.type, entity, documentId: opts.document, state: opts.state as 'unreviewed', limit: opts.limit, offset: opts.offset,
              minConfidence: confidence('--min-confidence', opts.minConfidence, 0), maxConfidence: confidence('--max-confidence', opts.maxConfidence, 1),
            });
            if (opts.json) return printJson(merges);
            process.stdout.write(`${merges.total} merge(s) ${opts.state === 'all' ? '' : opts.state}; showing ${merges.items.length} from ${opts.offset}\n`);
            for (const item of merges.items) process.stdout.write(factLine(item));
            return;
          }
          if (kind !== 'relation') {
            const facts = await factReviewQueue(store, ALL_COLLECTIONS, { kind, type: opts.type, entity, documentId: opts.document, state: opts.state as 'unreviewed', limit: opts.limit, offset: opts.offset });
            if (opts.json) return printJson(facts);
            process.stdout.write(`${facts.total} ${kind}(s) ${opts.state === 'all' ? '' : opts.state}; showing ${facts.items.length} from ${opts.offset}\n`);
            for (const item of facts.items) process.stdout.write(factLine(item));
            return;
          }
          const page = await reviewQueue(store, ALL_COLLECTIONS, {
            type: opts.type, entity, documentId: opts.document, state: opts.state as 'unreviewed', limit: opts.limit, offset: opts.offset,
            minConfidence: confidence('--min-confidence', opts.minConfidence, 0), maxConfidence: confidence('--max-confidence', opts.maxConfidence, 1),
          });
          if (opts.json) return printJson(page);
          process.stdout.write(`${page.total} proposal(s) ${opts.state === 'all' ? '' : opts.state}; showing ${page.items.length} from ${opts.offset}\n`);
          for (const item of page.items) process.stdout.write(line(item));
          return;
        }
        const verdict = ACTIONS[action as keyof typeof ACTIONS];
        if (!verdict) throw new UserError(`Unknown action "${action}": use list, accept, reject or undo.`);
        if (!id) throw new UserError(`review ${action} needs a proposal id (as \`cablegraph review\` prints it).`);
        try {
          if (kind !== 'relation' && verdict !== 'accepted' && verdict !== 'rejected' && verdict !== 'undo') throw new UserError(`${kind}s are accepted, rejected or undone.`);
          const r = kind === 'relation'
            ? await reviewRelation(store, ALL_COLLECTIONS, id, verdict, { by: opts.by, reason: opts.reason })
            : kind === 'merge' ? await reviewMerge(store, ALL_COLLECTIONS, id, verdict as 'accepted', { by: opts.by, reason: opts.reason })
            : await reviewFact(store, ALL_COLLECTIONS, kind, id, verdict, { by: opts.by, reason: opts.reason });
          if (opts.json) return printJson(r);
          process.stdout.write(`${action === 'undo' ? 'Undid the latest decision on' : `${verdict[0]!.toUpperCase()}${verdict.slice(1)}`} ${id} (record ${r.id}, ${r.at}${r.by ? `, by ${r.by}` : ''}).\n`);
        } catch (err) {
          if (err instanceof ReviewError) throw new UserError(err.message);
          throw err;
        }
      });
    });
}
