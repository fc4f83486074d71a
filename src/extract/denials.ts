/**
 * A denial that answers an earlier sentence: "The Halcyon Trading Company paid Mansouri's brigade $200,000 in February.
 * Halcyon denied making any payment." The denial names no payee, so no relation is read inside it, and the payment
 * stood undisputed. A denial by one end of a relation, within the next two sentences, whose words name that relation's
 * kind of act ("payment", "meeting", "attack"), and which names no other party, is read as a denial of that relation:
 * a negated copy of it with the denial as evidence, which the network lists beside the relation as a contradiction
 * (never as support).
 */
import type { RelationTypeId } from '../model/index.js';
import type { ExtractedClaim, ExtractedRelation, ExtractionInput } from './types.js';
import { SpanIndex } from './span-lookup.js';

/** Words that name each kind of act in a denial ("denied making any payment", "rejected reports of a meeting"). */
const ACTS: Partial<Record<RelationTypeId, RegExp>> = {
  paid: /\b(?:pa(?:y|id|ying|yments?)|fund(?:s|ed|ing)?|financ(?:e|ed|ing)|bribe[sd]?|bribing|money|cash)\b/iu,
  met: /\b(?:meet(?:s|ing|ings)?|met|talks)\b/iu,
  contacted: /\b(?:contact(?:s|ed)?|call(?:s|ed)?|phoned|spoke(?:n)?|messages?|wrote)\b/iu,
  attacked: /\b(?:attack(?:s|ed|ing)?|strikes?|struck|shell(?:ed|ing)|bomb(?:ed|ing|s)?|kill(?:ed|ing)?|raid(?:s|ed)?)\b/iu,
  informant_for: /\b(?:informants?|inform(?:ed|ing)?|spy|spie[sd]|spying|agents?|recruit(?:ed|ment)?|work(?:ed|ing)? for)\b/iu,
  controls: /\b(?:control(?:s|led|ling)?|back(?:s|ed|ing)|support(?:s|ed|ing)?|arm(?:s|ed|ing)|direct(?:s|ed|ing)?|command(?:s|ed|ing)?)\b/iu,
  allied_with: /\b(?:all(?:y|ied|iance)|cooperat(?:e|ed|ion|ing)|coordinat(?:e|ed|ion|ing)|support(?:s|ed|ing)?)\b/iu,
  role_in: /\b(?:members?|membership|belong(?:s|ed|ing)?|work(?:s|ed|ing)? for|serv(?:e|es|ed|ing)|post|role)\b/iu,
};

/** How many sentences after a relation's sentence a denial may answer it. */
const WINDOW = 2;

/**
 * Negated copies of earlier relations that a later denial answers (see the module comment); `claimIndex` links each
 * to its denial. Relations already denied are left as they are; one read inside an assertion ("according to two
 * people present, ...") is denied all the same.
 */
export function denialsOfEarlier(input: ExtractionInput, relations: readonly ExtractedRelation[], claims: readonly ExtractedClaim[]): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const sentenceAt = (at: number): number => {
    let lo = 0;
    let hi = input.sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (input.sentences[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Looked up by span: a long document holds thousands of relations and mentions, and a denial reads a few of them.
  const mentions = new SpanIndex(input.mentions);
  const stated = new SpanIndex(relations.map((r, i) => ({ start: r.evidence.start, end: r.evidence.end, i })));
  claims.forEach((c, k) => {
    if (c.stance !== 'denies' || c.speakerKey === null) return;
    const said = c.span ?? c.evidence;
    // The parties the denial names (its speaker aside): a denial naming someone else answers another statement.
    const named = new Set(mentions.inside(said).filter((m) => m.entityKey !== c.speakerKey).map((m) => m.entityKey));
    const at = sentenceAt(c.evidence.start);
    const from = input.sentences[Math.max(0, at - WINDOW)]?.start ?? 0;
    const denied = new Set<string>();
    for (const { i } of stated.inside({ start: from, end: c.evidence.start })) {
      const r = relations[i]!;
      if (r.negated) continue;
      if (r.source !== c.speakerKey && r.target !== c.speakerKey) continue;
      const other = r.source === c.speakerKey ? r.target : r.source;
      if ([...named].some((e) => e !== other)) continue;
      if (at - sentenceAt(r.evidence.start) > WINDOW || !ACTS[r.type as RelationTypeId]?.test(c.text)) continue;
      const key = `${r.type}|${r.source}|${r.target}`;
      if (denied.has(key)) continue;
      denied.add(key);
      out.push({ ...r, rule: `denied-later:${r.rule}`, evidence: c.evidence, negated: true, claimIndex: k, why: [`denied by its ${r.source === c.speakerKey ? 'source' : 'target'} after it was stated`] });
    }
  });
  return out;
}
