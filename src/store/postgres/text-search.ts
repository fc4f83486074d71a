/**
 * Full-text search in PostgreSQL: the tsvector is built here from the same folded index words the query parser produces
 * (indexWords), and queries compile to tsquery syntax with every word quoted. Both are cast (::tsvector, ::tsquery)
 * rather than passed through to_tsvector/to_tsquery, so PostgreSQL's own parser never splits text differently from the
 * query side: to_tsvector('simple', 'see cablegraph.org/docs, al-Haq and v2.1') keeps 'cablegraph.org' and 'v2.1' whole
 * (so "cablegraph" or "v2" would find nothing) and adds 'al-haq' as an extra position (shifting every phrase after it).
 * The 'simple' configuration would only lower-case, which folding already did.
 */
import type { QueryNode } from '../query.js';
import { foldText, indexWords } from '../text-fold.js';

// PostgreSQL limits: positions above 16383 are clamped, at most 256 positions per word, words under 2 KB, vectors under 1 MB.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_WORD = 256;
const MAX_WORD_BYTES = 2046;
const MAX_VECTOR_BYTES = 900_000;
// Positions left empty between title and text, so a phrase never spans the two.
const TITLE_GAP = 10;
// NEAR with a larger distance than this becomes AND (one alternative per distance would make the query huge).
const MAX_NEAR_EXPANSION = 50;

/** Quotes a word as a tsquery/tsvector lexeme: inside single quotes, with quotes and backslashes escaped. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/**
 * The tsvector literal of a document: folded title words weighted A, folded text words D, with word positions for
 * phrases and NEAR. Limits: positions past 16383 (very long texts) collapse, so phrases deep inside them are not found.
 */
export function documentVector(title: string, text: string): string {
  const positions = new Map<string, string[]>();
  let bytes = 0;
  const add = (words: string[], first: number, weight: 'A' | 'D'): number => {
    let pos = first;
    for (const w of words) {
      pos++;
      if (Buffer.byteLength(w) > MAX_WORD_BYTES) continue;
      let list = positions.get(w);
      if (!list) {
        bytes += Buffer.byteLength(w) + 8;
        if (bytes > MAX_VECTOR_BYTES) continue;
        list = [];
        positions.set(w, list);
      }
      if (list.length < MAX_POSITIONS_PER_WORD && bytes < MAX_VECTOR_BYTES) {
        list.push(`${Math.min(pos, MAX_POSITION)}${weight}`);
        bytes += 3;
      }
    }
    return pos;
  };
  const titleEnd = add(indexWords(foldText(title)), 0, 'A');
  add(indexWords(foldText(text)), titleEnd > 0 ? titleEnd + TITLE_GAP : 0, 'D');
  return [...positions.entries()].map(([w, list]) => `${quoteLexeme(w)}:${[...new Set(list)].join(',')}`).join(' ');
}

/** Compiles a parsed query to tsquery syntax: terms quoted, prefix :*, phrases <->, AND &, OR |, NOT & !. */
export function toTsQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return quoteLexeme(node.word) + (node.prefix ? ':*' : '');
    case 'phrase': return `(${node.words.map(quoteLexeme).join(' <-> ')})`;
    case 'and': return `(${node.children.map(toTsQuery).join(' & ')})`;
    case 'or': return `(${node.children.map(toTsQuery).join(' | ')})`;
    case 'not': return `(${toTsQuery(node.positive)} & !${toTsQuery(node.negative)})`;
    case 'near': return nearQuery(node.children.map(toTsQuery), node.distance);
  }
}

/**
 * NEAR(a b, N) as FTS5 means it: at most N words between a and b, in either order. tsquery's <k> fixes the exact
 * distance, so two operands expand to every distance 1..N+1 both ways. More than two operands become the AND of every
 * pair's NEAR (looser than FTS5, which wants all of them in one window), and distances above 50 become AND.
 */
function nearQuery(parts: string[], distance: number): string {
  if (distance > MAX_NEAR_EXPANSION) return `(${parts.join(' & ')})`;
  const pair = (a: string, b: string): string => {
    const alternatives: string[] = [];
    for (let k = 1; k <= distance + 1; k++) alternatives.push(`${a} <${k}> ${b}`, `${b} <${k}> ${a}`);
    return `(${alternatives.join(' | ')})`;
  };
  const pairs: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) pairs.push(pair(parts[i]!, parts[j]!));
  }
  return pairs.length === 1 ? pairs[0]! : `(${pairs.join(' & ')})`;
}
