/** GET /api/export: what the caller may see, in the JSON contract (default) or another export format. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { buildJsonExport } from '../../export/json.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, type ExportFormatId } from '../../export/formats.js';
import { errorSchema } from '../schemas.js';

/** Registers the export route. */
export function exportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: { format: ExportFormatId; file?: string; reviewedOnly?: boolean } }>('/export', {
    schema: {
      summary: 'Export documents, entities, relations, events and claims with evidence (JSON contract version 1, or csv, gexf, ftm, stix)',
      querystring: {
        type: 'object',
        properties: {
          format: { type: 'string', enum: EXPORT_FORMAT_IDS, default: 'json' },
          // csv makes two files; this picks one (relations.csv by default).
          file: { type: 'string', enum: ['relations.csv', 'entities.csv'] },
          reviewedOnly: { type: 'boolean', default: false, description: 'only relations an analyst accepted, edited or made' },
        },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req, reply) => {
    const { format, file, reviewedOnly } = req.query;
    await ctx.audit(req, 'export', null, { format, file, reviewedOnly, collections: ctx.scope(req).collections });
    if (format === 'json') {
      // The JSON contract is returned as an object, exactly as before the other formats existed.
      reply.header('content-disposition', 'attachment; filename="cablegraph-export.json"');
      return buildJsonExport(ctx.store, ctx.scope(req), { reviewedOnly });
    }
    const files = await EXPORT_FORMATS[format].build(ctx.store, ctx.scope(req), { reviewedOnly });
    const chosen = files.find((f) => f.name === file) ?? files[0]!;
    reply.header('content-disposition', `attachment; filename="${chosen.name}"`);
    reply.type(chosen.contentType);
    return chosen.text;
  });
}
