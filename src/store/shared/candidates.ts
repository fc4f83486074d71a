/** Entity candidates and unresolved entities built from grouped mention rows; shared by every backend. */
import type { Entity, EntityCandidate, EntityType } from '../../model/index.js';
import { factId } from '../ids.js';
import { stringPool } from '../../model/string-pool.js';

/** Mentions of one candidate key in one document, grouped by written form. */
export interface CandidateRow {
  key: string;
  type: EntityType;
  text: string;
  doc: string;
  n: number;
}

/**
 * Per-document candidates: one per mention entity_key, named by its longest written form. Each key's rows must come
 * together (ordered by key, in any collation) and are read as they come (an iterator over a statement holds one row at
 * a time): full resolution reads a whole collection here, so only the candidate being read keeps its written forms.
 */
export function candidatesFromRows(collection: string, rows: Iterable<CandidateRow>): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  // A spelling recurs in thousands of documents ("United Kingdom"): each is kept once.
  const spelling = stringPool();
  let open: { c: EntityCandidate; forms: Map<string, number> } | undefined;
  const close = (): void => {
    if (!open) return;
    // The fullest form names the candidate ("Qassem Soleimani" over a later "Soleimani").
    const ranked = [...open.forms.entries()].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    open.c.name = ranked[0] ?? '';
    open.c.aliases = ranked.slice(1);
    out.push(open.c);
  };
  // Keys start with their document id, so a document's rows come together: its id is kept once, not once per row.
  let doc = '';
  for (const r of rows) {
    if (r.doc !== doc) doc = r.doc;
    if (open?.c.key !== r.key) {
      close();
      // Built with its document (an array grown from empty by push reserves room for 17 ids; most candidates have one).
      open = { c: { key: r.key, collection, type: r.type, name: '', aliases: [], documentIds: [doc], mentionCount: 0 }, forms: new Map() };
    }
    const c = open.c;
    c.mentionCount += r.n;
    const text = spelling(r.text);
    open.forms.set(text, (open.forms.get(text) ?? 0) + r.n);
    if (!c.documentIds.includes(doc)) c.documentIds.push(doc);
  }
  close();
  return out;
}

/** Mentions of one normalised name in one document, grouped by collection, type and written form. */
export interface NameRow {
  collection: string;
  type: EntityType;
  norm: string;
  text: string;
  doc: string;
  n: number;
}

/** Entities before cross-document resolution: one per collection, type and normalised name, named by its most frequent spelling. */
export function entitiesFromRows(rows: NameRow[]): Entity[] {
  const byKey = new Map<string, { e: Entity; spellings: Map<string, number>; docs: Set<string> }>();
  for (const r of rows) {
    const key = `${r.collection}\u0000${r.type}\u0000${r.norm}`;
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        e: { id: factId('ent', r.collection, r.type, r.norm), collection: r.collection, type: r.type, name: '', aliases: [], mentionCount: 0, documentIds: [] },
        spellings: new Map(), docs: new Set(),
      };
      byKey.set(key, acc);
    }
    acc.e.mentionCount += r.n;
    acc.spellings.set(r.text, (acc.spellings.get(r.text) ?? 0) + r.n);
    acc.docs.add(r.doc);
  }
  return [...byKey.values()].map(({ e, spellings, docs }) => {
    const ranked = [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
    return { ...e, name: ranked[0] ?? '', aliases: ranked.slice(1), documentIds: [...docs].sort() };
  });
}
