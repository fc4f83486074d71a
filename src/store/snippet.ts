/**
 * Snippets built from the stored text itself: the parts are exact slices, so `start` plus the lengths of earlier parts is
 * each part's offset in the document. Whitespace is kept as stored; displays collapse it.
 */
import type { SnippetPart } from '../model/index.js';
import { foldWord, WORD_PATTERN } from './text-fold.js';

/** A highlighted snippet and where it starts in the text. */
export interface Snippet {
  start: number;
  parts: SnippetPart[];
}

type Term = { words: string[]; prefix: boolean };
type Hit = { start: number; end: number };

const NON_ASCII = /[^\u0000-\u007f]/u;
const CONTEXT_BEFORE = 80;
const CONTEXT_AFTER = 180;
// A snippet needs only the densest window among the first hits; stop looking after this many.
const MAX_HITS = 200;

/** Finds the window with the most query hits and returns it with hits marked. */
export function makeSnippet(text: string, terms: Term[]): Snippet {
  const hits = findHits(text, terms);
  if (hits.length === 0) return plain(text, 0, Math.min(text.length, CONTEXT_AFTER + CONTEXT_BEFORE));
  // The window holding the most hits, anchored on its first hit.
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end <= hits[i]!.start + CONTEXT_AFTER) j++;
    if (j - i > bestCount) { bestCount = j - i; best = i; }
  }
  const anchor = hits[best]!;
  const start = wordBoundary(text, Math.max(0, anchor.start - CONTEXT_BEFORE), -1);
  const end = wordBoundary(text, Math.min(text.length, anchor.start + CONTEXT_AFTER), 1);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const h of hits) {
    // A hit inside the previous one ("سليماني" inside the phrase "قاسم سليماني") is already marked; one that runs on
    // past it is marked from where the previous ended, so no text is shown twice.
    if (h.start < start || h.end > end || h.end <= at) continue;
    if (h.start > at) parts.push({ text: text.slice(at, h.start), hit: false });
    const from = Math.max(h.start, at);
    const last = parts.at(-1);
    if (last?.hit === true && from === at) last.text += text.slice(from, h.end);
    else parts.push({ text: text.slice(from, h.end), hit: true });
    at = h.end;
  }
  if (end > at) parts.push({ text: text.slice(at, end), hit: false });
  return { start, parts };
}

/** Start offsets of every place a query term (or phrase) occurs as whole folded words, in text order. */
export function findHits(text: string, terms: Term[]): Hit[] {
  const word = new RegExp(WORD_PATTERN.source, 'uy');
  const fold = (w: string): string => (NON_ASCII.test(w) ? foldWord(w) : w.toLowerCase());
  /** Reads the word starting exactly at `pos` and the words after it; returns the hit when `term` matches there. */
  const matchAt = (pos: number, term: Term): Hit | null => {
    let at = pos;
    let end = pos;
    for (let j = 0; j < term.words.length; j++) {
      if (j > 0) {
        while (at < text.length && !isWordChar(text, at)) at++;
      }
      word.lastIndex = at;
      const m = word.exec(text);
      if (!m) return null;
      const w = fold(m[0]);
      const want = term.words[j]!;
      if (!(j === term.words.length - 1 && term.prefix ? w.startsWith(want) : w === want)) return null;
      end = at + m[0].length;
      at = end;
    }
    return { start: pos, end };
  };
  const scan = (starts: Iterable<number>): Hit[] => {
    const hits: Hit[] = [];
    for (const pos of starts) {
      for (const term of terms) {
        const h = matchAt(pos, term);
        if (h) { hits.push(h); break; }
      }
      if (hits.length >= MAX_HITS) break;
    }
    return hits;
  };
  const fast = scan(candidateStarts(text, terms));
  // The fast path misses accented spellings of an ASCII query ("Séville" for seville); then every word is tested.
  return fast.length > 0 ? fast : scan(candidateStarts(text, terms, true));
}

/** Word starts worth testing: where a term's first word occurs case-insensitively (ASCII fast path), else every word start. */
function* candidateStarts(text: string, terms: Term[], everyWord = false): Generator<number> {
  // Lower case with Latin accents dropped, one character for one, so offsets still line up with the text.
  const lower = everyWord ? '' : text.toLowerCase().replace(/[\u00C0-\u024F\u1E00-\u1EFF]/gu, (c) => c.normalize('NFKD')[0]!);
  const ascii = !everyWord && terms.every((t) => !NON_ASCII.test(t.words[0]!)) && lower.length === text.length;
  if (ascii) {
    const starts = new Set<number>();
    for (const t of terms) {
      const first = t.words[0]!;
      for (let i = lower.indexOf(first); i >= 0 && starts.size < MAX_HITS * 4; i = lower.indexOf(first, i + 1)) {
        if (i === 0 || !isWordChar(text, i - 1)) starts.add(i);
      }
    }
    yield* [...starts].sort((a, b) => a - b);
    return;
  }
  const pattern = new RegExp(WORD_PATTERN.source, 'gu');
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) yield m.index;
}

const WORD_CHAR = new RegExp(`^${WORD_PATTERN.source.replace(/\+$/u, '')}$`, 'u');

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(text[i]!);
}

function plain(text: string, start: number, end: number): Snippet {
  end = wordBoundary(text, end, 1);
  return { start, parts: [{ text: text.slice(start, end), hit: false }] };
}

/** Moves an offset to the nearest whitespace in the given direction (at most 20 characters) so words are not cut. */
function wordBoundary(text: string, i: number, dir: -1 | 1): number {
  for (let k = 0; k < 20; k++) {
    const j = i + dir * k;
    if (j <= 0) return 0;
    if (j >= text.length) return text.length;
    if (/\s/u.test(text[j]!)) return dir < 0 ? j + 1 : j;
  }
  return i;
}
