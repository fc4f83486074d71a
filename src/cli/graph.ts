/** `cablegraph graph`: the network, or the neighbourhood of one entity, as text or JSON. */
import type { Command } from 'commander';
import { ALL_COLLECTIONS } from '../store/store.js';
import { DEFAULT_MIN_CONFIDENCE } from '../extract/index.js';
import { readGraph } from '../network/graph-read.js';
import { findEntity } from '../network/find-entity.js';
import { withDb, withStore, printJson, positiveInt, UserError } from './common.js';

/** Registers the graph command. */
export function registerGraph(program: Command): void {
  withDb(program.command('graph'))
    .description('Print the network: entities and typed relations (low-confidence edges hidden unless --min-confidence 0).')
    .option('--entity <name>', 'only the neighbourhood of this entity')
    .option('--hops <n>', 'how far from --entity', positiveInt('--hops'), 2)
    .option('--type <relation...>', 'relation types to keep')
    .option('--min-confidence <x>', 'lowest confidence shown', String(DEFAULT_MIN_CONFIDENCE))
    .option('--min-sources <n>', 'fewest independent sources', positiveInt('--min-sources'), 1)
    .option('--reviewed-only', 'only relations an analyst accepted, edited or made')
    .option('--json', 'print nodes and edges as JSON')
    .action(async (opts: { db?: string; entity?: string; hops: number; type?: string[]; minConfidence: string; minSources: number; json?: boolean; reviewedOnly?: boolean }) => {
      const minConfidence = Number(opts.minConfidence);
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UserError('--min-confidence must be a number between 0 and 1.');
      await withStore(opts, async (store) => {
        let start: string | undefined;
        if (opts.entity) {
          start = (await findEntity(store, ALL_COLLECTIONS, opts.entity))?.id;
          if (!start) throw new UserError(`No entity named "${opts.entity}".`);
        }
        const graph = await readGraph(store, ALL_COLLECTIONS, {
          entity: start, hops: opts.hops, relationTypes: opts.type, minConfidence, minSources: opts.minSources, reviewedOnly: opts.reviewedOnly,
        });
        if (opts.json) return printJson(graph);
        const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
        process.stdout.write(`${graph.nodes.length} entities, ${graph.edges.length} relations\n`);
        for (const e of graph.edges) {
          process.stdout.write(`${name.get(e.source)} -[${e.type}]-> ${name.get(e.target)}  (${e.confidence.toFixed(2)}, ${e.independentSources} source(s)${e.contradicted ? ', denied somewhere' : ''}${e.review && e.review !== 'unreviewed' ? `, ${e.review}` : ''})\n`);
        }
      });
    });
}
