/** Candidate keys mapped to entities, and relations merged across documents; pure logic shared by every backend. */
import type { Relation, Event, Claim, Evidence, RelationReview } from '../../model/index.js';
import { RELATION_TYPES } from '../../model/index.js';
import { factId } from '../ids.js';
import { fallbackEntityId, type EntityResolver } from './keys.js';
import { ANALYST_STAGE as ANALYST } from './review-apply.js';

export { makeEntityResolver, type EntityResolver } from './keys.js';

/** A stored per-document relation with its document's collection and near-duplicate group. */
export interface RelationRow {
  id: string; type: string; source: string; target: string; confidence: number; claim_id: string | null; attrs: string;
  stage: string; version: string; collection: string; grp: string;
  /** The review in force as JSON (RelationReview), or null: unreviewed. */
  review?: string | null;
  /** Entities of the two ends, from the candidate -> entity map (null where the map has no row: the per-name entity then). */
  source_entity: string | null; target_entity: string | null;
}

/** The entities of a relation row's ends. */
export function rowEnds(r: Pick<RelationRow, 'collection' | 'source' | 'target' | 'source_entity' | 'target_entity'>): [string, string] {
  return [r.source_entity ?? fallbackEntityId(r.collection, r.source), r.target_entity ?? fallbackEntityId(r.collection, r.target)];
}

/**
 * The merged relation a row belongs to: its end entities (a symmetric type's ends in sorted order) and the merge key
 * (type and ends); null for a self-loop, which no merge keeps. mergeRelations, mergeEdges and chooseStrongest all merge by it.
 */
export function mergedEnds(r: Pick<RelationRow, 'type' | 'collection' | 'source' | 'target' | 'source_entity' | 'target_entity'>): { source: string; target: string; key: string } | null {
  let [source, target] = rowEnds(r);
  if (source === target) return null;
  if ((RELATION_TYPES as Record<string, { symmetric: boolean }>)[r.type]?.symmetric && source > target) [source, target] = [target, source];
  return { source, target, key: `${r.type}\u0000${source}\u0000${target}` };
}

/**
 * Relations merged across documents: one edge per type, source and target entity, with every supporting sentence.
 * Independent sources count near-duplicate groups (a re-report of an original counts once); denials are listed, not counted.
 * `rows` come ordered by relation id, ends mapped by the store (see RelationRow); `evidenceOf` returns a relation's evidence ordered by document and start.
 * Without `withAttrs` the attributes are not merged (graph edges need none). With `keepEmpty` a relation that `evidenceOf`
 * gave no supporting sentence is kept (summaries read only some sentences and decide themselves).
 */
export function mergeRelations(rows: RelationRow[], evidenceOf: (id: string) => Evidence[], withAttrs = true, keepEmpty = false): Relation[] {
  const merged = new Map<string, Relation & { groups: Set<string>; seen: Map<string, Set<string>>; hand: Hand | null; extracted: boolean }>();
  for (const r of rows) {
    const ends = mergedEnds(r);
    if (!ends) continue;
    const { source, target, key } = ends;
    let rel = merged.get(key);
    if (!rel) {
      rel = {
        id: factId('rel', r.type, source, target), type: r.type, source, target, confidence: 0, evidence: [], independentSources: 0,
        stage: r.stage, version: r.version, attrs: {}, claimIds: [], contradictions: [], groups: new Set(), seen: new Map(), hand: null, extracted: false,
      };
      merged.set(key, rel);
    }
    const attrs = JSON.parse(r.attrs) as Record<string, unknown>;
    const evidence = r.stage === 'analyst' ? analystEvidence(evidenceOf(r.id), r.review) : evidenceOf(r.id);
    if (attrs.negated) {
      rel.contradictions!.push(...evidence);
      continue;
    }
    rel.evidence.push(...evidence);
    rel.groups.add(r.grp);
    if (r.stage === ANALYST) {
      // Evidence cited by hand: its row's confidence (1), review (added) and stage stand for the relation only when no
      // stage extracted it; an extracted relation keeps its own, the cited sentence marked as the analyst's.
      const review = r.review ? strongerReview(rel.hand?.review, JSON.parse(r.review) as RelationReview) : rel.hand?.review;
      rel.hand = { confidence: Math.max(rel.hand?.confidence ?? 0, r.confidence), version: rel.hand?.version ?? r.version, ...(review ? { review } : {}) };
    } else {
      if (r.review) rel.review = strongerReview(rel.review, JSON.parse(r.review) as RelationReview);
      rel.confidence = Math.max(rel.confidence, r.confidence);
      if (!rel.extracted) [rel.stage, rel.version, rel.extracted] = [r.stage, r.version, true];
    }
    if (r.claim_id && !rel.claimIds!.includes(r.claim_id)) rel.claimIds!.push(r.claim_id);
    if (!withAttrs) continue;
    // Each attribute keeps its distinct values, compared as JSON (a set per key: hubs merge thousands of rows).
    for (const [k, v] of Object.entries(attrs)) {
      const json = JSON.stringify(v);
      let seen = rel.seen.get(k);
      if (!seen) {
        rel.seen.set(k, (seen = new Set()));
        rel.attrs![k] = [];
      }
      if (!seen.has(json)) {
        seen.add(json);
        (rel.attrs![k] as unknown[]).push(v);
      }
    }
  }
  return [...merged.values()]
    .filter((r) => keepEmpty ? r.groups.size > 0 : r.evidence.length > 0)
    .map(({ groups, seen: _seen, hand, extracted, ...r }) => ({
      ...r, independentSources: groups.size,
      ...(!extracted && hand ? { confidence: hand.confidence, stage: ANALYST, version: hand.version, ...(hand.review ? { review: hand.review } : {}) } : {}),
    }));
}

/** What the rows made by hand say of a merged relation: used only when no stage extracted it. */
interface Hand { confidence: number; version: string; review?: RelationReview }

/** Evidence of a row made by hand (stage `analyst`), each span marked with who cited it and when (from its review). */
function analystEvidence(evidence: Evidence[], review: string | null | undefined): Evidence[] {
  const r = review ? (JSON.parse(review) as RelationReview) : null;
  if (!r) return evidence;
  return evidence.map((e) => ({ ...e, analyst: { at: r.at, ...(r.by ? { by: r.by } : {}) } }));
}

/** Of two reviews of one merged relation's rows, the one it shows: a decision on a current proposal before a kept one, then the latest. */
function strongerReview(a: RelationReview | undefined, b: RelationReview): RelationReview {
  if (!a) return b;
  if (Boolean(a.kept) !== Boolean(b.kept)) return a.kept ? b : a;
  return b.at > a.at ? b : a;
}

/** A stored event row: participants and extra attributes as JSON text. */
export type EventRow = Omit<Event, 'participants' | 'evidence' | 'review'> & { participants: string; attrs: string; collection: string; review?: string | null };

/** Turns an event row into an Event with participants (and place) mapped to entities. */
export function toEvent({ collection, attrs, review, ...e }: EventRow, resolve: EntityResolver, evidence: Evidence[]): Event {
  const extra = JSON.parse(attrs) as { precision?: Event['precision']; place?: string };
  return {
    ...e,
    ...(review ? { review: JSON.parse(review) as RelationReview } : {}),
    participants: (JSON.parse(e.participants) as string[]).map((k) => resolve(collection, k)),
    evidence,
    ...(extra.precision ? { precision: extra.precision } : {}),
    ...(extra.place ? { place: resolve(collection, extra.place) } : {}),
  };
}

/** A stored claim row with its document's collection. */
export type ClaimRow = Omit<Claim, 'evidence' | 'review'> & { collection: string; review?: string | null };

/** Turns a claim row into a Claim with the speaker mapped to an entity. */
export function toClaim({ collection, review, ...c }: ClaimRow, resolve: EntityResolver, evidence: Evidence[]): Claim {
  return { ...c, speaker: c.speaker ? resolve(collection, c.speaker) : null, evidence, ...(review ? { review: JSON.parse(review) as RelationReview } : {}) };
}

/** Splits an event of a stage's output into its columns and the extra attributes stored as JSON (precision, place). */
export function eventColumns(e: Omit<Event, 'stage' | 'version'>): { participants: string; attrs: string } {
  const { id: _id, type: _type, date: _date, participants, evidence: _evidence, documentId: _doc, review: _review, ...attrs } = e as typeof e & { documentId?: string };
  return { participants: JSON.stringify(participants), attrs: JSON.stringify(attrs) };
}
