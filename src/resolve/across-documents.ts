/**
 * Cross-document clustering: per-document candidates become entities. Automatic merges come from name
 * scores over blocked pairs; user decisions are applied on top (a split beats any automatic merge, a merge
 * is forced), and every union keeps its reason so a user can see and undo it.
 */
import { createHash } from 'node:crypto';
import type { EntityType } from '../model/index.js';
import { acronymKey, isAcronym } from './acronyms.js';
import { initialsOf, isSameEntity, MATCH_THRESHOLD, scoreNames } from './match.js';
import { blockingKeys, comparableWords, tokenKey } from './name-key.js';
import { normalizeName } from './normalize.js';
import { Partition } from './partition.js';
import type { MergeDecision, MergeReason, NameScore, ResolveCandidate, ResolvedEntity } from './types.js';

// Aliases compared per candidate; a candidate with hundreds of spellings would otherwise dominate the run time.
const MAX_NAMES = 12;
// Largest family-name block compared pair by pair; pairs grow with the square of a block.
const MAX_BLOCK = 200;

/** Merges candidates sharing a key (the same per-document entity offered twice) and sorts them by key. */
function dedupe(candidates: ResolveCandidate[]): ResolveCandidate[] {
  const byKey = new Map<string, ResolveCandidate>();
  for (const c of candidates) {
    const prev = byKey.get(c.key);
    byKey.set(c.key, prev
      ? { ...prev, aliases: [...prev.aliases, c.name, ...c.aliases], documentIds: [...prev.documentIds, ...c.documentIds] }
      : { ...c, aliases: [...c.aliases], documentIds: [...c.documentIds] });
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Whether an alias identifies its entity on its own. Partial forms a document used after the full name
 * ("Soleimani", "Kataeb") do not: another document's "Soleimani" may be another person.
 */
function isFullAlias(alias: string, type: EntityType): boolean {
  if (type === 'LOC') return true;
  if (isAcronym(alias)) return acronymKey(alias).length >= 3;
  return comparableWords(normalizeName(alias, type), type).length >= 2;
}

/** A name offered for matching, with the candidate that gave it. */
interface NameRef {
  name: string;
  key: string;
  /** True for a candidate's own name, false for one of its aliases. */
  main: boolean;
}

type Clustering = Partition<MergeReason>;

/** Distinct names of a cluster (by normalised form), main names first, then aliases that identify it alone. */
function namesOf(p: Clustering, list: ResolveCandidate[], root: number): NameRef[] {
  const members = p.members(root).map((i) => list[i]).filter((c): c is ResolveCandidate => c !== undefined);
  const refs = [
    ...members.map((c) => ({ name: c.name, key: c.key, main: true })),
    ...members.flatMap((c) => c.aliases.filter((a) => isFullAlias(a, c.type)).map((a) => ({ name: a, key: c.key, main: false }))),
  ];
  const type = members[0]?.type ?? 'MISC';
  const seen = new Set<string>();
  return refs.filter((r) => {
    const norm = normalizeName(r.name, type);
    if (r.name.trim() === '' || seen.has(norm)) return false;
    seen.add(norm);
    return true;
  }).slice(0, MAX_NAMES);
}

/** Blocking keys of a cluster's names: skeletons, acronyms and the initials of long names. */
function keysOf(names: NameRef[], type: EntityType): string[] {
  const keys = new Set<string>();
  for (const { name } of names) {
    for (const k of blockingKeys(name, type)) keys.add(`${type}|${k}`);
    if (isAcronym(name)) keys.add(`${type}|acr:${acronymKey(name)}`);
    const norm = normalizeName(name, type);
    if (norm.includes(' ') && type !== 'PERSON') for (const i of initialsOf(norm)) keys.add(`${type}|acr:${i}`);
  }
  return [...keys];
}

/** Best score between any name of one cluster and any of the other, as a merge reason. */
function bestScore(xs: NameRef[], ys: NameRef[], type: EntityType): MergeReason {
  let best: MergeReason = { rule: 'none', score: 0, a: '', b: '' };
  for (const x of xs) {
    for (const y of ys) {
      // A spelling both documents give is the strongest evidence there is ("PMU" in two documents).
      const same = normalizeName(x.name, type) === normalizeName(y.name, type);
      const s: NameScore = same ? { score: 1, rule: x.main && y.main ? 'exact-norm' : 'shared-alias' } : scoreNames(x.name, y.name, type);
      if (s.score > best.score) best = { ...s, a: x.key, b: y.key, evidence: `"${x.name}" ~ "${y.name}"` };
    }
  }
  return best;
}

/** True when any two main names across the clusters trip a guard (two "Abu ..." people, Iran / Iraq). */
function guardVeto(p: Clustering, list: ResolveCandidate[], a: number, b: number): boolean {
  const mains = (i: number): ResolveCandidate[] => {
    const seen = new Set<string>();
    return p.members(i).map((j) => list[j]).filter((c): c is ResolveCandidate => {
      const norm = c === undefined ? '' : normalizeName(c.name, c.type);
      if (c === undefined || seen.has(norm)) return false;
      seen.add(norm);
      return true;
    });
  };
  const right = mains(b);
  return mains(a).some((x) => right.some((y) => scoreNames(x.name, y.name, x.type).rule.startsWith('guard-')));
}

/** Applies user decisions newest first, so a later decision overrides an earlier contradicting one. */
function applyDecisions(p: Clustering, index: Map<string, number>, decisions: MergeDecision[]): void {
  const ordered = decisions
    .map((d, order) => ({ d, order }))
    .sort((x, y) => (x.d.at < y.d.at ? 1 : x.d.at > y.d.at ? -1 : y.order - x.order));
  const decided = new Set<string>();
  for (const { d } of ordered) {
    const [a, b] = [index.get(d.a), index.get(d.b)];
    const pair = [d.a, d.b].sort().join('\u0000');
    // Decisions about candidates this extraction did not produce wait in the store until they reappear.
    if (a === undefined || b === undefined || a === b || decided.has(pair)) continue;
    decided.add(pair);
    const evidence = `${d.kind} by ${d.by ?? 'unknown'} at ${d.at}`;
    if (d.kind === 'split' && p.find(a) !== p.find(b)) p.apart.push([a, b]);
    if (d.kind === 'merge' && !p.blocked(a, b)) p.union(a, b, { rule: 'user-merge', score: 1, a: d.a, b: d.b, evidence });
  }
}

/** One-word people ("Kadhimi") join the only multi-word person with that family name, when there is exactly one. */
function joinUniqueSurnames(p: Clustering, list: ResolveCandidate[]): void {
  const full = new Map<string, { i: number; last: string }[]>();
  const single: number[] = [];
  list.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const words = comparableWords(normalizeName(c.name, c.type), c.type);
    const last = words.at(-1);
    if (words.length === 1 && last !== undefined && last.length >= 4) single.push(i);
    else if (words.length > 1 && last !== undefined) full.set(tokenKey(last), [...(full.get(tokenKey(last)) ?? []), { i, last }]);
  });
  for (const i of single) {
    const c = list[i];
    // The skeleton finds candidates; the matcher decides ("Kadhimi" is not "al-Kadhim", a nisba apart).
    const holders = (full.get(tokenKey(normalizeName(c?.name ?? '', 'PERSON'))) ?? [])
      .filter((h) => isSameEntity(c?.name ?? '', h.last, 'PERSON')).map((h) => h.i);
    const roots = new Set(holders.map((j) => p.find(j)));
    const j = holders[0];
    if (c === undefined || j === undefined || roots.size !== 1 || p.blocked(i, j) || guardVeto(p, list, i, j)) continue;
    const other = list[j];
    p.union(i, j, { rule: 'unique-surname', score: 0.8, a: c.key, b: other?.key ?? '', evidence: `"${c.name}" ~ "${other?.name ?? ''}"` });
  }
}

/** Deterministic entity id: the type and the lowest member key, hashed, so it survives re-extraction. */
export function entityId(type: EntityType, members: string[]): string {
  const lowest = [...members].sort()[0] ?? '';
  return `ent_${createHash('sha256').update(`${type}\u0000${lowest}`).digest('hex').slice(0, 16)}`;
}

/** Builds the output entity of one cluster: the most-documented, fullest name leads; other spellings are aliases. */
function toEntity(list: ResolveCandidate[], indexes: number[], reasons: MergeReason[]): ResolvedEntity {
  const members = indexes.map((i) => list[i]).filter((c): c is ResolveCandidate => c !== undefined);
  const type = members[0]?.type ?? 'MISC';
  // Most documents first, then names in Latin script (the reader's), then the fullest, then the longest.
  const rank = (c: ResolveCandidate): number[] => [
    c.documentIds.length,
    /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]*$/u.test(c.name) ? 1 : 0,
    isAcronym(c.name) ? 0 : comparableWords(normalizeName(c.name, type), type).length,
    c.name.length,
  ];
  const lead = members.reduce((x, y) => {
    const [rx, ry] = [rank(x), rank(y)];
    for (let k = 0; k < rx.length; k++) if ((ry[k] ?? 0) !== (rx[k] ?? 0)) return (ry[k] ?? 0) > (rx[k] ?? 0) ? y : x;
    return y.name < x.name ? y : x;
  });
  const seen = new Set([normalizeName(lead.name, type)]);
  const aliases: string[] = [];
  for (const n of members.flatMap((c) => [c.name, ...c.aliases])) {
    const norm = normalizeName(n, type);
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    aliases.push(n);
  }
  const keys = members.map((c) => c.key).sort();
  return {
    id: entityId(type, keys),
    name: lead.name,
    type,
    aliases: aliases.sort(),
    members: keys,
    documentIds: [...new Set(members.flatMap((c) => c.documentIds))].sort(),
    reasons,
  };
}

/** Candidates whose own names normalise alike are one entity unless a user split them. */
function joinSameNames(p: Clustering, list: ResolveCandidate[]): void {
  const firstOf = new Map<string, number>();
  list.forEach((c, i) => {
    const norm = normalizeName(c.name, c.type);
    if (norm === '') return; // an empty or punctuation-only name says nothing about identity
    const id = `${c.type}|${norm}`;
    const first = firstOf.get(id);
    if (first === undefined) return void firstOf.set(id, i);
    const f = list[first];
    if (f === undefined || p.blocked(first, i)) return;
    p.union(first, i, { rule: 'exact-norm', score: 1, a: f.key, b: c.key, evidence: `"${f.name}" ~ "${c.name}"` });
  });
}

/** Scores clusters that share a blocking key and joins those at or above the threshold, strongest first. */
function joinSimilarNames(p: Clustering, list: ResolveCandidate[]): void {
  const names = new Map(p.roots().map((r) => [r, namesOf(p, list, r)]));
  const blocks = new Map<string, number[]>();
  for (const [root, refs] of names) {
    for (const k of keysOf(refs, list[root]?.type ?? 'MISC')) {
      const members = blocks.get(k);
      if (members) members.push(root);
      else blocks.set(k, [root]);
    }
  }
  const pairs = new Map<string, MergeReason & { i: number; j: number }>();
  for (const [key, roots] of blocks) {
    // A family name shared by hundreds of clusters is no block; their full-name keys still pair spellings.
    if (roots.length > MAX_BLOCK && key.includes('|last:')) continue;
    for (let x = 0; x < roots.length; x++) {
      for (let y = x + 1; y < roots.length; y++) {
        const [i, j] = [roots[x] ?? 0, roots[y] ?? 0];
        if (pairs.has(`${i}:${j}`)) continue;
        pairs.set(`${i}:${j}`, { i, j, ...bestScore(names.get(i) ?? [], names.get(j) ?? [], list[i]?.type ?? 'MISC') });
      }
    }
  }
  // Strongest evidence first, so a weak link cannot pull a cluster away from its best match.
  const ordered = [...pairs.values()].filter((s) => s.score >= MATCH_THRESHOLD).sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const { i, j, ...reason } of ordered) {
    if (p.find(i) === p.find(j) || p.blocked(i, j) || guardVeto(p, list, i, j)) continue;
    p.union(i, j, reason);
  }
}

/**
 * Clusters per-document candidates into entities. User decisions are applied first and win: a split keeps
 * two candidates apart even when names match, a merge joins them even when names differ.
 */
export function clusterEntities(candidates: ResolveCandidate[], decisions: MergeDecision[]): { entities: ResolvedEntity[] } {
  const list = dedupe(candidates);
  const p: Clustering = new Partition<MergeReason>(list.length);
  applyDecisions(p, new Map(list.map((c, i) => [c.key, i])), decisions);
  joinSameNames(p, list);
  joinSimilarNames(p, list);
  joinUniqueSurnames(p, list);
  const entities = p.roots().map((r) => toEntity(list, p.members(r), p.reasons(r)));
  entities.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { entities };
}
