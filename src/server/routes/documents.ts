/** GET /api/documents and /api/documents/:id: document lists and one document with its text, mentions, children and locations. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { documentDetailSchema, errorSchema, idParams, pagingProperties } from '../schemas.js';

/** Registers the document routes. */
export function documentRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: { limit: number; offset: number } }>('/documents', {
    schema: {
      summary: 'List documents',
      querystring: { type: 'object', properties: { ...pagingProperties }, additionalProperties: false },
      response: { 400: errorSchema },
    },
  }, async (req) => ctx.store.listDocuments(ctx.scope(req), req.query.limit, req.query.offset));

  app.get<{ Params: { id: string } }>('/documents/:id', {
    schema: {
      summary: 'One document: metadata, text, sentences, mentions, children, and every place it was found (locations)',
      params: idParams,
      response: { 200: documentDetailSchema, 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const doc = await ctx.store.getDocument(req.params.id, ctx.scope(req));
    if (!doc) return reply.status(404).send({ error: 'not-found', message: `No document with id ${req.params.id}.` });
    await ctx.audit(req, 'document', doc.id, { collection: doc.collection });
    // The document's facts are read by its own keys, never the collection's.
    const [locations, children, mentions, { relations, events, claims }] = await Promise.all([
      ctx.store.listLocations(doc.id, ctx.scope(req)),
      ctx.store.listChildren(doc.id, ctx.scope(req)),
      ctx.store.listMentions(doc.id, ctx.scope(req)),
      ctx.store.listDocumentFacts(doc.id, ctx.scope(req)),
    ]);
    const here = <T extends { evidence: { documentId: string }[] }>(list: T[]): T[] =>
      list.filter((x) => x.evidence.some((e) => e.documentId === doc.id)).map((x) => ({ ...x, evidence: x.evidence.filter((e) => e.documentId === doc.id) }));
    return {
      ...doc, locations, children,
      mentions: mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, norm: m.norm, entityId: m.entityId })),
      relations: here(relations), events: here(events), claims: here(claims),
    };
  });
}
