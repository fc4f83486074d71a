/**
 * Notes found by a search query: the parsed query (store/query.ts) evaluated over each note's folded index words, so a
 * note matches as a document would (words, phrases, prefixes, AND/OR/NOT, NEAR within its distance).
 */
import type { QueryNode } from '../../store/query.js';
import { indexWords } from '../../store/text-fold.js';

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
