/** Acronyms: recognising them and reading the definitions documents give ("X (ABC)", "ABC (X)"). */
import { initialsOf } from './match.js';
import { isSubsequence } from './similarity.js';

/** True when a mention's text looks like an acronym: "IRGC", "PMU", "U.S.", "MoIS". */
export function isAcronym(text: string): boolean {
  const compact = text.trim().replace(/\./g, '');
  return /^[A-Z][A-Za-z&]{1,9}$/.test(compact) && (compact.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** The acronym as compared: dots and case removed ("U.S." -> "us"). */
export function acronymKey(text: string): string {
  return text.trim().replace(/[.&]/g, '').toLowerCase();
}

/**
 * Whether a long form plausibly expands an acronym. Documents define acronyms loosely
 * ("Popular Mobilization Forces (PMU)", "Revolutionary Guards Corps (IRGC)", "intelligence ministry (MOIS)"),
 * so it is enough that the initials match, that the long form's initials appear in the acronym in order,
 * or that the acronym starts with an initial and half its letters are initials of the long form.
 */
export function expandsAcronym(longNorm: string, acronym: string): boolean {
  const key = acronymKey(acronym);
  const initials = initialsOf(longNorm);
  if (initials.includes(key) || initials.some((i) => i.length >= 2 && isSubsequence(i, key))) return true;
  const letters = new Set(longNorm.split(' ').map((w) => w[0]));
  const hits = [...key].filter((ch) => letters.has(ch)).length;
  return letters.has(key[0]) && hits * 2 >= key.length;
}

/** A parenthesis directly after a mention: "Islamic Revolutionary Guard Corps (IRGC)" gives "IRGC" at its offsets. */
export interface Parenthetical {
  /** Text inside the brackets, trimmed. */
  text: string;
  /** Offset of the inner text's first character in the document. */
  start: number;
  /** Offset just after the inner text's last character. */
  end: number;
}

/** Reads the parenthesis that follows position `end` (spaces allowed between), if any. */
export function parentheticalAfter(text: string, end: number): Parenthetical | null {
  const m = /^\s*\(\s*([^()\n]{1,80}?)\s*\)/.exec(text.slice(end, end + 100));
  if (m === null || m[1] === undefined) return null;
  const start = end + m[0].indexOf(m[1]);
  return { text: m[1], start, end: start + m[1].length };
}
