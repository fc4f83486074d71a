/** `cablegraph search "<query>"`: ranked results with highlighted snippets. */
import type { Command } from 'commander';
import { parseQuery, QueryLimitError, QuerySyntaxError, SearchTimeoutError } from '../store/query.js';
import { ALL_COLLECTIONS } from '../store/store.js';
import { expandAcrossScripts } from '../network/cross-script-search.js';
import { withDb, withStore, positiveInt, printJson, bold, UserError } from './common.js';

/** Registers the search command. */
export function registerSearch(program: Command): void {
  withDb(program.command('search'))
    .description('Full-text search. Syntax: words, "phrases", AND, OR, NOT or -word, prefix*, a NEAR/5 b or NEAR(a b, 5), parentheses.')
    .argument('<query>', 'the query')
    .option('--json', 'print the results as JSON')
    .option('--limit <n>', 'results per page', positiveInt('--limit'), 10)
    .option('--offset <n>', 'skip this many results', positiveInt('--offset'), 0)
    .option('--collection <name...>', 'search only these collections')
    .option('--no-cross-script', 'do not add the names a resolved entity has in other scripts (Persian, Arabic, Latin)')
    .action(async (query: string, opts: { db?: string; json?: boolean; limit: number; offset: number; collection?: string[]; crossScript: boolean }) => {
      let parsed;
      try {
        parsed = parseQuery(query);
      } catch (err) {
        throw asUserError(err);
      }
      await withStore(opts, async (store) => {
        const { query: expanded, expansions } = opts.crossScript ? await expandAcrossScripts(store, ALL_COLLECTIONS, query, parsed) : { query: parsed, expansions: [] };
        // The store finds the rest: a prefix standing for too many words, a search past its time budget.
        const found = await store.search({ query: expanded, limit: opts.limit, offset: opts.offset, collections: opts.collection }, ALL_COLLECTIONS)
          .catch((err: unknown) => { throw asUserError(err); });
        const res = expansions.length > 0 ? { ...found, expandedWith: expansions } : found;
        if (opts.json) return printJson(res);
        const out = process.stdout;
        out.write(`${res.total} result(s) for ${query}\n`);
        for (const e of expansions) out.write(`also searched: ${e.names.join(', ')} (names of ${e.entityName} in other scripts; --no-cross-script turns this off)\n`);
        res.results.forEach((hit, i) => {
          const d = hit.document;
          const meta = [d.source, d.published, d.language, d.collection].filter(Boolean).join(' · ');
          out.write(`\n${String(opts.offset + i + 1).padStart(3)}. ${bold(d.title || d.path)}  [${d.id}]\n     ${meta}\n     `);
          const mark = (t: string): string => (out.isTTY ? `\u001b[1;33m${t}\u001b[0m` : `«${t}»`);
          out.write(`${hit.snippet.parts.map((p) => (p.hit ? mark(p.text) : p.text.replace(/\s+/g, ' '))).join('').trim()}\n`);
        });
      });
    });
}

/** Errors the user fixes by changing the query exit with code 64; limit and budget messages read as the API's. */
function asUserError(err: unknown): unknown {
  if (err instanceof QueryLimitError || err instanceof SearchTimeoutError) return new UserError(err.message);
  if (err instanceof QuerySyntaxError) return new UserError(`query syntax: ${err.message}`);
  return err;
}
