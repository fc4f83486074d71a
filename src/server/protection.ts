/**
 * Protected identities on the API: which protected entities the caller may not see (viewers never; editors with write
 * on the entity's collection and admins may, and see them marked), and the hook that pseudonymises every API response
 * for them before it is serialised: names replaced by the pseudonym, text spans masked at the same length so offsets
 * stay valid. Exports pseudonymise on their own (routes/export.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteContext } from './context.js';
import { mayWrite } from './auth/principal.js';
import { protectedEntities, type ProtectedEntity } from '../network/protection/entities.js';
import { Redactor } from '../network/protection/redactor.js';
import { pseudonymise, type ProtectionMark } from '../network/protection/walk.js';

/** The protected entities of a request's scope, split by what the caller may see. */
export interface RequestProtection {
  entries: ProtectedEntity[];
  /** Entries the caller may not see. */
  hidden: ProtectedEntity[];
  /** Hides the names of `hidden` (null when nothing is hidden). */
  redactor: Redactor | null;
  marks: Map<string, ProtectionMark>;
}

const cache = new WeakMap<FastifyRequest, Promise<RequestProtection>>();

/** True when the caller may see the names of protected entities of `collection`. */
export function maySeeProtected(ctx: RouteContext, req: FastifyRequest, collection: string): boolean {
  const caller = ctx.caller(req);
  return caller.role !== 'viewer' && mayWrite(caller, [collection]);
}

/** The request's protected entities, read once per request. */
export function requestProtection(ctx: RouteContext, req: FastifyRequest): Promise<RequestProtection> {
  let p = cache.get(req);
  if (!p) {
    p = (async () => {
      const entries = await protectedEntities(ctx.store, ctx.scope(req));
      const hidden = entries.filter((e) => !maySeeProtected(ctx, req, e.collection));
      const marks = new Map<string, ProtectionMark>();
      for (const e of entries) if (e.entityId) marks.set(e.entityId, { pseudonym: e.pseudonym, code: e.code, masked: hidden.includes(e) });
      return { entries, hidden, redactor: hidden.length > 0 ? new Redactor(hidden, 'mask') : null, marks };
    })();
    cache.set(req, p);
  }
  return p;
}

/** Pseudonymises every object an /api route answers with, for what the caller may not see. */
export function installProtection(api: FastifyInstance, ctx: RouteContext): void {
  api.addHook('preSerialization', async (req: FastifyRequest, _reply, payload: unknown) => {
    // The export route pseudonymises by itself (always, unless an admin unmasks): its shapes are left alone here.
    if (payload === null || typeof payload !== 'object' || req.routeOptions.url === '/api/export') return payload;
    // A request the gate refused (no caller) reads nothing, so it can name nothing protected.
    if (!req.caller) return payload;
    const p = await requestProtection(ctx, req);
    if (p.entries.length === 0) return payload;
    return pseudonymise(payload, { redactor: p.redactor, marks: p.marks, mark: true });
  });
}
