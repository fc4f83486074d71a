/**
 * Relation extraction by the trained model: every pair of mentions (names, and references resolved to them) in a
 * sentence is scored by a logistic model over the dependency path, trigger words, context and the pattern rules'
 * verdicts; the most probable class, when it is a relation, becomes an edge with a calibrated confidence.
 */
import { join } from 'node:path';
import { RELATION_TYPES } from '../../model/index.js';
import { defaultModelDir } from '../../nlp/ner/index.js';
import { LEADING_ROLES, MEMBER_ROLES } from '../relations/lexicon.js';
import type { ExtractedRelation, ExtractionInput, InputMention } from '../types.js';
import { resolveReferences, type ResolvedReference } from '../coref/index.js';
import { CLASSES, NONE } from './classes.js';
import { headToken, pairFeatures } from './features.js';
import { pairProbabilities, prepareHashed } from './hashed.js';
import { calibrate, classProbabilities, explain, loadLinearModel, type LinearModel } from './linear.js';
import { pairKey, ruleVerdicts } from './rule-features.js';
import { enumerationGroups } from './lists.js';
import { candidatePairs, eachSentenceView, type ParseLike, type SentenceView } from './sentence-view.js';
import { SpanIndex } from '../span-lookup.js';

export { CLASSES } from './classes.js';
export type { LinearModel } from './linear.js';
export type { ParseLike } from './sentence-view.js';

/** File name of the shipped relation model inside the model folder. */
export const RELATION_MODEL_FILE = 'relations-en.bin.gz';

/** Relations below this calibrated confidence are not returned at all (the display threshold is higher). */
export const KEEP_FLOOR = 0.2;

const cache = new Map<string, LinearModel>();

/** Loads the relation model from `modelDir` (default: the shipped models/ folder), cached per folder. */
export function loadRelationModel(modelDir: string = defaultModelDir()): LinearModel {
  let m = cache.get(modelDir);
  if (!m) {
    cache.set(modelDir, (m = loadLinearModel(join(modelDir, RELATION_MODEL_FILE))));
    prepareHashed(m);
  }
  return m;
}

/** What the model extraction needs besides the document. */
export interface ModelExtractionOptions {
  model: LinearModel;
  /** Tags and parses a sentence's words; without it the model uses surface features only (lower accuracy). */
  parse?: (words: readonly string[]) => ParseLike;
  /** References resolved to entities named elsewhere ("he", "the militia", "both agencies"), from src/extract/coref. */
  references?: readonly ResolvedReference[];
}

const POSTS = new Set([...LEADING_ROLES, ...MEMBER_ROLES].filter((p) => !p.includes(' ')));

/** The extractor ingest uses: references resolved by coreference, sentences parsed, pairs scored by the model. */
export function modelRelationExtractor(model: LinearModel, parser: { parse(words: readonly string[]): ParseLike }): (input: ExtractionInput) => ExtractedRelation[] {
  return (input) => {
    const references = resolveReferences({ text: input.text, sentences: input.sentences, mentions: input.mentions });
    return extractRelationsModel(input, { model, parse: (words) => parser.parse(words), references });
  };
}

/** Extracts typed relations with the trained model: one per (type, entity pair, sentence), best confidence kept. */
export function extractRelationsModel(input: ExtractionInput, opts: ModelExtractionOptions): ExtractedRelation[] {
  const verdicts = ruleVerdicts(input);
  const byPair = new Map<string, ExtractedRelation[]>();
  for (const r of verdicts.relations) {
    if (r.sourceSpan && r.targetSpan) {
      const k = pairKey(r.sourceSpan.start, r.targetSpan.start);
      byPair.set(k, [...(byPair.get(k) ?? []), r]);
    }
  }
  // A reference is a mention of its antecedent; a collective one ("the last three") stands for each of its entities.
  const refs = new Map((opts.references ?? []).map((r) => [r.start, r]));
  const refMentions: InputMention[] = (opts.references ?? []).map((r) => ({ start: r.start, end: r.end, type: r.type, text: r.text, entityKey: r.entityKeys[0]! }));
  const keysOf = (m: InputMention): string[] => refs.get(m.start)?.entityKeys ?? [m.entityKey];
  const best = new Map<string, ExtractedRelation>();
  const money = new SpanIndex(input.money);
  for (const view of eachSentenceView(input.text, input.sentences, [...input.mentions, ...refMentions])) {
    const pairs = candidatePairs(view);
    if (opts.parse) view.parse = opts.parse(view.tokens.map((t) => t.text));
    const lists = enumerationGroups(input.text, view.mentions);
    for (const [i, j] of pairs) {
      const A = view.mentions[i]!;
      const B = view.mentions[j]!;
      const key = pairKey(A.start, B.start);
      const extra = verdicts.features.get(key) ?? [];
      // Scored from hashed features; the strings are built only for the few pairs kept, to say why.
      const probs = opts.model.deep ? classProbabilities(opts.model, pairFeatures(view, i, j, extra, opts.model.lexicon)) : pairProbabilities(opts.model, view, i, j, extra, opts.model.lexicon);
      let cls = NONE;
      for (let c = 1; c < CLASSES.length; c++) if (probs[c]! > probs[cls]!) cls = c;
      if (cls === NONE) continue;
      // Two names of one list ("London, Calgary, Toronto or Houston", "A, B, C, CIA informants") are siblings: no relation between them.
      if (lists[i]! >= 0 && lists[i] === lists[j]) continue;
      const refFactor = (refs.get(A.start)?.confidence ?? 1) * (refs.get(B.start)?.confidence ?? 1);
      const confidence = Math.round(calibrate(opts.model.calibration, probs[cls]!) * refFactor * 100) / 100;
      if (confidence < KEEP_FLOOR) continue;
      const feats = pairFeatures(view, i, j, extra, opts.model.lexicon);
      const { type, reversed } = CLASSES[cls]!;
      const [src, tgt] = reversed ? [B, A] : [A, B];
      const agreeing = (byPair.get(key) ?? []).filter((r) => r.type === type);
      const why = explain(opts.model, feats, cls, 4).map((e) => e.feature);
      const role = type === 'role_in' ? agreeing.find((r) => r.role)?.role ?? postOnPath(view, i, j) : undefined;
      const amount = type === 'paid' ? agreeing.find((r) => r.amount)?.amount ?? money.inside(view.span)[0] : undefined;
      const negated = agreeing.some((r) => r.negated) || feats.includes('pneg');
      const resolved = [src, tgt].flatMap((m) => {
        const r = refs.get(m.start);
        return r ? [{ start: r.start, end: r.end, text: r.text, entityKeys: r.entityKeys, antecedents: r.antecedents }] : [];
      });
      for (const source of keysOf(src)) {
        for (const target of keysOf(tgt)) {
          if (source === target) continue;
          const rel: ExtractedRelation = {
            type: type!, source, target, confidence,
            rule: agreeing.length > 0 ? `model+${agreeing[0]!.rule.replace(/:pronoun$/, '')}` : 'model',
            evidence: { documentId: input.documentId, start: view.span.start, end: view.span.end, text: input.text.slice(view.span.start, view.span.end) },
            sourceSpan: { start: src.start, end: src.end }, targetSpan: { start: tgt.start, end: tgt.end }, why,
          };
          if (role) rel.role = role;
          if (amount) rel.amount = amount;
          if (negated) rel.negated = true;
          if (resolved.length > 0) rel.resolved = resolved;
          const ends = RELATION_TYPES[type!].symmetric ? [source, target].sort() : [source, target];
          const k = `${type}|${ends.join('|')}|${view.span.start}`;
          const prev = best.get(k);
          if (prev === undefined || rel.confidence > prev.confidence) best.set(k, rel);
        }
      }
    }
  }
  // Rule hits the model did not return keep the precision their type measured on training data as confidence
  // (pronoun readings a little less), so only rule types that proved precise are shown by default.
  // Two names of one list are siblings for the rules too ("Soleimani, Abadi, Abdul-Mahdi, CIA informants").
  const ordered = [...input.mentions].sort((a, b) => a.start - b.start);
  const listOf = new Map<number, number>();
  enumerationGroups(input.text, ordered).forEach((g, k) => { if (g >= 0) listOf.set(ordered[k]!.start, g); });
  for (const r of verdicts.relations) {
    if (r.confidence < RULE_MIN) continue;
    const [ls, lt] = [listOf.get(r.sourceSpan?.start ?? -1), listOf.get(r.targetSpan?.start ?? -1)];
    if (ls !== undefined && ls === lt) continue;
    const ends = RELATION_TYPES[r.type].symmetric ? [r.source, r.target].sort() : [r.source, r.target];
    const k = `${r.type}|${ends.join('|')}|${r.evidence.start}`;
    if (best.has(k)) continue;
    // A type whose rules never fired on the training data has no measure: the uninformative 1/2 (as the Laplace estimate).
    const precision = opts.model.rulePrecision?.[r.type] ?? 0.5;
    const confidence = Math.round(precision * (r.rule.endsWith(':pronoun') ? 0.85 : 1) * 100) / 100;
    if (confidence >= KEEP_FLOOR) best.set(k, { ...r, confidence });
  }
  return [...best.values()].sort((a, b) => a.evidence.start - b.evidence.start || a.type.localeCompare(b.type));
}

/** Rule hits below this rule confidence (the rules' own weak readings, such as a person "in" a place) are not used. */
const RULE_MIN = 0.5;

/** The post a person holds, read from the words linking the two names: "X, the leader of Y" -> "leader". */
function postOnPath(view: SentenceView, i: number, j: number): string | undefined {
  const [a0, a1] = view.mentionTokens[i]!;
  const [b0, b1] = view.mentionTokens[j]!;
  const words: number[] = [];
  if (view.parse) {
    const h = [headToken(view, i), headToken(view, j)];
    for (const x of h) for (let k = x, n = 0; k >= 0 && n < 4; k = view.parse.head[k]!, n++) words.push(k);
  }
  for (let k = a1; k < b0; k++) words.push(k);
  for (let k = Math.max(0, a0 - 3); k < a0; k++) words.push(k);
  for (let k = b1; k < Math.min(view.tokens.length, b1 + 3); k++) words.push(k);
  for (const k of words) {
    const w = view.lower[k]!;
    if (POSTS.has(w) || POSTS.has(w.replace(/s$/, ''))) return w.replace(/s$/, '');
  }
  return undefined;
}
