/**
 * Finds a search query's terms in document text for the reader's highlights, matching words the way the search index
 * does: Unicode words, lower case, Latin diacritics and Arabic-script letter variants folded (src/model/text-fold.ts,
 * shared with the index).
 */
import { WORD_PATTERN, foldWord, indexWords } from '../../src/model/index.js';

/** One thing to highlight: a word, a prefix ("solei*") or a phrase ("quds force"), in folded form. */
export interface HighlightTerm {
  words: string[];
  prefix: boolean;
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
      const found = indexWords(phrase);
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
      if (inner) terms.push({ words: indexWords(inner), prefix: false });
      continue;
    }
    if (raw.startsWith('-') || negateNext) {
      negateNext = false;
      continue;
    }
    if (wasAfterComma && /^\d+$/.test(core)) continue; // NEAR(a b, 5): the distance
    const prefix = core.endsWith('*');
    const found = indexWords(prefix ? core.replace(/\*+$/, '') : core);
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
  for (const match of text.matchAll(WORD_PATTERN)) {
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
