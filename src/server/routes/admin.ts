/**
 * /api/admin/...: users, their roles and collections, and API tokens, for admins (the workbench's Admin page). The same
 * operations as `cablegraph users|tokens` (auth/admin-ops.ts); each change is audited with the admin and their address.
 * A signed-in non-admin gets 403, as for the audit log; a caller without credentials never gets here (401 at the gate).
 * Writes pass the Origin check of security.ts like every other change, and the session cookie is SameSite=Strict.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../context.js';
import { errorSchema } from '../schemas.js';
import * as ops from '../auth/admin-ops.js';
import { ROLES } from '../../store/trust.js';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

const userName = { type: 'string', minLength: 1, maxLength: 100 } as const;
const collection = { type: 'string', minLength: 1, maxLength: 200 } as const;
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const STATUS = { invalid: 400, 'not-found': 404, conflict: 409 } as const;

/** Registers the admin routes. */
export function adminRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const opAudit = (req: FastifyRequest): ops.OpAudit => (action, target, details) => ctx.audit(req, action, target, details);
  /** Runs an operation for an admin; anyone else gets 403 and the operation's refusals their status. */
  const run = async <T>(req: FastifyRequest, reply: FastifyReply, fn: (audit: ops.OpAudit) => Promise<T>): Promise<T | FastifyReply> => {
    if (ctx.caller(req).role !== 'admin') return reply.status(403).send({ error: 'forbidden', message: 'Only admins may manage users and tokens.' });
    try {
      return await fn(opAudit(req));
    } catch (err) {
      if (err instanceof ops.AdminError) return reply.status(STATUS[err.kind]).send({ error: err.kind, message: err.message });
      throw err;
    }
  };
  /** Refuses an admin's change to their own account that would lock them out. */
  const notSelf = (req: FastifyRequest, name: string, what: string): void => {
    if (ctx.caller(req).name === name) throw new ops.AdminError('conflict', `You may not ${what} yourself: ask another admin.`);
  };

  app.get('/admin/users', {
    schema: { summary: 'Users with role, collections (read or write), created, last sign-in and whether disabled; the collections there are; and `you`, the caller (admins only)', response: errors },
  }, async (req, reply) => run(req, reply, async () => ({
    users: await ctx.store.trust.listUsers(), collections: await ctx.store.listCollections(), you: ctx.caller(req).name,
  })));

  app.post<{ Body: { name: string; role: string; password: string } }>('/admin/users', {
    schema: {
      summary: `Add a user (role ${ROLES.join(', ')}; password at least ${MIN_PASSWORD_LENGTH} characters, never returned)`,
      body: {
        type: 'object', required: ['name', 'role', 'password'], additionalProperties: false,
        properties: { name: userName, role: { type: 'string', enum: [...ROLES] }, password: { type: 'string', maxLength: 1000 } },
      },
      response: errors,
    },
  }, async (req, reply) => run(req, reply, async (audit) => {
    // On a server nobody signs in to, the first user closes it: only an admin could then manage users from here.
    if (ctx.caller(req).name === null && req.body.role !== 'admin' && !(await ctx.store.trust.hasUsers())) {
      throw new ops.AdminError('invalid', 'The first user must be an admin: once a user exists, everyone must sign in.');
    }
    const user = await ops.addUser(ctx.store, audit, req.body);
    return reply.status(201).send({ user });
  }));

  app.patch<{ Params: { name: string }; Body: { role?: string; disabled?: boolean } }>('/admin/users/:name', {
    schema: {
      summary: 'Change a user\'s role or disable (enable) them; a disabled user\'s sessions end and tokens stop working',
      params: { type: 'object', properties: { name: userName }, required: ['name'] },
      body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { role: { type: 'string', enum: [...ROLES] }, disabled: { type: 'boolean' } } },
      response: errors,
    },
  }, async (req, reply) => run(req, reply, async (audit) => {
    const { name } = req.params;
    if (req.body.role !== undefined && req.body.role !== 'admin') notSelf(req, name, 'demote');
    if (req.body.disabled === true) notSelf(req, name, 'disable');
    if (req.body.role !== undefined) await ops.setRole(ctx.store, audit, name, req.body.role);
    if (req.body.disabled !== undefined) await ops.setDisabled(ctx.store, audit, name, req.body.disabled);
    return { ok: true };
  }));

  app.delete<{ Params: { name: string } }>('/admin/users/:name', {
    schema: { summary: 'Remove a user with their grants, tokens and sessions (the audit log keeps what they did)', params: { type: 'object', properties: { name: userName }, required: ['name'] }, response: errors },
  }, async (req, reply) => run(req, reply, async (audit) => {
    notSelf(req, req.params.name, 'remove');
    await ops.removeUser(ctx.store, audit, req.params.name);
    return { ok: true };
  }));

  app.put<{ Params: { name: string; collection: string }; Body: { write?: boolean } }>('/admin/users/:name/grants/:collection', {
    schema: {
      summary: 'Let a user read a collection (write: editors may also merge, split, review in it)',
      params: { type: 'object', properties: { name: userName, collection }, required: ['name', 'collection'] },
      body: { type: 'object', additionalProperties: false, properties: { write: { type: 'boolean', default: false } } },
      response: errors,
    },
  }, async (req, reply) => run(req, reply, async (audit) => {
    await ops.grant(ctx.store, audit, req.params.name, req.params.collection, req.body?.write === true);
    return { ok: true };
  }));

  app.delete<{ Params: { name: string; collection: string } }>('/admin/users/:name/grants/:collection', {
    schema: {
      summary: 'Take a collection from a user (effective on their next request)',
      params: { type: 'object', properties: { name: userName, collection }, required: ['name', 'collection'] },
      response: errors,
    },
  }, async (req, reply) => run(req, reply, async (audit) => ({ had: await ops.revoke(ctx.store, audit, req.params.name, req.params.collection) })));

  app.get('/admin/tokens', {
    schema: { summary: 'API tokens: id, user, created, expiry, revoked (never the tokens themselves; admins only)', response: errors },
  }, async (req, reply) => run(req, reply, async () => ({ tokens: await ctx.store.trust.listTokens() })));

  app.post<{ Body: { user: string; expires?: string } }>('/admin/tokens', {
    schema: {
      summary: 'Make an API token for a user: the answer carries it once, only its digest is kept',
      body: {
        type: 'object', required: ['user'], additionalProperties: false,
        properties: { user: userName, expires: { type: 'string', maxLength: 10, description: 'lifetime such as 90m, 12h, 30d or 2w; none: no expiry' } },
      },
      response: errors,
    },
  }, async (req, reply) => run(req, reply, async (audit) => {
    const { token, record } = await ops.createToken(ctx.store, audit, req.body.user, req.body.expires || null);
    // Not cached anywhere on the way: the token is in this answer only.
    reply.header('cache-control', 'no-store');
    return reply.status(201).send({ token, record });
  }));

  app.delete<{ Params: { id: string } }>('/admin/tokens/:id', {
    schema: { summary: 'Revoke a token by its id', params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{12}$' } }, required: ['id'] }, response: errors },
  }, async (req, reply) => run(req, reply, async (audit) => {
    await ops.revokeToken(ctx.store, audit, req.params.id);
    return { ok: true };
  }));
}
