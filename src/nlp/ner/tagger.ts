/** Tagging a document: features per sentence, emission scores, Viterbi, and the prediction history carried forward. */
import { emissionScores, type WeightTable } from './weight-table.js';
import { viterbi, type TransitionModel } from './decode.js';
import { FeatureExtractor, recordHistory, type Lexicon } from './features.js';
import { splitTag } from './tags.js';

/** A loaded model: weights, transitions and the lexicon its features read. */
export interface NerModel {
  version: string;
  tags: string[];
  table: WeightTable;
  transitions: TransitionModel;
  lexicon: Lexicon;
  extractor: FeatureExtractor;
}

const HISTORY_INDEX: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };

/** History label of each tag index: 0..3 for PER, ORG, LOC, MISC, 4 for O. */
export function historyLabels(tags: readonly string[]): Int32Array {
  return Int32Array.from(tags, (t) => HISTORY_INDEX[splitTag(t)[1]] ?? 4);
}

/** Tags every sentence of one document (tokens in order); returns the model's tags (BILOU) per sentence. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const doc = model.extractor.scanDocument(sentences);
  const labelOf = historyLabels(model.tags);
  const T = model.tags.length;
  const lookup = (k: number): number => model.table.row(k);
  const out: string[][] = [];
  for (const tokens of sentences) {
    if (tokens.length === 0) {
      out.push([]);
      continue;
    }
    const { feats, starts } = model.extractor.sentence(tokens, doc);
    const em = emissionScores(lookup, model.table.weights, T, feats, starts);
    const best = viterbi(em, tokens.length, model.transitions);
    out.push(Array.from(best, (t) => model.tags[t]!));
    recordHistory(doc, tokens, Array.from(best, (t) => labelOf[t]!));
  }
  return out;
}
