/**
 * Training sentences for the tagger and parser: the treebank as written, the same sentences re-tokenised the way
 * Cablegraph's tokenizer splits text (where that differs), and a few deterministic variants for robustness: an
 * all-caps copy (headlines) and a copy without its final punctuation (titles, chat, bullet points).
 */
import type { ConlluSentence, ConlluWord } from './conllu.js';
import { mix } from './hash.js';
import { retokenise } from './retokenise.js';

/** One training sentence and its cross-validation fold (variants share the fold of their original). */
export interface TrainSentence {
  words: ConlluWord[];
  fold: number;
}

/** The sentence in capitals ("IRAN BLAMES U.S."); lemmas and tree unchanged. */
export function upperCased(words: readonly ConlluWord[]): ConlluWord[] {
  return words.map((w) => ({ ...w, form: w.form.toUpperCase() }));
}

/** The sentence without its final punctuation word, or null when there is none or it has dependents. */
export function withoutFinalPunct(words: readonly ConlluWord[]): ConlluWord[] | null {
  const last = words.length - 1;
  if (last < 1 || words[last]!.upos !== 'PUNCT' || words.some((w) => w.head === last)) return null;
  return words.slice(0, last).map((w) => ({ ...w }));
}

/** Counts of what the variants added. */
export interface TrainingStats {
  sentences: number;
  retokenised: number;
  upper: number;
  noFinalPunct: number;
}

/** Builds the training set with folds 0..folds-1 assigned round-robin over the original sentences. */
export function trainingSentences(sents: readonly ConlluSentence[], folds: number, variantPercent = 4): { data: TrainSentence[]; stats: TrainingStats } {
  const data: TrainSentence[] = [];
  const stats: TrainingStats = { sentences: sents.length, retokenised: 0, upper: 0, noFinalPunct: 0 };
  sents.forEach((s, i) => {
    const fold = i % folds;
    data.push({ words: s.words, fold });
    const r = retokenise(s);
    if (r && r !== s) {
      data.push({ words: r.words, fold });
      stats.retokenised++;
    }
    const roll = mix(i, 0x5eed) % 100;
    if (roll < variantPercent) {
      data.push({ words: upperCased((r ?? s).words), fold });
      stats.upper++;
    } else if (roll < 2 * variantPercent) {
      const cut = withoutFinalPunct((r ?? s).words);
      if (cut) {
        data.push({ words: cut, fold });
        stats.noFinalPunct++;
      }
    }
  });
  return { data, stats };
}
