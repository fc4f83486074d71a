/**
 * One incremental step of cross-document resolution: documents whose mentions changed, decisions to record, pending
 * decisions to apply. New candidates that repeat their group join by the fast path; everything else is re-clustered
 * in a closed region (see region.ts). The result is the change to commit, equal to what full resolution would write.
 */
import type { Decision, DecisionRecord, EntityCandidate, EntityType } from '../../model/index.js';
import type { IndexedCandidate, ResolutionChange, ResolutionStore } from '../../store/resolution.js';
import { voteNormOf, voteOutcome } from '../type-vote.js';
import { regionChange, mergeChanges } from './change.js';
import { RESOLVE_STAGE, RESOLVE_VERSION, resolveRecords } from './cluster.js';
import { screen } from './fast-path.js';
import { countVotes, foldedTypeOf, fromIndexed, prepareOne, sameAsIndexed, toIndexed, type Prepared } from './prepare.js';
import { Region } from './region.js';

/** What one step works on. */
export interface StepInput {
  dirty: { id: string; seq: number }[];
  newDecisions: Decision[];
  pending: DecisionRecord[];
}

/** The change of a step and what it took. */
export interface StepResult {
  change: ResolutionChange;
  /** Candidates re-clustered in the region, and candidates that joined by the fast path. */
  regionSize: number;
  fastJoins: number;
}

/** Computes one step against the index as it is now; the caller commits it behind the version it read first. */
export async function computeStep(resolution: ResolutionStore, collection: string, input: StepInput, pause: () => Promise<void>): Promise<StepResult> {
  const docs = input.dirty.map((d) => d.id);
  const freshList = await resolution.freshCandidates(collection, docs);
  const storedList = await resolution.indexedCandidates(collection, { documents: docs });
  const freshByKey = new Map(freshList.map((c) => [c.key, c]));
  const storedByKey = new Map(storedList.map((r) => [r.key, r]));
  const superseded = new Set(storedList.filter((r) => !sameIfPresent(freshByKey.get(r.key), r)).map((r) => r.key));
  const added = freshList.filter((c) => !sameIfPresent(c, storedByKey.get(c.key)));

  // Type votes: stored counts, less what the superseded rows gave, plus what the new rows give.
  const voteNorms = [...new Set([...[...superseded].map(voteNormOf), ...added.map((c) => voteNormOf(c.key))])];
  const before = countVotes(await resolution.voteCounts(collection, voteNorms));
  const after = countVotes([
    ...[...before].flatMap(([voteNorm, byType]) => [...byType].map(([type, mentions]) => ({ voteNorm, type, mentions }))),
    ...[...superseded].map((k) => storedByKey.get(k)!).map((r) => ({ voteNorm: r.voteNorm, type: foldedTypeOf(fromIndexed(r, collection)), mentions: -r.mentionCount })),
    ...added.map((c) => ({ voteNorm: voteNormOf(c.key), type: foldedTypeOf(c), mentions: c.mentionCount })),
  ]);
  const outcome = (m: Map<string, Map<EntityType, number>>, v: string) => voteOutcome(new Map([...(m.get(v) ?? [])].filter(([, n]) => n !== 0)));
  const outcomes = new Map(voteNorms.map((v) => [v, outcome(after, v)]));
  const fresh = new Map(added.map((c) => [c.key, prepareOne(c, outcomes.get(voteNormOf(c.key)) ?? null)]));

  const region = new Region({ resolution, collection, fresh, superseded, outcomes, newDecisions: input.newDecisions, pause });
  region.seedKeys(superseded);
  region.seedVoteNorms(voteNorms.filter((v) => outcome(before, v) !== outcomes.get(v)));
  region.seedKeys(input.pending.flatMap((d) => [d.a, d.b]));
  const newDecisionKeys = new Set(input.newDecisions.flatMap((d) => [d.a, d.b]));
  let screened = emptyScreen();
  for (;;) {
    await region.close();
    const open = [...fresh.values()].filter((p) => !region.members.has(p.original.key));
    const excluded = new Set([...region.oldGroups, ...region.newGroups]);
    screened = await screen(resolution, collection, open, excluded, newDecisionKeys);
    if (screened.failed.length === 0) break;
    region.seedKeys(screened.failed);
  }

  const prepared = [...region.members.values()];
  const decisions = [...region.decisions.values()];
  // Oldest first, as the store lists them; decisions recorded now get the highest ids.
  const ordered = [...decisions, ...input.newDecisions.map((d, i) => ({ ...d, id: Number.MAX_SAFE_INTEGER - input.newDecisions.length + i }))]
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id - y.id));
  const records = await resolveRecords(collection, prepared, ordered, (k) => region.blockSize(k), pause);
  const decidedKeys = new Set([...decisions.flatMap((d) => [d.a, d.b]), ...newDecisionKeys]);
  await pause();
  const change = mergeChanges(await regionChange(region, records, decidedKeys, pause), {
    candidates: screened.joined.map(toIndexed),
    groupSizes: [...screened.groupSizes].map(([group, add]) => ({ group, add })),
    entities: screened.writes,
    votes: voteNorms.map((v) => ({ voteNorm: v, counts: [...(after.get(v) ?? [])].filter(([, n]) => n !== 0).map(([type, mentions]) => ({ voteNorm: v, type, mentions })) })),
    dirty: input.dirty,
    newDecisions: input.newDecisions.map((decision) => ({ decision, status: 'applied' as const })),
    appliedDecisions: [...new Set([...input.pending.map((d) => d.id), ...decisions.filter((d) => d.status === 'pending').map((d) => d.id)])],
    provenance: { stage: RESOLVE_STAGE, version: RESOLVE_VERSION },
  });
  return { change, regionSize: prepared.length, fastJoins: screened.joined.length };
}

/** True when the candidate is present and the row says the same, or both are absent. */
function sameIfPresent(c: EntityCandidate | undefined, row: IndexedCandidate | undefined): boolean {
  return c !== undefined && row !== undefined && sameAsIndexed(c, row);
}

function emptyScreen(): Awaited<ReturnType<typeof screen>> {
  return { writes: [], joined: [], groupSizes: new Map(), failed: [] };
}

export type { Prepared };
