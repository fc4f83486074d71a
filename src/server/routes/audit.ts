/**
 * GET /api/me (who the caller is and what they may see) and GET /api/audit (admins): the audit log, newest first,
 * filtered by user, action and time. No route changes or deletes the log.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { errorSchema } from '../schemas.js';

/** Registers /me and /audit. */
export function auditRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/me', { schema: { summary: 'The caller: name (null on a server nobody signs in to), role, readable and writable collections ("*": all)' } },
    async (req) => {
      const { name, role, read, write } = ctx.caller(req);
      return { name, role, read, write };
    });

  app.get<{ Querystring: { user?: string; action?: string; since?: string; limit: number } }>('/audit', {
    schema: {
      summary: 'The audit log, newest first (admins only): who searched, opened, exported, merged, signed in; with time and client address',
      querystring: {
        type: 'object',
        properties: {
          user: { type: 'string', maxLength: 100 },
          action: { type: 'string', maxLength: 40, description: 'only rows of this action, e.g. login-failed, document, user-created' },
          since: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2}(T[0-9:.]+Z?)?)?)?$' },
          limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
        },
        additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema },
    },
  }, async (req, reply) => {
    if (ctx.caller(req).role !== 'admin') return reply.status(403).send({ error: 'forbidden', message: 'Only admins may read the audit log.' });
    return { items: await ctx.store.trust.listAudit(req.query) };
  });
}
