/**
 * Which entities are protected now, and under which pseudonym: the entities that hold an active protected candidate
 * key (so a merge that joins a protected entity with another keeps the result protected, and a split leaves every part
 * that keeps a protected key protected, under the same pseudonym). Protecting and unprotecting an entity.
 */
import type { EntityType, ResolvedEntityRecord } from '../../model/index.js';
import { candidateKeyNorm } from '../../model/candidate-key.js';
import type { Store, Scope } from '../../store/store.js';
import type { ProtectedKey, ProtectionRecord } from '../../store/protection.js';
import { pseudonymCode, pseudonymKind, pseudonymOf } from './pseudonym.js';
import type { RedactionEntry } from './redactor.js';

/** A protected entity (or, for keys no entity holds now, the keys' names alone) with its pseudonym and names to hide. */
export interface ProtectedEntity extends RedactionEntry {
  /** The entity's id now; null for protected keys resolution has not placed in an entity. */
  entityId: string | null;
  collection: string;
  protection: ProtectionRecord;
}

/** A protect or unprotect request the user can fix. */
export class ProtectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtectionError';
  }
}

const TYPE_OF_KIND: Record<string, EntityType> = { person: 'PERSON', organisation: 'ORG', place: 'LOC', entity: 'MISC' };

/**
 * The names to hide for an entity: its name and aliases, its members' normalised names, and for people the family name
 * of each multi-word name ("Hadi al-Amiri" -> "al-Amiri" and "Amiri").
 */
export function namesToHide(type: EntityType, names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const name = n.trim();
    if (name.length < 2) continue;
    out.add(name);
    if (type !== 'PERSON') continue;
    const words = name.split(/\s+/u);
    if (words.length < 2) continue;
    const last = words[words.length - 1]!;
    if (last.length >= 2) out.add(last);
    const afterHyphen = last.split(/[-\u2010\u2011]/u).pop()!;
    if (afterHyphen.length >= 3) out.add(afterHyphen);
  }
  return [...out];
}

/** The protected entities of the scope, one entry per entity (two entities sharing a protection after a split: two entries). */
export async function protectedEntities(store: Store, scope: Scope): Promise<ProtectedEntity[]> {
  const keys = await store.protection.activeKeys(scope.collections);
  if (keys.length === 0) return [];
  const byCollection = new Map<string, ProtectedKey[]>();
  for (const k of keys) {
    const list = byCollection.get(k.collection);
    if (list) list.push(k);
    else byCollection.set(k.collection, [k]);
  }
  const out: ProtectedEntity[] = [];
  for (const [collection, list] of byCollection) {
    const entityOf = await store.resolution.entityOfKeys(collection, list.map((k) => k.key));
    const records = await store.resolution.entityRecords(collection, [...new Set(entityOf.values())]);
    const recordById = new Map(records.map((r) => [r.id, r]));
    const protectionOf = new Map<string, ProtectionRecord>();
    const loose = new Map<number, { protection: ProtectionRecord; norms: string[] }>();
    for (const k of list) {
      const id = entityOf.get(k.key);
      if (id && recordById.has(id)) {
        const had = protectionOf.get(id);
        if (!had || k.protection.id < had.id) protectionOf.set(id, k.protection);
      } else {
        // Not in any entity now (resolution pending): its name is hidden all the same.
        const l = loose.get(k.protection.id) ?? { protection: k.protection, norms: [] };
        l.norms.push(candidateKeyNorm(k.key));
        loose.set(k.protection.id, l);
      }
    }
    for (const [id, protection] of protectionOf) out.push(entry(id, collection, protection, recordById.get(id)!));
    for (const { protection, norms } of loose.values()) {
      out.push({ entityId: null, collection, protection, pseudonym: pseudonymOf(protection), code: pseudonymCode(protection),
        terms: namesToHide(TYPE_OF_KIND[protection.kind] ?? 'MISC', norms) });
    }
  }
  return out;
}

function entry(id: string, collection: string, protection: ProtectionRecord, e: ResolvedEntityRecord): ProtectedEntity {
  const names = [e.name, ...e.aliases, ...e.members.map(candidateKeyNorm)];
  return { entityId: id, collection, protection, pseudonym: pseudonymOf(protection), code: pseudonymCode(protection), terms: namesToHide(e.type, names) };
}

async function resolvedOrFail(store: Store, scope: Scope, id: string): Promise<ResolvedEntityRecord> {
  const e = await store.getEntity(id, scope);
  if (!e) throw new ProtectionError(`No entity with id "${id}".`);
  if (e.members.length === 0) throw new ProtectionError(`Entity "${e.name}" has not been resolved yet: ingest with the default stages first.`);
  return e;
}

/** What a protect or unprotect did: the entity (before), its pseudonym, and the member keys it covers. */
export interface ProtectionOutcome {
  entityId: string;
  collection: string;
  pseudonym: string;
  protected: boolean;
  keys: number;
}

/** Protects an entity: every member key, under the pseudonym one of them already had or a new number. */
export async function protectEntity(store: Store, scope: Scope, id: string, by: string | null): Promise<ProtectionOutcome> {
  const e = await resolvedOrFail(store, scope, id);
  const kind = pseudonymKind(e.type);
  const p = await store.protection.protect(e.collection, e.members, kind, by);
  return { entityId: e.id, collection: e.collection, pseudonym: pseudonymOf(p), protected: true, keys: e.members.length };
}

/** Unprotects an entity: its member keys stop being protected (other parts of a split keep theirs). */
export async function unprotectEntity(store: Store, scope: Scope, id: string): Promise<ProtectionOutcome> {
  const e = await resolvedOrFail(store, scope, id);
  const current = (await protectedEntities(store, { collections: [e.collection] })).find((p) => p.entityId === e.id);
  if (!current) throw new ProtectionError(`"${e.name}" is not protected.`);
  const keys = await store.protection.unprotect(e.collection, e.members);
  return { entityId: e.id, collection: e.collection, pseudonym: current.pseudonym, protected: false, keys };
}

