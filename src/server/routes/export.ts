/** GET /api/export: the JSON export contract for what the caller may see. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { buildJsonExport } from '../../export/json.js';
import { errorSchema } from '../schemas.js';

/** Registers the export route. */
export function exportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: { format: string } }>('/export', {
    schema: {
      summary: 'Export documents, entities, relations, events and claims with evidence (JSON contract version 1)',
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json'], default: 'json' } }, additionalProperties: false },
      response: { 400: errorSchema },
    },
  }, async (_req, reply) => {
    reply.header('content-disposition', 'attachment; filename="cablegraph-export.json"');
    return buildJsonExport(ctx.store, ctx.scope);
  });
}
