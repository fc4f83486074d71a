/** Snippets built from the stored text itself, so highlights keep exact offsets into the document (never HTML). */
import type { SnippetPart } from '../model/index.js';
import { foldWord, WORD_PATTERN } from './text-fold.js';

/** A highlighted snippet and where it starts in the text. */
export interface Snippet {
  start: number;
  parts: SnippetPart[];
}

const CONTEXT_BEFORE = 80;
const CONTEXT_AFTER = 180;
// Scanning stops here: a snippet from the first megabyte is enough, and keeps search fast on huge documents.
const SCAN_LIMIT = 1_000_000;

/** Finds the window with the most query hits and returns it with hits marked. */
export function makeSnippet(text: string, terms: { words: string[]; prefix: boolean }[]): Snippet {
  const words: { start: number; end: number; folded: string }[] = [];
  const pattern = new RegExp(WORD_PATTERN.source, 'gu');
  const scanned = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  for (let m = pattern.exec(scanned); m !== null; m = pattern.exec(scanned)) {
    words.push({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) });
  }
  const hits: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const term of terms) {
      const n = term.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const w = words[i + j]!.folded;
        const want = term.words[j]!;
        ok = j === n - 1 && term.prefix ? w.startsWith(want) : w === want;
      }
      if (ok) { hits.push({ start: words[i]!.start, end: words[i + n - 1]!.end }); break; }
    }
  }
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
    if (h.start < start || h.end > end) continue;
    if (h.start > at) parts.push({ text: squash(text.slice(at, h.start)), hit: false });
    parts.push({ text: text.slice(h.start, h.end), hit: true });
    at = h.end;
  }
  if (end > at) parts.push({ text: squash(text.slice(at, end)), hit: false });
  return { start, parts };
}

function plain(text: string, start: number, end: number): Snippet {
  end = wordBoundary(text, end, 1);
  return { start, parts: [{ text: squash(text.slice(start, end)), hit: false }] };
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

/** Collapses runs of whitespace (line breaks) into one space for display. */
function squash(s: string): string {
  return s.replace(/\s+/gu, ' ');
}
