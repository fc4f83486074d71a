/** The shipped relation model as an Extractor for the evaluation scripts: coreference, parser and model, as ingest runs them. */
import { loadRelationModel, modelRelationExtractor } from '../../src/extract/relation-model/index.js';
import { loadParser } from '../../src/nlp/parse/index.js';
import type { Extractor } from './eval-e2e.js';

/** Loads the model and the parser and returns the extractor ingest uses. */
export async function modelExtractor(modelDir?: string): Promise<Extractor> {
  return modelRelationExtractor(loadRelationModel(modelDir), loadParser(modelDir));
}
