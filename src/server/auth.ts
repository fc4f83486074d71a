/** Access control: with a token set, every request needs it (Bearer header or the session cookie set by /login). */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Name of the cookie that carries the token after /login. */
export const SESSION_COOKIE = 'cablegraph_session';

/** A random token suitable for `--token` (URL-safe). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function presented(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Requires `token` on every request except /login; /login?token=... sets an HttpOnly session cookie and opens the workbench. */
export function requireToken(app: FastifyInstance, token: string): void {
  app.get<{ Querystring: { token?: string } }>('/login', {
    schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } },
  }, async (req, reply) => {
    if (!req.query.token || !same(req.query.token, token)) {
      return reply.status(401).type('text/plain').send('Wrong or missing token. Open the login link `cablegraph serve` printed.');
    }
    reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    return reply.redirect('/');
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/login' || req.url.startsWith('/login?')) return;
    const t = presented(req);
    if (t && same(t, token)) return;
    return reply.status(401).send({ error: 'unauthorized', message: 'This server requires a token: open the login link `cablegraph serve` printed, or send Authorization: Bearer <token>.' });
  });
}
