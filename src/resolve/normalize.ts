/** Name normalisation: the `norm` stored on every mention (lower case, ASCII, no titles, possessives or leading "the"). */
import type { EntityType } from '../model/index.js';
import { LEADING_HONORIFICS, STRONG_TITLES } from './titles.js';
import { foldToAscii } from './transliterate.js';

/** Folds one token for comparison with title phrases ("Lt." -> "lt", "Gen." -> "gen"). */
function titleKey(token: string): string {
  const lower = token.toLowerCase();
  return (/^[\x00-\x7f]*$/.test(lower) ? lower : foldToAscii(lower)).replace(/[.,:;]/g, '');
}

/** Title phrases as word lists, indexed by first word and longest first, so a lookup costs one map access. */
function toPhrases(list: readonly string[]): Map<string, string[][]> {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of [...list].map((t) => t.split(' ')).sort((a, b) => b.length - a.length)) {
    const first = phrase[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  return byFirst;
}
const STRONG = toPhrases(STRONG_TITLES);
const ANY = toPhrases([...STRONG_TITLES, ...LEADING_HONORIFICS]);

/** Length in tokens of the longest title phrase starting at `i`, or 0. */
function titleAt(keys: string[], i: number, phrases: Map<string, string[][]>): number {
  for (const p of phrases.get(keys[i] ?? '') ?? []) {
    if (p.every((w, j) => keys[i + j] === w)) return p.length;
  }
  return 0;
}

/**
 * Removes titles and honorifics, keeping at least one word.
 * "Lt. Gen. Hatem al-Maksusi" -> "Hatem al-Maksusi"; "Grand Ayatollah Ali al-Sistani" -> "Ali al-Sistani";
 * "Revolutionary Guard Gen. Qassem Soleimani" -> "Qassem Soleimani"; "Iraqi Prime Minister Adel Abdul-Mahdi" -> "Adel Abdul-Mahdi".
 */
export function stripTitles(name: string): string {
  // "then-commander", "ex-President": the qualifier is glued to the title by a hyphen.
  const tokens = name.trim().split(/\s+/).flatMap((t) => (/^(?:ex|then|former|late)-\p{L}/iu.test(t) ? t.split(/-(.*)/su, 2) : [t])).filter((t) => t !== '');
  const keys = tokens.map(titleKey);
  let start = 0;
  // A strong title inside a mention ends the words before it: they describe the person, they are not the
  // name. Two words must follow, so a title-like word inside a name ("Saduddin Mullah Sayyed") stays.
  for (let i = 1; i < keys.length; i++) {
    const m = titleAt(keys, i, STRONG);
    if (m > 0 && i + m + 1 < keys.length) {
      start = i + m;
      i += m - 1;
    }
  }
  for (let m = titleAt(keys, start, ANY); m > 0 && start + m < keys.length; m = titleAt(keys, start, ANY)) {
    start += m;
  }
  return tokens.slice(start).join(' ');
}

/** Removes possessive endings from every word: "Khamenei's office" -> "Khamenei office", "the Guards’" -> "the Guards". */
export function stripPossessive(name: string): string {
  return name
    .replace(/\s*['’`]s(?=$|[\s,;:.)])/giu, '')
    .replace(/(\p{L}s)['’](?=$|[\s,;:.)])/gu, '$1')
    .trim();
}

/**
 * The normalised form of a name: possessives, titles (for people and untyped names) and a leading "the"
 * removed, ASCII-folded with transliteration, lower case, punctuation to single spaces.
 * "Gen. Qassem Soleimani's" -> "qassem soleimani"; "the Islamic Revolutionary Guard Corps" ->
 * "islamic revolutionary guard corps"; "U.S." -> "us"; "علي خامنئي" -> "ali khamniy".
 * Pass the type so organisation names keep words that are titles elsewhere ("General Motors").
 */
export function normalizeName(name: string, type?: EntityType): string {
  const id = `${type ?? ''}\u0000${name}`;
  const hit = NORMALIZED.get(id);
  if (hit !== undefined) return hit;
  if (NORMALIZED.size >= NORMALIZED_LIMIT) NORMALIZED.clear();
  const norm = normalizeUncached(name, type);
  NORMALIZED.set(id, norm);
  return norm;
}

// Resolution normalises the same spellings again and again (every member of a large entity, on every union); a
// bounded memo keeps that to one computation per spelling without letting a long-running server grow.
const NORMALIZED = new Map<string, string>();
const NORMALIZED_LIMIT = 50_000;

/** The work behind normalizeName. */
function normalizeUncached(name: string, type?: EntityType): string {
  const noPossessive = stripPossessive(name);
  const noTitles = type === undefined || type === 'PERSON' ? stripTitles(noPossessive) : noPossessive;
  const folded = foldToAscii(noTitles)
    .replace(/(?<=\p{L})['’`ʼʻ.](?=\p{L})/gu, '') // "Ba'asyir", "U.S" stay one word
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.replace(/^the\s+(?=\S)/, '');
}
