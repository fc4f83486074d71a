/**
 * The region of an incremental step: the candidates whose entities may change, grown until no clustering step
 * crosses its border, so clustering the region alone gives what clustering the whole collection would give there.
 * Clustering joins candidates only through: one name group (same type and normalised name), one vote name, a user
 * decision, a blocking key shared by two names scoring at or above the threshold, and the family names of the
 * unique-surname rule. The region takes whole groups, vote names and old entities, every decision partner, every
 * family-name partner, and every outside group a region name matches on a shared key; family-name blocks whose
 * size crosses the skip limit bring all their groups.
 */
import type { Decision, DecisionRecord, EntityType, ResolvedEntityRecord } from '../../model/index.js';
import type { IndexedCandidate, ResolutionStore } from '../../store/resolution.js';
import { acceptsHolder, lastWordOf, surnameKeys, surnamePartner } from '../../resolve/groups.js';
import { fromIndexed, groupType, prepareOne, type Prepared } from './prepare.js';
import { RegionLinks } from './region-links.js';

/** What a step starts from. */
export interface RegionInput {
  resolution: ResolutionStore;
  collection: string;
  /** New state of candidates the mentions added or changed. */
  fresh: ReadonlyMap<string, Prepared>;
  /** Stored candidates whose row no longer holds (changed or gone). */
  superseded: ReadonlySet<string>;
  /** Vote outcomes after the step, for the vote names it changes counts of. */
  outcomes: ReadonlyMap<string, EntityType | null>;
  /** Decisions recorded by this step. */
  newDecisions: Decision[];
  /** Yields to the event loop between rounds of work. */
  pause: () => Promise<void>;
}

/** The growing region. */
export class Region {
  /** Candidates in their new state. */
  readonly members = new Map<string, Prepared>();
  /** Stored rows of region candidates (their old state). */
  readonly stored = new Map<string, IndexedCandidate>();
  /** Stored groups taken whole, and old entities (taken whole) by id. */
  readonly oldGroups = new Set<string>();
  readonly oldEntities = new Map<string, ResolvedEntityRecord>();
  /** Candidate key -> old entity id. */
  readonly oldEntityOf = new Map<string, string>();
  readonly decisions = new Map<number, DecisionRecord>();
  private readonly want = { groups: new Set<string>(), votes: new Set<string>(), keys: new Set<string>() };
  private readonly done = { groups: new Set<string>(), votes: new Set<string>(), keys: new Set<string>(), entities: new Set<string>(), decisions: new Set<string>(), surnames: new Set<string>() };
  private readonly freshByGroup = new Map<string, Prepared[]>();
  private readonly freshByVote = new Map<string, Prepared[]>();
  private readonly links: RegionLinks;

  constructor(private readonly input: RegionInput) {
    for (const p of input.fresh.values()) {
      for (const [map, k] of [[this.freshByGroup, p.group], [this.freshByVote, p.voteNorm]] as const) map.set(k, [...(map.get(k) ?? []), p]);
    }
    this.links = new RegionLinks(input.resolution, input.collection, this);
    for (const d of input.newDecisions) this.seedKeys([d.a, d.b]);
  }

  /** Groups of the new state in the region. */
  get newGroups(): Set<string> {
    return new Set([...this.members.values()].map((p) => p.group));
  }

  seedKeys(keys: Iterable<string>): void {
    for (const k of keys) if (!this.done.keys.has(k)) this.want.keys.add(k);
  }

  seedGroups(groups: Iterable<string>): void {
    for (const g of groups) if (!this.done.groups.has(g)) this.want.groups.add(g);
  }

  seedVoteNorms(norms: Iterable<string>): void {
    for (const v of norms) if (!this.done.votes.has(v)) this.want.votes.add(v);
  }

  /** Grows the region until it is closed. */
  async close(): Promise<void> {
    for (;;) {
      await this.drain();
      const more = await this.links.expand();
      if (more.length === 0) return;
      this.seedGroups(more);
    }
  }

  /** The block size of a family or acronym key after the step (see RegionLinks.count). */
  blockSize(key: string): number {
    return this.links.count(key);
  }

  /** Takes what is wanted (whole groups, vote names, keys), then what it brings along, until nothing is wanted. */
  private async drain(): Promise<void> {
    const { resolution: r, collection } = this.input;
    while (this.want.groups.size + this.want.votes.size + this.want.keys.size > 0) {
      const groups = take(this.want.groups, this.done.groups);
      const votes = take(this.want.votes, this.done.votes);
      const keys = take(this.want.keys, this.done.keys);
      const rows = await r.indexedCandidates(collection, { groups, voteNorms: votes, keys });
      for (let n = 0; n < rows.length; n++) {
        this.addStored(rows[n]!);
        if (n % 500 === 499) await this.input.pause();
      }
      for (const g of groups) for (const p of this.freshByGroup.get(g) ?? []) this.addMember(p);
      for (const v of votes) for (const p of this.freshByVote.get(v) ?? []) this.addMember(p);
      for (const k of keys) {
        const p = this.input.fresh.get(k);
        if (p) this.addMember(p);
      }
      await this.bringAlong();
      await this.input.pause();
    }
  }

  /** Old entities of stored keys, decision partners, family-name partners of new groups. */
  private async bringAlong(): Promise<void> {
    const { resolution: r, collection } = this.input;
    const storedKeys = [...this.stored.keys()].filter((k) => !this.done.entities.has(k));
    storedKeys.forEach((k) => this.done.entities.add(k));
    const entityOf = await r.entityOfKeys(collection, storedKeys);
    for (const [k, id] of entityOf) this.oldEntityOf.set(k, id);
    const ids = [...new Set(entityOf.values())].filter((id) => !this.oldEntities.has(id));
    await this.input.pause();
    for (const e of await r.entityRecords(collection, ids)) {
      this.oldEntities.set(e.id, e);
      this.seedKeys(e.members);
    }
    const keys = [...new Set([...this.stored.keys(), ...this.members.keys()])].filter((k) => !this.done.decisions.has(k));
    keys.forEach((k) => this.done.decisions.add(k));
    await this.input.pause();
    for (const d of await r.decisionsAbout(collection, keys)) {
      this.decisions.set(d.id, d);
      this.seedKeys([d.a, d.b]);
    }
    // The unique-surname rule relates a one-word name to the holders of its family name that it accepts: each side
    // of such a pair in the region brings the other (the region then brings the rest of what they need).
    const families = new Map<string, string[]>();
    for (const g of [...this.oldGroups, ...this.newGroups]) {
      if (this.done.surnames.has(g) || !g.startsWith('PERSON|')) continue;
      this.done.surnames.add(g);
      const norm = g.slice(g.indexOf('|') + 1);
      for (const k of Object.values(surnameKeys(norm))) families.set(k, [...(families.get(k) ?? []), norm]);
    }
    if (families.size === 0) return;
    const rows = await r.groupsWithKeys(collection, [...families.keys()].map(surnamePartner));
    for (const x of rows) {
      const other = x.group.slice(x.group.indexOf('|') + 1);
      const mine = families.get(surnamePartner(x.key)) ?? [];
      const related = x.key.includes('|sur1:')
        ? mine.some((holder) => acceptsHolder(other, lastWordOf(holder)))
        : mine.some((single) => acceptsHolder(single, lastWordOf(other)));
      if (related) this.seedGroups([x.group]);
    }
  }

  private addStored(row: IndexedCandidate): void {
    if (this.stored.has(row.key)) return;
    this.stored.set(row.key, row);
    this.oldGroups.add(row.group);
    this.seedGroups([row.group]);
    const p = this.input.superseded.has(row.key)
      ? this.input.fresh.get(row.key)
      : prepareOne(fromIndexed(row, this.input.collection), this.input.outcomes.has(row.voteNorm) ? this.input.outcomes.get(row.voteNorm) ?? null : groupType(row.group));
    if (p) this.addMember(p);
  }

  private addMember(p: Prepared): void {
    if (this.members.has(p.original.key)) return;
    this.members.set(p.original.key, p);
    this.seedGroups([p.group]);
  }

}

/** Moves the wanted items not yet done into `done` and returns them. */
function take(want: Set<string>, done: Set<string>): string[] {
  const out = [...want].filter((x) => !done.has(x));
  want.clear();
  out.forEach((x) => done.add(x));
  return out;
}
