/** Chunk-level NER scoring compatible with conlleval: exact span and type, micro-averaged over types. */
import { tagsToChunks } from './tags.js';

/** Counts for one type or for all types together. */
export interface TypeCounts {
  /** Chunks in the gold tags. */
  gold: number;
  /** Chunks in the predicted tags. */
  found: number;
  /** Predicted chunks with exactly the gold span and type. */
  correct: number;
}

/** Accumulated counts over any number of sentences. */
export interface ScoreCounts {
  tokens: number;
  /** Tokens whose predicted tag equals the gold tag (conlleval's "accuracy"). */
  correctTags: number;
  overall: TypeCounts;
  byType: Map<string, TypeCounts>;
}

/** Precision, recall and F1 in [0, 1]. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Starts an empty tally. */
export function emptyCounts(): ScoreCounts {
  return { tokens: 0, correctTags: 0, overall: { gold: 0, found: 0, correct: 0 }, byType: new Map() };
}

function typeCounts(counts: ScoreCounts, type: string): TypeCounts {
  let c = counts.byType.get(type);
  if (!c) counts.byType.set(type, (c = { gold: 0, found: 0, correct: 0 }));
  return c;
}

/** Adds one sentence's gold and predicted tags (any mix of IOB1, IOB2, BILOU) to the tally. */
export function addSentence(counts: ScoreCounts, gold: readonly string[], predicted: readonly string[]): void {
  if (gold.length !== predicted.length) throw new Error(`tag count mismatch: ${gold.length} gold vs ${predicted.length} predicted`);
  counts.tokens += gold.length;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) counts.correctTags++;
  const g = tagsToChunks(gold);
  const p = tagsToChunks(predicted);
  const goldKeys = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`));
  for (const c of g) {
    counts.overall.gold++;
    typeCounts(counts, c.type).gold++;
  }
  for (const c of p) {
    counts.overall.found++;
    const t = typeCounts(counts, c.type);
    t.found++;
    if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) {
      counts.overall.correct++;
      t.correct++;
    }
  }
}

/** Precision, recall and F1 from counts; 0 when undefined, as conlleval prints. */
export function prf(c: TypeCounts): Prf {
  const precision = c.found === 0 ? 0 : c.correct / c.found;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

/** Formats counts the way conlleval prints them: a summary line, then one line per type. */
export function formatCounts(counts: ScoreCounts): string[] {
  const o = prf(counts.overall);
  const acc = counts.tokens === 0 ? 0 : counts.correctTags / counts.tokens;
  const lines = [
    `processed ${counts.tokens} tokens with ${counts.overall.gold} phrases; found: ${counts.overall.found} phrases; correct: ${counts.overall.correct}.`,
    `accuracy: ${pct(acc)}%; precision: ${pct(o.precision)}%; recall: ${pct(o.recall)}%; FB1: ${pct(o.f1)}`,
  ];
  for (const type of [...counts.byType.keys()].sort()) {
    const c = counts.byType.get(type)!;
    const r = prf(c);
    lines.push(`${type.padStart(17)}: precision: ${pct(r.precision)}%; recall: ${pct(r.recall)}%; FB1: ${pct(r.f1)}  ${c.found}`);
  }
  return lines;
}
