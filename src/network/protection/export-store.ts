/**
 * Exports see protected entities only under their pseudonyms: the store an export format reads is wrapped so that
 * every list it returns (documents, entities, relations, events, claims) has the protected names replaced by the
 * pseudonym (evidence sentences read "Protected person 3 met ..."; their offsets still index the stored text). Every
 * format is built from those lists, so none can print a protected name.
 */
import type { Store, Scope } from '../../store/store.js';
import { protectedEntities } from './entities.js';
import { Redactor } from './redactor.js';
import { pseudonymise, type ProtectionMark } from './walk.js';

/** The store as exports of `scope` should read it: pseudonymised, or the store itself when nothing is protected. */
export async function pseudonymisedStore(store: Store, scope: Scope): Promise<Store> {
  const entries = await protectedEntities(store, scope);
  if (entries.length === 0) return store;
  const redactor = new Redactor(entries, 'pseudonym');
  const marks = new Map<string, ProtectionMark>();
  for (const e of entries) if (e.entityId) marks.set(e.entityId, { pseudonym: e.pseudonym, code: e.code, masked: true });
  const wrap = <T extends object>(object: T): T => new Proxy(object, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      // Notes and tags (store.curation) are read through their own object: wrapped the same way.
      if (prop === 'curation' && value && typeof value === 'object') return wrap(value);
      if (typeof value !== 'function' || typeof prop !== 'string' || !/^(list|get|search)/u.test(prop)) return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        return pseudonymise(result, { redactor, marks, mark: false });
      };
    },
  });
  return wrap(store);
}
