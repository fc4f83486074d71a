/** GET /api/search: full-text search with filters, facets and snippets. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { parseQuery, QUERY_LIMITS, SearchTimeoutError } from '../../store/query.js';
import { errorSchema, pagingProperties } from '../schemas.js';
import { expandAcrossScripts } from '../../network/cross-script-search.js';
import { namesProtected, ProtectedSearchError } from '../../network/protection/search-guard.js';
import { requestProtection } from '../protection.js';
import { normaliseTag } from '../../network/curation/targets.js';
import { searchNotes } from '../../network/curation/note-search.js';
import { hiddenEntities } from './notes.js';

/** Most matches a tag filter looks through. */
const TAGGED_SEARCH_MAX = 1000;

interface SearchQuery {
  q: string; limit: number; offset: number; crossScript?: boolean; collection?: string; language?: string; format?: string; source?: string; from?: string; to?: string; tag?: string;
}

const partialDate = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
const L = QUERY_LIMITS;

/** Registers the search route. */
export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: SearchQuery }>('/search', {
    schema: {
      summary: 'Search documents',
      description: 'Query syntax: words, "phrases", AND, OR, NOT or -word, prefix*, a NEAR/5 b or NEAR(a b, 5), parentheses. '
        + `A syntax error, or a query over a limit (${L.maxLength} characters, ${L.maxTerms} terms, ${L.maxPrefixTerms} prefix terms `
        + `each standing for at most ${L.maxPrefixExpansion} words, NEAR of ${L.maxNearOperands} operands within ${L.maxNearDistance} words, `
        + `parentheses ${L.maxDepth} deep), is a 400 with a message naming it. A search that runs past its time budget is stopped: 503.`,
      querystring: {
        type: 'object',
        properties: {
          // No maxLength here: parseQuery refuses a long query with a message that names the limit and the length.
          q: { type: 'string', minLength: 1 },
          ...pagingProperties,
          crossScript: { type: 'boolean', default: true, description: 'When the query is a name of a resolved entity, also search its names in other scripts (Persian, Arabic, Latin); the response lists them in expandedWith.' },
          collection: { type: 'string', maxLength: 200 },
          language: { type: 'string', maxLength: 10 },
          format: { type: 'string', maxLength: 40 },
          source: { type: 'string', maxLength: 300 },
          from: partialDate,
          to: partialDate,
          tag: { type: 'string', minLength: 1, maxLength: 50, description: `only documents carrying this tag (among the first ${TAGGED_SEARCH_MAX} matches)` },
        },
        required: ['q'],
        additionalProperties: false,
      },
      response: { 400: errorSchema, 503: errorSchema },
    },
  }, async (req, reply) => {
    const q = req.query;
    try {
      await ctx.audit(req, 'search', null, { q: q.q, collection: q.collection, offset: q.offset });
      const parsed = parseQuery(q.q);
      // A caller who may not see a protected name may not search for it: the results would say which documents name it.
      const hiddenNames = (await requestProtection(ctx, req)).hidden.flatMap((e) => e.terms);
      if (namesProtected(parsed, hiddenNames)) throw new ProtectedSearchError();
      let { query, expansions } = q.crossScript === false ? { query: parsed, expansions: [] } : await expandAcrossScripts(ctx.store, ctx.scope(req), q.q, parsed);
      if (expansions.length > 0 && namesProtected(query, hiddenNames)) ({ query, expansions } = { query: parsed, expansions: [] });
      const tag = q.tag === undefined ? undefined : normaliseTag(q.tag);
      if (tag === null) return reply.status(400).send({ error: 'bad-request', message: `"${q.tag}" is not a tag.` });
      const tagged = tag ? new Set((await ctx.store.curation.taggedWith(ctx.scope(req).collections, tag, 'document')).map((t) => t.target.id)) : null;
      const found = await ctx.store.search({
        query, limit: tagged ? TAGGED_SEARCH_MAX : q.limit, offset: tagged ? 0 : q.offset,
        collections: q.collection ? [q.collection] : undefined,
        language: q.language, format: q.format, source: q.source, publishedFrom: q.from, publishedTo: q.to,
      }, ctx.scope(req));
      // With a tag: the tagged documents among the first matches, paged here.
      const keep = tagged ? found.results.filter((h) => tagged.has(h.document.id)) : null;
      const response = keep ? { ...found, results: keep.slice(q.offset, q.offset + q.limit), total: keep.length, ...(found.total > TAGGED_SEARCH_MAX ? { tagNote: `Tagged documents among the first ${TAGGED_SEARCH_MAX} of ${found.total} matches.` } : {}) } : found;
      // Notes whose text matches, shown as their targets (documents, entities, relations), on the first page only.
      const notes = q.offset === 0 ? await searchNotes(ctx.store, ctx.scope(req), query, await hiddenEntities(ctx, req)) : [];
      const withNotes = notes.length > 0 ? { ...response, notes } : response;
      return expansions.length > 0 ? { ...withNotes, expandedWith: expansions } : withNotes;
    } catch (err) {
      // The query's cost, not a fault of the server: say so, and what to do (syntax and limit errors are 400s in app.ts).
      if (err instanceof SearchTimeoutError) return reply.status(503).send({ error: 'search-timeout', message: err.message });
      if (err instanceof ProtectedSearchError) return reply.status(400).send({ error: 'protected-name', message: err.message });
      throw err;
    }
  });
}
