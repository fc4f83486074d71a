/** The extraction stage: relations, events and claims for one document, with relations linked to the claims they rest on. */
import { extractClaims } from './claims.js';
import { denialsOfEarlier } from './denials.js';
import { extractEvents } from './events.js';
import { extractRelations } from './relations.js';
import type { Span } from '../model/index.js';
import { lowerBound } from './span-lookup.js';
import type { ExtractedClaim, ExtractedEvent, ExtractedRelation, ExtractionInput, ExtractionResult } from './types.js';

export { extractClaims } from './claims.js';
export { extractEvents } from './events.js';
export { extractRelations } from './relations.js';
export type * from './types.js';

/** Version recorded as provenance on every fact this stage produces; bump it when rules change. */
export const EXTRACT_VERSION = 'rules@9';

/** Relations below this calibrated confidence are hidden by default (declared with the relation vocabulary). */
export { DEFAULT_MIN_CONFIDENCE } from '../model/index.js';

/** Runs relation, event and claim extraction and links each relation to the claim it was read from; `relations` picks the relation extractor (default: the pattern rules). */
export function extract(input: ExtractionInput, relationsOf: (input: ExtractionInput) => ExtractedRelation[] = extractRelations): ExtractionResult {
  const relations = relationsOf(input);
  const events = withMeetingParties(extractEvents(input), relations);
  const claims = extractClaims(input);
  const linked = linkClaims(relations, claims);
  return { relations: [...linked, ...denialsOfEarlier(input, linked, claims)], events, claims };
}

/**
 * A meeting's parties are the two ends of a meeting read in the same sentence, however far from the trigger word, and
 * come first among its participants: a Persian sentence names its subject long before the verb
 * ("X، فرمانده Y، در مهر ۱۳۹۸ به بغداد سفر کرد و با Z دیدار کرد").
 */
export function withMeetingParties(events: ExtractedEvent[], relations: readonly ExtractedRelation[]): ExtractedEvent[] {
  const met = relations.filter((r) => r.type === 'met' && !r.negated);
  if (met.length === 0) return events;
  return events.map((e) => {
    if (e.type !== 'meeting') return e;
    const parties = [...new Set(met.filter((r) => r.evidence.start === e.evidence.start).flatMap((r) => [r.source, r.target]))]
      .filter((k) => k !== e.place);
    if (parties.length === 0) return e;
    // The parties first: lists of participants are read (and shown) from the start.
    return { ...e, participants: [...parties, ...e.participants.filter((k) => !parties.includes(k))] };
  });
}

/** Sets claimIndex on relations found inside a claim ("the leak reveals that Barzani met ..." -> the meeting rests on the leak). */
export function linkClaims(relations: ExtractedRelation[], claims: ExtractedClaim[]): ExtractedRelation[] {
  // A claim holds a relation only if its evidence contains both ends, so only claims whose evidence starts at most
  // the longest evidence length before the relation's first end are looked at (a binary search, not every claim).
  const byStart = claims.map((c, i) => ({ start: c.evidence.start, end: c.evidence.end, i })).sort((a, b) => a.start - b.start);
  const longest = byStart.reduce((n, c) => Math.max(n, c.end - c.start), 0);
  return relations.map((r) => {
    const spans = [r.sourceSpan ?? r.evidence, r.targetSpan ?? r.evidence];
    // One end inside the claimed text and both inside the statement: "Abadi denied meeting X" rests on Abadi's word.
    const within = (s: Span, span: Span): boolean => s.start >= span.start && s.end <= span.end;
    const first = Math.min(spans[0]!.start, spans[1]!.start);
    let index = -1;
    for (let k = lowerBound(byStart, first - longest); k < byStart.length && byStart[k]!.start <= first; k++) {
      const { i } = byStart[k]!;
      if (index >= 0 && i > index) continue;
      const c = claims[i]!;
      if (spans.some((s) => within(s, c.span ?? c.evidence)) && spans.every((s) => within(s, c.evidence))) index = i;
    }
    if (index < 0) return r;
    // "Tehran denied that the IRGC armed the Houthis": an edge read inside a denial is denied.
    return claims[index]!.stance === 'denies' ? { ...r, claimIndex: index, negated: true } : { ...r, claimIndex: index };
  }).filter((r) => r.claimIndex === undefined || !acrossAttribution(r, claims[r.claimIndex]!));
}

/**
 * A relation between a name qualifying the speaker and a name of what is claimed is not stated by the sentence:
 * "According to a senior KDP official, Danaeifar delivered the message" says nothing of Danaeifar and the KDP. The
 * speaker itself may be a party ("Abadi denied meeting Soleimani", "X said he met Y"): its relations stay.
 */
function acrossAttribution(r: ExtractedRelation, claim: ExtractedClaim): boolean {
  const speaker = claim.speakerSpan;
  if (speaker === undefined || claim.span === undefined || r.sourceSpan === undefined || r.targetSpan === undefined) return false;
  const inside = (s: Span, span: Span): boolean => s.start >= span.start && s.end <= span.end;
  const ends: [Span, string, Span][] = [[r.sourceSpan, r.source, r.targetSpan], [r.targetSpan, r.target, r.sourceSpan]];
  return ends.some(([at, key, other]) => inside(at, speaker) && key !== claim.speakerKey && inside(other, claim.span!));
}
