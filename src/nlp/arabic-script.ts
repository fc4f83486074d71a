/**
 * Arabic-script normalisation for features and matching (Persian and Arabic): one spelling per letter variant,
 * no diacritics, tatweel or bidi marks, ASCII digits. Spans always point into the original text: the offset-keeping
 * variant maps every normalised character back to where it came from.
 */

/** Options of the normalisation. */
export interface ArabicNormalizeOptions {
  /** Teh marbuta as heh ("مدرسة" and Persian "مدرسه" meet); a feature choice, off by default. */
  tehMarbutaAsHeh?: boolean;
}

// Code points dropped: harakat and Quranic marks (U+064B-065F, U+0670 superscript alef, U+06D6-06ED), tatweel
// (U+0640), and bidi controls (LRM, RLM, ALM, U+202A-202E embeddings, U+2066-2069 isolates). ZWNJ (U+200C, the
// Persian half-space of "می‌شود") is part of the word and stays.
function isDropped(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed) ||
    c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

// Letter variants written as one letter: Arabic yeh and alef maksura as Persian yeh (ي ى -> ی), Arabic kaf as Persian
// kaf (ك -> ک), hamza-carrying and wasla alefs as bare alef (أ إ آ ٱ -> ا), heh with yeh above as heh (ۀ -> ه).
const LETTER_MAP = new Map<number, number>([
  [0x064a, 0x06cc], [0x0649, 0x06cc], [0x0643, 0x06a9],
  [0x0623, 0x0627], [0x0625, 0x0627], [0x0622, 0x0627], [0x0671, 0x0627], [0x0672, 0x0627], [0x0673, 0x0627],
  [0x06c0, 0x0647], [0x06d5, 0x0647],
]);

/** The normalised code point of `c` (-1: dropped); Persian ۰-۹ and Arabic-Indic ٠-٩ digits become 0-9. */
function mapCode(c: number, tehAsHeh: boolean): number {
  if (c < 0x0600) return c >= 0x200c && isDropped(c) ? -1 : c;
  if (isDropped(c)) return -1;
  if (c >= 0x06f0 && c <= 0x06f9) return 48 + c - 0x06f0;
  if (c >= 0x0660 && c <= 0x0669) return 48 + c - 0x0660;
  if (c === 0x0629) return tehAsHeh ? 0x0647 : c;
  return LETTER_MAP.get(c) ?? c;
}

/** True when the text holds no character the normalisation changes (most Latin text): callers skip the work. */
function untouched(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) return false;
    if (c >= 0x200e && c <= 0x2069 && isDropped(c)) return false;
  }
  return true;
}

/** Normalises a word or text for features and matching: "بأبي" -> "بابی", "كتاب" -> "کتاب", "۱۳۹۸" -> "1398". */
export function normalizeArabicScript(text: string, options: ArabicNormalizeOptions = {}): string {
  if (untouched(text)) return text;
  const tehAsHeh = options.tehMarbutaAsHeh ?? false;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const m = mapCode(text.charCodeAt(i), tehAsHeh);
    if (m >= 0) out += String.fromCharCode(m);
  }
  return out;
}

/**
 * The letter and digit part of the normalisation with every offset kept: each character maps to one character (letter
 * variants and digits as `normalizeArabicScript` writes them; harakat, tatweel and bidi marks kept as they are), so
 * spans into the result are spans into the original. For features over text whose offsets must not move.
 */
export function foldArabicLetters(text: string): string {
  if (untouched(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const m = mapCode(c, false);
    out += String.fromCharCode(m >= 0 ? m : c);
  }
  return out;
}

/** A normalised text with, for each of its characters, the offset of the original character it came from. */
export interface NormalizedText {
  text: string;
  /** offsets[i]: index in the original text of normalised character i; offsets[text.length]: the original length. */
  offsets: Int32Array;
}

/** Normalises and keeps offsets, so a match in the normalised text maps back to a span of the original. */
export function normalizeWithOffsets(text: string, options: ArabicNormalizeOptions = {}): NormalizedText {
  const tehAsHeh = options.tehMarbutaAsHeh ?? false;
  const offsets = new Int32Array(text.length + 1);
  let out = '';
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const m = mapCode(text.charCodeAt(i), tehAsHeh);
    if (m < 0) continue;
    out += String.fromCharCode(m);
    offsets[k++] = i;
  }
  offsets[k] = text.length;
  return { text: out, offsets: offsets.slice(0, k + 1) };
}

/** Maps a span [start, end) of a normalised text back to the original text's span. */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  // The end is one past the last kept character, so marks dropped after it (a final damma) stay outside.
  return { start: n.offsets[start]!, end: end > start ? n.offsets[end - 1]! + 1 : n.offsets[start]! };
}

/** True for a character of the Arabic script blocks (Arabic, Supplement, Presentation Forms). */
export function isArabicScriptCode(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/** Share of the letters in text[start, end) that are Arabic-script letters (0 when there are none). */
export function arabicScriptShare(text: string, start = 0, end = text.length): number {
  let arabic = 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    if (isArabicScriptCode(c)) {
      // Digits, punctuation and marks of the block are not letters.
      if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff)) {
        arabic++;
        letters++;
      }
    } else if (/\p{L}/u.test(text[i]!)) letters++;
  }
  return letters === 0 ? 0 : arabic / letters;
}

/** Letters only Persian writes (پ چ ژ گ ک ی), as opposed to Arabic (ة ي ك). */
const PERSIAN_ONLY = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC]/u;

/** Persian or Arabic for an Arabic-script passage too short for the language detector: Persian-only letters decide. */
export function guessPersianOrArabic(text: string): 'fa' | 'ar' {
  return PERSIAN_ONLY.test(text) ? 'fa' : 'ar';
}
