/**
 * The letters the transliteration model reads: an Arabic-script word as normalised letters (Persian and Urdu
 * forms folded onto the Arabic letters the training pairs use, vowel marks dropped) and a Latin word as plain a-z.
 */
import { foldToAscii } from '../transliterate.js';

// Persian letters Arabic spelling writes otherwise: "پ" as ب ("Paris" باريس), "چ" as تش, "ژ" and "گ" as ج and غ,
// and the Persian forms of kaf, yeh and heh. The model learns Arabic spellings; these folds let it read Persian.
const FOLD: Record<string, string> = {
  پ: 'ب', چ: 'تش', ژ: 'ج', گ: 'غ', ڤ: 'ف', ڨ: 'غ', ک: 'ك', ی: 'ي', ێ: 'ي', ۆ: 'و', ە: 'ه', ۀ: 'ه', ہ: 'ه', ھ: 'ه',
  ٱ: 'ا', ٲ: 'ا', ٳ: 'ا', ﻱ: 'ي', ﻭ: 'و', ﻟ: 'ل', ﺭ: 'ر', ﺪ: 'د', ﺍ: 'ا',
};

// Harakat, shadda, sukun, dagger alif, tatweel, joiners and bidi marks: not letters of the spelling.
const MARKS = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu;
const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3\ufe70-\ufefc]/u;

/** Letters that write a long vowel or a consonant (alif, waw, ya and their forms); the model's contexts need them. */
export const VOWEL_LETTERS = new Set(['ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ة', 'ؤ', 'ئ']);

/**
 * An Arabic-script word as the model's letters, Persian forms folded: "سلیمانی" -> ["س","ل","ي","م","ا","ن","ي"],
 * "چمران" -> ["ت","ش","م","ر","ا","ن"]. Non-letters are dropped.
 */
export function arabicLetters(word: string): string[] {
  const out: string[] = [];
  for (const ch of word.normalize('NFC').replace(MARKS, '')) {
    const folded = FOLD[ch] ?? ch;
    for (const f of folded) if (ARABIC_LETTER.test(f)) out.push(f);
  }
  return out;
}

/** A Latin-script word as lower-case a-z, diacritics and apostrophes dropped: "Ja'far" -> "jafar", "Müller" -> "muller". */
export function latinLetters(word: string): string {
  return foldToAscii(word).replace(/[^a-z]/g, '');
}

/** True when the text holds an Arabic-script letter. */
export function isArabicScript(text: string): boolean {
  return ARABIC_LETTER.test(text) || /[\u06a9\u06af\u06cc\u067e\u0686\u0698]/u.test(text);
}

/** Position class of the letter at i of n, for emission contexts: I(nitial), M(edial), F(inal). */
export function positionClass(i: number, n: number): string {
  return i === 0 ? 'I' : i === n - 1 ? 'F' : 'M';
}

/** What follows the letter at i, for vowel-insertion contexts: E(nd), V(owel letter), C(onsonant). */
export function followerClass(letters: readonly string[], i: number): string {
  const next = letters[i + 1];
  return next === undefined ? 'E' : VOWEL_LETTERS.has(next) ? 'V' : 'C';
}
