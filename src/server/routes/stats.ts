/** GET /api/stats: counts per collection, format, language, and failures. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';

/** Registers the stats route. */
export function statsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/stats', { schema: { summary: 'Store statistics' } }, async (req) => ({
    ...(await ctx.store.stats(ctx.scope(req))),
    failureList: await ctx.store.listFailures(ctx.scope(req)),
  }));
}
