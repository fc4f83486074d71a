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
  /** The gold says the sentence denies the relation (it is still read as that type; negation is a flag). */
  negated: boolean;
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
    // Gold holds between entities within a sentence: a label on one mention of a name counts for its repetitions.
    const keyAt = new Map(doc.mentions.map((m) => [m.start, m.entityKey]));
    const sentenceOf = (at: number): number => doc.sentences.findIndex((s) => s.start <= at && at < s.end);
    const entityPair = (a: number, b: number): string => `${sentenceOf(a)}|${[keyAt.get(a), keyAt.get(b)].sort().join('|')}`;
    const goldByPair = new Map<string, { g: (typeof doc.gold)[number]; sourceKey: string | undefined }[]>();
    for (const g of doc.gold) {
      const k = entityPair(g.source.start, g.target.start);
      goldByPair.set(k, [...(goldByPair.get(k) ?? []), { g, sourceKey: keyAt.get(g.source.start) }]);
    }
    for (const view of sentenceViews(doc.text, doc.sentences, doc.mentions)) {
      if (parse) view.parse = parse(view.tokens.map((t) => t.text));
      for (const [i, j] of candidatePairs(view)) {
        const A = view.mentions[i]!;
        const B = view.mentions[j]!;
        const golds = goldByPair.get(entityPair(A.start, B.start)) ?? [];
        const gold = acceptable(golds, A.entityKey, doc.scope);
        out.push({
          doc, view, i, j, feats: pairFeatures(view, i, j, rules.get(pairKey(A.start, B.start)) ?? []), gold,
          positive: gold.length > 0 && !gold.includes(NONE), labels: golds.map((x) => x.g.label),
          negated: golds.some((x) => x.g.negated),
          rules: ruleBest.get(pairKey(A.start, B.start)),
        });
      }
    }
  }
  return out;
}

/** The classes that count as right for a pair, given its gold relations and the data set's scope. */
function acceptable(golds: { g: LabelledDoc['gold'][number]; sourceKey: string | undefined }[], aKey: string, scope: readonly RelationTypeId[]): number[] {
  const positives = golds.filter((x) => x.g.types.length > 0);
  // Only labels with no type of ours (unmapped, hedged, nationality): the pair is unknown, neither taught nor scored.
  if (golds.length > 0 && positives.length === 0) return [];
  if (golds.length === 0) {
    const inScope = new Set(scope);
    return CLASSES.flatMap((c, k) => (k === NONE || (c.type !== undefined && !inScope.has(c.type)) ? [k] : []));
  }
  const out = new Set<number>();
  for (const { g, sourceKey } of positives) {
    const reversed = sourceKey !== aKey;
    for (const t of g.types) {
      out.add(classOf(t, reversed));
      if (g.eitherDirection) out.add(classOf(t, !reversed));
    }
  }
  return [...out];
}
