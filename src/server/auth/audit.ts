/** Writes audit rows for requests: who (the caller), from where (client address), what, on what. */
import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import type { Principal } from './principal.js';

/** Records one action of a request: by the caller, or by `user` when given (a login, before the request has a caller). */
export type AuditFn = (req: FastifyRequest, action: string, target?: string | null, details?: Record<string, unknown>, user?: string | null) => Promise<void>;

/** An audit writer over the store; `enabled` false makes it a no-op (tests of other things, benchmarks). */
export function auditWriter(store: Store, options: { enabled?: boolean; maxRows?: number; now?: () => number } = {}): AuditFn {
  if (options.enabled === false) return async () => undefined;
  const now = options.now ?? Date.now;
  return async (req, action, target = null, details = {}, user) => {
    const caller = (req as FastifyRequest & { caller?: Principal | null }).caller;
    await store.trust.appendAudit({
      at: new Date(now()).toISOString(), user: user !== undefined ? user : caller?.name ?? null, address: req.ip, action, target, details,
    }, options.maxRows);
  };
}
