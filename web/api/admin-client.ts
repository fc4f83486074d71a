/** Typed client for the admin endpoints (/api/admin/...): users, their roles and collections, and API tokens. */
import { getJson } from './client.js';

/** A user as GET /api/admin/users lists them (never a password hash). */
export interface AdminUser {
  id: number;
  name: string;
  role: string;
  created: string;
  lastLogin: string | null;
  disabled: boolean;
  grants: { collection: string; write: boolean }[];
}

/** An API token as listed: never the token itself. */
export interface AdminToken {
  id: string;
  userName: string;
  created: string;
  expires: string | null;
  revoked: boolean;
}

const send = <T>(path: string, method: string, body?: object): Promise<T> =>
  getJson<T>(path, undefined, body ? { method, body: JSON.stringify(body) } : { method });
const user = (name: string): string => `/api/admin/users/${encodeURIComponent(name)}`;

/** Users with their grants, the collections of the store (for the grant form), and the caller's name. */
export const listUsers = (signal?: AbortSignal) => getJson<{ users: AdminUser[]; collections: string[]; you: string | null }>('/api/admin/users', signal);
/** Tokens, oldest first. */
export const listTokens = (signal?: AbortSignal) => getJson<{ tokens: AdminToken[] }>('/api/admin/tokens', signal);
/** Adds a user; the password goes to the server once and is never sent back. */
export const addUser = (name: string, role: string, password: string) => send<{ user: AdminUser }>('/api/admin/users', 'POST', { name, role, password });
export const setRole = (name: string, role: string) => send<unknown>(user(name), 'PATCH', { role });
export const setDisabled = (name: string, disabled: boolean) => send<unknown>(user(name), 'PATCH', { disabled });
export const removeUser = (name: string) => send<unknown>(user(name), 'DELETE');
export const grant = (name: string, collection: string, write: boolean) => send<unknown>(`${user(name)}/grants/${encodeURIComponent(collection)}`, 'PUT', { write });
export const revoke = (name: string, collection: string) => send<unknown>(`${user(name)}/grants/${encodeURIComponent(collection)}`, 'DELETE');
/** Makes a token; the answer is the only time it is shown. */
export const createToken = (userName: string, expires: string) => send<{ token: string; record: AdminToken }>('/api/admin/tokens', 'POST', { user: userName, ...(expires ? { expires } : {}) });
export const revokeToken = (id: string) => send<unknown>(`/api/admin/tokens/${encodeURIComponent(id)}`, 'DELETE');
