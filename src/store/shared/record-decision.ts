/** Recording a decision on its own (no resolution yet): a small commit, so it counts as a change of the resolution. */
import type { Decision, DecisionRecord } from '../../model/index.js';
import type { ResolutionChange, ResolutionStore } from '../resolution.js';

/**
 * Records `decision` as pending, retrying while other resolution commits come first; a decision the latest one about
 * the same pair already states is not recorded again (that one is returned).
 */
export async function recordDecision(resolution: ResolutionStore, collection: string, decision: Decision): Promise<DecisionRecord> {
  const [recorded] = await recordDecisions(resolution, collection, [decision]);
  if (!recorded) throw new Error(`The decision about ${decision.a} and ${decision.b} was neither recorded nor found.`);
  return recorded;
}

/**
 * Records several decisions as pending in one commit (see recordDecision), with the review records of merges that
 * explain them when given; returns them in order.
 */
export async function recordDecisions(resolution: ResolutionStore, collection: string, decisions: Decision[],
  mergeReviews: ResolutionChange['mergeReviews'] = []): Promise<DecisionRecord[]> {
  for (;;) {
    const { version } = await resolution.state(collection);
    const result = await resolution.commit(collection, version, {
      newDecisions: decisions.map((decision) => ({ decision, status: 'pending' as const })), ...(mergeReviews.length > 0 ? { mergeReviews } : {}),
    });
    if (result.ok) return result.decisions;
  }
}
