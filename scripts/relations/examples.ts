/** Turns labelled documents into candidate pairs with features and acceptable classes, as the model sees them. */
import { RELATION_TYPES, type RelationTypeId } from '../../src/model/index.js';
import { CLASSES, NONE, classOf } from '../../src/extract/relation-model/classes.js';
import { pairFeatures } from '../../src/extract/relation-model/features.js';
import { pairKey, ruleVerdicts } from '../../src/extract/relation-model/rule-features.js';
import { candidatePairs, sentenceViews, type ParseLike, type SentenceView } from '../../src/extract/relation-model/sentence-view.js';
import type { LabelledDoc } from './data/types.js';
import type { WordLexicon } from '../../src/extract/relation-model/word-lexicon.js';
import { extractMoney } from '../../src/nlp/money.js';

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
  /** The entity pair in its sentence ("doc|sentence|keyA|keyB"): scoring counts relations per group. */
  group: string;
  /** Gold relations of the group; each inner list holds the accepted readings of one relation. */
  goldTriples: string[][];
  /** The group holds only labels outside our types (unmapped, hedged): not scored. */
  ignored: boolean;
  /** What the pattern rules alone say about this pair (their best non-negated relation), for comparison. */
  rules?: { cls: number; p: number };
}

/** Parses a sentence's words (the dependency parser, when the caller has one). */
export type ParseFn = (words: readonly string[]) => ParseLike;

/** Candidate pairs of every document, labelled from its gold relations. */
export function labelPairs(docs: readonly LabelledDoc[], parse?: ParseFn, useRules = true, lex?: WordLexicon): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const doc of docs) {
    // Amounts as ingest finds them (the facts stage): payment rules that need one fire in training as they do in use.
    const verdicts = ruleVerdicts({ documentId: doc.id, text: doc.text, sentences: doc.sentences, mentions: doc.mentions, dates: [], money: extractMoney(doc.text) });
    const rules = useRules ? verdicts.features : new Map<string, string[]>();
    const ruleBest = new Map<string, { cls: number; p: number }>();
    for (const r of verdicts.relations) {
      if (r.negated || !r.sourceSpan || !r.targetSpan) continue;
      const k = pairKey(r.sourceSpan.start, r.targetSpan.start);
      if ((ruleBest.get(k)?.p ?? -1) < r.confidence) ruleBest.set(k, { cls: classOf(r.type, r.sourceSpan.start > r.targetSpan.start), p: r.confidence });
    }
    // A gold label names one mention pair; the other mentions of the same two entities in that sentence are neither
    // taught nor scored as pairs (a name repeated later in the sentence rarely restates the relation). Scoring counts
    // entity pairs per sentence, as the network shows them.
    const keyAt = new Map(doc.mentions.map((m) => [m.start, m.entityKey]));
    const sentenceOf = (at: number): number => doc.sentences.findIndex((s) => s.start <= at && at < s.end);
    const entityPair = (a: number, b: number): string => `${doc.id}|${sentenceOf(a)}|${[keyAt.get(a), keyAt.get(b)].sort().join('|')}`;
    const goldByPair = new Map<string, Gold[]>();
    const goldByEntities = new Map<string, Gold[]>();
    for (const g of doc.gold) {
      const x = { g, sourceKey: keyAt.get(g.source.start), targetKey: keyAt.get(g.target.start) };
      const k = pairKey(g.source.start, g.target.start);
      goldByPair.set(k, [...(goldByPair.get(k) ?? []), x]);
      const e = entityPair(g.source.start, g.target.start);
      goldByEntities.set(e, [...(goldByEntities.get(e) ?? []), x]);
    }
    for (const view of sentenceViews(doc.text, doc.sentences, doc.mentions)) {
      if (parse) view.parse = parse(view.tokens.map((t) => t.text));
      for (const [i, j] of candidatePairs(view)) {
        const A = view.mentions[i]!;
        const B = view.mentions[j]!;
        const group = entityPair(A.start, B.start);
        const entityGolds = goldByEntities.get(group) ?? [];
        const golds = goldByPair.get(pairKey(A.start, B.start)) ?? [];
        const gold = golds.length === 0 && entityGolds.length > 0 ? [] : acceptable(golds, A.entityKey, doc.scope);
        out.push({
          doc, view, i, j, feats: pairFeatures(view, i, j, rules.get(pairKey(A.start, B.start)) ?? [], lex), gold,
          positive: gold.length > 0 && !gold.includes(NONE), labels: golds.map((x) => x.g.label),
          negated: entityGolds.some((x) => x.g.negated),
          rules: ruleBest.get(pairKey(A.start, B.start)),
          group, goldTriples: triples(entityGolds), ignored: entityGolds.length > 0 && entityGolds.every((x) => x.g.types.length === 0),
        });
      }
    }
  }
  return out;
}

type Gold = { g: LabelledDoc['gold'][number]; sourceKey: string | undefined; targetKey: string | undefined };

/** Gold relations of an entity pair as "type|source|target" (each accepted reading; symmetric and either-way ones both ways). */
function triples(golds: Gold[]): string[][] {
  const seen = new Set<string>();
  return golds.filter((x) => x.g.types.length > 0).map((x) => {
    const [a, b] = [x.sourceKey ?? '', x.targetKey ?? ''];
    return x.g.types.flatMap((t) => (RELATION_TYPES[t].symmetric || x.g.eitherDirection ? [`${t}|${a}|${b}`, `${t}|${b}|${a}`] : [`${t}|${a}|${b}`]));
  }).filter((readings) => !seen.has(readings.join()) && !!seen.add(readings.join()));
}

/** The classes that count as right for a pair, given its gold relations and the data set's scope. */
function acceptable(golds: Gold[], aKey: string, scope: readonly RelationTypeId[]): number[] {
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
