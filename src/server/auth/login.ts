/**
 * Sign-in and sign-out: GET /login (the form, or the single token's link ?token=), POST /login (form or JSON name +
 * password -> session cookie), POST /logout. Failed logins are limited per account and per client address, with the
 * counters in the store (login-limiter.ts), so several server processes share them and a restart keeps them.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { clientKey, type FailureLimitOptions } from '../rate-limit.js';
import { StoreLimiter } from './login-limiter.js';
import { Gate, SESSION_COOKIE, presented, refuse } from './gate.js';
import { newSecret, secretDigest } from './secrets.js';
import { verifyPassword, DUMMY_HASH } from './passwords.js';
import { loginPage, safeNext } from './login-page.js';
import type { AuditFn } from './audit.js';
import { MAX_TOKEN_LENGTH } from '../auth.js';

/** Options of the login routes. */
export interface LoginOptions {
  /** Session lifetime in hours (default 12). */
  sessionHours?: number;
  /** Limits on failed logins, per account and per client address (default: 10 at once, 10 a minute). */
  limit?: FailureLimitOptions;
  /** Mark the cookie Secure even when the request came over plain HTTP (a TLS proxy in front). */
  secureCookies?: boolean;
}

/** Registers /login and /logout. */
export function loginRoutes(app: FastifyInstance, store: Store, gate: Gate, audit: AuditFn, options: LoginOptions = {}): void {
  const sessionMs = (options.sessionHours ?? 12) * 3_600_000;
  const limiter = new StoreLimiter(store.trust, options.limit);
  const accountKey = (name: string): string => `account:${name.normalize('NFC').toLowerCase()}`;
  const cookie = (req: FastifyRequest, value: string, maxAge: number): string =>
    `${SESSION_COOKIE}=${encodeURIComponent(value)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}`
    + (options.secureCookies || req.protocol === 'https' ? '; Secure' : '');

  // Form posts arrive as application/x-www-form-urlencoded (the login form needs no script).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get<{ Querystring: { token?: string; next?: string } }>('/login', {
    schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: MAX_TOKEN_LENGTH }, next: { type: 'string', maxLength: 2000 } } } },
  }, async (req, reply) => {
    const token = req.query.token;
    if (token === undefined) return reply.type('text/html; charset=utf-8').send(loginPage('', '', safeNext(req.query.next)));
    const wrong = (): FastifyReply => reply.status(401).type('text/plain; charset=utf-8')
      .send('Wrong or missing token. Open the login link `cablegraph serve` printed.');
    const wait = gate.wait(req);
    if (wait > 0) return refuse(reply, { status: 429, retryAfter: wait });
    if (!gate.isLegacyToken(token)) {
      gate.fail(req, token);
      await audit(req, 'login-failed', null, { with: 'token-link' }, null);
      return wrong();
    }
    const session = newSecret();
    gate.addLegacySession(secretDigest(session), gate.now() + sessionMs);
    await audit(req, 'login', 'token', { with: 'token-link' }, 'token');
    reply.header('set-cookie', cookie(req, session, sessionMs / 1000));
    return reply.redirect('/');
  });

  app.post<{ Body: { name?: unknown; password?: unknown; next?: unknown } }>('/login', { schema: { hide: true } }, async (req, reply) => {
    const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
    const body = req.body ?? {};
    const name = typeof body.name === 'string' ? body.name.slice(0, 100) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1000) : '';
    const answer = (status: number, message: string): FastifyReply => (form
      ? reply.status(status).type('text/html; charset=utf-8').send(loginPage(message, name, safeNext(body.next)))
      : reply.status(status).send({ error: status === 429 ? 'too-many-attempts' : status === 403 ? 'disabled' : 'unauthorized', message }));
    const address = `address:${clientKey(req.ip)}`;
    const wait = Math.max(await limiter.retryAfter(address), await limiter.retryAfter(accountKey(name)));
    if (wait > 0) {
      await audit(req, 'login-failed', name || null, { reason: 'rate-limited' }, null);
      reply.header('retry-after', String(wait));
      return answer(429, `Too many failed sign-ins: try again in ${wait} s.`);
    }
    const user = name ? await store.trust.getUser(name) : null;
    // An unknown name costs as long as a wrong password, so timing does not tell which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      const guess = createHash('sha256').update(`${name}\u0000${password}`).digest('base64');
      await limiter.fail(address, guess);
      await limiter.fail(accountKey(name), guess);
      await audit(req, 'login-failed', name || null, { reason: user ? 'wrong-password' : 'unknown-user' }, null);
      return answer(401, 'Wrong name or password.');
    }
    if (user.disabled) {
      // Only after the right password: a guesser learns nothing about the account.
      await audit(req, 'login-failed', user.name, { reason: 'disabled' }, null);
      return answer(403, 'This account is disabled: ask an admin.');
    }
    const session = newSecret();
    const expires = new Date(gate.now() + sessionMs).toISOString();
    await store.trust.pruneSessions(new Date(gate.now()).toISOString());
    await store.trust.putSession(secretDigest(session), user.id, expires);
    await store.trust.recordLogin(user.id, new Date(gate.now()).toISOString());
    await audit(req, 'login', user.name, { with: 'password' }, user.name);
    reply.header('set-cookie', cookie(req, session, sessionMs / 1000));
    return form ? reply.redirect(safeNext(body.next), 303) : reply.send({ name: user.name, role: user.role, expires });
  });

  app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    const secret = presented(req);
    if (secret?.kind === 'cookie') {
      const digest = secretDigest(secret.value);
      const legacy = gate.dropLegacySession(digest);
      const s = await store.trust.getSession(digest);
      await store.trust.deleteSession(digest);
      const user = s ? await store.trust.getUserById(s.userId) : null;
      await audit(req, 'logout', user?.name ?? null, {}, user ? user.name : legacy ? 'token' : null);
    }
    reply.header('set-cookie', cookie(req, '', 0));
    const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
    return form ? reply.redirect('/login', 303) : reply.send({ ok: true });
  });
}
