/**
 * Caps on what one search query may ask for, checked once when it is parsed (every backend gets the same answer):
 * without them a 2 KB query (330 x `a*` OR-ed, `the` x 399, a NEAR of 160 words) kept SQLite busy for 15-30 s.
 * The limits sit well above what investigative queries use (a dozen or two words, a few prefixes, NEAR of 2-4 words).
 */
import type { QueryNode } from './query.js';
import { QueryLimitError } from './query-errors.js';

/** The limits, documented in the README's query syntax section. */
export const QUERY_LIMITS = {
  /** Characters of the query as typed. */
  maxLength: 2000,
  /** Words searched for: each word, each word of a phrase, each prefix, NOT-ed ones included. */
  maxTerms: 64,
  /** Prefix terms (word*). */
  maxPrefixTerms: 8,
  /** Different index words one prefix may stand for (checked by the store against its vocabulary). */
  maxPrefixExpansion: 1000,
  /** Words or phrases joined by one NEAR. */
  maxNearOperands: 8,
  /** Words allowed between NEAR operands. */
  maxNearDistance: 100,
  /** Parentheses inside parentheses. */
  maxDepth: 8,
} as const;

/** Milliseconds a search may run before the store stops it with SearchTimeoutError (both backends; a store option). */
export const SEARCH_BUDGET_MS = 2000;

const n = (value: number): string => value.toLocaleString('en-US');

/** Refuses a query longer than maxLength before anything else reads it. */
export function checkQueryLength(input: string): void {
  const max = QUERY_LIMITS.maxLength;
  if (input.length > max) {
    throw new QueryLimitError(`A query may be at most ${n(max)} characters long; this one has ${n(input.length)}.`, 'maxLength', max, input.length);
  }
}

/** Refuses parentheses nested deeper than maxDepth (checked on the tokens, before the parser recurses). */
export function checkQueryDepth(depth: number): void {
  const max = QUERY_LIMITS.maxDepth;
  if (depth > max) {
    throw new QueryLimitError(`Parentheses may nest at most ${n(max)} deep; this query nests ${n(depth)} deep.`, 'maxDepth', max, depth);
  }
}

/** Refuses a parsed query with too many terms or prefixes, or a NEAR too wide or too far. */
export function checkQueryTree(node: QueryNode): void {
  let terms = 0;
  let prefixes = 0;
  let widestNear = 0;
  let farthestNear = 0;
  const visit = (q: QueryNode): void => {
    switch (q.kind) {
      case 'term':
        terms++;
        if (q.prefix) prefixes++;
        return;
      case 'phrase':
        terms += q.words.length;
        return;
      case 'not':
        visit(q.positive);
        visit(q.negative);
        return;
      case 'near':
        widestNear = Math.max(widestNear, q.children.length);
        farthestNear = Math.max(farthestNear, q.distance);
        q.children.forEach(visit);
        return;
      default:
        q.children.forEach(visit);
    }
  };
  visit(node);
  const L = QUERY_LIMITS;
  if (terms > L.maxTerms) {
    throw new QueryLimitError(`A query may hold at most ${n(L.maxTerms)} terms; this one has ${n(terms)}.`, 'maxTerms', L.maxTerms, terms);
  }
  if (prefixes > L.maxPrefixTerms) {
    throw new QueryLimitError(`A query may hold at most ${n(L.maxPrefixTerms)} prefix terms (word*); this one has ${n(prefixes)}.`,
      'maxPrefixTerms', L.maxPrefixTerms, prefixes);
  }
  if (widestNear > L.maxNearOperands) {
    throw new QueryLimitError(`A NEAR may join at most ${n(L.maxNearOperands)} words or phrases; this one joins ${n(widestNear)}.`,
      'maxNearOperands', L.maxNearOperands, widestNear);
  }
  if (farthestNear > L.maxNearDistance) {
    throw new QueryLimitError(`A NEAR distance may be at most ${n(L.maxNearDistance)} words; this one is ${n(farthestNear)}.`,
      'maxNearDistance', L.maxNearDistance, farthestNear);
  }
}

/**
 * Refuses a prefix that stands for more than maxPrefixExpansion index words. `count` is what the store counted, up to
 * `counted` (the store stops counting there, so the message says "more than").
 */
export function checkPrefixExpansion(prefix: string, count: number, countedUpTo: number): void {
  const max = QUERY_LIMITS.maxPrefixExpansion;
  if (count <= max) return;
  const howMany = count >= countedUpTo ? `more than ${n(countedUpTo - 1)}` : n(count);
  throw new QueryLimitError(`A prefix may stand for at most ${n(max)} different words; "${prefix}*" stands for ${howMany} in this store: type more of the word.`,
    'maxPrefixExpansion', max, count);
}
