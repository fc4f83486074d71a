/**
 * Installs sign-in on an app: the gate resolves every request's caller once (onRequest, after the Host and Origin
 * checks of security.ts), /login and /logout; the request then carries `caller` for the routes' scope.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { Gate, refuse, type GateOptions } from './gate.js';
import { loginRoutes, type LoginOptions } from './login.js';
import type { AuditFn } from './audit.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request (set before any route runs; null only before the gate ran). */
    caller: Principal | null;
  }
}

const OPEN_PATHS = new Set(['/login', '/logout']);

/** Adds the gate and the login routes; returns the gate (tests and the CLI reach sessions through it). */
export function installAuth(app: FastifyInstance, store: Store, audit: AuditFn, options: GateOptions & LoginOptions = {}): Gate {
  const gate = new Gate(store, options);
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (req, reply) => {
    if (OPEN_PATHS.has(req.url.split('?')[0]!)) return;
    const result = await gate.check(req);
    if (!result.ok) {
      // A browser opening a page without a session goes to the sign-in form; API clients get the JSON refusal.
      const page = req.method === 'GET' && !req.url.startsWith('/api') && (req.headers.accept ?? '').includes('text/html');
      if (page && result.status === 401) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
      return refuse(reply, result);
    }
    req.caller = result.caller;
  });
  loginRoutes(app, store, gate, audit, options);
  return gate;
}
