/**
 * POST and DELETE /entities/:id/protect: an editor with write on the entity's collection (or an admin) protects an
 * entity (an informant, a victim, a source) or undoes it; audited as entity-protected / entity-unprotected.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../context.js';
import { protectEntity, unprotectEntity, ProtectionError, type ProtectionOutcome } from '../../network/protection/entities.js';
import { actingUser, refuseUnlessWritable } from '../acting-user.js';
import { errorSchema } from '../schemas.js';
import { entityId } from './network.js';

const params = { type: 'object', properties: { id: entityId }, required: ['id'] } as const;

/** Registers the protection routes. */
export function protectRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const handle = async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, remove: boolean): Promise<unknown> => {
    const [brief] = await ctx.store.getEntityBriefs([req.params.id], ctx.scope(req));
    if (!brief) return reply.status(404).send({ error: 'not-found', message: `No entity with id ${req.params.id}.` });
    const refused = refuseUnlessWritable(ctx, req, reply, [brief.collection], 'protected identities');
    if (refused) return refused;
    try {
      const scope = ctx.scope(req);
      const outcome: ProtectionOutcome = remove
        ? await unprotectEntity(ctx.store, scope, req.params.id)
        : await protectEntity(ctx.store, scope, req.params.id, actingUser(ctx, req) ?? null);
      await ctx.audit(req, remove ? 'entity-unprotected' : 'entity-protected', req.params.id,
        { collection: outcome.collection, pseudonym: outcome.pseudonym, keys: outcome.keys });
      return outcome;
    } catch (err) {
      if (err instanceof ProtectionError) return reply.status(400).send({ error: 'bad-protection', message: err.message });
      throw err;
    }
  };
  const schema = (summary: string) => ({ summary, params, response: { 400: errorSchema, 403: errorSchema, 404: errorSchema } });
  app.post<{ Params: { id: string } }>('/entities/:id/protect', {
    schema: schema('Protect an entity: its name, aliases and the spans naming it become a pseudonym ("Protected person 3") in every export and for readers who may not see it'),
  }, (req, reply) => handle(req, reply, false));
  app.delete<{ Params: { id: string } }>('/entities/:id/protect', {
    schema: schema('Stop protecting an entity'),
  }, (req, reply) => handle(req, reply, true));
}
