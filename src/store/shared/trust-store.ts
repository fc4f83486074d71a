/**
 * The TrustStore both engines share: plain SQL with `?` placeholders (the PostgreSQL executor numbers them), flags as
 * 0/1 integers and times as ISO text, so one implementation serves SQLite and PostgreSQL alike.
 */
import type {
  TrustStore, Role, UserInfo, UserRecord, Grant, TokenRecord, SessionRecord, AuditEntry, AuditRow, AuditQuery, LimiterBucket, LimiterRule,
} from '../trust.js';
import { TrustError, DEFAULT_AUDIT_MAX_ROWS } from '../trust.js';

/** Runs one statement: rows for a query (or INSERT ... RETURNING), the number of changed rows otherwise. */
export interface TrustSql {
  all<T>(sql: string, params: unknown[]): Promise<T[]>;
  run(sql: string, params: unknown[]): Promise<number>;
  /** True when `err` is the engine's unique-constraint violation. */
  isUniqueViolation(err: unknown): boolean;
}

interface UserRow { id: number | string; name: string; role: Role; password_hash: string; created: string; last_login: string | null; disabled: number | string }
interface TokenRow { id: string; user_id: number | string; user_name: string; created: string; expires: string | null; revoked: number }
interface AuditDbRow { id: number | string; at: string; user_name: string | null; address: string; action: string; target: string | null; details: string }

const toUser = (r: UserRow): UserRecord => ({
  id: Number(r.id), name: r.name, role: r.role, created: r.created, lastLogin: r.last_login, disabled: Number(r.disabled) === 1, passwordHash: r.password_hash,
});
const USER_COLUMNS = 'id, name, role, password_hash, created, last_login, disabled';
const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id, userId: Number(r.user_id), userName: r.user_name, created: r.created, expires: r.expires, revoked: Number(r.revoked) === 1,
});
const info = ({ passwordHash: _hash, ...u }: UserRecord): UserInfo => u;

/** The shared implementation over an engine's executor. */
export class SqlTrustStore implements TrustStore {
  constructor(private readonly sql: TrustSql) {}

  private async userId(name: string): Promise<number> {
    const u = await this.getUser(name);
    if (!u) throw new TrustError(`No user named "${name}".`);
    return u.id;
  }

  async addUser(name: string, role: Role, passwordHash: string): Promise<UserInfo> {
    const created = new Date().toISOString();
    try {
      const rows = await this.sql.all<UserRow>(
        `INSERT INTO users (name, role, password_hash, created) VALUES (?, ?, ?, ?) RETURNING ${USER_COLUMNS}`,
        [name, role, passwordHash, created]);
      return info(toUser(rows[0]!));
    } catch (err) {
      if (this.sql.isUniqueViolation(err)) throw new TrustError(`A user named "${name}" exists already.`);
      throw err;
    }
  }

  async getUser(name: string): Promise<UserRecord | null> {
    const rows = await this.sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE name = ?`, [name]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async getUserById(id: number): Promise<UserRecord | null> {
    const rows = await this.sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async listUsers(): Promise<(UserInfo & { grants: Grant[] })[]> {
    const users = (await this.sql.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY name`, [])).map(toUser);
    const grants = await this.sql.all<{ user_id: number | string; collection: string; can_write: number }>(
      'SELECT user_id, collection, can_write FROM grants ORDER BY collection', []);
    return users.map((u) => ({
      ...info(u),
      grants: grants.filter((g) => Number(g.user_id) === u.id).map((g) => ({ collection: g.collection, write: Number(g.can_write) === 1 })),
    }));
  }

  async hasUsers(): Promise<boolean> {
    return (await this.sql.all('SELECT 1 AS one FROM users LIMIT 1', [])).length > 0;
  }

  async grant(name: string, collection: string, write: boolean): Promise<void> {
    const id = await this.userId(name);
    await this.sql.run(`INSERT INTO grants (user_id, collection, can_write) VALUES (?, ?, ?)
      ON CONFLICT (user_id, collection) DO UPDATE SET can_write = excluded.can_write`, [id, collection, write ? 1 : 0]);
  }

  async revoke(name: string, collection: string): Promise<boolean> {
    const id = await this.userId(name);
    return (await this.sql.run('DELETE FROM grants WHERE user_id = ? AND collection = ?', [id, collection])) > 0;
  }

  async grants(userId: number): Promise<Grant[]> {
    const rows = await this.sql.all<{ collection: string; can_write: number }>(
      'SELECT collection, can_write FROM grants WHERE user_id = ? ORDER BY collection', [userId]);
    return rows.map((g) => ({ collection: g.collection, write: Number(g.can_write) === 1 }));
  }

  async setRole(name: string, role: Role): Promise<void> {
    await this.sql.run('UPDATE users SET role = ? WHERE id = ?', [role, await this.userId(name)]);
  }

  async setDisabled(name: string, disabled: boolean): Promise<void> {
    const id = await this.userId(name);
    await this.sql.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id]);
    if (disabled) await this.sql.run('DELETE FROM sessions WHERE user_id = ?', [id]);
  }

  async removeUser(name: string): Promise<void> {
    const id = await this.userId(name);
    // Explicit deletes, not only ON DELETE CASCADE: a SQLite connection without foreign_keys would leave them behind.
    for (const table of ['grants', 'api_tokens', 'sessions']) await this.sql.run(`DELETE FROM ${table} WHERE user_id = ?`, [id]);
    await this.sql.run('DELETE FROM users WHERE id = ?', [id]);
  }

  async recordLogin(userId: number, at: string): Promise<void> {
    await this.sql.run('UPDATE users SET last_login = ? WHERE id = ?', [at, userId]);
  }

  async addToken(id: string, userName: string, digest: string, expires: string | null): Promise<TokenRecord> {
    const userId = await this.userId(userName);
    const created = new Date().toISOString();
    await this.sql.run('INSERT INTO api_tokens (id, user_id, digest, created, expires, revoked) VALUES (?, ?, ?, ?, ?, 0)',
      [id, userId, digest, created, expires]);
    return { id, userId, userName, created, expires, revoked: false };
  }

  private readonly tokenSelect = `SELECT t.id, t.user_id, u.name AS user_name, t.created, t.expires, t.revoked
    FROM api_tokens t JOIN users u ON u.id = t.user_id`;

  async findToken(digest: string): Promise<TokenRecord | null> {
    const rows = await this.sql.all<TokenRow>(`${this.tokenSelect} WHERE t.digest = ?`, [digest]);
    return rows[0] ? toToken(rows[0]) : null;
  }

  async revokeToken(id: string): Promise<boolean> {
    return (await this.sql.run('UPDATE api_tokens SET revoked = 1 WHERE id = ?', [id])) > 0;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.sql.all<TokenRow>(`${this.tokenSelect} ORDER BY t.created, t.id`, [])).map(toToken);
  }

  async putSession(digest: string, userId: number, expires: string): Promise<void> {
    await this.sql.run('INSERT INTO sessions (digest, user_id, expires) VALUES (?, ?, ?)', [digest, userId, expires]);
  }

  async getSession(digest: string): Promise<SessionRecord | null> {
    const rows = await this.sql.all<{ user_id: number | string; expires: string }>('SELECT user_id, expires FROM sessions WHERE digest = ?', [digest]);
    return rows[0] ? { userId: Number(rows[0].user_id), expires: rows[0].expires } : null;
  }

  async deleteSession(digest: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE digest = ?', [digest]);
  }

  async pruneSessions(now: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE expires < ?', [now]);
  }

  async limiterFail(key: string, guess: string, rule: LimiterRule, nowMs: number): Promise<LimiterBucket> {
    // A bucket idle for a whole refill is full again, and a guess that old may count again: both are dropped.
    const idleFrom = nowMs - Math.ceil(rule.burst / rule.perMs);
    await this.sql.run('DELETE FROM login_guesses WHERE at_ms < ?', [idleFrom]);
    await this.sql.run('DELETE FROM login_limits WHERE at_ms < ?', [idleFrom]);
    const fresh = await this.sql.run('INSERT INTO login_guesses (bucket, guess, at_ms) VALUES (?, ?, ?) ON CONFLICT (bucket, guess) DO NOTHING', [key, guess, nowMs]);
    if (fresh === 0) return (await this.limiterGet(key)) ?? { left: rule.burst, atMs: nowMs };
    // One statement: refill since the last write, take one guess, never below 0; two processes cannot both spend the same guess.
    const elapsed = 'CASE WHEN excluded.at_ms > login_limits.at_ms THEN excluded.at_ms - login_limits.at_ms ELSE 0 END';
    const refilled = `login_limits.left_count + ${elapsed} * CAST(? AS DOUBLE PRECISION)`;
    const capped = `CASE WHEN ${refilled} > ? THEN ? ELSE ${refilled} END`;
    const rows = await this.sql.all<{ left_count: number | string; at_ms: number | string }>(
      `INSERT INTO login_limits (bucket, left_count, at_ms) VALUES (?, ?, ?)
       ON CONFLICT (bucket) DO UPDATE SET
         left_count = CASE WHEN ${capped} < 1 THEN 0 ELSE ${capped} - 1 END,
         at_ms = CASE WHEN excluded.at_ms > login_limits.at_ms THEN excluded.at_ms ELSE login_limits.at_ms END
       RETURNING left_count, at_ms`,
      [key, rule.burst - 1, nowMs, ...Array<unknown[]>(2).fill([rule.perMs, rule.burst, rule.burst, rule.perMs]).flat()]);
    return { left: Number(rows[0]!.left_count), atMs: Number(rows[0]!.at_ms) };
  }

  async limiterGet(key: string): Promise<LimiterBucket | null> {
    const rows = await this.sql.all<{ left_count: number | string; at_ms: number | string }>('SELECT left_count, at_ms FROM login_limits WHERE bucket = ?', [key]);
    return rows[0] ? { left: Number(rows[0].left_count), atMs: Number(rows[0].at_ms) } : null;
  }

  async appendAudit(e: AuditEntry, maxRows = DEFAULT_AUDIT_MAX_ROWS): Promise<void> {
    await this.sql.run('INSERT INTO audit_log (at, user_name, address, action, target, details) VALUES (?, ?, ?, ?, ?, ?)',
      [e.at, e.user, e.address, e.action, e.target, JSON.stringify(e.details)]);
    // Ids only grow and only the oldest rows are ever deleted, so max - min + 1 bounds the row count through the index
    // (no count(*) scan; one subquery each, as SQLite reads a lone min or max from the index end). Past the cap, a tenth of it goes at once: the next deletion comes after as many appends.
    const [span] = await this.sql.all<{ lo: number | string | null; hi: number | string | null }>('SELECT (SELECT min(id) FROM audit_log) AS lo, (SELECT max(id) FROM audit_log) AS hi', []);
    const lo = Number(span?.lo ?? 0);
    const hi = Number(span?.hi ?? 0);
    if (hi - lo + 1 <= maxRows) return;
    const keepFrom = hi - maxRows + 1 + Math.floor(maxRows / 10);
    await this.sql.run('DELETE FROM audit_log WHERE id < ?', [keepFrom]);
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.user !== undefined) { where.push('user_name = ?'); params.push(query.user); }
    if (query.action !== undefined) { where.push('action = ?'); params.push(query.action); }
    if (query.since !== undefined) { where.push('at >= ?'); params.push(query.since); }
    params.push(Math.max(1, Math.min(query.limit ?? 1000, 100_000)));
    const rows = await this.sql.all<AuditDbRow>(`SELECT id, at, user_name, address, action, target, details FROM audit_log
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, params);
    return rows.map((r) => ({
      id: Number(r.id), at: r.at, user: r.user_name, address: r.address, action: r.action, target: r.target,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }
}
