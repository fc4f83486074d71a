/**
 * Neighbourhood reads with a cache of what hubs share, for both engines: each entity's merged relations as the choice of
 * the strongest weighs them, each merged relation's edge, and the edges between each pair of entities. A 2-hop read
 * around almost any entity passes through the same hubs, whose relation rows (thousands each) cost most of the read.
 *
 * The cache holds only what the database held when it was read: each read first asks the engine for a stamp of the
 * committed state (EdgeCacheReader.stamp), and the cache is emptied whenever the stamp differs from the last one; with
 * no stamp (inside a transaction, or caching off) nothing is read from or kept in it. Answers are the uncached reads'.
 */
import type { Capped, EdgeRecord, Scope } from '../store.js';
import { groupAggregated, pickStrongest, type RelationEndGroupRow, type StrongestFilter, type StrongestGroup } from './strongest.js';
import { mergedEnds } from './merge-relations.js';
import { byId } from './export-pages.js';

/** Most relation row ids the cached choices hold, and most cached edges (about 100 bytes each): tens of megabytes. */
const EDGE_CACHE_ROWS = 400_000;
const EDGE_CACHE_EDGES = 200_000;

/** What the cache reads through: one engine's statements. */
export interface EdgeCacheReader {
  /**
   * A text that changes whenever committed data may have changed since the last call (SQLite: the file's data version
   * and this connection's changes; PostgreSQL: the current snapshot), or null when the cache must not be used now.
   */
  stamp(): Promise<string | null>;
  /** The relation rows with an end among the entities, aggregated per type, collection, pair of ends and denial (RelationEndGroupRow). */
  endGroups(scope: Scope, entities: readonly string[]): Promise<RelationEndGroupRow[]>;
  /** Edges of the rows with these ids, or of the rows with both ends among these entities. */
  edges(scope: Scope, sel: { ids: readonly string[] } | { between: readonly string[] }): Promise<EdgeRecord[]>;
  /** Ids of the relation rows with one end among `some` and the other among `all`. */
  rowsTouching(some: readonly string[], all: readonly string[]): Promise<string[]>;
}

/** A map dropping its least recently read entries past a total weight. */
class Lru<T> {
  private readonly map = new Map<string, { value: T; weight: number }>();
  private weight = 0;
  constructor(private readonly budget: number) {}

  get(key: string): T | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: T, weight: number): void {
    const old = this.map.get(key);
    if (old) { this.weight -= old.weight; this.map.delete(key); }
    this.map.set(key, { value, weight });
    this.weight += weight;
    for (const [k, v] of this.map) {
      if (this.weight <= this.budget) break;
      this.map.delete(k);
      this.weight -= v.weight;
    }
  }

  clear(): void {
    this.map.clear();
    this.weight = 0;
  }
}

const copy = (e: EdgeRecord): EdgeRecord => ({ ...e, documentIds: [...e.documentIds] });
const edgeKey = (e: EdgeRecord): string => `${e.type}\u0000${e.source}\u0000${e.target}`;

/** An entity's merged relations as the choice weighs them, and those whose other end is a resolved entity, by that end. */
interface EntityGroups {
  list: StrongestGroup[];
  byOther: Map<string, StrongestGroup[]>;
}

/** One store's neighbourhood reads (see the file comment). */
export class EdgeCache {
  private readonly groups = new Lru<EntityGroups>(EDGE_CACHE_ROWS);
  private readonly edges = new Lru<EdgeRecord | null>(EDGE_CACHE_EDGES);
  private readonly pairs = new Lru<EdgeRecord[]>(EDGE_CACHE_EDGES);
  private stamp = '';

  constructor(private readonly reader: EdgeCacheReader) {}

  /**
   * The stamp a read may use the cache under, or null when it may not; empties the cache when the database changed
   * since the last read.
   */
  private async begin(): Promise<string | null> {
    const stamp = await this.reader.stamp();
    if (stamp === null) return null;
    if (stamp !== this.stamp) {
      this.groups.clear();
      this.edges.clear();
      this.pairs.clear();
      this.stamp = stamp;
    }
    return stamp;
  }

  /**
   * Whether what a read begun under `token` found may be kept: not when another read has since seen a newer stamp (reads
   * interleave at each statement; what this one read may be older than the state that read saw).
   */
  private keeps(token: string | null): boolean {
    return token !== null && token === this.stamp;
  }

  /** The groups of each entity, those not cached read at once (a row between two of them goes to both). */
  private async groupsOf(scope: Scope, prefix: string, ids: Iterable<string>, token: string | null): Promise<EntityGroups[]> {
    const out: EntityGroups[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = token !== null ? this.groups.get(prefix + id) : undefined;
      if (hit) out.push(hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = new Map(missing.map((id) => [id, [] as RelationEndGroupRow[]]));
    // Merged relations with an end no map row names: listEdges({ between }) never finds them (relation_ends holds NULL).
    const unmapped = new Set<string>();
    for (const r of await this.reader.endGroups(scope, missing)) {
      if (r.source_entity) rows.get(r.source_entity)?.push(r);
      if (r.target_entity && r.target_entity !== r.source_entity) rows.get(r.target_entity)?.push(r);
      if (!r.source_entity || !r.target_entity) {
        const ends = mergedEnds(r);
        if (ends) unmapped.add(ends.key);
      }
    }
    for (const [id, list] of rows) {
      const grouped = groupAggregated(list);
      const byOther = new Map<string, StrongestGroup[]>();
      for (const g of grouped) {
        if (unmapped.has(g.key)) continue;
        const other = g.source === id ? g.target : g.source;
        const same = byOther.get(other);
        if (same) same.push(g);
        else byOther.set(other, [g]);
      }
      const entry = { list: grouped, byOther };
      out.push(entry);
      if (this.keeps(token)) this.groups.set(prefix + id, entry, 1 + grouped.reduce((n, g) => n + g.ids.length, 0));
    }
    return out;
  }

  /** The edges of merged relations (null where the rows give none: no supporting evidence), cached by key. */
  private async edgesOf(scope: Scope, prefix: string, groups: Iterable<StrongestGroup>, token: string | null): Promise<EdgeRecord[]> {
    const items: EdgeRecord[] = [];
    const unread = new Map<string, StrongestGroup>();
    const taken = new Set<string>();
    for (const g of groups) {
      if (taken.has(g.key)) continue;
      taken.add(g.key);
      const hit = token !== null ? this.edges.get(prefix + g.key) : undefined;
      if (hit === undefined) unread.set(g.key, g);
      else if (hit) items.push(hit);
    }
    if (unread.size > 0) {
      const read = new Map((await this.reader.edges(scope, { ids: [...unread.values()].flatMap((g) => g.ids) })).map((e) => [edgeKey(e), e]));
      for (const g of unread.values()) {
        const edge = read.get(g.key) ?? null;
        if (edge) items.push(edge);
        if (this.keeps(token)) this.edges.set(prefix + g.key, edge, 1);
      }
    }
    return items;
  }

  /** The strongest merged relations leading out of `around` as edges (Store.listStrongestEdges). */
  async strongest(scope: Scope, around: readonly string[], limit: number, filter?: StrongestFilter): Promise<Capped<EdgeRecord>> {
    const token = await this.begin();
    const prefix = `${JSON.stringify(scope.collections)}\u0001`;
    const all = (await this.groupsOf(scope, prefix, around, token)).flatMap((e) => e.list);
    const { chosen, total } = pickStrongest(all, limit, filter);
    return { items: (await this.edgesOf(scope, prefix, chosen, token)).map(copy).sort(byId), total };
  }

  /**
   * The edges with both ends among the entities (Store.listEdges with `between`): those of entities whose merged relations
   * are cached from their groups (by key), the rest pair by pair.
   */
  async between(scope: Scope, ids: readonly string[]): Promise<EdgeRecord[]> {
    const token = await this.begin();
    const prefix = `${JSON.stringify(scope.collections)}\u0001`;
    const nodes = [...new Set(ids)].sort();
    const known = new Map<string, EntityGroups>();
    for (const id of token !== null ? nodes : []) {
      const hit = this.groups.get(prefix + id);
      if (hit) known.set(id, hit);
    }
    const chosen: StrongestGroup[] = [];
    for (const [id, entry] of known) for (const other of nodes) if (other !== id) chosen.push(...(entry.byOther.get(other) ?? []));
    const rest = nodes.filter((id) => !known.has(id));
    return [...await this.edgesOf(scope, prefix, chosen, token), ...await this.pairsAmong(scope, prefix, rest, token)].map(copy).sort(byId);
  }

  /** The edges with both ends among the entities, pair by pair (each edge belongs to the pair of its ends). */
  private async pairsAmong(scope: Scope, prefix: string, nodes: readonly string[], token: string | null): Promise<EdgeRecord[]> {
    const pairKey = (a: string, b: string): string => (a < b ? `${prefix}${a}\u0000${b}` : `${prefix}${b}\u0000${a}`);
    const found = new Map<string, EdgeRecord[]>();
    // The pairs not cached, by entity.
    const open = new Map<string, Set<string>>();
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [a, b] = [nodes[i]!, nodes[j]!];
        const hit = token !== null ? this.pairs.get(pairKey(a, b)) : undefined;
        if (hit) { found.set(pairKey(a, b), hit); continue; }
        for (const [x, y] of [[a, b], [b, a]] as const) {
          const list = open.get(x);
          if (list) list.add(y);
          else open.set(x, new Set([y]));
        }
      }
    }
    if (open.size > 0) {
      // Entities covering every open pair (most open pairs first): a neighbourhood with a few new nodes reads only their
      // edges to the rest, each edge belonging to the pair of its ends.
      const cover: string[] = [];
      while (open.size > 0) {
        let best = '';
        let most = -1;
        for (const [x, others] of open) if (others.size > most || (others.size === most && x < best)) [best, most] = [x, others.size];
        cover.push(best);
        for (const y of open.get(best)!) {
          open.get(y)?.delete(best);
          if (open.get(y)?.size === 0) open.delete(y);
        }
        open.delete(best);
      }
      const read = new Map<string, EdgeRecord[]>();
      // With no pair cached the cover is all entities but one: the plain read among them (one statement, no id list).
      const edges = found.size === 0
        ? await this.reader.edges(scope, { between: nodes })
        : await this.reader.edges(scope, { ids: await this.reader.rowsTouching(cover, nodes) });
      for (const e of edges) {
        const key = pairKey(e.source, e.target);
        const list = read.get(key);
        if (list) list.push(e);
        else read.set(key, [e]);
      }
      for (const x of cover) {
        for (const y of nodes) {
          if (y === x) continue;
          const key = pairKey(x, y);
          const list = read.get(key) ?? [];
          found.set(key, list);
          if (this.keeps(token)) this.pairs.set(key, list, 1 + list.length);
        }
      }
    }
    return [...found.values()].flat();
  }
}
