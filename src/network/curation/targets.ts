/**
 * Notes and tags are about a target: a document, an entity or a merged relation. A target is found in the caller's
 * scope (absent or outside it: null), which also gives the collection whose write permission a change needs.
 */
import type { Target, NoteRecord, RelationEnds, TagRecord } from '../../store/curation.js';
import type { Scope, Store } from '../../store/store.js';

/** A target as the caller sees it: its collection and a label to show beside notes found by search. */
export interface FoundTarget extends Target {
  collection: string;
  label: string;
  /** A relation's type and end entities (notes and tags on it are anchored to them, so they follow merges of its ends). */
  ends?: RelationEnds;
}

/** Finds a target in the scope. */
export async function findTarget(store: Store, scope: Scope, target: Target): Promise<FoundTarget | null> {
  if (target.kind === 'document') {
    const [d] = await store.getDocumentSummaries([target.id], scope);
    return d ? { ...target, collection: d.collection, label: d.title ?? d.path } : null;
  }
  if (target.kind === 'entity') {
    const [e] = await store.getEntityBriefs([target.id], scope);
    return e ? { ...target, collection: e.collection, label: e.name } : null;
  }
  // A merged relation's id hashes its type and ends, so it is found among the scope's relations (as GET /relations/:id does).
  const rel = (await store.listRelations(scope)).find((r) => r.id === target.id);
  const doc = rel?.evidence[0] ? (await store.getDocumentSummaries([rel.evidence[0].documentId], scope))[0] : undefined;
  if (!rel || !doc) return null;
  const names = new Map((await store.getEntityBriefs([rel.source, rel.target], scope)).map((e) => [e.id, e.name]));
  return {
    ...target, collection: doc.collection, label: `${names.get(rel.source) ?? rel.source} ${rel.type} ${names.get(rel.target) ?? rel.target}`,
    ends: { type: rel.type, source: rel.source, target: rel.target },
  };
}

/** The notes and tags of some targets, as answers carry them: per target key ("entity:ent_…"). */
export interface Curation {
  notes: Record<string, NoteRecord[]>;
  tags: Record<string, string[]>;
}

export const targetKey = (t: Target): string => `${t.kind}:${t.id}`;

/** Reads the notes and tags of some targets in the scope; `hideEntities` leaves out notes on entities the caller may not see. */
export async function readCuration(store: Store, scope: Scope, targets: readonly Target[], hideEntities: ReadonlySet<string> = new Set()): Promise<Curation> {
  const out: Curation = { notes: {}, tags: {} };
  if (targets.length === 0) return out;
  const [notes, tags] = await Promise.all([store.curation.listNotes(scope.collections, targets), store.curation.listTags(scope.collections, targets)]);
  for (const n of notes) {
    if (n.target.kind === 'entity' && hideEntities.has(n.target.id)) continue;
    (out.notes[targetKey(n.target)] ??= []).push(n);
  }
  for (const t of tags) (out.tags[targetKey(t.target)] ??= []).push(t.tag);
  return out;
}

/** Tags: lower case, words joined by "-", letters, digits, "-", "_", ":" and "." only, 1-50 characters. */
export function normaliseTag(tag: string): string | null {
  const t = tag.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, '-');
  return /^[\p{L}\p{N}_:.-]{1,50}$/u.test(t) ? t : null;
}

export type { NoteRecord, TagRecord, Target };
