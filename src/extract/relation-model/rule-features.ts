/**
 * The pattern rules (src/extract/relations/) as features of the model: for each mention pair the rules connect, which
 * type and direction they read and which rule fired. The model learns from data how far to trust each.
 */
import { RELATION_TYPES } from '../../model/index.js';
import { extractRelations } from '../relations.js';
import { byScript } from '../relations/arabic-script.js';
import type { ExtractedRelation, ExtractionInput } from '../types.js';

/** Key of a mention pair by the two mentions' start offsets, in text order. */
export function pairKey(aStart: number, bStart: number): string {
  return aStart < bStart ? `${aStart}:${bStart}` : `${bStart}:${aStart}`;
}

// English sentences read by the English rules, Persian and Arabic ones by the Arabic-script frames.
const rulesOf = byScript(extractRelations);

/** Rule verdicts per mention pair: features like "rule:met", "rule:role_in>", "rr:title-name". */
export function ruleVerdicts(input: ExtractionInput): { features: Map<string, string[]>; relations: ExtractedRelation[] } {
  const relations = rulesOf(input);
  const features = new Map<string, string[]>();
  for (const r of relations) {
    if (r.sourceSpan === undefined || r.targetSpan === undefined) continue;
    const reversed = r.sourceSpan.start > r.targetSpan.start;
    const dir = RELATION_TYPES[r.type].symmetric ? '' : reversed ? '<' : '>';
    const key = pairKey(r.sourceSpan.start, r.targetSpan.start);
    const list = features.get(key) ?? [];
    const rule = r.rule.replace(/:pronoun$/, '');
    list.push(`rule:${r.type}${dir}`, `rr:${rule}${dir}`);
    if (r.negated) list.push('rule:negated');
    features.set(key, list);
  }
  return { features, relations };
}
