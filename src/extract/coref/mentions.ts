/** Named mentions in text order without overlaps, in one sort and one sweep. */
import type { InputMention } from '../types.js';

/**
 * Keeps the longer of overlapping mentions ("Iraqi Prime Minister Haider al-Abadi" over "Iraqi"), in text order. Unlike
 * masked.ts's flattenMentions it does not compare every pair, so a document with thousands of names stays cheap.
 */
export function nonOverlapping(mentions: readonly InputMention[]): InputMention[] {
  const sorted = mentions.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: InputMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || m.start >= last.end) out.push(m);
    else if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
  }
  return out;
}
