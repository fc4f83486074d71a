/** English POS tagging, lemmatisation and dependency parsing (UD), from the shipped model trained on UD English EWT. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotator } from './annotate.js';
import { loadParseModel } from './model-io.js';
import type { ParseModel } from './model.js';

/** One parsed sentence; arrays are parallel to the input words. */
export interface ParsedSentence {
  words: readonly string[];
  upos: string[]; // UD UPOS tags
  lemma: string[]; // lower-case lemmas
  head: Int32Array; // index of the head word, -1 for the root
  deprel: string[]; // UD relation incl. subtype ("nsubj", "obl:tmod", "compound", "root")
}

/** A loaded tagger + lemmatiser + parser. */
export interface Parser {
  version: string; // e.g. "cablegraph-parse-en-1", recorded as provenance
  parse(words: readonly string[]): ParsedSentence; // tags, lemmatises and parses one sentence
  tag(words: readonly string[]): { upos: string[]; lemma: string[] }; // POS + lemmas only (cheaper)
}

/** File name of the shipped model inside the model folder. */
export const PARSE_MODEL_FILE = 'parse-en.bin.gz';

/** Wraps a model (loaded or still in memory after training) as a Parser. */
export function parserFromModel(model: ParseModel): Parser {
  const a = new Annotator(model);
  const upos = model.upos;
  const deprels = model.parser.deprels;
  return {
    version: model.version,
    parse(words: readonly string[]): ParsedSentence {
      const r = a.parse(words);
      return { words, upos: Array.from(r.tags, (t) => upos[t]!), lemma: r.lemma, head: r.head, deprel: Array.from(r.label, (l) => deprels[l]!) };
    },
    tag(words: readonly string[]): { upos: string[]; lemma: string[] } {
      const r = a.tag(words);
      return { upos: Array.from(r.tags, (t) => upos[t]!), lemma: r.lemma };
    },
  };
}

/** The shipped models/ folder (found by walking up from this module to package.json; works from src/ and dist/src/). */
export function defaultParseModelDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above the parse module');
    dir = up;
  }
  return join(dir, 'models');
}

const cache = new Map<string, Parser>();

/** Loads the parser from `modelDir` (default: the shipped models/ folder); cached per folder. */
export function loadParser(modelDir: string = defaultParseModelDir()): Parser {
  let p = cache.get(modelDir);
  if (!p) {
    p = parserFromModel(loadParseModel(join(modelDir, PARSE_MODEL_FILE)));
    cache.set(modelDir, p);
  }
  return p;
}
