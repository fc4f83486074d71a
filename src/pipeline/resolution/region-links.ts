/**
 * The links that pull outside groups into a region: a blocking key shared with a region group whose names score at or
 * above the threshold against the outside group's names (in an oversized acronym block only where one side has an
 * acronym), and family-name and acronym blocks whose group count crosses the limit above which clustering compares
 * them differently (groups.ts blockMode). Counts of those keys after the step are kept here for clustering the region.
 */
import { MATCH_THRESHOLD, normalizeName, scoreNames } from '../../resolve/index.js';
import { anchorKey, anchorsBlock, blockMode, fullNamesOf, isAcronymKey, isCappedKey, keysOfNames } from '../../resolve/groups.js';
import type { GroupSummary, ResolutionStore } from '../../store/resolution.js';
import { groupType } from './prepare.js';
import type { Region } from './region.js';

/** Union-find over strings, for the region's decision-connected groups. */
class Units {
  private parent = new Map<string, string>();
  find(x: string): string {
    let r = x;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    this.parent.set(x, r);
    return r;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Link bookkeeping of one region. */
export class RegionLinks {
  private readonly storedCounts = new Map<string, number>();
  private readonly summaries = new Map<string, GroupSummary>();
  private readonly keyRows = new Map<string, string[]>();
  /** Outside group -> region names already scored against it (all below the threshold). */
  private readonly scored = new Map<string, Set<string>>();
  private newKeys = new Map<string, Set<string>>();
  private oldKeys = new Map<string, Set<string>>();
  /** Per key: the region's new groups holding it less its old groups holding it. */
  private delta = new Map<string, number>();

  constructor(private readonly resolution: ResolutionStore, private readonly collection: string, private readonly region: Region) {}

  /** Groups holding a family or acronym key after the step: stored count, less the region's old groups, plus its new ones. */
  count(key: string): number {
    return (this.storedCounts.get(key) ?? 0) + (this.delta.get(key) ?? 0);
  }

  /** Outside groups the region must take next (none: the region is closed). */
  async expand(): Promise<string[]> {
    const inRegion = new Set([...this.region.oldGroups, ...this.region.newGroups]);
    await this.summarize([...this.region.oldGroups]);
    this.oldKeys = new Map([...this.region.oldGroups].map((g) => [g, new Set(this.summaries.get(g)?.keys ?? [])]));
    // New keys and names per decision-connected unit of new groups.
    const units = new Units();
    const groupOfKey = new Map([...this.region.members].map(([k, p]) => [k, p.group]));
    for (const d of this.region.decisions.values()) {
      const [ga, gb] = [groupOfKey.get(d.a), groupOfKey.get(d.b)];
      if (ga && gb) units.union(ga, gb);
    }
    const names = new Map<string, Set<string>>();
    const unitNames = new Map<string, Set<string>>();
    for (const p of this.region.members.values()) {
      const set = names.get(p.group) ?? new Set<string>();
      for (const n of fullNamesOf(p.candidate)) set.add(n);
      names.set(p.group, set);
    }
    this.newKeys = new Map([...names].map(([g, ns]) => [g, new Set(keysOfNames(ns, groupType(g)))]));
    for (const [g, ns] of names) {
      const u = units.find(g);
      unitNames.set(u, new Set([...(unitNames.get(u) ?? []), ...ns]));
    }
    this.delta = new Map();
    for (const [m, sign] of [[this.newKeys, 1], [this.oldKeys, -1]] as const) {
      for (const ks of m.values()) for (const k of ks) this.delta.set(k, (this.delta.get(k) ?? 0) + sign);
    }
    const capped = new Set([...this.delta.keys()].filter(isCappedKey));
    const unknown = [...capped].filter((k) => !this.storedCounts.has(k));
    const counts = await this.resolution.keyCounts(this.collection, unknown);
    for (const k of unknown) this.storedCounts.set(k, counts.get(k) ?? 0);
    const more = new Set<string>();
    // A block that crosses the limit is compared differently now: all its groups are affected.
    const crossing = [...capped].filter((k) => blockMode(k, this.storedCounts.get(k) ?? 0) !== blockMode(k, this.count(k)));
    for (const g of await this.groupsWith(crossing)) if (!inRegion.has(g)) more.add(g);
    // Keys clustering compares on: family keys only below the limit; an oversized acronym block pairs a unit without an
    // acronym only with the outside groups that have one (`anchoredOnly`).
    const keysOfUnit = new Map<string, Set<string>>();
    const anchoredOnly = new Map<string, Set<string>>();
    const unitNorms = new Map([...unitNames].map(([u, ns]) => [u, [...ns].map((n) => normalizeName(n, groupType(u)))]));
    for (const [g, ks] of this.newKeys) {
      const u = units.find(g);
      const set = keysOfUnit.get(u) ?? new Set<string>();
      const only = anchoredOnly.get(u) ?? new Set<string>();
      for (const k of ks) {
        const mode = blockMode(k, this.count(k));
        if (mode === 'all' || (mode === 'anchored' && anchorsBlock(k, unitNorms.get(u) ?? []))) set.add(k);
        else if (mode === 'anchored') only.add(k);
      }
      keysOfUnit.set(u, set);
      anchoredOnly.set(u, only);
    }
    // An acronym's meaning depends on every long name with its initials (across-documents.ts ambiguousAcronyms): a
    // group that gains or loses an acronym key brings the groups that are that acronym into the region.
    const acronymKeys = [...this.delta.keys()].filter(isAcronymKey);
    for (const h of await this.groupsWith(acronymKeys.map(anchorKey))) if (!inRegion.has(h)) more.add(h);
    const allKeys = [...new Set([...keysOfUnit.values()].flatMap((s) => [...s]))];
    await this.groupsWith(allKeys);
    const outside = new Map<string, Set<string>>();
    const link = (h: string, u: string): void => {
      if (!inRegion.has(h)) outside.set(h, new Set([...(outside.get(h) ?? []), u]));
    };
    for (const [u, ks] of keysOfUnit) for (const k of ks) for (const h of this.keyRows.get(k) ?? []) link(h, u);
    // Through an oversized acronym block alone, only outside groups that are the acronym are compared.
    const anchored = [...new Set([...anchoredOnly.values()].flatMap((s) => [...s]))].map(anchorKey);
    await this.groupsWith(anchored);
    for (const [u, ks] of anchoredOnly) for (const k of ks) for (const h of this.keyRows.get(anchorKey(k)) ?? []) link(h, u);
    await this.summarize([...outside.keys()]);
    for (const [h, us] of outside) {
      const summary = this.summaries.get(h);
      if (!summary || summary.decided > 0 || this.matches(h, summary, [...us].flatMap((u) => [...(unitNames.get(u) ?? [])]))) more.add(h);
    }
    return [...more];
  }

  /** True when a region name and a name of the outside group are one spelling or score at or above the threshold. */
  private matches(h: string, summary: GroupSummary, regionNames: string[]): boolean {
    const type = groupType(h);
    const done = this.scored.get(h) ?? new Set<string>();
    this.scored.set(h, done);
    for (const x of regionNames) {
      if (done.has(x)) continue;
      done.add(x);
      const nx = normalizeName(x, type);
      for (const y of summary.names) if (nx === y.norm || scoreNames(x, y.name, type).score >= MATCH_THRESHOLD) return true;
    }
    return false;
  }

  private async summarize(groups: string[]): Promise<void> {
    const missing = groups.filter((g) => !this.summaries.has(g));
    for (const s of await this.resolution.groups(this.collection, missing)) this.summaries.set(s.group, s);
  }

  private async groupsWith(keys: string[]): Promise<string[]> {
    const missing = keys.filter((k) => !this.keyRows.has(k));
    for (const k of missing) this.keyRows.set(k, []);
    for (const row of await this.resolution.groupsWithKeys(this.collection, missing)) this.keyRows.get(row.key)!.push(row.group);
    return keys.flatMap((k) => this.keyRows.get(k) ?? []);
  }
}
