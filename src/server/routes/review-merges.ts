/**
 * Decisions on the merges resolution made (POST and DELETE /review/merges/:id): accept keeps a merge, reject undoes it
 * (with an optional reason), DELETE undoes the latest decision; each recorded with who and when, audited, and applied to
 * the entities (network/merge-review.ts). The queue is GET /review?kind=merge (routes/review.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { reviewMerge } from '../../network/merge-review.js';
import { actingUser, refuseDocumentWrite } from '../acting-user.js';
import { errorSchema } from '../schemas.js';
import { answer, documentOf, proposalParams } from './review.js';

const by = { type: 'string', maxLength: 100 } as const;

/** Registers the merge review routes. */
export function mergeReviewRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const decisions = () => ({ jobs: ctx.jobs, syncLimit: ctx.decisionSyncLimit });
  app.post<{ Params: { id: string }; Body: { verdict: 'accepted' | 'rejected'; reason?: string; by?: string } }>('/review/merges/:id', {
    schema: {
      summary: 'Accept (keep) or reject (undo, with an optional reason) a merge resolution made; recorded with who and when, applied to the entities',
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
    await ctx.audit(req, 'review', req.params.id, { kind: 'merge', verdict: req.body.verdict, reason: req.body.reason });
    return answer(reply, 200, () => reviewMerge(ctx.store, ctx.scope(req), req.params.id, req.body.verdict, { by: actingUser(ctx, req), reason: req.body.reason, decisions: decisions() }));
  });

  app.delete<{ Params: { id: string }; Querystring: { by?: string } }>('/review/merges/:id', {
    schema: {
      summary: 'Undo the latest decision on a merge (the undo is recorded too; the entities go back to the decision before, or to resolution)',
      params: proposalParams,
      querystring: { type: 'object', properties: { by }, additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseDocumentWrite(ctx, req, reply, documentOf(req.params.id));
    if (refused) return refused;
    await ctx.audit(req, 'review', req.params.id, { kind: 'merge', verdict: 'undo' });
    return answer(reply, 200, () => reviewMerge(ctx.store, ctx.scope(req), req.params.id, 'undo', { by: actingUser(ctx, req), decisions: decisions() }));
  });
}
