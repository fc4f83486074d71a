/** Tagging a document: features per sentence, emission scores, Viterbi, and the prediction history carried forward. */
import type { WeightTable } from './weight-table.js';
import { viterbi, type TransitionModel } from './decode.js';
import { FeatureExtractor, isTitleCaseLine, recordHistory, type Lexicon } from './features.js';
import { neighbourFeatures, type WordInfo } from './word-features.js';
import { splitTag } from './tags.js';
import { CaseClass } from './word-shape.js';

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

// Per spelling, the summed weights of its own attributes and of its attributes seen from offsets -2, -1, +1, +2:
// most of a token's features depend on one spelling only, so each spelling is scored once, not once per occurrence.
const OFFSETS = [-2, -1, 1, 2];
function addRows(table: WeightTable, keys: readonly number[], out: Float32Array, at: number): void {
  const T = table.tagCount;
  for (const k of keys) {
    const r = table.row(k);
    if (r < 0) continue;
    for (let t = 0; t < T; t++) out[at + t]! += table.weights[r * T + t]!;
  }
}

function partialScores(table: WeightTable, info: WordInfo): Float32Array {
  // Cached on the spelling's own record (one extractor per model); `scoredBy` guards against a different table.
  if (info.scoredBy === table && info.scores) return info.scores;
  const T = table.tagCount;
  const v = new Float32Array(5 * T);
  addRows(table, info.own, v, 0);
  OFFSETS.forEach((o, k) => addRows(table, neighbourFeatures(info, o), v, (k + 1) * T));
  info.scores = v;
  info.scoredBy = table;
  return v;
}

/** Emission scores (tokens x tags) of one sentence: cached per-spelling parts plus the context features. */
function sentenceScores(model: NerModel, tokens: readonly string[], infos: WordInfo[], doc: Parameters<FeatureExtractor['contextFeatures']>[2]): Float32Array {
  const T = model.tags.length;
  const n = tokens.length;
  const { table } = model;
  const em = new Float32Array(n * T);
  const parts = infos.map((w) => partialScores(table, w));
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const own = parts[i]!;
    for (let t = 0; t < T; t++) em[base + t] = own[t]!;
    for (let k = 0; k < 4; k++) {
      const j = i + OFFSETS[k]!;
      if (j < 0 || j >= n) continue;
      const p = parts[j]!;
      const at = (k + 1) * T;
      for (let t = 0; t < T; t++) em[base + t]! += p[at + t]!;
    }
  }
  const { feats, starts } = model.extractor.contextFeatures(tokens, infos, doc);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let f = starts[i]!; f < starts[i + 1]!; f++) {
      const r = table.row(feats[f]!);
      if (r < 0) continue;
      const w = r * T;
      for (let t = 0; t < T; t++) em[base + t]! += table.weights[w + t]!;
    }
  }
  return em;
}

function truecase(token: string, info: WordInfo, doc: { seenLower: Set<string>; seenCapMid: Set<string> }): string {
  return info.caseClass === CaseClass.InitCap && doc.seenLower.has(info.lower) && !doc.seenCapMid.has(info.lower) ? info.lower : token;
}

/** Tags every sentence of one document (tokens in order); returns the model's tags (BILOU) per sentence. */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const allInfos = sentences.map((s) => s.map((t) => model.extractor.word(t)));
  const titleCase = allInfos.map(isTitleCaseLine);
  const doc = model.extractor.scanDocument(sentences, allInfos, titleCase);
  // Truecase headlines: a word the document writes in lower case, and never capitalised mid-sentence, is read in
  // lower case ("Reveal", "Dominates"), so capitals that carry no information do not make names.
  if (titleCase.includes(true)) {
    sentences = sentences.map((s, k) => (titleCase[k] ? s.map((t, i) => truecase(t, allInfos[k]![i]!, doc)) : s));
    titleCase.forEach((tc, k) => {
      if (tc) allInfos[k] = sentences[k]!.map((t) => model.extractor.word(t));
    });
  }
  const labelOf = historyLabels(model.tags);
  const out: string[][] = [];
  for (let k = 0; k < sentences.length; k++) {
    const tokens = sentences[k]!;
    if (tokens.length === 0) {
      out.push([]);
      continue;
    }
    const infos = allInfos[k]!;
    const best = viterbi(sentenceScores(model, tokens, infos, doc), tokens.length, model.transitions);
    out.push(Array.from(best, (t) => model.tags[t]!));
    recordHistory(doc, tokens, best, labelOf, model.extractor.caseless);
  }
  return out;
}
