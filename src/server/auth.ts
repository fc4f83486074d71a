/** Access control: with a token set, every request needs it (Bearer header or the session cookie set by /login). */
import { timingSafeEqual, randomBytes, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FailureLimiter, clientKey, type FailureLimitOptions } from './rate-limit.js';

/** Name of the cookie that carries the token after /login. */
export const SESSION_COOKIE = 'cablegraph_session';

/** Bits of randomness a token must carry when the server listens beyond loopback. */
export const MIN_TOKEN_BITS = 128;

/** Longest token accepted (the /login link must carry it). */
export const MAX_TOKEN_LENGTH = 200;

/** A random token suitable for `--token` (URL-safe): 24 random bytes, 192 bits, 32 base64url characters. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** How to make a strong token, for messages. */
export const TOKEN_HOWTO = 'make one with `openssl rand -hex 24` or `node -e "console.log(crypto.randomBytes(24).toString(\'base64url\'))"`';

/**
 * Bits a token carries at most if it was drawn at random from the smallest usual alphabet its characters fit:
 * digits 3.3 per character, hex 4, lower-case letters and digits 5.2, base64url 6, other printable ASCII 6.6.
 * "a" x 40 or "abababab…" is not random, so a token with fewer than 8 different characters counts as 0.
 */
export function tokenBits(token: string): number {
  if (new Set(token).size < 8) return 0;
  const alphabets: [RegExp, number][] = [[/^[0-9]+$/, 10], [/^[0-9a-f]+$/i, 16], [/^[0-9a-z]+$/, 36], [/^[A-Za-z0-9_-]+$/, 64], [/^[\x20-\x7e]+$/, 95]];
  const size = alphabets.find(([re]) => re.test(token))?.[1] ?? 95;
  return token.length * Math.log2(size);
}

/** Why `token` cannot guard a server reachable from other machines, or null when it can. */
export function weakTokenProblem(token: string): string | null {
  if (token.length > MAX_TOKEN_LENGTH) return `The token is longer than ${MAX_TOKEN_LENGTH} characters; ${TOKEN_HOWTO}.`;
  const bits = Math.floor(tokenBits(token));
  if (bits >= MIN_TOKEN_BITS) return null;
  return `The token is too weak to guard a server other machines can reach (about ${bits} bits; at least ${MIN_TOKEN_BITS} `
    + `needed, e.g. 22 random base64url or 32 random hex characters): ${TOKEN_HOWTO}, or leave --token out and one is made.`;
}

/** SHA-256 of a token: equal-length digests compare in constant time whatever the lengths of the tokens. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function presented(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== SESSION_COOKIE) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return v.join('=');
    }
  }
  return null;
}

/** Options of requireToken. */
export interface TokenOptions {
  /** Limits on wrong guesses per client address (see rate-limit.ts). */
  limit?: FailureLimitOptions;
}

/**
 * Requires `token` on every request except /login; /login?token=... sets an HttpOnly session cookie and opens the
 * workbench. Wrong tokens (header, cookie or login link) are limited per client address: past the limit, 429 and
 * Retry-After, and no token is checked until the wait is over.
 */
export function requireToken(app: FastifyInstance, token: string, options: TokenOptions = {}): void {
  const expected = digest(token);
  const limiter = new FailureLimiter(options.limit);

  /** True when `candidate` is the token; otherwise counts the guess and answers 401, or 429 when over the limit. */
  const check = (req: FastifyRequest, reply: FastifyReply, candidate: string, wrong: () => FastifyReply): boolean | FastifyReply => {
    const key = clientKey(req.ip);
    const wait = limiter.retryAfter(key);
    if (wait > 0) {
      return reply.status(429).header('retry-after', String(wait)).type('application/json; charset=utf-8')
        .send({ error: 'too-many-attempts', message: `Too many wrong tokens from this address: try again in ${wait} s.` });
    }
    const got = digest(candidate);
    if (timingSafeEqual(got, expected)) return true;
    limiter.fail(key, got.toString('base64'));
    return wrong();
  };

  app.get<{ Querystring: { token?: string } }>('/login', {
    schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: MAX_TOKEN_LENGTH } } } },
  }, async (req, reply) => {
    const wrong = (): FastifyReply => reply.status(401).type('text/plain; charset=utf-8')
      .send('Wrong or missing token. Open the login link `cablegraph serve` printed.');
    if (!req.query.token) return wrong();
    const ok = check(req, reply, req.query.token, wrong);
    if (ok !== true) return ok;
    reply.header('set-cookie', `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    return reply.redirect('/');
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/login' || req.url.startsWith('/login?')) return;
    const wrong = (): FastifyReply => reply.status(401).send({
      error: 'unauthorized',
      message: 'This server requires a token: open the login link `cablegraph serve` printed, or send Authorization: Bearer <token>.',
    });
    const t = presented(req);
    if (t === null) return wrong();
    const ok = check(req, reply, t, wrong);
    if (ok !== true) return ok;
  });
}
