/** User merges and splits: recorded as decisions on candidate keys, then the collection is resolved again so they apply at once. */
import type { Decision, ResolvedEntityRecord } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';
import { resolveEntities } from '../pipeline/resolve-collection.js';

/** A decision request failed for a reason the user can fix. */
export class DecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionError';
  }
}

async function entityOrFail(store: Store, id: string, scope: Scope): Promise<ResolvedEntityRecord> {
  const e = await store.getEntity(id, scope);
  if (!e) throw new DecisionError(`No entity with id "${id}".`);
  if (e.members.length === 0) throw new DecisionError(`Entity "${e.name}" has not been resolved yet: ingest with the default stages first.`);
  return e;
}

/** Merges entity `b` into entity `a`; returns the recorded decision. Undo it with splitMember. */
export async function mergeEntities(store: Store, scope: Scope, a: string, b: string, by?: string): Promise<Decision> {
  const [ea, eb] = [await entityOrFail(store, a, scope), await entityOrFail(store, b, scope)];
  if (ea.id === eb.id) throw new DecisionError('These are already one entity.');
  if (ea.collection !== eb.collection) throw new DecisionError(`"${ea.name}" and "${eb.name}" are in different collections.`);
  if (ea.type !== eb.type) throw new DecisionError(`"${ea.name}" is ${ea.type} and "${eb.name}" is ${eb.type}: only entities of one type merge.`);
  const decision: Decision = { kind: 'merge', a: ea.members[0]!, b: eb.members[0]!, at: new Date().toISOString(), by, note: `${ea.name} = ${eb.name}` };
  await store.addDecision(ea.collection, decision);
  await resolveEntities(store, ea.collection);
  return decision;
}

/** Takes one candidate (member key, or an alias whose candidates should leave) out of an entity; returns the decisions recorded. */
export async function splitMember(store: Store, scope: Scope, entityId: string, member: string, by?: string): Promise<Decision[]> {
  const e = await entityOrFail(store, entityId, scope);
  const leaving = e.members.filter((k) => k === member || k.endsWith(`:${member.toLowerCase()}`));
  if (leaving.length === 0) throw new DecisionError(`"${member}" is not a member of "${e.name}". Members: ${e.members.join(', ')}`);
  const staying = e.members.filter((k) => !leaving.includes(k));
  if (staying.length === 0) throw new DecisionError(`Splitting "${member}" would leave "${e.name}" empty.`);
  const at = new Date().toISOString();
  const decisions = leaving.flatMap((l) => staying.map((s): Decision => ({ kind: 'split', a: l, b: s, at, by, note: `split from ${e.name}` })));
  for (const d of decisions) await store.addDecision(e.collection, d);
  await resolveEntities(store, e.collection);
  return decisions;
}
