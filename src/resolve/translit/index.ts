/**
 * The shipped transliteration model (models/translit-ar.json.gz) and name-level scores: an Arabic- or Persian-script
 * name against a Latin one, word by word when both have as many words, else as one string.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { arabicLetters, latinLetters } from './letters.js';
import { TranslitModel, type TranslitModelData } from './model.js';

export { TranslitModel } from './model.js';
export { arabicLetters, isArabicScript, latinLetters } from './letters.js';

/** File name of the model in the models/ folder. */
export const TRANSLIT_MODEL_FILE = 'translit-ar.json.gz';

let shippedFile: string | undefined;

/** The shipped model file: walks up from this module to the package root once (works from src/ and dist/src/). */
function shippedModel(): string {
  if (shippedFile === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    shippedFile = join(dir, 'models', TRANSLIT_MODEL_FILE);
  }
  return shippedFile;
}

const loaded = new Map<string, TranslitModel | null>();
let shipped: TranslitModel | null | undefined;

/** Loads the model from a file (default: the shipped one), cached; null when the file is absent. Resolution calls it per name. */
export function loadTranslitModel(file?: string): TranslitModel | null {
  if (file === undefined && shipped !== undefined) return shipped;
  const path = file ?? shippedModel();
  let model = loaded.get(path);
  if (model === undefined) {
    model = existsSync(path) ? new TranslitModel(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as TranslitModelData) : null;
    loaded.set(path, model);
  }
  if (file === undefined) shipped = model;
  return model;
}

/** An Arabic-script name prepared once for scoring against many Latin names. */
export interface PreparedArabic {
  words: string[][];
  joined: string[];
}

/** Splits an Arabic-script name into the model's letters per word ("قاسم سلیمانی" -> two words). */
export function prepareArabic(name: string): PreparedArabic {
  const words = name.split(/[\s\u060c,\-_]+/u).map(arabicLetters).filter((w) => w.length > 0);
  return { words, joined: words.flat() };
}

/** Splits a Latin name into plain a-z words ("Abdul-Mahdi" -> ["abdul", "mahdi"]). */
export function prepareLatin(name: string): string[] {
  return name.split(/[\s\-_,.]+/u).map(latinLetters).filter((w) => w !== '');
}

/** Scores of a name pair: log P(latin | arabic) and the per-letter ratio against the Latin letter model. */
export interface TranslitScore {
  logProb: number;
  ratio: number;
}

/** Scores an Arabic-script name against a Latin one (both prepared). */
export function scorePrepared(model: TranslitModel, arabic: PreparedArabic, latin: string[]): TranslitScore {
  const pairs: [string[], string][] = arabic.words.length === latin.length
    ? arabic.words.map((w, i) => [w, latin[i]!])
    : [[arabic.joined, latin.join('')]];
  let logProb = 0;
  let lm = 0;
  let letters = 0;
  for (const [a, l] of pairs) {
    logProb += model.logProb(a, l);
    lm += model.latinLogProb(l);
    letters += l.length + 1;
  }
  return { logProb, ratio: letters === 0 ? -Infinity : (logProb - lm) / letters };
}

/** Scores an Arabic-script name against a Latin name with the shipped model; null when the model is absent. */
export function transliterationScore(arabic: string, latin: string, model: TranslitModel | null = loadTranslitModel()): TranslitScore | null {
  return model ? scorePrepared(model, prepareArabic(arabic), prepareLatin(latin)) : null;
}
