/**
 * Who is acting, and whether they may: the one place write routes (decisions, review) learn the user's name and check
 * write access.
 * The signed-in user's name wins over a name the request gives (`by`, kept for the open single-user server).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from './context.js';
import { mayWrite } from './auth/principal.js';

/** The acting user's name: the signed-in user, else the `by` of the body or query, else undefined. */
export function actingUser(ctx: RouteContext, req: FastifyRequest): string | undefined {
  const name = ctx.caller(req).name;
  if (name !== null && name !== 'token') return name;
  const from = (x: unknown): string | undefined => {
    const by = x && typeof x === 'object' ? (x as { by?: unknown }).by : undefined;
    return typeof by === 'string' && by.trim() ? by.trim().slice(0, 100) : undefined;
  };
  return from(req.body) ?? from(req.query);
}

/** Sends 403 unless the caller may change every one of `collections` (viewers never may); `what` names what is changed. */
export function refuseUnlessWritable(ctx: RouteContext, req: FastifyRequest, reply: FastifyReply, collections: string[], what: string): FastifyReply | null {
  const caller = ctx.caller(req);
  if (caller.role !== 'viewer' && mayWrite(caller, collections)) return null;
  return reply.status(403).send({ error: 'forbidden', message: `You may not change ${what} in this collection: an editor with write access must.` });
}

/**
 * Sends 403 unless the caller may change the collection of document `documentId`. A document the caller cannot see is
 * left to the route, which answers 404 as for one that does not exist.
 */
export async function refuseDocumentWrite(ctx: RouteContext, req: FastifyRequest, reply: FastifyReply, documentId: string): Promise<FastifyReply | null> {
  const [doc] = await ctx.store.getDocumentSummaries([documentId], ctx.scope(req));
  return doc ? refuseUnlessWritable(ctx, req, reply, [doc.collection], 'relations') : null;
}
