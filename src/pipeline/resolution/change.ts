/** What an incremental step writes: the region re-clustered, compared with what was stored, plus the fast-path joins. */
import type { ResolvedEntityRecord } from '../../model/index.js';
import type { EntityWrite, GroupSummary, ResolutionChange } from '../../store/resolution.js';
import { sameAsIndexed, summarizeGroup, toIndexed, type Prepared } from './prepare.js';
import type { Region } from './region.js';

/** True when two records say the same (members aside). */
function sameEntity(a: ResolvedEntityRecord, b: ResolvedEntityRecord): boolean {
  const sorted = (xs: string[]) => JSON.stringify([...xs].sort());
  return a.name === b.name && a.type === b.type && a.mentionCount === b.mentionCount && sorted(a.aliases) === sorted(b.aliases)
    && JSON.stringify(a.documentIds) === JSON.stringify(b.documentIds) && JSON.stringify(a.reasons) === JSON.stringify(b.reasons);
}

/**
 * The writes of a re-clustered region: candidates whose row changed, groups rebuilt whole, entities whose row changed
 * or who gained members, entities and candidates that are gone. Unchanged rows are not written.
 */
export async function regionChange(region: Region, records: ResolvedEntityRecord[], decidedKeys: ReadonlySet<string>, pause: () => Promise<void>): Promise<ResolutionChange> {
  const candidates = [...region.members.values()]
    .filter((p) => {
      const row = region.stored.get(p.original.key);
      return !row || row.group !== p.group || !sameAsIndexed(p.original, row);
    })
    .map(toIndexed);
  const removeCandidates = [...region.stored.keys()].filter((k) => !region.members.has(k));
  const byGroup = new Map<string, Prepared[]>();
  for (const p of region.members.values()) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]);
  const groups: GroupSummary[] = [];
  for (const [g, members] of byGroup) {
    groups.push(summarizeGroup(g, members, decidedKeys));
    if (members.length > 100) await pause();
  }
  const removeGroups = [...region.oldGroups].filter((g) => !byGroup.has(g));
  const entities: EntityWrite[] = [];
  const ids = new Set(records.map((r) => r.id));
  for (const r of records) {
    if (r.members.length > 100) await pause();
    const old = region.oldEntities.get(r.id);
    const moved = r.members.filter((k) => region.oldEntityOf.get(k) !== r.id);
    if (!old || moved.length > 0 || !sameEntity(old, r)) entities.push({ entity: r, members: moved });
  }
  return {
    candidates, removeCandidates, groups, removeGroups, entities,
    removeEntities: [...region.oldEntities.keys()].filter((id) => !ids.has(id)),
    removeMembers: removeCandidates,
  };
}

/** Joins two changes (the region's and the fast path's); lists are concatenated. */
export function mergeChanges(a: ResolutionChange, b: ResolutionChange): ResolutionChange {
  const out: ResolutionChange = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof ResolutionChange, unknown][]) {
    const prev = out[k];
    (out as Record<string, unknown>)[k] = Array.isArray(prev) && Array.isArray(v) ? [...prev, ...v] : v ?? prev;
  }
  return out;
}
