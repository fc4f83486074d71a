/**
 * Full-text search by a caller who may not see some protected names: a query that names one is refused, so the
 * results never say which documents name a protected entity. A query names one when a word (or a prefix of one) is a
 * one-word name to hide (a surname, a one-word alias), or when it holds two or more words of a longer name
 * ("Tavakoli Freight", "Tavakoli AND Freight", "Tavak* NEAR Freight"); words of two letters or fewer ("al", "of") do
 * not count.
 */
import type { QueryNode } from '../../store/query.js';
import { indexWords, foldWord } from '../../model/text-fold.js';

/** Thrown for a search that names a protected identity. */
export class ProtectedSearchError extends Error {
  constructor() {
    super('This search names a protected identity; it cannot be run with your access.');
    this.name = 'ProtectedSearchError';
  }
}

interface QueryWord { word: string; prefix: boolean }

function wordsOf(node: QueryNode, out: QueryWord[]): QueryWord[] {
  switch (node.kind) {
    case 'term': out.push({ word: foldWord(node.word), prefix: node.prefix }); break;
    case 'phrase': for (const w of node.words) out.push({ word: foldWord(w), prefix: false }); break;
    case 'not': wordsOf(node.positive, out); wordsOf(node.negative, out); break;
    default: for (const c of node.children) wordsOf(c, out);
  }
  return out;
}

/** True when the query names one of these names (see the file comment). */
export function namesProtected(query: QueryNode, names: readonly string[]): boolean {
  const words = wordsOf(query, []).filter((w) => w.word.length > 0);
  if (words.length === 0) return false;
  const covers = (token: string): boolean => words.some((w) => (w.prefix ? token.startsWith(w.word) : token === w.word));
  for (const name of names) {
    const tokens = [...new Set(indexWords(name))];
    if (tokens.length === 1) {
      if (covers(tokens[0]!)) return true;
      continue;
    }
    const counted = tokens.filter((t) => t.length > 2 && covers(t)).length;
    if (counted >= Math.min(2, tokens.filter((t) => t.length > 2).length) && counted > 0) return true;
  }
  return false;
}

/** Refuses the query when it names a protected name. */
export function refuseProtectedSearch(query: QueryNode, names: readonly string[]): void {
  if (namesProtected(query, names)) throw new ProtectedSearchError();
}
