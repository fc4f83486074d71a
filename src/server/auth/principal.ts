/**
 * Who made a request and what they may touch: the one place that turns a user's grants into the read scope every
 * route passes to the store, and into the collections they may change.
 */
import type { Scope } from '../../store/store.js';
import type { Grant, Role } from '../../store/trust.js';

/** The caller of a request. */
export interface Principal {
  /** User name; "token" for the server's single --token; null when the server needs no sign-in (loopback, no users). */
  name: string | null;
  role: Role;
  /** Collections readable: "*" for admins, the legacy token and the open loopback server. */
  read: readonly string[] | '*';
  /** Collections writable (merge, split, decisions): "*" as above; an editor's grants with write; none for viewers. */
  write: readonly string[] | '*';
}

/** The caller of a server that asks nobody to sign in (loopback, no users, no token), or of the single --token. */
export function everything(name: string | null): Principal {
  return { name, role: 'admin', read: '*', write: '*' };
}

/** A user's principal from their role and grants. */
export function userPrincipal(name: string, role: Role, grants: readonly Grant[]): Principal {
  if (role === 'admin') return everything(name);
  return {
    name, role,
    read: grants.map((g) => g.collection),
    write: role === 'editor' ? grants.filter((g) => g.write).map((g) => g.collection) : [],
  };
}

/** The server's scope narrowed to what the caller may read: the scope every route hands to the store. */
export function readScope(base: Scope, caller: Principal): Scope {
  if (caller.read === '*') return base;
  const mine = caller.read;
  return { collections: base.collections === '*' ? mine : base.collections.filter((c) => mine.includes(c)) };
}

/** True when the caller may change every one of these collections. */
export function mayWrite(caller: Principal, collections: Iterable<string>): boolean {
  if (caller.write === '*') return true;
  const mine = caller.write;
  for (const c of collections) if (!mine.includes(c)) return false;
  return true;
}
