/** Text folding applied the same way at index and query time (and by the web app to highlight terms), so Arabic-script variants and diacritics match. */

// Arabic and Persian letters written in more than one way: Arabic yeh / alef maksura -> Persian yeh, Arabic kaf -> keheh,
// alef with hamza or madda -> bare alef, teh marbuta and heh with yeh -> heh, Arabic-Indic and Persian digits -> ASCII.
const LETTER_MAP: Record<string, string> = {
  '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9',
  '\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
  '\u0629': '\u0647', '\u06C0': '\u0647',
};
for (let d = 0; d < 10; d++) {
  LETTER_MAP[String.fromCharCode(0x0660 + d)] = String(d);
  LETTER_MAP[String.fromCharCode(0x06f0 + d)] = String(d);
}

// Tatweel, Arabic harakat and Quranic marks, and the zero-width non-joiner Persian writes inside words ("می‌خواهم").
const REMOVE = /[\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u200C\u200D]/gu;
const MAPPED = /[\u064A\u0649\u0643\u0623\u0625\u0622\u0671\u0629\u06C0\u0660-\u0669\u06F0-\u06F9]/gu;

/** Folds text for the full-text index: Arabic-script letter variants unified, tatweel, harakat and ZWNJ removed. */
export function foldText(text: string): string {
  return text.replace(REMOVE, '').replace(MAPPED, (c) => LETTER_MAP[c] ?? c);
}

/** Folds one word for comparison with index terms: foldText, lower case, and diacritics removed from Latin letters only (as FTS5's unicode61 does). */
export function foldWord(word: string): string {
  return foldText(word)
    .toLowerCase()
    .replace(/[\u00C0-\u024F\u1E00-\u1EFF]/gu, (c) => c.normalize('NFKD').replace(/\p{Mn}/gu, ''));
}

/** Words as the index sees them: runs of letters and digits (the unicode61 tokenizer's token characters). */
export const WORD_PATTERN = /[\p{L}\p{N}\p{M}\p{Co}\u0640\u200C\u200D]+/gu;

/** Splits a string into folded index words. */
export function indexWords(text: string): string[] {
  return (text.match(WORD_PATTERN) ?? []).map(foldWord).filter((w) => w.length > 0);
}
