/**
 * Who is calling: every request is resolved once, before any route, to a Principal (the single --token, a user's
 * API token, a session cookie, or nobody on a server that asks no one to sign in). Wrong secrets are counted per
 * client address (rate-limit.ts); past the limit nothing is checked until the wait is over.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { FailureLimiter, clientKey, type FailureLimitOptions } from '../rate-limit.js';
import { everything, userPrincipal, type Principal } from './principal.js';
import { secretDigest, TOKEN_PREFIX } from './secrets.js';

/** Name of the cookie that carries the session id after a login. */
export const SESSION_COOKIE = 'cablegraph_session';

/** Options of the gate. */
export interface GateOptions {
  /** The server's single token (`--token`): its holder is an admin. */
  token?: string;
  /** Limits on wrong tokens and session ids per client address. */
  limit?: FailureLimitOptions;
  /** Clock in ms (tests pass a fake one; expiries are compared with it). */
  now?: () => number;
}

/** The secret a request presents: a bearer token or the session cookie. */
export type Presented = { kind: 'bearer' | 'cookie'; value: string } | null;

/** Reads the Authorization header, else the session cookie. */
export function presented(req: FastifyRequest): Presented {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { kind: 'bearer', value: header.slice(7).trim() };
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return { kind: 'cookie', value: decodeURIComponent(raw) };
    } catch {
      return { kind: 'cookie', value: raw };
    }
  }
  return null;
}

/** The outcome of checking a request's credentials. */
export type GateResult = { ok: true; caller: Principal } | { ok: false; status: 401 | 429; retryAfter?: number };

const sha = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Checks credentials against the single token, the users' tokens and sessions; holds the legacy token's sessions. */
export class Gate {
  private readonly legacy: Buffer | null;
  private readonly limiter: FailureLimiter;
  readonly now: () => number;
  /** Sessions opened with the single token's login link (its holder is no user row): digest -> expiry in ms. */
  private readonly legacySessions = new Map<string, number>();
  private usersKnown = false;

  constructor(private readonly store: Store, options: GateOptions = {}) {
    this.legacy = options.token ? sha(options.token) : null;
    this.limiter = new FailureLimiter(options.limit);
    this.now = options.now ?? Date.now;
  }

  /**
   * True when nobody needs to sign in: no single token and no user. Once users were seen the server stays closed until
   * it restarts, even if every user is removed (and beyond loopback it then refuses to start without a token).
   */
  async open(): Promise<boolean> {
    if (this.legacy) return false;
    if (!this.usersKnown) this.usersKnown = await this.store.trust.hasUsers();
    return !this.usersKnown;
  }

  /** True when `candidate` is the single token (constant time, whatever the lengths). */
  isLegacyToken(candidate: string): boolean {
    return this.legacy !== null && timingSafeEqual(sha(candidate), this.legacy);
  }

  /** Seconds this client must wait before its next secret is checked (0: now). */
  wait(req: FastifyRequest): number {
    return this.limiter.retryAfter(clientKey(req.ip));
  }

  /** Counts a wrong secret of this client (the same wrong one again is free). */
  fail(req: FastifyRequest, secret: string): void {
    this.limiter.fail(clientKey(req.ip), secretDigest(secret));
  }

  /** Remembers a session opened with the single token. */
  addLegacySession(digest: string, expires: number): void {
    this.legacySessions.set(digest, expires);
  }

  /** Forgets a session opened with the single token; true when it was one. */
  dropLegacySession(digest: string): boolean {
    return this.legacySessions.delete(digest);
  }

  /** Resolves the caller, or says why not; the wrong-secret limit applies to every presented secret. */
  async check(req: FastifyRequest): Promise<GateResult> {
    const secret = presented(req);
    if (secret === null) return (await this.open()) ? { ok: true, caller: everything(null) } : { ok: false, status: 401 };
    const wait = this.wait(req);
    if (wait > 0) return { ok: false, status: 429, retryAfter: wait };
    const caller = await this.resolve(secret.kind, secret.value);
    if (caller) return { ok: true, caller };
    this.fail(req, secret.value);
    return { ok: false, status: 401 };
  }

  private async resolve(kind: 'bearer' | 'cookie', value: string): Promise<Principal | null> {
    const now = this.now();
    if (kind === 'bearer') {
      if (this.isLegacyToken(value)) return everything('token');
      if (!value.startsWith(TOKEN_PREFIX)) return null;
      const t = await this.store.trust.findToken(secretDigest(value));
      if (!t || t.revoked || (t.expires !== null && Date.parse(t.expires) <= now)) return null;
      return this.principalOf(t.userId);
    }
    const digest = secretDigest(value);
    const legacy = this.legacySessions.get(digest);
    if (legacy !== undefined) {
      if (legacy > now) return everything('token');
      this.legacySessions.delete(digest);
      return null;
    }
    const s = await this.store.trust.getSession(digest);
    if (!s || Date.parse(s.expires) <= now) return null;
    return this.principalOf(s.userId);
  }

  /** A user's principal, role and grants read now (a change takes effect on the next request); null when removed or disabled. */
  async principalOf(userId: number): Promise<Principal | null> {
    const user = await this.store.trust.getUserById(userId);
    if (!user || user.disabled) return null;
    return userPrincipal(user.name, user.role, await this.store.trust.grants(user.id));
  }
}

/** Sends the refusal of a GateResult. */
export function refuse(reply: FastifyReply, result: { status: 401 | 429; retryAfter?: number }): FastifyReply {
  reply.type('application/json; charset=utf-8');
  if (result.status === 429) {
    return reply.status(429).header('retry-after', String(result.retryAfter))
      .send({ error: 'too-many-attempts', message: `Too many wrong tokens from this address: try again in ${result.retryAfter} s.` });
  }
  return reply.status(401).send({
    error: 'unauthorized',
    message: 'This server requires you to sign in: open /login, or send Authorization: Bearer <token>.',
  });
}
