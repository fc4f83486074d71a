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
// Windows of a long document: few enough words that no ordinary word passes 256 positions, overlapping so that any
// phrase or NEAR of up to WINDOW_OVERLAP words lies wholly inside one window.
const WINDOW_WORDS = 2048;
const WINDOW_OVERLAP = 128;

/** Quotes a word as a tsquery/tsvector lexeme: inside single quotes, with quotes and backslashes escaped. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/** A folded word at its position (1-based); title words weigh A, text words D. */
interface Token {
  word: string;
  pos: number;
  weight: 'A' | 'D';
}

/** What a document's full-text index holds. */
export interface DocumentIndex {
  /** tsvector literal of the whole document. */
  vector: string;
  /** False when PostgreSQL's limits dropped positions or words from `vector`; then `windows` hold everything. */
  exact: boolean;
  /** tsvector literals of overlapping stretches of WINDOW_WORDS words (only when not exact). */
  windows: string[];
}

/** Builds a tsvector literal from tokens, positions counted from `offset`; `exact` is false when a limit dropped anything. */
function vectorOf(tokens: Token[], offset: number): { literal: string; exact: boolean } {
  const positions = new Map<string, string[]>();
  let bytes = 0;
  let exact = true;
  for (const t of tokens) {
    const pos = t.pos - offset;
    let list = positions.get(t.word);
    if (!list) {
      const size = Buffer.byteLength(t.word) + 8;
      if (bytes + size > MAX_VECTOR_BYTES) { exact = false; continue; }
      bytes += size;
      list = [];
      positions.set(t.word, list);
    }
    if (list.length >= MAX_POSITIONS_PER_WORD || pos > MAX_POSITION) { exact = false; continue; }
    list.push(`${pos}${t.weight}`);
    bytes += 4;
  }
  // A word whose every position was dropped still counts as present (a lexeme without positions).
  const literal = [...positions.entries()].map(([w, list]) => (list.length > 0 ? `${quoteLexeme(w)}:${list.join(',')}` : quoteLexeme(w))).join(' ');
  return { literal, exact };
}

/**
 * The full-text index of a document: folded title words weighted A, folded text words D, with word positions for
 * phrases and NEAR. A text too long for one tsvector (past 16,383 words, or a word more often than 256 times) also gets
 * overlapping windows, which search consults for that document instead, so nothing is lost to the limits.
 */
export function documentIndex(title: string, text: string): DocumentIndex {
  const tokens: Token[] = [];
  let pos = 0;
  const add = (words: string[], weight: 'A' | 'D'): void => {
    for (const word of words) {
      pos++;
      if (Buffer.byteLength(word) <= MAX_WORD_BYTES) tokens.push({ word, pos, weight });
    }
  };
  add(indexWords(foldText(title)), 'A');
  if (pos > 0) pos += TITLE_GAP;
  add(indexWords(foldText(text)), 'D');
  const whole = vectorOf(tokens, 0);
  if (whole.exact) return { vector: whole.literal, exact: true, windows: [] };
  const windows: string[] = [];
  let first = 0;
  for (let start = 0; first < tokens.length; start += WINDOW_WORDS - WINDOW_OVERLAP) {
    while (first < tokens.length && tokens[first]!.pos <= start) first++;
    let last = first;
    while (last < tokens.length && tokens[last]!.pos <= start + WINDOW_WORDS) last++;
    if (last > first) windows.push(vectorOf(tokens.slice(first, last), start).literal);
    if (last >= tokens.length) break;
  }
  return { vector: whole.literal, exact: false, windows };
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

/** The query without word positions (phrases and NEAR become AND), to rank documents searched through their windows. */
export function toLooseTsQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return toTsQuery(node);
    case 'phrase': return `(${node.words.map(quoteLexeme).join(' & ')})`;
    case 'near': return `(${node.children.map(toLooseTsQuery).join(' & ')})`;
    case 'and': return `(${node.children.map(toLooseTsQuery).join(' & ')})`;
    case 'or': return `(${node.children.map(toLooseTsQuery).join(' | ')})`;
    case 'not': return `(${toLooseTsQuery(node.positive)} & !${toLooseTsQuery(node.negative)})`;
  }
}

/**
 * The query as a SQL condition over the windows of document `d` (see documentIndex): the boolean structure is
 * evaluated per document, each word, phrase or NEAR must occur inside one window. `add` returns a parameter placeholder.
 */
export function windowCondition(node: QueryNode, add: (value: unknown) => string): string {
  switch (node.kind) {
    case 'and': return `(${node.children.map((c) => windowCondition(c, add)).join(' AND ')})`;
    case 'or': return `(${node.children.map((c) => windowCondition(c, add)).join(' OR ')})`;
    case 'not': return `(${windowCondition(node.positive, add)} AND NOT ${windowCondition(node.negative, add)})`;
    default:
      return `EXISTS (SELECT 1 FROM document_windows w WHERE w.document_id = d.id AND w.fts @@ ${add(toTsQuery(node))}::tsquery)`;
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
