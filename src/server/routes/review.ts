/**
 * The review queue (GET /review: relations, or events or claims with `kind`), decisions on relations, events and claims
 * (POST and DELETE /review/{relations,events,claims}/:id) and relations made by hand (POST /relations): validate, check
 * write access, audit, call network/review.ts or fact-review.ts, present. Who acts comes from actingUser.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteContext } from '../context.js';
import { RELATION_TYPES } from '../../model/index.js';
import { reviewQueue, reviewRelation, ReviewError } from '../../network/review.js';
import { factReviewQueue, reviewFact } from '../../network/fact-review.js';
import { mergeReviewQueue } from '../../network/merge-review.js';
import type { FactKind } from '../../model/index.js';
import { addHandMadeRelation, type HandMadeRelation } from '../../network/hand-made.js';
import { actingUser, refuseDocumentWrite } from '../acting-user.js';
import { errorSchema } from '../schemas.js';
import { entityId } from './network.js';

export const proposalParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{16}\\.[0-9a-f]{12}$' } }, required: ['id'] } as const;
const relationType = { type: 'string', enum: Object.keys(RELATION_TYPES) } as const;
const by = { type: 'string', maxLength: 100 } as const;

export async function answer(reply: FastifyReply, status: number, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return reply.status(status).send(await work());
  } catch (err) {
    if (err instanceof ReviewError) return reply.status(err.status).send({ error: err.status === 404 ? 'not-found' : 'bad-review', message: err.message });
    throw err;
  }
}

interface QueueQuery { kind: 'relation' | 'merge' | FactKind; type?: string; entity?: string; document?: string; minConfidence: number; maxConfidence: number; state: string; limit: number; offset: number }
interface DecisionBody { verdict: 'accepted' | 'rejected' | 'edited'; reason?: string; by?: string; edit?: { type?: string; swap?: boolean; source?: string; target?: string } }

/** Registers the review routes. */
export function reviewRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: QueueQuery }>('/review', {
    schema: {
      summary: 'Relations proposed by extraction, low confidence on central entities first, each with its evidence span and review state (kind=event or claim: events or claims, those naming central entities first; kind=merge: merges resolution made, low score on large entities first, type = the rule)',
      querystring: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['relation', 'event', 'claim', 'merge'], default: 'relation' },
          type: { type: 'string', minLength: 1, maxLength: 100, description: 'relation type, event type, claim stance or merge rule' }, entity: entityId, document: { type: 'string', pattern: '^[0-9a-f]{16}$' },
          minConfidence: { type: 'number', minimum: 0, maximum: 1, default: 0 }, maxConfidence: { type: 'number', minimum: 0, maximum: 1, default: 1 },
          state: { type: 'string', enum: ['unreviewed', 'accepted', 'kept', 'rejected', 'all'], default: 'unreviewed' },
          limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, maximum: 1000000, default: 0 },
        },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req, reply) => {
    const q = req.query;
    if (q.kind === 'merge') {
      return mergeReviewQueue(ctx.store, ctx.scope(req), {
        type: q.type, entity: q.entity, documentId: q.document, minConfidence: q.minConfidence, maxConfidence: q.maxConfidence,
        state: q.state as 'unreviewed', limit: q.limit, offset: q.offset,
      });
    }
    if (q.kind !== 'relation') {
      return factReviewQueue(ctx.store, ctx.scope(req), { kind: q.kind, type: q.type, entity: q.entity, documentId: q.document, state: q.state as 'unreviewed', limit: q.limit, offset: q.offset });
    }
    if (q.type !== undefined && !(q.type in RELATION_TYPES)) {
      return reply.status(400).send({ error: 'bad-request', message: `querystring/type must be one of the relation types: ${Object.keys(RELATION_TYPES).join(', ')}` });
    }
    return reviewQueue(ctx.store, ctx.scope(req), {
      type: q.type, entity: q.entity, documentId: q.document, minConfidence: q.minConfidence, maxConfidence: q.maxConfidence,
      state: q.state as 'unreviewed', limit: q.limit, offset: q.offset,
    });
  });

  /** The schema of DELETE on a proposal: undo the latest decision on it. */
  const undoSchema = (what: string) => ({
    summary: `Undo the latest decision on a proposed ${what} (the undo is recorded too)`,
    params: proposalParams,
    querystring: { type: 'object', properties: { by }, additionalProperties: false },
    response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
  });

  app.post<{ Params: { id: string }; Body: DecisionBody }>('/review/relations/:id', {
    schema: {
      summary: 'Accept, reject (with an optional reason) or edit (type, direction, ends) a proposed relation; recorded with who and when',
      params: proposalParams,
      body: {
        type: 'object',
        properties: {
          verdict: { type: 'string', enum: ['accepted', 'rejected', 'edited'] }, reason: { type: 'string', maxLength: 2000 }, by,
          edit: { type: 'object', properties: { type: relationType, swap: { type: 'boolean' }, source: entityId, target: entityId }, additionalProperties: false },
        },
        required: ['verdict'], additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseDocumentWrite(ctx, req, reply, documentOf(req.params.id));
    if (refused) return refused;
    await ctx.audit(req, 'review', req.params.id, { verdict: req.body.verdict, reason: req.body.reason, edit: req.body.edit });
    return answer(reply, 200, () => reviewRelation(ctx.store, ctx.scope(req), req.params.id, req.body.verdict, {
      by: actingUser(ctx, req), reason: req.body.reason, edit: req.body.edit,
    }));
  });

  app.delete<{ Params: { id: string }; Querystring: { by?: string } }>('/review/relations/:id', {
    schema: undoSchema('relation'),
  }, async (req, reply) => {
    const refused = await refuseDocumentWrite(ctx, req, reply, documentOf(req.params.id));
    if (refused) return refused;
    await ctx.audit(req, 'review', req.params.id, { verdict: 'undo' });
    return answer(reply, 200, () => reviewRelation(ctx.store, ctx.scope(req), req.params.id, 'undo', { by: actingUser(ctx, req) }));
  });

  for (const kind of ['event', 'claim'] as const) {
    app.post<{ Params: { id: string }; Body: { verdict: 'accepted' | 'rejected'; reason?: string; by?: string } }>(`/review/${kind}s/:id`, {
      schema: {
        summary: `Accept or reject (with an optional reason) a proposed ${kind}; recorded with who and when, kept across reprocess`,
        params: proposalParams,
        body: {
          type: 'object',
          properties: { verdict: { type: 'string', enum: ['accepted', 'rejected'] }, reason: { type: 'string', maxLength: 2000 }, by },
          required: ['verdict'], additionalProperties: false,
        },
        response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    }, async (req, reply) => {
      const refused = await refuseDocumentWrite(ctx, req, reply, documentOf(req.params.id));
      if (refused) return refused;
      await ctx.audit(req, 'review', req.params.id, { kind, verdict: req.body.verdict, reason: req.body.reason });
      return answer(reply, 200, () => reviewFact(ctx.store, ctx.scope(req), kind, req.params.id, req.body.verdict, { by: actingUser(ctx, req), reason: req.body.reason }));
    });

    app.delete<{ Params: { id: string }; Querystring: { by?: string } }>(`/review/${kind}s/:id`, {
      schema: undoSchema(kind),
    }, async (req, reply) => {
      const refused = await refuseDocumentWrite(ctx, req, reply, documentOf(req.params.id));
      if (refused) return refused;
      await ctx.audit(req, 'review', req.params.id, { kind, verdict: 'undo' });
      return answer(reply, 200, () => reviewFact(ctx.store, ctx.scope(req), kind, req.params.id, 'undo', { by: actingUser(ctx, req) }));
    });
  }

  app.post<{ Body: HandMadeRelation & { by?: string } }>('/relations', {
    schema: {
      summary: 'Add a relation by hand, citing a span of a stored document (stage "analyst"); 201 with its record',
      body: {
        type: 'object',
        properties: {
          type: relationType, source: entityId, target: entityId, by,
          evidence: {
            type: 'object',
            properties: { documentId: { type: 'string', pattern: '^[0-9a-f]{16}$' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 1 } },
            required: ['documentId', 'start', 'end'], additionalProperties: false,
          },
        },
        required: ['type', 'source', 'target', 'evidence'], additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseDocumentWrite(ctx, req, reply, req.body.evidence.documentId);
    if (refused) return refused;
    await ctx.audit(req, 'relation-added', req.body.evidence.documentId, { type: req.body.type, source: req.body.source, target: req.body.target, evidence: req.body.evidence });
    return answer(reply, 201, () => addHandMadeRelation(ctx.store, ctx.scope(req), req.body, actingUser(ctx, req)));
  });
}

/** The document a proposal id names: its first 16 hex digits (`<documentId>.<12 hex>`). */
export function documentOf(proposalId: string): string {
  return proposalId.slice(0, 16);
}
