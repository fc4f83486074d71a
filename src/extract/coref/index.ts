/**
 * Coreference: pronouns, possessive determiners, definite descriptions and collective references resolved to the
 * entities named earlier in the document, so relation rules can read "He also said the U.S. paid him" or "the last
 * three answer to X" as statements about named entities. One linear pass; see docs/relations.md, "Coreference".
 */
import type { EntityType, Span } from '../../model/index.js';
import type { InputMention } from '../types.js';
import type { ReferenceKind } from './detect.js';
import { WEIGHTS, weightVector, type Weights } from './model.js';
import { runPass, type Decision, type Option } from './resolve.js';

export type { Decision, Option } from './resolve.js';
export type { Reference, ReferenceKind } from './detect.js';
export type { Weights } from './model.js';
export { FEATURES } from './features.js';

/** A referring expression resolved to entities named earlier in the document. */
export interface ResolvedReference {
  /** The reference in the document text ("he", "the militia", "both agencies"). */
  start: number;
  end: number;
  text: string;
  kind: ReferenceKind;
  /** The type it stands for: the antecedent's type (PERSON for "he", ORG for "the militia"). */
  type: EntityType;
  /** One key, or several for collective references ("the last three"); keys are the mentions' entityKey values. */
  entityKeys: string[];
  /** The mention(s) it was resolved to (the latest appearance of each entity), for evidence display. */
  antecedents: Span[];
  /** Probability that the resolution is right, calibrated on the dev set (see docs/relations.md). */
  confidence: number;
}

/** What the resolver reads: the document text, its sentences and its keyed named mentions. */
export interface CorefInput {
  text: string;
  sentences: Span[];
  /** Named mentions as the extractors receive them; entityKey identifies the entity. */
  mentions: InputMention[];
}

/** Knobs for evaluation and tests; the defaults are what ingest should use. */
export interface CorefOptions {
  /** Weights to score with instead of the shipped ones (the fitting script). */
  weights?: Weights;
  /** References whose best option is less likely than this are left unresolved. */
  minConfidence?: number;
  /** Sees every decision, resolved or not (evaluation and fitting). */
  trace?: (decision: Decision, chosen: Option | null) => void;
  /** Counts the appearances looked at, to check the pass stays linear. */
  work?: { steps: number };
}

/** Below this probability a reference is left unresolved: the dev set's tune part measured it as the accuracy break-even. */
export const MIN_CONFIDENCE = 0.5;

/** Resolves the document's references; returns the resolved ones in text order (unresolved ones are left out). */
export function resolveReferences(input: CorefInput, options: CorefOptions = {}): ResolvedReference[] {
  const out: ResolvedReference[] = [];
  const w = weightVector(options.weights ?? WEIGHTS);
  const work = options.work ?? { steps: 0 };
  runPass(input, w, options.minConfidence ?? MIN_CONFIDENCE, (decision, chosen, p) => {
    options.trace?.(decision, chosen);
    if (!chosen) return;
    const r = decision.reference;
    out.push({
      start: r.start, end: r.end, text: input.text.slice(r.start, r.end), kind: r.kind, type: chosen.type,
      entityKeys: chosen.keys, antecedents: chosen.spans, confidence: Math.round(p * 1000) / 1000,
    });
  }, work);
  return out;
}
