/** Document-level consistency: one name, one type per document, and multi-word names found wherever they recur. */
import type { Token } from '../tokenize.js';
import type { Chunk } from './tags.js';

/** Chunks of every sentence of a document, with the sentence tokens they index. */
export interface DocumentChunks {
  tokens: Token[][];
  chunks: Chunk[][];
}

const words = (ts: readonly Token[], c: Chunk): string => ts.slice(c.start, c.end).map((t) => t.text).join(' ');

/**
 * Adds the missed occurrences of multi-word names found elsewhere in the document, where they overlap nothing
 * already found ("Asaib Ahl al-Haq" found once, missed once). One pass over the tokens, indexed by first word.
 */
export function propagateNames(doc: DocumentChunks): void {
  const byFirst = new Map<string, Array<{ words: string[]; type: string }>>();
  const seen = new Set<string>();
  doc.chunks.forEach((cs, s) => {
    for (const c of cs) {
      if (c.end - c.start < 2) continue;
      const key = words(doc.tokens[s]!, c);
      if (seen.has(key)) continue;
      seen.add(key);
      const ws = key.split(' ');
      let list = byFirst.get(ws[0]!);
      if (!list) byFirst.set(ws[0]!, (list = []));
      list.push({ words: ws, type: c.type });
    }
  });
  if (byFirst.size === 0) return;
  const firstChars = new Set([...byFirst.keys()].map((w) => w.charCodeAt(0)));
  doc.tokens.forEach((ts, s) => {
    const cs = doc.chunks[s]!;
    const covered = new Uint8Array(ts.length);
    for (const c of cs) covered.fill(1, c.start, c.end);
    let added = false;
    for (let i = 0; i < ts.length; i++) {
      // First-character check before the map lookup: most tokens cannot start any of the names.
      if (covered[i] || !firstChars.has(ts[i]!.text.charCodeAt(0))) continue;
      const candidates = byFirst.get(ts[i]!.text);
      if (!candidates) continue;
      for (const cand of candidates) {
        const end = i + cand.words.length;
        if (end > ts.length || covered.subarray(i, end).some((x) => x)) continue;
        if (!cand.words.every((w, k) => ts[i + k]!.text === w)) continue;
        cs.push({ start: i, end, type: cand.type });
        covered.fill(1, i, end);
        added = true;
        break;
      }
    }
    if (added) cs.sort((a, b) => a.start - b.start);
  });
}

/**
 * Gives every chunk with the same words the type most of them got (ties keep each chunk's own type):
 * "Hashd al-Shaabi" tagged ORG twice and PERSON once becomes ORG three times.
 */
export function harmoniseTypes(doc: DocumentChunks): void {
  const votes = new Map<string, Map<string, number>>();
  const keys = doc.chunks.map((cs, s) => cs.map((c) => words(doc.tokens[s]!, c)));
  doc.chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      const key = keys[s]![k]!;
      let v = votes.get(key);
      if (!v) votes.set(key, (v = new Map()));
      v.set(c.type, (v.get(c.type) ?? 0) + 1);
    });
  });
  doc.chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      const v = votes.get(keys[s]![k]!)!;
      if (v.size < 2) return;
      let best = c.type;
      for (const [t, n] of v) if (n > v.get(best)!) best = t;
      if (best !== c.type) cs[k] = { ...c, type: best };
    });
  });
}

// "al-Kadhimi" and "Kadhimi" are one surname.
const ARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az)-/i;

/**
 * Makes later bare surnames PERSON once the full name was found as a person: after "Mustafa al-Kadhimi",
 * "Kadhimi" is a person even where the model said ORG, or said nothing.
 */
export function resolveSurnames(doc: DocumentChunks): void {
  const surnames = new Set<string>();
  doc.chunks.forEach((cs, s) => {
    for (const c of cs) {
      if (c.type === 'PER' && c.end - c.start > 1) surnames.add(doc.tokens[s]![c.end - 1]!.text.replace(ARTICLE_PREFIX, ''));
    }
  });
  if (surnames.size === 0) return;
  doc.tokens.forEach((ts, s) => {
    const cs = doc.chunks[s]!;
    const covered = new Uint8Array(ts.length);
    cs.forEach((c, k) => {
      covered.fill(1, c.start, c.end);
      if (c.type !== 'PER' && c.end - c.start === 1 && surnames.has(ts[c.start]!.text.replace(ARTICLE_PREFIX, ''))) cs[k] = { ...c, type: 'PER' };
    });
    let added = false;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!.text;
      const c = t.charCodeAt(0);
      if (covered[i] || (c < 128 && !(c >= 65 && c <= 90)) || !/^\p{Lu}\p{Ll}/u.test(t) || !surnames.has(t)) continue;
      cs.push({ start: i, end: i + 1, type: 'PER' });
      added = true;
    }
    if (added) cs.sort((a, b) => a.start - b.start);
  });
}
