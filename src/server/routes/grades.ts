/**
 * Admiralty grades (source reliability A-F, information credibility 1-6) of documents and outlets: GET, PUT and DELETE
 * /documents/:id/grade, GET /outlets, PUT and DELETE /outlets/grade. A document's grade is its own, else its outlet's
 * (network/curation/gradings.ts). Writes need write permission on the collection; each is audited with the grade.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import type { Credibility, Reliability } from '../../store/curation.js';
import { outletKey } from '../../store/curation.js';
import { readGradings } from '../../network/curation/gradings.js';
import { actingUser, refuseUnlessWritable } from '../acting-user.js';
import { errorSchema, idParams } from '../schemas.js';

const gradeBody = {
  reliability: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'], description: 'source reliability: A completely reliable ... E unreliable, F cannot be judged' },
  credibility: { type: 'integer', minimum: 1, maximum: 6, description: 'information credibility: 1 confirmed ... 5 improbable, 6 cannot be judged' },
} as const;
const outletProps = { collection: { type: 'string', minLength: 1, maxLength: 200 }, outlet: { type: 'string', minLength: 1, maxLength: 300 } } as const;

interface GradeInput { reliability: Reliability; credibility: Credibility; by?: string }

/** Registers the grade routes. */
export function gradeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const documentGrade = async (store: RouteContext['store'], scope: ReturnType<RouteContext['scope']>, id: string) => {
    const gradings = await readGradings(store, scope, [id]);
    return { documentId: id, grade: gradings.grade(id) };
  };

  app.get<{ Params: { id: string } }>('/documents/:id/grade', {
    schema: { summary: 'The grade of a document: its own, else its outlet\'s (null: ungraded)', params: idParams, response: { 400: errorSchema, 404: errorSchema } },
  }, async (req, reply) => {
    const [doc] = await ctx.store.getDocumentSummaries([req.params.id], ctx.scope(req));
    if (!doc) return reply.status(404).send({ error: 'not-found', message: `No document with id ${req.params.id}.` });
    return { ...(await documentGrade(ctx.store, ctx.scope(req), doc.id)), source: doc.source };
  });

  app.put<{ Params: { id: string }; Body: GradeInput }>('/documents/:id/grade', {
    schema: {
      summary: 'Grade a document (Admiralty: reliability A-F, credibility 1-6); recorded with who and when, audited',
      params: idParams,
      body: { type: 'object', properties: { ...gradeBody, by: { type: 'string', maxLength: 100 } }, required: ['reliability', 'credibility'], additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const [doc] = await ctx.store.getDocumentSummaries([req.params.id], ctx.scope(req));
    if (!doc) return reply.status(404).send({ error: 'not-found', message: `No document with id ${req.params.id}.` });
    const refused = refuseUnlessWritable(ctx, req, reply, [doc.collection], 'grades');
    if (refused) return refused;
    const { reliability, credibility } = req.body;
    await ctx.store.curation.setDocumentGrade(doc.id, doc.collection, { reliability, credibility, by: actingUser(ctx, req) ?? null });
    await ctx.audit(req, 'grade-set', doc.id, { collection: doc.collection, grade: `${reliability}${credibility}` });
    return { ...(await documentGrade(ctx.store, ctx.scope(req), doc.id)), source: doc.source };
  });

  app.delete<{ Params: { id: string } }>('/documents/:id/grade', {
    schema: { summary: 'Remove a document\'s own grade (its outlet\'s applies again, if any); audited', params: idParams, response: { 400: errorSchema, 403: errorSchema, 404: errorSchema } },
  }, async (req, reply) => {
    const [doc] = await ctx.store.getDocumentSummaries([req.params.id], ctx.scope(req));
    if (!doc) return reply.status(404).send({ error: 'not-found', message: `No document with id ${req.params.id}.` });
    const refused = refuseUnlessWritable(ctx, req, reply, [doc.collection], 'grades');
    if (refused) return refused;
    const removed = await ctx.store.curation.clearDocumentGrade(doc.id);
    await ctx.audit(req, 'grade-removed', doc.id, { collection: doc.collection, removed });
    return { ...(await documentGrade(ctx.store, ctx.scope(req), doc.id)), source: doc.source, removed };
  });

  app.get<{ Querystring: { collection?: string } }>('/outlets', {
    schema: {
      summary: 'Outlets (the folded source of documents: publisher, site, e-mail sender\'s domain) with their document counts and grades',
      querystring: { type: 'object', properties: { collection: outletProps.collection }, additionalProperties: false },
      response: { 400: errorSchema },
    },
  }, async (req) => {
    const scope = ctx.scope(req);
    const collections = req.query.collection
      ? (scope.collections === '*' || scope.collections.includes(req.query.collection) ? [req.query.collection] : [])
      : scope.collections;
    const [outlets, grades] = await Promise.all([ctx.store.curation.listOutlets(collections), ctx.store.curation.listOutletGrades(collections)]);
    const byKey = new Map(grades.map((g) => [`${g.collection}\u0000${g.outlet}`, g]));
    return {
      items: outlets.map((o) => {
        const g = byKey.get(`${o.collection}\u0000${o.outlet}`);
        return { ...o, grade: g ? { reliability: g.reliability, credibility: g.credibility, code: `${g.reliability}${g.credibility}`, by: g.by, at: g.at } : null };
      }),
    };
  });

  app.put<{ Body: GradeInput & { collection: string; outlet: string } }>('/outlets/grade', {
    schema: {
      summary: 'Grade an outlet: every document of the collection whose source is this outlet inherits it unless graded itself; audited',
      body: { type: 'object', properties: { ...outletProps, ...gradeBody, by: { type: 'string', maxLength: 100 } }, required: ['collection', 'outlet', 'reliability', 'credibility'], additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const { collection, outlet, reliability, credibility } = req.body;
    const scope = ctx.scope(req);
    if (scope.collections !== '*' && !scope.collections.includes(collection)) return reply.status(404).send({ error: 'not-found', message: `No collection named ${collection}.` });
    if (!outletKey(outlet)) return reply.status(400).send({ error: 'bad-request', message: 'The outlet is empty.' });
    const refused = refuseUnlessWritable(ctx, req, reply, [collection], 'grades');
    if (refused) return refused;
    const grade = await ctx.store.curation.setOutletGrade(collection, outlet, { reliability, credibility, by: actingUser(ctx, req) ?? null });
    await ctx.audit(req, 'outlet-grade-set', outletKey(outlet), { collection, grade: `${reliability}${credibility}` });
    return { collection, outlet: outletKey(outlet), grade: { ...grade, code: `${reliability}${credibility}` } };
  });

  app.delete<{ Querystring: { collection: string; outlet: string } }>('/outlets/grade', {
    schema: {
      summary: 'Remove an outlet\'s grade; audited',
      querystring: { type: 'object', properties: { ...outletProps }, required: ['collection', 'outlet'], additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const { collection, outlet } = req.query;
    const scope = ctx.scope(req);
    if (scope.collections !== '*' && !scope.collections.includes(collection)) return reply.status(404).send({ error: 'not-found', message: `No collection named ${collection}.` });
    const refused = refuseUnlessWritable(ctx, req, reply, [collection], 'grades');
    if (refused) return refused;
    const removed = await ctx.store.curation.clearOutletGrade(collection, outlet);
    await ctx.audit(req, 'outlet-grade-removed', outletKey(outlet), { collection, removed });
    return { collection, outlet: outletKey(outlet), removed };
  });
}
