/**
 * Notes found by a search query: the parsed query (store/query.ts) evaluated over each note's folded index words, so a
 * note matches as a document would (words, phrases, prefixes, AND/OR/NOT, NEAR within its distance).
 */
import type { QueryNode } from '../../store/query.js';
import { indexWords } from '../../store/text-fold.js';
import type { Scope, Store } from '../../store/store.js';
import type { NoteRecord } from '../../store/curation.js';

/** Word positions of a text, by folded word. */
type Positions = Map<string, number[]>;

function positions(text: string): { words: string[]; at: Positions } {
  const words = indexWords(text);
  const at: Positions = new Map();
  words.forEach((w, i) => { const list = at.get(w); if (list) list.push(i); else at.set(w, [i]); });
  return { words, at };
}

/** Start positions where `node` (a term or phrase) occurs; other nodes give none. */
function hits(node: QueryNode, doc: { words: string[]; at: Positions }): number[] {
  if (node.kind === 'term') {
    if (!node.prefix) return doc.at.get(node.word) ?? [];
    return doc.words.flatMap((w, i) => (w.startsWith(node.word) ? [i] : []));
  }
  if (node.kind === 'phrase') {
    const first = doc.at.get(node.words[0] ?? '') ?? [];
    return first.filter((i) => node.words.every((w, k) => doc.words[i + k] === w));
  }
  return [];
}

function matches(node: QueryNode, doc: { words: string[]; at: Positions }): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return hits(node, doc).length > 0;
    case 'and':
      return node.children.every((c) => matches(c, doc));
    case 'or':
      return node.children.some((c) => matches(c, doc));
    case 'not':
      return matches(node.positive, doc) && !matches(node.negative, doc);
    case 'near': {
      // Every pair of operands within the distance (words between them), as the store approximates NEAR.
      const lists = node.children.map((c) => hits(c, doc));
      if (lists.some((l) => l.length === 0)) return false;
      return lists.every((a, i) => lists.every((b, j) => j <= i || a.some((x) => b.some((y) => Math.abs(x - y) <= node.distance + 1))));
    }
  }
}

/** True when the query matches the text. */
export function noteMatches(query: QueryNode, text: string): boolean {
  return matches(query, positions(text));
}

/** A note found by search, with a label for its target (document title, entity name, "A type B"). */
export interface FoundNote {
  id: number;
  target: { kind: string; id: string; label: string };
  text: string;
  by: string | null;
  at: string;
}

/**
 * The notes of some collections the query matches, newest first, the first `limit` (all when absent); `hide`: entities
 * whose notes are left out. Only notes holding the query's words are read (CurationStore.findNotes), a batch at a time.
 */
export async function matchingNotes(store: Store, collections: readonly string[] | '*', query: QueryNode, hide: ReadonlySet<string>, limit = Infinity): Promise<NoteRecord[]> {
  const notes: NoteRecord[] = [];
  for (let before: number | undefined; notes.length < limit;) {
    const batch = await store.curation.findNotes(collections, query, BATCH, before);
    for (const n of batch) {
      if (notes.length < limit && !(n.target.kind === 'entity' && hide.has(n.target.id)) && noteMatches(query, n.text)) notes.push(n);
    }
    if (batch.length < BATCH) break;
    before = batch[batch.length - 1]!.id;
  }
  return notes;
}

/** Candidate notes read per round: those holding the query's words, checked here against the query itself. */
const BATCH = 100;

/**
 * The notes of the scope a query matches, newest first, at most `limit`, labelled by their targets; `hide`: entities
 * whose notes are left out. The store reads only the notes holding the query's words (CurationStore.findNotes).
 */
export async function searchNotes(store: Store, scope: Scope, query: QueryNode, hide: ReadonlySet<string>, limit = 20): Promise<FoundNote[]> {
  const notes = await matchingNotes(store, scope.collections, query, hide, limit);
  if (notes.length === 0) return [];
  const ids = (kind: string) => [...new Set(notes.filter((n) => n.target.kind === kind).map((n) => n.target.id))];
  const labels = new Map<string, string>();
  for (const d of await store.getDocumentSummaries(ids('document'), scope)) labels.set(d.id, d.title ?? d.path);
  for (const e of await store.getEntityBriefs(ids('entity'), scope)) labels.set(e.id, e.name);
  const relIds = new Set(ids('relation'));
  if (relIds.size > 0) {
    const rels = (await store.listRelations(scope)).filter((r) => relIds.has(r.id));
    const names = new Map((await store.getEntityBriefs(rels.flatMap((r) => [r.source, r.target]), scope)).map((e) => [e.id, e.name]));
    for (const r of rels) labels.set(r.id, `${names.get(r.source) ?? r.source} ${r.type} ${names.get(r.target) ?? r.target}`);
  }
  return notes.filter((n) => labels.has(n.target.id)).map((n) => ({
    id: n.id, target: { ...n.target, label: labels.get(n.target.id)! }, text: n.text, by: n.by, at: n.at,
  }));
}
