/** Nationality adjectives the NER model left untagged, added as MISC mentions (CoNLL-2003 tags them MISC). */
import type { EntityType } from '../../model/index.js';
import { isDemonym } from '../../resolve/countries.js';

interface Span {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

const CAPITALISED = /\p{Lu}[\p{L}]+/gu;

/**
 * Adds a MISC mention for every capitalised nationality adjective not inside another mention:
 * "Iraqi Prime Minister Adel Abdul-Mahdi" needs "Iraqi" for the relation rules to read role_in(Abdul-Mahdi, Iraq).
 */
export function addDemonyms<T extends Span>(text: string, spans: T[], make: (s: Span) => T): T[] {
  const added: T[] = [];
  let k = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let m = CAPITALISED.exec(text); m !== null; m = CAPITALISED.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < sorted.length && sorted[k]!.end <= start) k++;
    if (k < sorted.length && sorted[k]!.start < end) continue; // inside or overlapping a mention
    if (/[\p{L}-]/u.test(text[end] ?? '') || /[\p{L}-]/u.test(text[start - 1] ?? '')) continue; // part of a longer word
    if (isDemonym(m[0])) added.push(make({ start, end, type: 'MISC', text: m[0] }));
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
