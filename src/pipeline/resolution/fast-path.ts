/**
 * The fast path of incremental resolution: a new candidate that repeats what its group already says joins that
 * group's entity without re-clustering anything. It is taken only when clustering the collection with the candidate
 * would change nothing but that entity's members, counts, aliases and one exact-name reason:
 *   - its group exists, no user decision names any member or the candidate, and its normalised name is not empty
 *     (then the group is exactly one cluster before any similarity join);
 *   - the group's lowest key is lower than the candidate's, and each full name of the candidate is already given by a
 *     member with a lower key (so the cluster's names, keys, guards and order are unchanged);
 *   - it does not take the lead with another normalised name (aliases would need every member's spellings);
 *   - its name's type vote keeps its outcome (checked by the caller: a changed vote puts the whole name in the region).
 */
import type { EntityCandidate, MergeReason, ResolvedEntityRecord } from '../../model/index.js';
import { normalizeName } from '../../resolve/index.js';
import { fullNamesOf } from '../../resolve/groups.js';
import { aliasesOf, leadRank, leadsOver, sortReasons } from '../../resolve/entity-build.js';
import type { EntityWrite, GroupSummary, ResolutionStore } from '../../store/resolution.js';
import { explainReason } from './cluster.js';
import { fromIndexed, groupType, prepareOne, type Prepared } from './prepare.js';

/** Candidates joining an entity by the fast path, and those that must go to the region. */
export interface Screened {
  writes: EntityWrite[];
  joined: Prepared[];
  groupSizes: Map<string, number>;
  failed: string[];
}

/** Screens new candidates (none of them in the region) and builds the entity updates of those that pass. */
export async function screen(resolution: ResolutionStore, collection: string, candidates: Prepared[], excludedGroups: ReadonlySet<string>,
  decidedKeys: ReadonlySet<string>): Promise<Screened> {
  const out: Screened = { writes: [], joined: [], groupSizes: new Map(), failed: [] };
  if (candidates.length === 0) return out;
  const groups = new Map((await resolution.groups(collection, [...new Set(candidates.map((p) => p.group))])).map((g) => [g.group, g]));
  const decided = new Set([...decidedKeys, ...(await resolution.decisionsAbout(collection, candidates.map((p) => p.original.key))).flatMap((d) => [d.a, d.b])]);
  const firstKeys = [...new Set([...groups.values()].map((g) => g.firstKey))];
  const entityOf = await resolution.entityOfKeys(collection, firstKeys);
  const firsts = new Map((await resolution.indexedCandidates(collection, { keys: firstKeys }))
    .map((row) => [row.key, prepareOne(fromIndexed(row, collection), groupType(row.group))]));
  const passing: { p: Prepared; g: GroupSummary; entity: string; first: Prepared }[] = [];
  for (const p of candidates) {
    const g = groups.get(p.group);
    const key = p.original.key;
    const entity = g ? entityOf.get(g.firstKey) : undefined;
    const first = g ? firsts.get(g.firstKey) : undefined;
    if (!g || !entity || !first || excludedGroups.has(p.group) || g.decided > 0 || decided.has(key) || p.group.endsWith('|')
      || !(g.firstKey < key) || p.original.documentIds.length !== 1 || !namesKnown(p, g)) {
      out.failed.push(key);
    } else passing.push({ p, g, entity, first });
  }
  const records = new Map((await entityHeads(resolution, collection, [...new Set(passing.map((x) => x.entity))])).map((e) => [e.id, e]));
  const byEntity = new Map<string, typeof passing>();
  for (const x of passing) byEntity.set(x.entity, [...(byEntity.get(x.entity) ?? []), x]);
  for (const [id, joiners] of byEntity) {
    const e = records.get(id);
    const lead = e ? newLead(e, joiners.map((j) => j.p.candidate)) : null;
    if (!e || lead === null) {
      out.failed.push(...joiners.map((j) => j.p.original.key));
      continue;
    }
    out.writes.push({ entity: patch(e, lead, joiners), members: joiners.map((j) => j.p.original.key) });
    for (const j of joiners) {
      out.joined.push(j.p);
      out.groupSizes.set(j.g.group, (out.groupSizes.get(j.g.group) ?? 0) + 1);
    }
  }
  return out;
}

/** Every full name of the candidate is given by a member with a lower key. */
function namesKnown(p: Prepared, g: GroupSummary): boolean {
  const type = groupType(g.group);
  const byNorm = new Map(g.names.map((n) => [n.norm, n.firstKey]));
  return fullNamesOf(p.candidate).every((n) => {
    if (n.trim() === '') return true;
    const first = byNorm.get(normalizeName(n, type));
    return first !== undefined && first < p.original.key;
  });
}

/** The lead after the joiners, or null when one would lead under another normalised name. */
function newLead(e: ResolvedEntityRecord, joiners: EntityCandidate[]): string | null {
  let lead = e.name;
  for (const c of joiners) {
    if (!leadsOver(c.name, leadRank(c.name, 1, e.type), lead, leadRank(lead, 1, e.type))) continue;
    if (normalizeName(c.name, e.type) !== normalizeName(lead, e.type)) return null;
    lead = c.name;
  }
  return lead;
}

/** The entity with the joiners: members' counts, documents, spellings and one exact-name reason each. */
function patch(e: ResolvedEntityRecord, lead: string, joiners: { p: Prepared; first: Prepared }[]): ResolvedEntityRecord {
  const names = [...e.aliases, e.name, ...joiners.flatMap(({ p }) => [p.candidate.name, ...p.candidate.aliases])];
  const reasons: MergeReason[] = joiners.map(({ p, first }) => {
    const r: MergeReason = { rule: 'exact-norm', score: 1, a: first.original.key, b: p.original.key, evidence: `"${first.candidate.name}" ~ "${p.candidate.name}"` };
    return explainReason(r, (k) => {
      const x = k === first.original.key ? first : k === p.original.key ? p : undefined;
      return x ? { original: x.original.name, folded: x.candidate.name } : undefined;
    });
  });
  return {
    ...e, name: lead, aliases: aliasesOf(names, lead, e.type),
    mentionCount: e.mentionCount + joiners.reduce((n, { p }) => n + p.original.mentionCount, 0),
    documentIds: [...new Set([...e.documentIds, ...joiners.flatMap(({ p }) => p.original.documentIds)])].sort(),
    reasons: sortReasons([...e.reasons, ...reasons]),
  };
}

/** Entities by id without their member lists (the fast path never needs them). */
async function entityHeads(resolution: ResolutionStore, collection: string, ids: string[]): Promise<ResolvedEntityRecord[]> {
  return resolution.entityRecords(collection, ids, { members: false });
}
