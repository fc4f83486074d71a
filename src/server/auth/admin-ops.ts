/**
 * Managing users and tokens: the one implementation behind `cablegraph users|tokens` and the admin API (routes/admin.ts).
 * Each operation checks its input, changes the store and writes one audit row through the `audit` it is given (the CLI
 * names the local account, the API the signed-in admin and their address).
 */
import type { Store } from '../../store/store.js';
import { ROLES, TrustError, type Role, type UserInfo, type TokenRecord } from '../../store/trust.js';
import { hashPassword, MIN_PASSWORD_LENGTH, SCRYPT_DEFAULTS } from './passwords.js';
import { newApiToken, parseDuration, secretDigest } from './secrets.js';

/** Writes one audit row for an operation. */
export type OpAudit = (action: string, target: string, details?: Record<string, unknown>) => Promise<void>;

/** Why an operation was refused: bad input, no such user or token, or a conflict (name taken, last admin). */
export class AdminError extends Error {
  constructor(readonly kind: 'invalid' | 'not-found' | 'conflict', message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

/** Letters, digits, ".", "_", "@" or "-"; 1 to 100 of them. */
export const USER_NAME = /^[\p{L}\p{N}._@-]{1,100}$/u;

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new AdminError('invalid', `The role must be one of ${ROLES.join(', ')}, got "${role}".`);
  return role as Role;
}

/** Runs a store change, turning its TrustError (no such user, name taken) into an AdminError. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof TrustError) throw new AdminError(/^No user/.test(err.message) ? 'not-found' : 'conflict', err.message);
    throw err;
  }
}

async function existing(store: Store, name: string): Promise<UserInfo> {
  const u = await store.trust.getUser(name);
  if (!u) throw new AdminError('not-found', `No user named "${name}".`);
  return u;
}

/** Refuses a change that would leave no enabled admin (nobody could manage users from the workbench any more). */
async function keepAnAdmin(store: Store, name: string): Promise<void> {
  const admins = (await store.trust.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
  if (admins.length === 1 && admins[0]!.name === name) {
    throw new AdminError('conflict', `"${name}" is the last admin who can sign in: make another admin first.`);
  }
}

/** Adds a user; the password is hashed here (scrypt, per-user salt) and never stored or logged in clear. */
export async function addUser(store: Store, audit: OpAudit, input: { name: string; role: string; password: string },
  params: { N: number; r: number; p: number } = SCRYPT_DEFAULTS): Promise<UserInfo> {
  if (!USER_NAME.test(input.name)) throw new AdminError('invalid', 'A user name is 1 to 100 letters, digits, ".", "_", "@" or "-".');
  const role = checkRole(input.role);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AdminError('invalid', `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (input.password.length > 1000) throw new AdminError('invalid', 'The password must have at most 1,000 characters.');
  const hash = await hashPassword(input.password, params);
  const u = await guarded(() => store.trust.addUser(input.name, role, hash));
  await audit('user-created', u.name, { role: u.role });
  return u;
}

/** Lets a user read a collection, or read and change it (`write`, which only editors use). */
export async function grant(store: Store, audit: OpAudit, name: string, collection: string, write: boolean): Promise<void> {
  if (!collection.trim() || collection.length > 200) throw new AdminError('invalid', 'A collection name is 1 to 200 characters.');
  await guarded(() => store.trust.grant(name, collection, write));
  await audit('grant', name, { collection, write });
}

/** Takes a collection from a user; false when they had no grant on it. */
export async function revoke(store: Store, audit: OpAudit, name: string, collection: string): Promise<boolean> {
  const had = await guarded(() => store.trust.revoke(name, collection));
  await audit('revoke', name, { collection });
  return had;
}

/** Changes a user's role (effective on their next request). */
export async function setRole(store: Store, audit: OpAudit, name: string, role: string): Promise<void> {
  const next = checkRole(role);
  const u = await existing(store, name);
  if (u.role === next) return;
  if (u.role === 'admin') await keepAnAdmin(store, name);
  await store.trust.setRole(name, next);
  await audit('role-changed', name, { from: u.role, to: next });
}

/** Disables a user (sessions end at once, tokens stop working) or enables them again. */
export async function setDisabled(store: Store, audit: OpAudit, name: string, disabled: boolean): Promise<void> {
  const u = await existing(store, name);
  if (u.disabled === disabled) return;
  if (disabled && u.role === 'admin') await keepAnAdmin(store, name);
  await store.trust.setDisabled(name, disabled);
  await audit(disabled ? 'user-disabled' : 'user-enabled', name);
}

/** Removes a user with their grants, tokens and sessions; the audit log keeps what they did. */
export async function removeUser(store: Store, audit: OpAudit, name: string): Promise<void> {
  const u = await existing(store, name);
  if (u.role === 'admin') await keepAnAdmin(store, name);
  await store.trust.removeUser(name);
  await audit('user-removed', name, { role: u.role });
}

/** Makes an API token for a user: the token is returned once, only its digest is stored. */
export async function createToken(store: Store, audit: OpAudit, name: string, expires?: string | null, now = Date.now()): Promise<{ token: string; record: TokenRecord }> {
  const ms = expires ? parseDuration(expires) : null;
  if (expires && ms === null) throw new AdminError('invalid', `The lifetime must look like 90m, 12h, 30d or 2w, got "${expires}".`);
  const { id, token } = newApiToken();
  const record = await guarded(() => store.trust.addToken(id, name, secretDigest(token), ms === null ? null : new Date(now + ms).toISOString()));
  await audit('token-created', id, { user: name, expires: record.expires });
  return { token, record };
}

/** Revokes a token by its id. */
export async function revokeToken(store: Store, audit: OpAudit, id: string): Promise<void> {
  if (!(await store.trust.revokeToken(id))) throw new AdminError('not-found', `No token with id "${id}".`);
  await audit('token-revoked', id);
}
