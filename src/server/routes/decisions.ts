/**
 * User merge and split decisions: answered 200 once applied, or 202 with the pending decisions when they are large
 * enough to be applied by a background job; GET /decisions/:id says whether a decision is applied yet.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../context.js';
import { mergeEntities, splitMember, decisionStatus, DecisionError, type DecisionOutcome } from '../../network/decisions.js';
import { errorSchema } from '../schemas.js';
import { entityId } from './network.js';
import { actingUser, refuseUnlessWritable } from '../acting-user.js';

const decisionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, collection: { type: 'string' }, kind: { type: 'string', enum: ['merge', 'split', 'clear'] }, a: { type: 'string' }, b: { type: 'string' },
    at: { type: 'string' }, by: { type: 'string' }, note: { type: 'string' }, status: { type: 'string', enum: ['pending', 'applied'] },
  },
  required: ['id', 'collection', 'kind', 'a', 'b', 'at', 'status'],
} as const;

const outcomeSchema = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['pending', 'applied'] }, decisions: { type: 'array', items: decisionSchema } },
  required: ['status', 'decisions'],
} as const;

/** Sends an outcome: 200 when applied, 202 when a job applies it (poll GET /api/decisions/:id). */
async function answer(reply: FastifyReply, work: () => Promise<DecisionOutcome>): Promise<unknown> {
  try {
    const outcome = await work();
    return reply.status(outcome.status === 'applied' ? 200 : 202).send(outcome);
  } catch (err) {
    if (err instanceof DecisionError) return reply.status(400).send({ error: 'bad-decision', message: err.message });
    throw err;
  }
}

/**
 * 403 unless the caller may change every collection of these entities. Entities the caller cannot see are left to the
 * decision code, which answers as for entities that do not exist.
 */
async function refuseWrite(ctx: RouteContext, req: FastifyRequest, reply: FastifyReply, ids: string[]): Promise<FastifyReply | null> {
  const collections = (await ctx.store.getEntityBriefs(ids, ctx.scope(req))).map((b) => b.collection);
  return refuseUnlessWritable(ctx, req, reply, collections, 'entities');
}

/** Registers the decision routes. */
export function decisionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const options = () => ({ jobs: ctx.jobs, syncLimit: ctx.decisionSyncLimit });
  app.post<{ Body: { a: string; b: string; by?: string } }>('/decisions/merge', {
    schema: {
      summary: 'Merge entity b into entity a (recorded; undo with split). 200 when applied, 202 when applied by a background job',
      body: { type: 'object', properties: { a: entityId, b: entityId, by: { type: 'string', maxLength: 100 } }, required: ['a', 'b'], additionalProperties: false },
      response: { 200: outcomeSchema, 202: outcomeSchema, 400: errorSchema, 403: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseWrite(ctx, req, reply, [req.body.a, req.body.b]);
    if (refused) return refused;
    await ctx.audit(req, 'merge', req.body.a, { a: req.body.a, b: req.body.b });
    return answer(reply, () => mergeEntities(ctx.store, ctx.scope(req), req.body.a, req.body.b, actingUser(ctx, req), options()));
  });

  app.post<{ Body: { entity: string; member: string; by?: string } }>('/decisions/split', {
    schema: {
      summary: 'Take a member candidate out of an entity (recorded). 200 when applied, 202 when applied by a background job',
      body: {
        type: 'object',
        properties: { entity: entityId, member: { type: 'string', minLength: 1, maxLength: 500 }, by: { type: 'string', maxLength: 100 } },
        required: ['entity', 'member'], additionalProperties: false,
      },
      response: { 200: outcomeSchema, 202: outcomeSchema, 400: errorSchema, 403: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseWrite(ctx, req, reply, [req.body.entity]);
    if (refused) return refused;
    await ctx.audit(req, 'split', req.body.entity, { entity: req.body.entity, member: req.body.member });
    return answer(reply, () => splitMember(ctx.store, ctx.scope(req), req.body.entity, req.body.member, actingUser(ctx, req), options()));
  });

  app.get<{ Params: { id: number } }>('/decisions/:id', {
    schema: {
      summary: 'One decision and whether it is applied yet (pending: a background job is applying it)',
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      response: { 200: decisionSchema, 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const d = await decisionStatus(ctx.store, ctx.scope(req), req.params.id);
    return d ?? reply.status(404).send({ error: 'not-found', message: `No decision with id ${req.params.id}.` });
  });
}
