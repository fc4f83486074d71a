/** GET /api/search: full-text search with filters, facets and snippets. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { parseQuery } from '../../store/query.js';
import { errorSchema, pagingProperties } from '../schemas.js';

interface SearchQuery {
  q: string; limit: number; offset: number; collection?: string; language?: string; format?: string; source?: string; from?: string; to?: string;
}

const partialDate = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;

/** Registers the search route. */
export function searchRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: SearchQuery }>('/search', {
    schema: {
      summary: 'Search documents',
      description: 'Query syntax: words, "phrases", AND, OR, NOT or -word, prefix*, a NEAR/5 b or NEAR(a b, 5), parentheses. A syntax error is a 400 with a message.',
      querystring: {
        type: 'object',
        properties: {
          q: { type: 'string', minLength: 1, maxLength: 2000 },
          ...pagingProperties,
          collection: { type: 'string', maxLength: 200 },
          language: { type: 'string', maxLength: 10 },
          format: { type: 'string', maxLength: 40 },
          source: { type: 'string', maxLength: 300 },
          from: partialDate,
          to: partialDate,
        },
        required: ['q'],
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req) => {
    const q = req.query;
    return ctx.store.search({
      query: parseQuery(q.q), limit: q.limit, offset: q.offset,
      collections: q.collection ? [q.collection] : undefined,
      language: q.language, format: q.format, source: q.source, publishedFrom: q.from, publishedTo: q.to,
    }, ctx.scope);
  });
}
