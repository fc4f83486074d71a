/**
 * The trust side of a store: users with roles, their collection grants, API tokens and login sessions (both kept only
 * as SHA-256 digests), and the append-only audit log. Secrets are hashed by the caller (src/server/auth/); the store
 * never sees a password or a token in clear.
 */

/** What a user may do: viewers read, editors also change entities where they may write, admins do everything. */
export type Role = 'viewer' | 'editor' | 'admin';

/** Every role, least powerful first. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** A user as listed (no password hash). */
export interface UserInfo {
  id: number;
  name: string;
  role: Role;
  /** ISO timestamp. */
  created: string;
  /** ISO timestamp of the last successful sign-in with a password, or null when never (tokens are not counted). */
  lastLogin: string | null;
  /** A disabled user cannot sign in, and their sessions and tokens are refused, until enabled again. */
  disabled: boolean;
}

/** A user with the stored password hash (self-describing: algorithm, parameters, salt, digest). */
export interface UserRecord extends UserInfo {
  passwordHash: string;
}

/** A user's right on one collection. */
export interface Grant {
  collection: string;
  /** May merge, split and decide in it (editors only use it). */
  write: boolean;
}

/** An API token as stored: its digest, never the token. */
export interface TokenRecord {
  id: string;
  userId: number;
  userName: string;
  created: string;
  /** ISO timestamp, or null for no expiry. */
  expires: string | null;
  revoked: boolean;
}

/** A login session as stored (its id is kept as a digest). */
export interface SessionRecord {
  userId: number;
  expires: string;
}

/** One row of the audit log. */
export interface AuditEntry {
  /** ISO timestamp. */
  at: string;
  /** User name, "token" for the server's single --token, or null when nobody is known (a failed login names the account tried in details). */
  user: string | null;
  /** Client address. */
  address: string;
  /** e.g. login, login-failed, logout, search, document, export, merge, split, user-created, token-revoked. */
  action: string;
  /** What was acted on: a document or entity id, a user name, a token id; null when none. */
  target: string | null;
  details: Record<string, unknown>;
}

/** An audit row as read back, with its sequence number. */
export interface AuditRow extends AuditEntry {
  id: number;
}

/** Filters of an audit read. */
export interface AuditQuery {
  user?: string;
  /** Only rows of this action (login-failed, document, user-created...). */
  action?: string;
  /** ISO timestamp (or a prefix of one): rows at or after it. */
  since?: string;
  /** Newest rows first, at most this many (default 1,000). */
  limit?: number;
}

/** A failure bucket of the sign-in limiter: guesses left (fractional while refilling) as of `atMs`. */
export interface LimiterBucket {
  left: number;
  atMs: number;
}

/** Settings of a failure bucket: `burst` guesses at once, regained at `perMs` a millisecond. */
export interface LimiterRule {
  burst: number;
  perMs: number;
}

/** Thrown for a user or token that does not exist, or a user name already taken. */
export class TrustError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustError';
  }
}

/** Users, grants, tokens, sessions and the audit log, on the store's own database. */
export interface TrustStore {
  addUser(name: string, role: Role, passwordHash: string): Promise<UserInfo>;
  getUser(name: string): Promise<UserRecord | null>;
  getUserById(id: number): Promise<UserRecord | null>;
  listUsers(): Promise<(UserInfo & { grants: Grant[] })[]>;
  /** True once any user exists (the server then asks everyone to sign in). */
  hasUsers(): Promise<boolean>;
  /** Grants (or updates) a user's right on a collection. */
  grant(name: string, collection: string, write: boolean): Promise<void>;
  /** Takes a collection from a user; false when the user had no grant on it. */
  revoke(name: string, collection: string): Promise<boolean>;
  grants(userId: number): Promise<Grant[]>;
  /** Changes a user's role. */
  setRole(name: string, role: Role): Promise<void>;
  /** Disables (or enables again) a user; their sessions are dropped when disabled. */
  setDisabled(name: string, disabled: boolean): Promise<void>;
  /** Removes a user with their grants, tokens and sessions (audit rows naming them stay). */
  removeUser(name: string): Promise<void>;
  /** Records a successful sign-in. */
  recordLogin(userId: number, at: string): Promise<void>;

  addToken(id: string, userName: string, digest: string, expires: string | null): Promise<TokenRecord>;
  /** The token whose digest this is, revoked or expired ones included (the caller decides). */
  findToken(digest: string): Promise<TokenRecord | null>;
  /** Revokes a token; false when no such token. */
  revokeToken(id: string): Promise<boolean>;
  listTokens(): Promise<TokenRecord[]>;

  putSession(digest: string, userId: number, expires: string): Promise<void>;
  getSession(digest: string): Promise<SessionRecord | null>;
  deleteSession(digest: string): Promise<void>;
  /** Drops sessions expired before `now`. */
  pruneSessions(now: string): Promise<void>;

  /**
   * The sign-in limiter's counters, shared by every server process on this store. `limiterFail` records a wrong guess of
   * `key` atomically (the same guess again within the refill window is free) and returns the bucket after it;
   * buckets and guesses idle longer than a full refill are dropped on the way.
   */
  limiterFail(key: string, guess: string, rule: LimiterRule, nowMs: number): Promise<LimiterBucket>;
  /** The bucket of `key` as last written (refill not applied), or null when it has none. */
  limiterGet(key: string): Promise<LimiterBucket | null>;

  /** Appends a row; past `maxRows` rows the oldest are dropped in batches of a tenth of the cap. */
  appendAudit(entry: AuditEntry, maxRows?: number): Promise<void>;
  listAudit(query?: AuditQuery): Promise<AuditRow[]>;
}

/** Rows the audit log keeps by default before dropping the oldest (about 300 bytes a row: some 300 MB). */
export const DEFAULT_AUDIT_MAX_ROWS = 1_000_000;
