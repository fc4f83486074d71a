/**
 * Candidates made ready for clustering (country names folded, types voted), and the index rows resolution keeps about
 * them: one definition used by full and incremental resolution alike, so both file every candidate the same way.
 */
import type { EntityCandidate, EntityType } from '../../model/index.js';
import { anchorKeysOf, fullNamesOf, groupOf, isFullAlias, keysOfNames, surnameKeys } from '../../resolve/groups.js';
import { normalizeName } from '../../resolve/index.js';
import type { GroupName, GroupSummary, IndexedCandidate, VoteCount } from '../../store/resolution.js';
import { foldCountries } from '../countries.js';
import { voteNormOf, voteOutcome } from '../type-vote.js';
import { stringPool } from '../../model/string-pool.js';

/** A candidate as extracted and as clustered. */
export interface Prepared {
  /** From the mentions. */
  original: EntityCandidate;
  /** Country-folded and type-voted: what clustering sees. */
  candidate: EntityCandidate;
  /** Type after folding, before voting: what the candidate votes with. */
  foldedType: EntityType;
  voteNorm: string;
  group: string;
}

/** Prepares one candidate given the outcome of its name's type vote (null: every candidate keeps its type). */
export function prepareOne(original: EntityCandidate, outcome: EntityType | null): Prepared {
  const [folded] = foldCountries([original]) as [EntityCandidate];
  const candidate = outcome && outcome !== folded.type ? { ...folded, type: outcome } : folded;
  return { original, candidate, foldedType: folded.type, voteNorm: voteNormOf(original.key), group: groupOf(candidate) };
}

/** Folded type of a candidate (what it votes with). */
export function foldedTypeOf(original: EntityCandidate): EntityType {
  return (foldCountries([original]) as [EntityCandidate])[0].type;
}

/** Mention counts per vote name and type. */
export function countVotes(items: Iterable<{ voteNorm: string; type: EntityType; mentions: number }>): Map<string, Map<EntityType, number>> {
  const out = new Map<string, Map<EntityType, number>>();
  for (const x of items) {
    const byType = out.get(x.voteNorm) ?? new Map<EntityType, number>();
    byType.set(x.type, (byType.get(x.type) ?? 0) + x.mentions);
    out.set(x.voteNorm, byType);
  }
  return out;
}

/** Prepares a whole set of candidates whose vote names are complete (every candidate of each name is in the set). */
export function prepareAll(originals: EntityCandidate[]): Prepared[] {
  const folded = originals.map((o) => ({ o, type: foldedTypeOf(o), voteNorm: voteNormOf(o.key) }));
  const votes = countVotes(folded.map((f) => ({ voteNorm: f.voteNorm, type: f.type, mentions: f.o.mentionCount })));
  const outcomes = new Map([...votes].map(([norm, byType]) => [norm, voteOutcome(byType)]));
  // A collection's candidates share a few names: each group and vote name string is kept once (590,018 candidates in
  // 34,499 groups at 20,000 documents), not once per candidate.
  const intern = stringPool();
  return originals.map((o) => {
    const p = prepareOne(o, outcomes.get(voteNormOf(o.key)) ?? null);
    return { ...p, group: intern(p.group), voteNorm: intern(p.voteNorm) };
  });
}

/** The vote rows of a complete set of prepared candidates. */
export function voteRows(prepared: Iterable<Prepared>): { voteNorm: string; counts: VoteCount[] }[] {
  const votes = countVotes([...prepared].map((p) => ({ voteNorm: p.voteNorm, type: p.foldedType, mentions: p.original.mentionCount })));
  return [...votes].map(([voteNorm, byType]) => ({ voteNorm, counts: [...byType].map(([type, mentions]) => ({ voteNorm, type, mentions })) }));
}

/** An index row back into the candidate the mentions gave. */
export function fromIndexed(row: IndexedCandidate, collection: string): EntityCandidate {
  return { key: row.key, collection, type: row.type, name: row.name, aliases: row.aliases, documentIds: [row.documentId], mentionCount: row.mentionCount };
}

/** The index row of a prepared candidate. */
export function toIndexed(p: Prepared): IndexedCandidate {
  const o = p.original;
  return { key: o.key, documentId: o.documentIds[0] ?? '', type: o.type, name: o.name, aliases: o.aliases, mentionCount: o.mentionCount, voteNorm: p.voteNorm, group: p.group };
}

/** True when the index row still says what the mentions say. */
export function sameAsIndexed(c: EntityCandidate, row: IndexedCandidate): boolean {
  return c.type === row.type && c.name === row.name && c.mentionCount === row.mentionCount && (c.documentIds[0] ?? '') === row.documentId
    && c.documentIds.length === 1 && JSON.stringify(c.aliases) === JSON.stringify(row.aliases);
}

/** The type a group string names ("PERSON|..." -> PERSON). */
export function groupType(group: string): EntityType {
  return group.slice(0, group.indexOf('|')) as EntityType;
}

/**
 * The summary of one whole group: its first member, its full names by normalised form with the first member giving
 * each (own names before aliases, as clustering reads a cluster's names), and its keys.
 */
export function summarizeGroup(group: string, members: Prepared[], decidedKeys: ReadonlySet<string>): GroupSummary {
  const sorted = [...members].sort((x, y) => (x.original.key < y.original.key ? -1 : x.original.key > y.original.key ? 1 : 0));
  const type = groupType(group);
  const names = new Map<string, GroupName>();
  const offer = (name: string, key: string): void => {
    if (name.trim() === '') return;
    const norm = normalizeName(name, type);
    if (!names.has(norm)) names.set(norm, { norm, firstKey: key, name });
  };
  for (const m of sorted) offer(m.candidate.name, m.original.key);
  for (const m of sorted) for (const a of m.candidate.aliases) if (isFullAlias(a, m.candidate.type)) offer(a, m.original.key);
  const keys = new Set(keysOfNames(new Set(sorted.flatMap((m) => fullNamesOf(m.candidate))), type));
  // Marks the group as the acronym of its acronym keys, so incremental steps find a block's acronyms by key.
  for (const k of anchorKeysOf(keys, [...names.keys()])) keys.add(k);
  const first = sorted[0];
  if (type === 'PERSON') for (const k of Object.values(surnameKeys(group.slice(group.indexOf('|') + 1)))) keys.add(k);
  return {
    group, firstKey: first?.original.key ?? '', size: sorted.length, decided: sorted.filter((m) => decidedKeys.has(m.original.key)).length,
    names: [...names.values()], keys: [...keys].sort(),
  };
}

/** Summaries of every group of a complete set of prepared candidates. */
export function summarizeGroups(prepared: Iterable<Prepared>, decidedKeys: ReadonlySet<string>): GroupSummary[] {
  const byGroup = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const list = byGroup.get(p.group);
    if (list) list.push(p);
    else byGroup.set(p.group, [p]);
  }
  return [...byGroup].map(([g, members]) => summarizeGroup(g, members, decidedKeys));
}
