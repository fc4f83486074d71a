/** Named-entity recognition: loads the shipped averaged-perceptron model and finds PERSON, ORG, LOC and MISC names in text. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType, Span } from '../../model/index.js';
import { tokenize } from '../tokenize.js';
import { loadModelFile } from './model-io.js';
import { tagDocument, type NerModel } from './tagger.js';
import { chunksToSpans, tagsToChunks, type Chunk } from './tags.js';
import type { Token } from '../tokenize.js';
import { harmoniseTypes, propagateNames, resolveSurnames } from './consistency.js';
import { applyRules } from './rules.js';
import { checkCapsLines } from './headlines.js';
import { truecaseCapsSentences } from './truecase-caps.js';
import { arabicScriptRecognizer } from './arabic.js';
import { COORD_FILE, DocumentWords, coordinationShape, splitCoordinations, type CoordModel } from './coordination.js';

/** A name found in text; offsets are character offsets into the text given to recognize(). */
export interface NerSpan {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  confidence?: number;
}

/** Anything that finds names in a text split into sentences. */
export interface Recognizer {
  /** Model name and version, recorded as provenance. */
  version: string;
  /** Finds names in `text`; `sentences` are spans of it (from splitSentences); the whole text is one document. */
  recognize(text: string, sentences: Span[]): NerSpan[];
}

/** File name of the shipped model inside the model folder. */
export const MODEL_FILE = 'ner-en.bin.gz';

/** Languages with a shipped model. */
export const NER_LANGUAGES = ['en', 'fa', 'ar'] as const;
/** A language with a shipped model. */
export type NerLanguage = (typeof NER_LANGUAGES)[number];

/** File name of a language's model inside the model folder ("ner-fa.bin.gz"). */
export function modelFileFor(language: NerLanguage): string {
  return language === 'en' ? MODEL_FILE : `ner-${language}.bin.gz`;
}

/**
 * Wraps a loaded model as a Recognizer (training and tests use this with a model still in memory). With `coord`
 * (the coordination model), chunks spanning "and" are split where it judges them two names; the version then
 * names both models.
 */
export function recognizerFromModel(model: NerModel, coord?: CoordModel): Recognizer {
  if (model.lexicon.script === 'arabic') return arabicScriptRecognizer(model);
  return {
    version: coord ? `${model.version}+${coord.version}` : model.version,
    recognize(text: string, sentences: Span[]): NerSpan[] {
      // ALL-CAPS sentences are read as mixed-case text would write them (truecase-caps.ts); offsets are unchanged.
      const original = sentences.map((s) => tokenize(text, s.start, s.end));
      const tokens = truecaseCapsSentences(original, model.lexicon.capBuckets, CAPS_PROSE_WORDS);
      const words = tokens.map((ts) => ts.map((t) => t.text));
      const tags = tagDocument(model, words);
      let docWords: DocumentWords | undefined;
      const chunks = tokens.map((ts, i) => {
        let cs = tagsToChunks(tags[i]!);
        if (coord && cs.some((_, k) => coordinationShape(cs, k, words[i]!) >= 0)) {
          docWords ??= new DocumentWords(words);
          cs = splitCoordinations(cs, ts, model.lexicon, coord, { words: docWords, sentence: i });
        }
        return splitAtCells(applyRules(cs, ts, model.lexicon), ts, text);
      });
      const doc = { tokens, chunks };
      checkCapsLines(doc, model.lexicon);
      propagateNames(doc);
      harmoniseTypes(doc);
      resolveSurnames(doc);
      return chunksToSpans(text, tokens, chunks);
    },
  };
}

/** A name never runs across the gap between two cells of a table row (a tab in the reading view, src/nlp/layout.ts). */
function splitAtCells(chunks: Chunk[], tokens: readonly Token[], text: string): Chunk[] {
  if (chunks.length === 0 || !text.slice(tokens[0]!.start, tokens.at(-1)!.end).includes('\t')) return chunks;
  return chunks.flatMap((c) => {
    const out: Chunk[] = [];
    let start = c.start;
    for (let i = c.start + 1; i < c.end; i++) {
      if (!text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\t')) continue;
      out.push({ ...c, start, end: i });
      start = i;
    }
    out.push({ ...c, start, end: c.end });
    return out;
  });
}

/**
 * An ALL-CAPS sentence of a mixed-case document is recased (truecase-caps.ts) when it has at least this many words:
 * prose (a cable's summary paragraph), not a headline or a table row, which the model learnt in capitals from CoNLL-2003.
 * At 12 the ALL-CAPS lines of CoNLL-2003 dev score as before (at 8 they lose 2 points of F1). A document written
 * entirely in capitals is recased whole.
 */
const CAPS_PROSE_WORDS = 12;

/** Finds the repository root by walking up from this module until a folder holds package.json (works from src/ and dist/src/). */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

/** Default folder of the shipped model. */
export function defaultModelDir(): string {
  return join(findPackageRoot(), 'models');
}

const cache = new Map<string, Recognizer>();

/** The coordination model beside an English NER model (`ner-en-coord.json`), or undefined when the folder has none. */
export function loadCoordModel(dir: string = defaultModelDir()): CoordModel | undefined {
  const path = join(dir, COORD_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CoordModel) : undefined;
}

/**
 * Loads a language's recognizer ("en", "fa", "ar"; default English) from `modelDir` (default: the shipped models/
 * folder), on first use only: loaded models are cached per folder and language. A first argument that is not a
 * language code is read as the model folder (English), as before languages were added.
 */
export function loadRecognizer(languageOrDir?: string, modelDir?: string): Recognizer {
  const isLanguage = languageOrDir !== undefined && (NER_LANGUAGES as readonly string[]).includes(languageOrDir);
  const language: NerLanguage = isLanguage ? (languageOrDir as NerLanguage) : 'en';
  const dir = (isLanguage ? modelDir : languageOrDir ?? modelDir) ?? defaultModelDir();
  const key = `${language}\0${dir}`;
  let rec = cache.get(key);
  if (!rec) {
    rec = recognizerFromModel(loadModelFile(join(dir, modelFileFor(language))), language === 'en' ? loadCoordModel(dir) : undefined);
    cache.set(key, rec);
  }
  return rec;
}
