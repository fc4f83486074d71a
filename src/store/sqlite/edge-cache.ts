/**
 * Neighbourhood reads of SQLite with a cache of what hubs share: each entity's merged relations as the choice of the
 * strongest weighs them, each merged relation's edge, and the edges between each pair of entities. A 2-hop read around
 * almost any entity passes through the same hubs, whose relation rows (thousands each) cost most of the read.
 *
 * The cache holds only what the database held when it was read: it is emptied whenever the database changed since the
 * last read, by this connection (`total_changes()`, counting trigger rows too) or by any other (`PRAGMA data_version`),
 * and is not used inside a transaction (whose writes could still be rolled back). Answers are the uncached reads'.
 */
import type Database from 'better-sqlite3';
import type { Capped, EdgeRecord, Scope } from '../store.js';
import { groupRows, pickStrongest, type StrongestFilter, type StrongestGroup } from '../shared/strongest.js';
import { mergedEnds } from '../shared/merge-relations.js';
import { byId } from '../shared/export-pages.js';
import { relationEndRows, readEdges } from './relations-read.js';
import { IN_JSON } from './entity-reads.js';

/** Most relation row ids the cached choices hold, and most cached edges (about 100 bytes each): tens of megabytes. */
export const EDGE_CACHE_ROWS = 400_000;
export const EDGE_CACHE_EDGES = 200_000;

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

/** Relation rows with one end among `some` and the other among `all` (by relation_ends, indexed on each end). */
function edgeRowsTouching(db: Database.Database, some: readonly string[], all: readonly string[]): string[] {
  const [k, n] = [JSON.stringify(some), JSON.stringify(all)];
  return db.prepare(`SELECT relation_id FROM relation_ends WHERE source_entity ${IN_JSON} AND target_entity ${IN_JSON}
    UNION SELECT relation_id FROM relation_ends WHERE target_entity ${IN_JSON} AND source_entity ${IN_JSON}`).pluck().all(k, n, k, n) as string[];
}

const copy = (e: EdgeRecord): EdgeRecord => ({ ...e, documentIds: [...e.documentIds] });
const edgeKey = (e: EdgeRecord): string => `${e.type}\u0000${e.source}\u0000${e.target}`;

/** An entity's merged relations as the choice weighs them, and those whose other end is a resolved entity, by that end. */
interface EntityGroups {
  list: StrongestGroup[];
  byOther: Map<string, StrongestGroup[]>;
}

/** One connection's neighbourhood reads (see the file comment). */
export class EdgeCache {
  private readonly groups = new Lru<EntityGroups>(EDGE_CACHE_ROWS);
  private readonly edges = new Lru<EdgeRecord | null>(EDGE_CACHE_EDGES);
  private readonly pairs = new Lru<EdgeRecord[]>(EDGE_CACHE_EDGES);
  private stamp = '';
  private readonly version: Database.Statement;
  private readonly changes: Database.Statement;

  /** With `keep` false nothing is kept: every read is the uncached one (measuring, tests). */
  constructor(private readonly db: Database.Database, private readonly keep = true) {
    this.version = db.prepare('PRAGMA data_version').pluck();
    this.changes = db.prepare('SELECT total_changes()').pluck();
  }

  /** Whether the cache may be used now; empties it when the database changed since the last read. */
  private usable(): boolean {
    if (!this.keep || this.db.inTransaction) return false;
    const stamp = `${String(this.version.get())}:${String(this.changes.get())}`;
    if (stamp !== this.stamp) {
      this.groups.clear();
      this.edges.clear();
      this.pairs.clear();
      this.stamp = stamp;
    }
    return true;
  }

  /** The groups of each entity, those not cached read at once (a row between two of them goes to both). */
  private groupsOf(scope: Scope, prefix: string, ids: Iterable<string>, usable: boolean): EntityGroups[] {
    const out: EntityGroups[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = usable ? this.groups.get(prefix + id) : undefined;
      if (hit) out.push(hit);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const rows = new Map(missing.map((id) => [id, [] as ReturnType<typeof relationEndRows>]));
    // Merged relations with an end no map row names: listEdges({ between }) never finds them (relation_ends holds NULL).
    const unmapped = new Set<string>();
    for (const r of relationEndRows(this.db, scope, { entities: missing })) {
      if (r.source_entity) rows.get(r.source_entity)?.push(r);
      if (r.target_entity && r.target_entity !== r.source_entity) rows.get(r.target_entity)?.push(r);
      if (!r.source_entity || !r.target_entity) {
        const ends = mergedEnds(r);
        if (ends) unmapped.add(ends.key);
      }
    }
    for (const [id, list] of rows) {
      const grouped = groupRows(list);
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
      if (usable) this.groups.set(prefix + id, entry, 1 + grouped.reduce((n, g) => n + g.ids.length, 0));
    }
    return out;
  }

  /** The edges of merged relations (null where the rows give none: no supporting evidence), cached by key. */
  private edgesOf(scope: Scope, prefix: string, groups: Iterable<StrongestGroup>, usable: boolean): EdgeRecord[] {
    const items: EdgeRecord[] = [];
    const unread = new Map<string, StrongestGroup>();
    const taken = new Set<string>();
    for (const g of groups) {
      if (taken.has(g.key)) continue;
      taken.add(g.key);
      const hit = usable ? this.edges.get(prefix + g.key) : undefined;
      if (hit === undefined) unread.set(g.key, g);
      else if (hit) items.push(hit);
    }
    if (unread.size > 0) {
      const read = new Map(readEdges(this.db, scope, { ids: [...unread.values()].flatMap((g) => g.ids) }).map((e) => [edgeKey(e), e]));
      for (const g of unread.values()) {
        const edge = read.get(g.key) ?? null;
        if (edge) items.push(edge);
        if (usable) this.edges.set(prefix + g.key, edge, 1);
      }
    }
    return items;
  }

  /** The strongest merged relations leading out of `around` as edges (Store.listStrongestEdges). */
  strongest(scope: Scope, around: readonly string[], limit: number, filter?: StrongestFilter): Capped<EdgeRecord> {
    const usable = this.usable();
    const prefix = `${JSON.stringify(scope.collections)}\u0001`;
    const all = this.groupsOf(scope, prefix, around, usable).flatMap((e) => e.list);
    const { chosen, total } = pickStrongest(all, limit, filter);
    return { items: this.edgesOf(scope, prefix, chosen, usable).map(copy).sort(byId), total };
  }

  /**
   * The edges with both ends among the entities (Store.listEdges with `between`): those of entities whose merged relations
   * are cached from their groups (by key), the rest pair by pair.
   */
  between(scope: Scope, ids: readonly string[]): EdgeRecord[] {
    const usable = this.usable();
    const prefix = `${JSON.stringify(scope.collections)}\u0001`;
    const nodes = [...new Set(ids)].sort();
    const known = new Map<string, EntityGroups>();
    for (const id of usable ? nodes : []) {
      const hit = this.groups.get(prefix + id);
      if (hit) known.set(id, hit);
    }
    const chosen: StrongestGroup[] = [];
    for (const [id, entry] of known) for (const other of nodes) if (other !== id) chosen.push(...(entry.byOther.get(other) ?? []));
    const rest = nodes.filter((id) => !known.has(id));
    return [...this.edgesOf(scope, prefix, chosen, usable), ...this.pairsAmong(scope, prefix, rest, usable)].map(copy).sort(byId);
  }

  /** The edges with both ends among the entities, pair by pair (each edge belongs to the pair of its ends). */
  private pairsAmong(scope: Scope, prefix: string, nodes: readonly string[], usable: boolean): EdgeRecord[] {
    const pairKey = (a: string, b: string): string => (a < b ? `${prefix}${a}\u0000${b}` : `${prefix}${b}\u0000${a}`);
    const found = new Map<string, EdgeRecord[]>();
    // The pairs not cached, by entity.
    const open = new Map<string, Set<string>>();
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [a, b] = [nodes[i]!, nodes[j]!];
        const hit = usable ? this.pairs.get(pairKey(a, b)) : undefined;
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
      const edges = found.size === 0 ? readEdges(this.db, scope, { between: nodes }) : readEdges(this.db, scope, { ids: edgeRowsTouching(this.db, cover, nodes) });
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
          if (usable) this.pairs.set(key, list, 1 + list.length);
        }
      }
    }
    return [...found.values()].flat();
  }
}
