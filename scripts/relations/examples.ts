/** Turns labelled documents into candidate pairs with features and acceptable classes, as the model sees them. */
import type { RelationTypeId } from '../../src/model/index.js';
import { CLASSES, NONE, classOf } from '../../src/extract/relation-model/classes.js';
import { pairFeatures } from '../../src/extract/relation-model/features.js';
import { pairKey, ruleVerdicts } from '../../src/extract/relation-model/rule-features.js';
import { candidatePairs, sentenceViews, type ParseLike, type SentenceView } from '../../src/extract/relation-model/sentence-view.js';
import type { LabelledDoc } from './data/types.js';

/** One candidate pair of a labelled document. */
export interface LabelledPair {
  doc: LabelledDoc;
  view: SentenceView;
  i: number;
  j: number;
  feats: string[];
  /** Acceptable classes; empty when the pair is ignored (an out-of-scope gold label holds). */
  gold: number[];
  /** True when the gold says a relation of our types holds (not "none"). */
  positive: boolean;
  labels: string[];
  /** What the pattern rules alone say about this pair (their best non-negated relation), for comparison. */
  rules?: { cls: number; p: number };
}

/** Parses a sentence's words (the dependency parser, when the caller has one). */
export type ParseFn = (words: readonly string[]) => ParseLike;

/** Candidate pairs of every document, labelled from its gold relations. */
export function labelPairs(docs: readonly LabelledDoc[], parse?: ParseFn, useRules = true): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const doc of docs) {
    const verdicts = ruleVerdicts({ documentId: doc.id, text: doc.text, sentences: doc.sentences, mentions: doc.mentions, dates: [], money: [] });
    const rules = useRules ? verdicts.features : new Map<string, string[]>();
    const ruleBest = new Map<string, { cls: number; p: number }>();
    for (const r of verdicts.relations) {
      if (r.negated || !r.sourceSpan || !r.targetSpan) continue;
      const k = pairKey(r.sourceSpan.start, r.targetSpan.start);
      if ((ruleBest.get(k)?.p ?? -1) < r.confidence) ruleBest.set(k, { cls: classOf(r.type, r.sourceSpan.start > r.targetSpan.start), p: r.confidence });
    }
    const goldByPair = new Map<string, typeof doc.gold>();
    for (const g of doc.gold) {
      const k = pairKey(g.source.start, g.target.start);
      goldByPair.set(k, [...(goldByPair.get(k) ?? []), g]);
    }
    for (const view of sentenceViews(doc.text, doc.sentences, doc.mentions)) {
      if (parse) view.parse = parse(view.tokens.map((t) => t.text));
      for (const [i, j] of candidatePairs(view)) {
        const A = view.mentions[i]!;
        const B = view.mentions[j]!;
        const golds = goldByPair.get(pairKey(A.start, B.start)) ?? [];
        const gold = acceptable(golds, A.start, doc.scope);
        out.push({
          doc, view, i, j, feats: pairFeatures(view, i, j, rules.get(pairKey(A.start, B.start)) ?? []), gold,
          positive: gold.length > 0 && !gold.includes(NONE), labels: golds.map((g) => g.label),
          rules: ruleBest.get(pairKey(A.start, B.start)),
        });
      }
    }
  }
  return out;
}

/** The classes that count as right for a pair, given its gold relations and the data set's scope. */
function acceptable(golds: LabelledDoc['gold'], aStart: number, scope: readonly RelationTypeId[]): number[] {
  const positives = golds.filter((g) => g.types.length > 0 && !g.negated);
  if (golds.length > 0 && positives.length === 0) {
    // Only out-of-scope or negated labels: a negated relation is "none"; an unmapped one is ignored.
    return golds.some((g) => g.negated) ? [NONE] : [];
  }
  if (positives.length === 0) {
    const inScope = new Set(scope);
    return CLASSES.flatMap((c, k) => (k === NONE || (c.type !== undefined && !inScope.has(c.type)) ? [k] : []));
  }
  const out = new Set<number>();
  for (const g of positives) {
    const reversed = g.source.start !== aStart;
    for (const t of g.types) {
      out.add(classOf(t, reversed));
      if (g.eitherDirection) out.add(classOf(t, !reversed));
    }
  }
  return [...out];
}
