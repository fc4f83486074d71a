/**
 * Cross-document clustering: per-document candidates become entities. Automatic merges come from name
 * scores over blocked pairs; user decisions are applied on top (a split beats any automatic merge, a merge
 * is forced), and every union keeps its reason so a user can see and undo it.
 */
import { createHash } from 'node:crypto';
import type { EntityType } from '../model/index.js';
import { acronymKey, isAcronym } from './acronyms.js';
import { initialsOf, MATCH_THRESHOLD, scoreNames } from './match.js';
import { blockingKeys, comparableWords, tokenKey } from './name-key.js';
import { normalizeName } from './normalize.js';
import type { MergeDecision, MergeReason, NameScore, ResolveCandidate, ResolvedEntity } from './types.js';

// Aliases compared per candidate; a candidate with hundreds of spellings would otherwise dominate the run time.
const MAX_NAMES = 12;
// Largest family-name block compared pair by pair; pairs grow with the square of a block.
const MAX_BLOCK = 200;

/** Union-find over candidate indexes with cannot-link constraints from user splits. */
class Partition {
  private parent: number[];
  private lists = new Map<number, number[]>();
  readonly reasons = new Map<number, MergeReason[]>();
  readonly apart: [number, number][] = [];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < n; i++) this.lists.set(i, [i]);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i] ?? i] ?? i;
    return i;
  }
  /** True when a split decision keeps the two clusters apart. */
  blocked(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    return this.apart.some(([x, y]) => {
      const [rx, ry] = [this.find(x), this.find(y)];
      return (rx === ra && ry === rb) || (rx === rb && ry === ra);
    });
  }
  union(a: number, b: number, reason: MergeReason): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    this.lists.set(root, [...(this.lists.get(root) ?? []), ...(this.lists.get(child) ?? [])]);
    this.lists.delete(child);
    this.reasons.set(root, [...(this.reasons.get(root) ?? []), ...(this.reasons.get(child) ?? []), reason]);
  }
  /** Candidate indexes in the cluster of `i`. */
  members(i: number): number[] {
    return [...(this.lists.get(this.find(i)) ?? [])].sort((a, b) => a - b);
  }
}

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

/** Names of a candidate to compare: its name first, then the distinct aliases that identify it on their own. */
function namesOf(c: ResolveCandidate): string[] {
  const aliases = c.aliases.filter((a) => isFullAlias(a, c.type));
  return [...new Set([c.name, ...aliases])].filter((n) => n.trim() !== '').slice(0, MAX_NAMES);
}

/** Blocking keys of a candidate: name skeletons, acronyms and the initials of long names. */
function keysOf(c: ResolveCandidate): string[] {
  const keys = new Set<string>();
  for (const n of namesOf(c)) {
    for (const k of blockingKeys(n, c.type)) keys.add(`${c.type}|${k}`);
    if (isAcronym(n)) keys.add(`${c.type}|acr:${acronymKey(n)}`);
    const norm = normalizeName(n, c.type);
    if (norm.includes(' ') && c.type !== 'PERSON') for (const i of initialsOf(norm)) keys.add(`${c.type}|acr:${i}`);
  }
  return [...keys];
}

/** Best score between any name of one candidate and any name of the other, with the names that gave it. */
function bestScore(x: ResolveCandidate, y: ResolveCandidate): NameScore & { evidence: string } {
  let best: NameScore & { evidence: string } = { score: 0, rule: 'none', evidence: '' };
  for (const a of namesOf(x)) {
    for (const b of namesOf(y)) {
      // A spelling both documents give is the strongest evidence there is ("PMU" in two documents).
      const same = normalizeName(a, x.type) === normalizeName(b, y.type) && (a !== x.name || b !== y.name);
      const s = same ? { score: 1, rule: 'shared-alias' } : scoreNames(a, b, x.type);
      if (s.score > best.score) best = { ...s, evidence: `"${a}" ~ "${b}"` };
    }
  }
  return best;
}

/** True when any two main names across the clusters trip a guard (two "Abu ..." people, Iran / Iraq). */
function guardVeto(p: Partition, list: ResolveCandidate[], a: number, b: number): boolean {
  const left = p.members(a);
  const right = p.members(b);
  return left.some((i) => right.some((j) => {
    const [x, y] = [list[i], list[j]];
    return x !== undefined && y !== undefined && scoreNames(x.name, y.name, x.type).rule.startsWith('guard-');
  }));
}

/** Applies user decisions newest first, so a later decision overrides an earlier contradicting one. */
function applyDecisions(p: Partition, index: Map<string, number>, decisions: MergeDecision[]): void {
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
function joinUniqueSurnames(p: Partition, list: ResolveCandidate[]): void {
  const full = new Map<string, number[]>();
  const single: number[] = [];
  list.forEach((c, i) => {
    if (c.type !== 'PERSON') return;
    const words = comparableWords(normalizeName(c.name, c.type), c.type);
    const last = words.at(-1);
    if (words.length === 1 && last !== undefined && last.length >= 4) single.push(i);
    else if (words.length > 1 && last !== undefined) full.set(tokenKey(last), [...(full.get(tokenKey(last)) ?? []), i]);
  });
  for (const i of single) {
    const c = list[i];
    const holders = full.get(tokenKey(normalizeName(c?.name ?? '', 'PERSON')));
    const roots = new Set((holders ?? []).map((j) => p.find(j)));
    const j = holders?.[0];
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
  const rank = (c: ResolveCandidate): [number, number, number] =>
    [c.documentIds.length, isAcronym(c.name) ? 0 : comparableWords(normalizeName(c.name, type), type).length, c.name.length];
  const lead = members.reduce((x, y) => {
    const [rx, ry] = [rank(x), rank(y)];
    for (let k = 0; k < 3; k++) if ((ry[k] ?? 0) !== (rx[k] ?? 0)) return (ry[k] ?? 0) > (rx[k] ?? 0) ? y : x;
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

/**
 * Clusters per-document candidates into entities. User decisions are applied first and win: a split keeps
 * two candidates apart even when names match, a merge joins them even when names differ.
 */
export function clusterEntities(candidates: ResolveCandidate[], decisions: MergeDecision[]): { entities: ResolvedEntity[] } {
  const list = dedupe(candidates);
  const index = new Map(list.map((c, i) => [c.key, i]));
  const p = new Partition(list.length);
  applyDecisions(p, index, decisions);

  const blocks = new Map<string, number[]>();
  list.forEach((c, i) => keysOf(c).forEach((k) => {
    const members = blocks.get(k);
    if (members) members.push(i);
    else blocks.set(k, [i]);
  }));
  const pairs = new Map<string, { i: number; j: number } & NameScore & { evidence: string }>();
  for (const [key, members] of blocks) {
    // A family name shared by hundreds of candidates is no block; their full-name keys still pair spellings.
    if (members.length > MAX_BLOCK && key.includes('|last:')) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x] ?? 0, members[y] ?? 0];
        const id = `${i}:${j}`;
        const [ci, cj] = [list[i], list[j]];
        if (pairs.has(id) || ci === undefined || cj === undefined || ci.type !== cj.type) continue;
        pairs.set(id, { i, j, ...bestScore(ci, cj) });
      }
    }
  }
  // Strongest evidence first, so a weak link cannot pull a candidate away from its best match.
  const ordered = [...pairs.values()].filter((s) => s.score >= MATCH_THRESHOLD).sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const s of ordered) {
    if (p.find(s.i) === p.find(s.j) || p.blocked(s.i, s.j) || guardVeto(p, list, s.i, s.j)) continue;
    p.union(s.i, s.j, { rule: s.rule, score: s.score, a: list[s.i]?.key ?? '', b: list[s.j]?.key ?? '', evidence: s.evidence });
  }
  joinUniqueSurnames(p, list);

  const roots = [...new Set(list.map((_, i) => p.find(i)))];
  const entities = roots.map((r) => toEntity(list, p.members(r), p.reasons.get(r) ?? []));
  entities.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { entities };
}
