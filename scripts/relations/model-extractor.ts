/** The shipped relation model as an Extractor for the evaluation scripts, with the parser when there is one. */
import { extractRelationsModel, loadRelationModel, type ParseLike } from '../../src/extract/relation-model/index.js';
import type { Extractor } from './eval-e2e.js';

/** Loads the model (and the parser, if present) and returns an extractor. */
export async function modelExtractor(modelDir?: string): Promise<Extractor> {
  const model = loadRelationModel(modelDir);
  let parse: ((words: readonly string[]) => ParseLike) | undefined;
  try {
    const path = '../../src/nlp/parse/index.js';
    const mod = (await import(path)) as { loadParser: () => { parse: (w: readonly string[]) => ParseLike } };
    const parser = mod.loadParser();
    parse = (w) => parser.parse(w);
  } catch {
    parse = undefined;
  }
  return (input) => extractRelationsModel(input, { model, parse });
}
