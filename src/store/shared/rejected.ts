/** Proposals an analyst rejected, read back from their decisions' records for exports that include them (both engines). */
import type { Claim, Event, Relation } from '../../model/index.js';
import type { ReviewStore } from '../review.js';
import type { Scope } from '../store.js';

/** Who rejected a proposal, when and why. */
export interface Rejection {
  by?: string;
  at: string;
  reason?: string;
}

/** Rejected relations, events and claims as exports show them: one entry per proposal (its id), ends mapped to entities. */
export interface RejectedFacts {
  relations: (Relation & { rejected: Rejection })[];
  events: (Event & { rejected: Rejection })[];
  claims: (Claim & { rejected: Rejection })[];
}

/** The rejected proposals of a scope, each list sorted by proposal id. */
export async function readRejected(reviews: ReviewStore, scope: Scope): Promise<RejectedFacts> {
  const relations = (await reviews.proposals(scope, { withRejected: true })).filter((p) => p.rejected).map((p) => ({
    id: p.id, type: p.type, source: p.sourceEntity, target: p.targetEntity, confidence: p.confidence, evidence: p.evidence, independentSources: 0,
    attrs: p.attrs, stage: p.stage, version: p.version, ...(p.claimId ? { claimId: p.claimId } : {}), rejected: p.rejection!,
  }));
  const facts = async (kind: 'event' | 'claim') => (await reviews.facts.proposals(kind, scope, { withRejected: true })).filter((p) => p.rejected);
  const events = (await facts('event')).map((p) => {
    const f = p.fact as unknown as Event;
    const count = (f.participants ?? []).length;
    return {
      id: p.id, type: f.type, date: f.date, participants: p.entities.slice(0, count), ...(f.place ? { place: p.entities[count]! } : {}),
      ...(f.precision ? { precision: f.precision } : {}), evidence: f.evidence, stage: p.stage, version: p.version, rejected: p.rejection!,
    };
  });
  const claims = (await facts('claim')).map((p) => {
    const f = p.fact as unknown as Claim;
    return {
      id: p.id, speaker: f.speaker ? p.entities[0]! : null, speakerText: f.speakerText, text: f.text, stance: f.stance, evidence: f.evidence,
      stage: p.stage, version: p.version, rejected: p.rejection!,
    };
  });
  const byId = <T extends { id: string }>(items: T[]): T[] => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { relations: byId(relations), events: byId(events), claims: byId(claims) };
}
