/**
 * Tokenisation of Arabic-script text: words (ZWNJ inside), Arabic punctuation (، ؛ ؟ « ») apart, bidi marks
 * dropped, each token's text normalised (see arabic-script.ts) while its offsets stay the original's; Arabic
 * proclitics (و ف ب ل ك, with ال kept on the stem) split off where word counts say the rest is a word of its own.
 */
import { normalizeArabicScript } from './arabic-script.js';
import { tokenize, type Token } from './tokenize.js';

/** A token of Arabic-script text: `text` is the normalised form, [start, end) the original characters. */
export interface ScriptToken extends Token {
  /** True for a split-off proclitic ("و" of "وبريطانيا"). */
  clitic?: boolean;
}

// Proclitic sequences, longest first (normalised spelling: ك is written ک). "لل" is li- before the article whose
// alef is dropped: "للامم" is ل + (ا)لامم. Sequences ending in ال keep the article on the stem ("وبالعراق" ->
// "وب" + "العراق"), as ANERcorp labels "العراق", not "عراق", as the name.
const PROCLITICS = ['وبال', 'فبال', 'وکال', 'فکال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'کال', 'لل', 'وب', 'ول', 'وک', 'فب', 'فل', 'فک', 'و', 'ف', 'ب', 'ل', 'ک'];
// Minimum letters left for a stem: "بوش" is not ب + "وش".
const MIN_STEM = 3;

/** Decides clitic splits from word counts of unlabelled text (normalised spellings). */
export class CliticSplitter {
  private readonly cache = new Map<string, { cut: number; stem: string } | null>();
  constructor(private readonly counts: ReadonlyMap<string, number>, private readonly minCount = 2) {}

  /**
   * The proclitic's length and the stem's normalised form for `word` (normalised), null for no split: split when the rest (with the article
   * restored after "لل") is seen at least `minCount` times and at least as often as the whole word ("وبریطانیا" ->
   * "و" + "بریطانیا"; "لبنان" stays whole: "بنان" is rare), or, for a word never seen, when the clitic is "و" or "ف"
   * or ends in the article and the rest is long enough ("وسلیمانی").
   */
  split(word: string): { cut: number; stem: string } | null {
    // Cached per spelling: words repeat, and each decision is up to 22 prefix tests and map lookups.
    let r = this.cache.get(word);
    if (r === undefined) {
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(word, (r = this.decide(word)));
    }
    return r;
  }

  private decide(word: string): { cut: number; stem: string } | null {
    if (word.length < MIN_STEM + 1) return null;
    const whole = this.counts.get(word) ?? 0;
    for (const p of PROCLITICS) {
      if (!word.startsWith(p)) continue;
      const cut = p.endsWith('ال') ? p.length - 2 : p.endsWith('لل') ? p.length - 1 : p.length;
      const stem = stemOf(word, p, cut);
      if (stem.length < MIN_STEM) continue;
      const n = this.counts.get(stem) ?? 0;
      if (n >= this.minCount && n >= whole) return { cut, stem };
      if (whole === 0 && n === 0 && stem.length >= 4 && (p === 'و' || p === 'ف' || p.endsWith('ال') || p.endsWith('لل'))) return { cut, stem };
    }
    return null;
  }
}

/** The stem after cutting `cut` characters of proclitic `p` off `word`: "للامم" -> "الامم" (the article's alef restored). */
function stemOf(word: string, p: string, cut: number): string {
  return p.endsWith('لل') ? 'ا' + word.slice(cut) : word.slice(cut);
}

const TEH_AS_HEH = { tehMarbutaAsHeh: true };
const BIDI_ONLY = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+$/u;

/** Tokens of text[start, end) with normalised texts; with a splitter, proclitics become tokens of their own. */
export function tokenizeArabicScript(text: string, start = 0, end = text.length, splitter?: CliticSplitter): ScriptToken[] {
  const out: ScriptToken[] = [];
  for (const t of tokenize(text, start, end)) {
    if (BIDI_ONLY.test(t.text)) continue;
    // Teh marbuta read as heh: Arabic "سورية" and Persian "سوریه" are one spelling for features and lists.
    const norm = normalizeArabicScript(t.text, TEH_AS_HEH);
    const split = splitter?.split(norm);
    if (!split) {
      out.push({ text: norm, start: t.start, end: t.end });
      continue;
    }
    // Offsets of the cut in the original token: count kept characters (diacritics and tatweel are dropped).
    const at = originalIndex(t.text, split.cut);
    out.push({ text: norm.slice(0, split.cut), start: t.start, end: t.start + at, clitic: true });
    out.push({ text: split.stem, start: t.start + at, end: t.end });
  }
  return out;
}

/** Index in the original word after its first `kept` normalised characters (and the marks that follow them). */
function originalIndex(word: string, kept: number): number {
  let k = 0;
  let i = 0;
  while (i < word.length && k < kept) {
    if (normalizeArabicScript(word[i]!) !== '') k++;
    i++;
  }
  // Marks on the last clitic letter ("وَ") belong to the clitic.
  while (i < word.length && normalizeArabicScript(word[i]!) === '') i++;
  return i;
}
