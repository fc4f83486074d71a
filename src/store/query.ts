/** The search query language: parsed once into a tree that each store compiles to its own engine's syntax. */
import { indexWords } from './text-fold.js';
import { QuerySyntaxError } from './query-errors.js';
import { checkQueryDepth, checkQueryLength, checkQueryTree } from './query-limits.js';

export { QuerySyntaxError, QueryLimitError, SearchTimeoutError } from './query-errors.js';
export { QUERY_LIMITS } from './query-limits.js';

/** A parsed search query. Terms and phrases hold folded index words. */
export type QueryNode =
  | { kind: 'term'; word: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; positive: QueryNode; negative: QueryNode }
  | { kind: 'near'; children: QueryNode[]; distance: number };

type Lexeme =
  | { t: 'word'; text: string; pos: number }
  | { t: 'phrase'; text: string; pos: number }
  | { t: '(' | ')' | ',' | '-' | 'AND' | 'OR' | 'NOT' | 'NEAR'; pos: number; distance?: number };

const DEFAULT_NEAR = 10;

/** Splits the query into words, quoted phrases, parentheses and operators (upper-case AND, OR, NOT, NEAR). */
function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/u.test(c)) { i++; continue; }
    if (c === '"' || c === '“' || c === '”') {
      const close = input.slice(i + 1).search(/["“”]/u);
      if (close < 0) throw new QuerySyntaxError(`Unbalanced quote: the " at position ${i + 1} is never closed.`);
      out.push({ t: 'phrase', text: input.slice(i + 1, i + 1 + close), pos: i });
      i += close + 2;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') { out.push({ t: c, pos: i }); i++; continue; }
    if (c === '-' && (i === 0 || /[\s(]/u.test(input[i - 1]!))) { out.push({ t: '-', pos: i }); i++; continue; }
    const m = /^[^\s()",“”]+/u.exec(input.slice(i))!;
    const word = m[0];
    const near = /^NEAR(?:\/(\d+))?$/u.exec(word);
    if (near) out.push({ t: 'NEAR', pos: i, distance: near[1] ? Number(near[1]) : undefined });
    else if (word === 'AND' || word === 'OR' || word === 'NOT') out.push({ t: word, pos: i });
    else out.push({ t: 'word', text: word, pos: i });
    i += word.length;
  }
  return out;
}

/** How deep the parentheses nest (unbalanced ones are the parser's to report). */
function nesting(lexemes: Lexeme[]): number {
  let depth = 0;
  let deepest = 0;
  for (const l of lexemes) {
    if (l.t === '(') deepest = Math.max(deepest, ++depth);
    else if (l.t === ')') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/**
 * Parses a query: words, "phrases", AND/OR/NOT (or -word), prefix*, NEAR(a b, 5) or a NEAR/5 b, parentheses.
 * A query over one of QUERY_LIMITS throws QueryLimitError (a QuerySyntaxError) naming the limit and the value.
 */
export function parseQuery(input: string): QueryNode {
  checkQueryLength(input);
  const lexemes = lex(input);
  if (lexemes.length === 0) throw new QuerySyntaxError('Empty query: type at least one word.');
  checkQueryDepth(nesting(lexemes));
  let k = 0;
  const peek = (): Lexeme | undefined => lexemes[k];
  const where = (l: Lexeme | undefined): string => (l ? `at position ${l.pos + 1}` : 'at the end');

  function parseOr(): QueryNode {
    const children = [parseAnd()];
    while (peek()?.t === 'OR') {
      const op = lexemes[k++]!;
      if (!startsOperand(peek())) throw new QuerySyntaxError(`OR ${where(op)} needs a word or phrase after it.`);
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  function parseAnd(): QueryNode {
    const positives: QueryNode[] = [];
    const negatives: QueryNode[] = [];
    for (;;) {
      const l = peek();
      if (!l || l.t === ')' || l.t === 'OR' || l.t === ',') break;
      if (l.t === 'AND') {
        k++;
        if (!startsOperand(peek()) && peek()?.t !== 'NOT') throw new QuerySyntaxError(`AND ${where(l)} needs a word or phrase after it.`);
        continue;
      }
      if (l.t === 'NOT' || l.t === '-') {
        k++;
        if (!startsOperand(peek())) throw new QuerySyntaxError(`${l.t === '-' ? '"-"' : 'NOT'} ${where(l)} needs a word or phrase after it.`);
        negatives.push(parseNear());
        continue;
      }
      positives.push(parseNear());
    }
    if (positives.length === 0) {
      const l = peek() ?? lexemes[k - 1];
      if (negatives.length > 0) throw new QuerySyntaxError('A query cannot only exclude words: add a word to search for.');
      throw new QuerySyntaxError(`Expected a word or phrase ${where(l)}.`);
    }
    let node: QueryNode = positives.length === 1 ? positives[0]! : { kind: 'and', children: positives };
    for (const negative of negatives) node = { kind: 'not', positive: node, negative };
    return node;
  }

  function parseNear(): QueryNode {
    const first = parsePrimary();
    const children = [first];
    let distance = DEFAULT_NEAR;
    while (peek()?.t === 'NEAR' && lexemes[k + 1]?.t !== '(') {
      const op = lexemes[k++]! as { distance?: number; pos: number };
      distance = op.distance ?? distance;
      if (!startsOperand(peek())) throw new QuerySyntaxError(`NEAR at position ${op.pos + 1} needs a word or phrase after it.`);
      children.push(parsePrimary());
    }
    return children.length === 1 ? first : nearOf(children, distance);
  }

  function parsePrimary(): QueryNode {
    const l = peek();
    if (!l) throw new QuerySyntaxError('Expected a word or phrase at the end.');
    if (l.t === '(') {
      k++;
      const inner = parseOr();
      if (peek()?.t !== ')') throw new QuerySyntaxError(`Unbalanced parenthesis: the "(" at position ${l.pos + 1} is never closed.`);
      k++;
      return inner;
    }
    if (l.t === 'NEAR') {
      k++;
      const open = peek();
      if (open?.t !== '(') throw new QuerySyntaxError(`NEAR at position ${l.pos + 1} needs words between: a NEAR b, or NEAR(a b, 5).`);
      k++;
      const children: QueryNode[] = [];
      while (peek() && peek()!.t !== ')' && peek()!.t !== ',') children.push(parsePrimary());
      let distance = DEFAULT_NEAR;
      if (peek()?.t === ',') {
        k++;
        const n = peek();
        if (n?.t !== 'word' || !/^\d+$/u.test(n.text)) throw new QuerySyntaxError(`NEAR(...) at position ${l.pos + 1}: after the comma put a number of words, e.g. NEAR(a b, 5).`);
        distance = Number(n.text);
        k++;
      }
      if (peek()?.t !== ')') throw new QuerySyntaxError(`Unbalanced parenthesis: the "(" at position ${open.pos + 1} is never closed.`);
      k++;
      if (children.length < 2) throw new QuerySyntaxError(`NEAR(...) at position ${l.pos + 1} needs at least two words or phrases.`);
      return nearOf(children, distance);
    }
    if (l.t === 'word') { k++; return termOf(l.text, l.pos); }
    if (l.t === 'phrase') {
      k++;
      const words = indexWords(l.text);
      if (words.length === 0) throw new QuerySyntaxError(`The phrase at position ${l.pos + 1} has no words in it.`);
      return words.length === 1 ? { kind: 'term', word: words[0]!, prefix: false } : { kind: 'phrase', words };
    }
    if (l.t === ')') throw new QuerySyntaxError(`Unbalanced parenthesis: the ")" at position ${l.pos + 1} has no "(" before it.`);
    throw new QuerySyntaxError(`Unexpected ${l.t} at position ${l.pos + 1}.`);
  }

  const node = parseOr();
  const rest = peek();
  if (rest) {
    if (rest.t === ')') throw new QuerySyntaxError(`Unbalanced parenthesis: the ")" at position ${rest.pos + 1} has no "(" before it.`);
    throw new QuerySyntaxError(`Unexpected ${rest.t === 'word' || rest.t === 'phrase' ? `"${rest.text}"` : rest.t} at position ${rest.pos + 1}.`);
  }
  checkQueryTree(node);
  return node;
}

function startsOperand(l: Lexeme | undefined): boolean {
  return l !== undefined && (l.t === 'word' || l.t === 'phrase' || l.t === '(' || l.t === 'NEAR');
}

/** A typed word becomes a term, or a phrase when the index splits it ("al-Haq" -> "al haq"); a trailing * makes a prefix. */
function termOf(text: string, pos: number): QueryNode {
  const prefix = text.endsWith('*');
  const words = indexWords(prefix ? text.slice(0, -1) : text);
  if (words.length === 0) throw new QuerySyntaxError(`"${text}" at position ${pos + 1} has no letters or digits to search for.`);
  if (words.length === 1) return { kind: 'term', word: words[0]!, prefix };
  if (prefix) throw new QuerySyntaxError(`"${text}" at position ${pos + 1}: a prefix* must be a single word.`);
  return { kind: 'phrase', words };
}

function nearOf(children: QueryNode[], distance: number): QueryNode {
  for (const c of children) {
    if (c.kind !== 'term' && c.kind !== 'phrase') throw new QuerySyntaxError('NEAR works on words and phrases, not on groups with AND/OR/NOT.');
  }
  return { kind: 'near', children, distance };
}

/** Word sequences to highlight in snippets: every term and phrase outside a NOT. */
export function highlightTerms(node: QueryNode): { words: string[]; prefix: boolean }[] {
  switch (node.kind) {
    case 'term': return [{ words: [node.word], prefix: node.prefix }];
    case 'phrase': return [{ words: node.words, prefix: false }];
    case 'not': return highlightTerms(node.positive);
    default: return node.children.flatMap(highlightTerms);
  }
}
