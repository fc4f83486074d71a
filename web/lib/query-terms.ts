/**
 * Finds a search query's terms in document text for the reader's highlights, matching words the way the search index
 * does: Unicode words, lower case, Latin diacritics and Arabic-script letter variants folded.
 * The folding mirrors src/store/text-fold.ts, which the web app may not import (it talks to the store only through the API).
 */

/** One thing to highlight: a word, a prefix ("solei*") or a phrase ("quds force"), in folded form. */
export interface HighlightTerm {
  words: string[];
  prefix: boolean;
}

// Words as the index sees them: runs of letters, digits and marks (plus tatweel and the joiners Persian writes inside words).
const WORD = /[\p{L}\p{N}\p{M}\p{Co}\u0640\u200C\u200D]+/gu;
const REMOVE = /[\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u200C\u200D]/gu;
const LETTER_MAP: Record<string, string> = {
  '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9',
  '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
  '\u0629': '\u0647', '\u06C0': '\u0647',
};
for (let d = 0; d < 10; d++) {
  LETTER_MAP[String.fromCharCode(0x0660 + d)] = String(d);
  LETTER_MAP[String.fromCharCode(0x06f0 + d)] = String(d);
}
const MAPPED = /[\u064A\u0649\u0643\u0623\u0625\u0622\u0671\u0629\u06C0\u0660-\u0669\u06F0-\u06F9]/gu;

/** "Soleimani's" -> "soleimani's" word parts folded: "Qāsem" -> "qasem", Arabic yeh -> Persian yeh. */
export function foldWord(word: string): string {
  return word
    .replace(REMOVE, '')
    .replace(MAPPED, (c) => LETTER_MAP[c] ?? c)
    .toLowerCase()
    .replace(/[\u00C0-\u024F\u1E00-\u1EFF]/gu, (c) => c.normalize('NFKD').replace(/\p{Mn}/gu, ''));
}

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map(foldWord).filter((w) => w.length > 0);
}

const OPERATOR = /^(AND|OR|NOT|NEAR(\/\d+)?)$/;

/**
 * The terms of a query worth highlighting: words, phrases and prefixes, leaving out operators, negated terms
 * (-word, NOT word) and NEAR distances. 'Soleimani -Trump "Quds Force" Iraq* NOT Iran' -> soleimani, quds force, iraq*.
 */
export function highlightTerms(query: string): HighlightTerm[] {
  const terms: HighlightTerm[] = [];
  const tokens = /(-?)["“”]([^"“”]*)["“”]?|([^\s]+)/gu;
  let negateNext = false;
  let afterComma = false;
  for (let match = tokens.exec(query); match; match = tokens.exec(query)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const found = words(phrase);
      if (!minus && !negateNext && found.length > 0) terms.push({ words: found, prefix: false });
      negateNext = false;
      afterComma = false;
      continue;
    }
    const raw = bare ?? '';
    const core = raw.replace(/^[(,]+|[),]+$/g, '');
    const wasAfterComma = afterComma || raw.startsWith(',');
    afterComma = raw.endsWith(',');
    if (OPERATOR.test(core) || /^NEAR\(/.test(raw)) {
      negateNext = core === 'NOT';
      // "NEAR(soleimani" carries a word after the parenthesis.
      const inner = raw.startsWith('NEAR(') ? raw.slice(5).replace(/[),]+$/g, '') : '';
      if (inner) terms.push({ words: words(inner), prefix: false });
      continue;
    }
    if (raw.startsWith('-') || negateNext) {
      negateNext = false;
      continue;
    }
    if (wasAfterComma && /^\d+$/.test(core)) continue; // NEAR(a b, 5): the distance
    const prefix = core.endsWith('*');
    const found = words(prefix ? core.replace(/\*+$/, '') : core);
    if (found.length === 1) terms.push({ words: found, prefix });
    else if (found.length > 1) terms.push({ words: found, prefix: false }); // "al-Haq" is searched as a phrase
  }
  return terms.filter((term) => term.words.length > 0);
}

/** Every [start, end) where one of the query's terms occurs in the text, in order, never overlapping. */
export function findTermHits(text: string, query: string): { start: number; end: number }[] {
  const terms = highlightTerms(query);
  if (terms.length === 0) return [];
  const found: { start: number; end: number; folded: string }[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push({ start: match.index, end: match.index + match[0].length, folded: foldWord(match[0]) });
  }
  // Longer terms first, so a phrase wins over one of its own words.
  const ordered = [...terms].sort((a, b) => b.words.length - a.words.length);
  const hits: { start: number; end: number }[] = [];
  for (let i = 0; i < found.length; i++) {
    for (const term of ordered) {
      const n = term.words.length;
      if (i + n > found.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const word = (found[i + j] as { folded: string }).folded;
        const want = term.words[j] as string;
        ok = j === n - 1 && term.prefix ? word.startsWith(want) : word === want;
      }
      if (ok) {
        hits.push({ start: (found[i] as { start: number }).start, end: (found[i + n - 1] as { end: number }).end });
        i += n - 1;
        break;
      }
    }
  }
  return hits;
}
