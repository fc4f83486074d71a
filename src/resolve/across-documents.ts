/**
 * Cross-document clustering: per-document candidates become entities. Automatic merges come from name
 * scores over blocked pairs; user decisions are applied on top (a split beats any automatic merge, a merge
 * is forced), and every union keeps its reason so a user can see and undo it.
 */
import type { EntityType } from '../model/index.js';
import { MATCH_THRESHOLD, scoreNames } from './match.js';
import { isAcronym } from './acronyms.js';
import { normalizeName } from './normalize.js';
import { Partition } from './partition.js';
import { entityId, toEntity } from './entity-build.js';
import { anchorsBlock, blockMode, countBlocks, isFullAlias, keysOfNames } from './groups.js';
import { acronymChainVeto, guardVeto, type Clustering } from './cluster-guards.js';
import { isCrossScriptKey } from './cross-script.js';
import { isArabicScript } from './translit/index.js';
import { joinUniqueSurnames } from './unique-surnames.js';
import type { MergeDecision, MergeReason, NameScore, ResolveCandidate, ResolvedEntity } from './types.js';

export { entityId };

// Aliases compared per candidate; a candidate with hundreds of spellings would otherwise dominate the run time.
const MAX_NAMES = 12;

/** Options of clusterEntities. */
export interface ClusterOptions {
  /**
   * Groups holding a blocking key in the whole collection (see countBlocks); family-name blocks above MAX_BLOCK are
   * skipped. Default: counted over the candidates given. Incremental resolution passes the collection's counts.
   */
  blockSize?: (key: string) => number;
}

/** Merges candidates sharing a key (the same per-document entity offered twice) and sorts them by key; a key given once keeps its object. */
function dedupe(candidates: ResolveCandidate[]): ResolveCandidate[] {
  const byKey = new Map<string, ResolveCandidate>();
  for (const c of candidates) {
    const prev = byKey.get(c.key);
    byKey.set(c.key, prev
      ? { ...prev, aliases: [...prev.aliases, c.name, ...c.aliases], documentIds: [...prev.documentIds, ...c.documentIds] }
      : c);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The nodes clustering works on. Candidates whose own names normalise alike (one name group) always end in one entity
 * unless a user decision names one of them, so such a group is one node, standing for its members (in key order): a
 * collection of 590,000 candidates in 34,500 groups clusters 34,500 nodes. A node is its group's first member (lowest
 * key: the root the candidate-by-candidate clustering would give it); `members[i]` lists what node `i` stands for.
 * Groups a decision touches, and candidates with an empty normalised name, stay one node per candidate.
 */
interface Nodes { list: ResolveCandidate[]; members: (readonly ResolveCandidate[] | undefined)[] }

function toNodes(all: readonly ResolveCandidate[], decisions: readonly MergeDecision[]): Nodes {
  const decided = new Set(decisions.flatMap((d) => [d.a, d.b]));
  const ids: (string | undefined)[] = [];
  const groups = new Map<string, { members: ResolveCandidate[]; decided: boolean }>();
  for (const c of all) {
    const norm = normalizeName(c.name, c.type);
    const id = norm === '' ? undefined : `${c.type}|${norm}`;
    ids.push(id);
    if (id === undefined) continue;
    const g = groups.get(id);
    if (g) {
      g.members.push(c);
      g.decided ||= decided.has(c.key);
    } else groups.set(id, { members: [c], decided: decided.has(c.key) });
  }
  const out: Nodes = { list: [], members: [] };
  all.forEach((c, i) => {
    const id = ids[i];
    const g = id === undefined ? undefined : groups.get(id);
    const whole = g !== undefined && !g.decided && g.members.length > 1;
    if (whole && g.members[0] !== c) return;
    out.list.push(c);
    out.members.push(whole ? g.members : undefined);
  });
  return out;
}

/** The candidates of a cluster, in key order when it holds one node or only single-candidate nodes (always, before any similarity join). */
function candidatesOf(p: Clustering, nodes: Nodes, root: number): ResolveCandidate[] {
  return p.members(root).flatMap((i) => nodes.members[i] ?? (nodes.list[i] ? [nodes.list[i]] : []));
}

/** The exact-name reasons a node stands for: its first member joined with each other one, as joinSameNames gives them. */
function exactReasonsOf(members: readonly ResolveCandidate[]): MergeReason[] {
  const first = members[0];
  if (!first) return [];
  // Most members spell the name as the first does: one evidence text per spelling.
  const evidence = new Map<string, string>();
  return members.slice(1).map((c) => {
    let text = evidence.get(c.name);
    if (text === undefined) evidence.set(c.name, (text = `"${first.name}" ~ "${c.name}"`));
    return { rule: 'exact-norm', score: 1, a: first.key, b: c.key, evidence: text };
  });
}

/** A name offered for matching, with the candidate that gave it. */
interface NameRef {
  name: string;
  key: string;
  /** True for a candidate's own name, false for one of its aliases. */
  main: boolean;
  /** The name normalised under `type`, the type of the cluster's first member. */
  norm: string;
  type: EntityType;
}

/**
 * Distinct names of a cluster (by normalised form), main names first, then aliases that identify it alone. A node
 * standing for a name group gives its members' names: their own names all normalise to the first one's, so only the
 * first is offered; each distinct alias spelling is normalised once.
 */
function namesOf(p: Clustering, nodes: Nodes, root: number): NameRef[] {
  const members = candidatesOf(p, nodes, root);
  const type = members[0]?.type ?? 'MISC';
  const grouped = p.size(root) === 1 && nodes.members[root] !== undefined;
  const norms = new Map<string, string>();
  const normOf = (name: string): string => {
    let n = norms.get(name);
    if (n === undefined) norms.set(name, (n = normalizeName(name, type)));
    return n;
  };
  const refs: NameRef[] = [
    ...(grouped ? members.slice(0, 1) : members).map((c) => ({ name: c.name, key: c.key, main: true, norm: normOf(c.name), type })),
    ...members.flatMap((c) => c.aliases.filter((a) => isFullAlias(a, c.type)).map((a) => ({ name: a, key: c.key, main: false, norm: normOf(a), type }))),
  ];
  const seen = new Set<string>();
  return refs.filter((r) => {
    if (r.name.trim() === '' || seen.has(r.norm)) return false;
    seen.add(r.norm);
    return true;
  }).slice(0, MAX_NAMES);
}

/** Blocking keys of a cluster's names: skeletons, acronyms and the initials of long names. */
function keysOf(names: NameRef[], type: EntityType): string[] {
  return keysOfNames(names.map((n) => n.name), type);
}

/** Best score between any name of one cluster and any of the other, as a merge reason. */
function bestScore(xs: NameRef[], ys: NameRef[], type: EntityType): MergeReason {
  let best: MergeReason = { rule: 'none', score: 0, a: '', b: '' };
  for (const x of xs) {
    for (const y of ys) {
      // A spelling both documents give is the strongest evidence there is ("PMU" in two documents).
      const same = (x.type === type ? x.norm : normalizeName(x.name, type)) === (y.type === type ? y.norm : normalizeName(y.name, type));
      const s: NameScore = same ? { score: 1, rule: x.main && y.main ? 'exact-norm' : 'shared-alias' } : scoreNames(x.name, y.name, type);
      if (s.score > best.score) best = { ...s, a: x.key, b: y.key, evidence: `"${x.name}" ~ "${y.name}"` };
    }
  }
  return best;
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

/** Scores clusters that share a blocking key and joins those at or above the threshold, strongest first; returns how many pairs it scored. */
function* joinSimilarNames(p: Clustering, nodes: Nodes, blockSize: (key: string) => number): Generator<void, number> {
  const { list } = nodes;
  const names = new Map(p.roots().map((r) => [r, namesOf(p, nodes, r)]));
  const blocks = new Map<string, number[]>();
  for (const [root, refs] of names) {
    for (const k of keysOf(refs, list[root]?.type ?? 'MISC')) {
      const members = blocks.get(k);
      if (members) members.push(root);
      else blocks.set(k, [root]);
    }
  }
  yield;
  // Cross-script keys pair a Persian or Arabic name with Latin ones; pairs within one script meet through the other keys.
  const scripts = new Map([...names].map(([r, refs]) => [r, (refs.some((n) => isArabicScript(n.name)) ? 1 : 0) | (refs.some((n) => !isArabicScript(n.name)) ? 2 : 0)]));
  const acrossScripts = (i: number, j: number): boolean => {
    const [si, sj] = [scripts.get(i) ?? 0, scripts.get(j) ?? 0];
    return ((si & 1) !== 0 && (sj & 2) !== 0) || ((si & 2) !== 0 && (sj & 1) !== 0);
  };
  const pairs = new Map<string, MergeReason & { i: number; j: number }>();
  let work = 0;
  for (const [key, roots] of blocks) {
    // A family name shared by hundreds of groups is no block; an acronym block that large pairs only its acronyms.
    const mode = blockMode(key, blockSize(key));
    if (mode === 'none') continue;
    // Pairs by position in the block, each once: all of them, or (anchored) each anchor with every other group.
    const anchor = mode === 'anchored' ? roots.map((r) => anchorsBlock(key, (names.get(r) ?? []).map((n) => n.norm))) : [];
    const firsts = mode === 'anchored' ? roots.flatMap((_, x) => (anchor[x] ? [x] : [])) : roots.map((_, x) => x);
    for (const a of firsts) {
      for (let b = mode === 'all' ? a + 1 : 0; b < roots.length; b++) {
        if (mode === 'anchored' && (b === a || (b < a && anchor[b]))) continue;
        const [x, y] = a < b ? [a, b] : [b, a];
        const [i, j] = [roots[x] ?? 0, roots[y] ?? 0];
        if (pairs.has(`${i}:${j}`) || (isCrossScriptKey(key) && !acrossScripts(i, j))) continue;
        pairs.set(`${i}:${j}`, { i, j, ...bestScore(names.get(i) ?? [], names.get(j) ?? [], list[i]?.type ?? 'MISC') });
        if (++work % SLICE === 0) yield;
      }
    }
  }
  // Strongest evidence first, so a weak link cannot pull a cluster away from its best match.
  const scored = [...pairs.values()].filter((s) => s.score >= MATCH_THRESHOLD);
  const ambiguous = ambiguousAcronyms(scored, names, list);
  const ordered = scored.filter((s) => s.rule !== 'acronym-initials' || !(ambiguous.has(s.i) || ambiguous.has(s.j)))
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const { i, j, ...reason } of ordered) {
    if (p.find(i) === p.find(j) || p.blocked(i, j) || guardVeto(p, list, i, j)) continue;
    if (reason.rule === 'acronym-initials' && acronymChainVeto(p, list, i, j)) continue;
    p.union(i, j, reason);
    if (++work % SLICE === 0) yield;
  }
  return pairs.size;
}

/**
 * Clusters whose acronym meets, by its initials alone, long names that do not match one another ("EC" against
 * "European Commission" and "Environment Canada"): the acronym stands for one of them and the text does not say which,
 * so it joins none by its initials (a document that gives both, "the European Commission (EC)", still joins them by the
 * shared spelling). The first partner in order is compared with each other one: every partner of an acronym is in a
 * region with it (region-links.ts pulls all holders of an acronym's keys), so full and incremental resolution agree.
 */
function ambiguousAcronyms(scored: readonly (MergeReason & { i: number; j: number })[], names: Map<number, NameRef[]>, list: ResolveCandidate[]): Set<number> {
  const partners = new Map<number, number[]>();
  const isAcronymSide = (r: number): boolean => (names.get(r) ?? []).some((n) => isAcronym(n.name));
  for (const s of scored) {
    if (s.rule !== 'acronym-initials') continue;
    const [acr, other] = isAcronymSide(s.i) && !isAcronymSide(s.j) ? [s.i, s.j] : isAcronymSide(s.j) && !isAcronymSide(s.i) ? [s.j, s.i] : [-1, -1];
    if (acr < 0) continue;
    const ps = partners.get(acr);
    if (ps) ps.push(other);
    else partners.set(acr, [other]);
  }
  const out = new Set<number>();
  for (const [acr, ps] of partners) {
    if (ps.length < 2) continue;
    ps.sort((x, y) => x - y);
    // Long names only: two partners that each carry the acronym as an alias would match through it.
    const longs = (r: number): NameRef[] => (names.get(r) ?? []).filter((n) => !isAcronym(n.name));
    const first = longs(ps[0]!);
    const type = list[acr]?.type ?? 'ORG';
    if (ps.slice(1).some((o) => bestScore(first, longs(o), type).score < MATCH_THRESHOLD)) out.add(acr);
  }
  return out;
}

// Units of work (pairs scored, unions, entities built) between two pauses of the cooperative variant.
const SLICE = 200;

/** The entities of a clustering, and how many pairs of name groups it scored (what grows with the square of a block). */
export interface Clustered { entities: ResolvedEntity[]; pairsScored: number }

/** The clustering as a sequence of slices of work (see clusterEntities and clusterEntitiesAsync). */
function* clusterSteps(candidates: ResolveCandidate[], decisions: MergeDecision[], options: ClusterOptions): Generator<void, Clustered> {
  const all = dedupe(candidates);
  let blockSize = options.blockSize;
  if (!blockSize) {
    const counts = countBlocks(all);
    blockSize = (key) => counts.get(key) ?? 0;
  }
  const nodes = toNodes(all, decisions);
  const { list } = nodes;
  const p: Clustering = new Partition<MergeReason>(list.length);
  applyDecisions(p, new Map(list.map((c, i) => [c.key, i])), decisions);
  joinSameNames(p, list);
  yield;
  const pairsScored = yield* joinSimilarNames(p, nodes, blockSize);
  yield* joinUniqueSurnames(p, list);
  yield;
  const entities: ResolvedEntity[] = [];
  for (const r of p.roots()) {
    const members = candidatesOf(p, nodes, r);
    const exact = p.members(r).flatMap((i) => exactReasonsOf(nodes.members[i] ?? []));
    entities.push(toEntity(members, members.map((_, k) => k), [...p.reasons(r), ...exact]));
    if (entities.length % SLICE === 0) yield;
  }
  entities.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { entities, pairsScored };
}

/**
 * Clusters per-document candidates into entities. User decisions are applied first and win: a split keeps
 * two candidates apart even when names match, a merge joins them even when names differ.
 */
export function clusterEntities(candidates: ResolveCandidate[], decisions: MergeDecision[], options: ClusterOptions = {}): Clustered {
  const steps = clusterSteps(candidates, decisions, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** clusterEntities that awaits `pause` between slices of work, so a server keeps answering while a large region is clustered. */
export async function clusterEntitiesAsync(candidates: ResolveCandidate[], decisions: MergeDecision[], options: ClusterOptions,
  pause: () => Promise<void>): Promise<Clustered> {
  const steps = clusterSteps(candidates, decisions, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
