/** GET /api/export: what the caller may see, in the JSON contract (default) or another export format. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { chunkStream } from '../../export/output.js';
import { FORMATS_WITH_REJECTED } from '../../export/dataset.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, type ExportFormatId } from '../../export/formats.js';
import { errorSchema } from '../schemas.js';
import { pseudonymisedStore } from '../../network/protection/export-store.js';
import { parseGrade } from '../../network/curation/grade.js';

/** Registers the export route. */
export function exportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: { format: ExportFormatId; file?: string; reviewedOnly?: boolean; includeRejected?: boolean; unmask?: string; minGrade?: string } }>('/export', {
    schema: {
      summary: 'Export documents, entities, relations, events and claims with evidence (JSON contract version 1, or csv, gexf, ftm, stix)',
      querystring: {
        type: 'object',
        properties: {
          format: { type: 'string', enum: EXPORT_FORMAT_IDS, default: 'json' },
          // csv makes two files; this picks one (relations.csv by default).
          file: { type: 'string', enum: ['relations.csv', 'entities.csv'] },
          reviewedOnly: { type: 'boolean', default: false, description: 'only relations an analyst accepted, edited or made' },
          includeRejected: { type: 'boolean', default: false, description: 'also relations, events and claims an analyst rejected, marked so (json and csv)' },
          minGrade: { type: 'string', pattern: '^[A-Fa-f][1-6]$', description: 'only relations with evidence from documents graded at least this Admiralty grade, e.g. B2 (ungraded documents left out)' },
          unmask: { type: 'string', enum: ['0', '1', 'false', 'true'], description: 'admins only (audited): protected entities under their real names instead of pseudonyms' },
        },
        additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema },
    },
  }, async (req, reply) => {
    const { format, file, reviewedOnly, includeRejected } = req.query;
    const minGrade = req.query.minGrade ? parseGrade(req.query.minGrade) : undefined;
    if (includeRejected && !FORMATS_WITH_REJECTED.includes(format)) {
      return reply.status(400).send({ error: 'bad-request', message: `includeRejected works with the formats ${FORMATS_WITH_REJECTED.join(' and ')}, which mark rejected items; ${format} cannot.` });
    }
    const unmask = req.query.unmask === '1' || req.query.unmask === 'true';
    if (unmask && ctx.caller(req).role !== 'admin') {
      return reply.status(403).send({ error: 'forbidden', message: 'Only an admin may export protected identities unmasked.' });
    }
    await ctx.audit(req, 'export', null, { format, file, reviewedOnly, includeRejected, minGrade: req.query.minGrade, unmask, collections: ctx.scope(req).collections });
    if (unmask) await ctx.audit(req, 'unmask', null, { format, collections: ctx.scope(req).collections });
    // Every export is pseudonymised (protected names become "Protected person 3"), unless an admin unmasks it.
    const store = unmask ? ctx.store : await pseudonymisedStore(ctx.store, ctx.scope(req));
    const files = EXPORT_FORMATS[format].files(store, ctx.scope(req), { reviewedOnly, includeRejected, minGrade });
    const chosen = files.find((f) => f.name === file) ?? files[0]!;
    reply.header('content-disposition', `attachment; filename="${chosen.name}"`);
    reply.type(chosen.contentType);
    // Streamed as read, a page at a time; a read failing after the first byte aborts the connection, so the client sees
    // an error rather than a short file that looks whole.
    return reply.send(chunkStream(chosen.chunks()));
  });
}
