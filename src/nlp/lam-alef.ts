/**
 * Repairs Persian and Arabic text read from a PDF whose lam-alef ligatures came out reversed. A font draws lam followed
 * by alef as one glyph whose Unicode mapping is "لا"; PDF text readers (poppler, pdf.js, and others) turn the visual
 * order of right-to-left glyphs into logical order by reversing characters, and reverse that pair as well: every "لا"
 * of such a document reads "ال" ("اطلاعات" -> "اطالعات", "الاستخبارات" -> "االستخبارات"), which no search finds.
 *
 * Lam followed by alef always forms the ligature, so a damaged text holds no "لا" at all. A text with none is repaired
 * word by word, and only where it is sure: a word opening "اال" (no word does) becomes "الا"; a word with "ال" is changed
 * when it is unknown and one swap of "ال" to "لا" gives a known word (the Persian and Arabic name models'
 * vocabularies, about 24,000 words). The text keeps its length, so offsets do not move.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadModelFile } from './ner/model-io.js';
import { defaultModelDir, modelFileFor } from './ner/index.js';

const ARABIC_WORD = /[\u0621-\u064a\u0671-\u06d3\u200c]+/gu;
const ARABIC_LETTERS = /[\u0621-\u064a\u0671-\u06d3]/gu;

let vocabulary: Set<string> | undefined;

/** Words of the Persian and Arabic name models (their clusters and word counts); empty when no model is installed. */
function knownWords(): Set<string> {
  if (vocabulary) return vocabulary;
  vocabulary = new Set();
  for (const lang of ['fa', 'ar'] as const) {
    const path = join(defaultModelDir(), modelFileFor(lang));
    if (!existsSync(path)) continue;
    const { lexicon } = loadModelFile(path);
    for (const w of lexicon.clusters.keys()) vocabulary.add(w);
    for (const w of lexicon.wordCounts?.keys() ?? []) vocabulary.add(w);
  }
  return vocabulary;
}

/** True when the text may have reversed lam-alef ligatures: Arabic script with "ال" but no "لا" at all. */
export function mayHaveReversedLamAlef(text: string): boolean {
  return !text.includes('لا') && text.includes('ال') && (text.match(ARABIC_LETTERS)?.length ?? 0) >= 40;
}

/**
 * The text with reversed lam-alef ligatures put right, and how many words changed; the text as it is when it holds a
 * "لا" (the ligatures were read right) or nothing to repair. `known` says whether a word exists (default: the name
 * models' vocabularies).
 */
export function repairReversedLamAlef(text: string, known: (word: string) => boolean = isKnownWord): { text: string; words: number } {
  return mayHaveReversedLamAlef(text) ? repairWords(text, known) : { text, words: 0 };
}

/** The pages of one document repaired together: the damage is read from the whole document, each page fixed alike. */
export function repairReversedLamAlefPages(pages: readonly string[], known: (word: string) => boolean = isKnownWord): { pages: string[]; words: number } {
  if (!mayHaveReversedLamAlef(pages.join('\n'))) return { pages: [...pages], words: 0 };
  let words = 0;
  const out = pages.map((page) => {
    const r = repairWords(page, known);
    words += r.words;
    return r.text;
  });
  return { pages: out, words };
}

const isKnownWord = (word: string): boolean => knownWords().has(word);

function repairWords(text: string, known: (word: string) => boolean): { text: string; words: number } {
  let words = 0;
  const out = text.replace(ARABIC_WORD, (word) => {
    const fixed = repairWord(word, known);
    if (fixed !== word) words++;
    return fixed;
  });
  return { text: out, words };
}

function repairWord(word: string, known: (word: string) => boolean): string {
  // "االستخبارات": the article, then a lam-alef read backwards.
  if (word.startsWith('اال')) word = `الا${word.slice(3)}`;
  if (known(word) || !word.includes('ال')) return word;
  // One "ال" swapped, the first that gives a known word ("الریجانی" -> "لاریجانی" too; a known article word stays).
  for (let at = word.indexOf('ال'); at >= 0; at = word.indexOf('ال', at + 1)) {
    const swapped = `${word.slice(0, at)}لا${word.slice(at + 2)}`;
    if (known(swapped)) return swapped;
  }
  return word;
}
