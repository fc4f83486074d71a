/**
 * Scoring a candidate pair without building its feature strings: the features are hashed part by part as they are
 * read (features.ts emits them to a sink) and looked up in a table built once per model, which holds, for every
 * feature the model knows (a weight row, shared weights or both), its row and its shared (class, weight) pairs.
 * The sums are those of classProbabilities over pairFeatures' strings, in the same order, so the probabilities are
 * bit for bit the same. Keys are two independent 32-bit hashes of the string (64 bits): the table refuses to build if
 * two known features collide, and an unknown feature would have to match both halves of a known one to borrow its
 * weights (odds about 1 in 10^14 per look-up at this model's size).
 */
import { RELATION_TYPES } from '../../model/index.js';
import { emitPairFeatures, type FeatureSink } from './features.js';
import { sharedRowsFor, softmax, type LinearModel } from './linear.js';
import { TYPED_PREFIXES } from './shared.js';
import type { SentenceView } from './sentence-view.js';
import { EMPTY_LEXICON, type WordLexicon } from './word-lexicon.js';

/** Both hashes of a string (what HashSink computes from its parts), for building and checking tables. */
export function featureHash(s: string): [number, number] {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, H1_PRIME);
    h2 = Math.imul(h2 ^ c, H2_PRIME) ^ (h2 >>> 15);
  }
  return [h1 >>> 0, h2 >>> 0];
}

// FNV-1a for the first half; a different multiplier, seed and a shift for the second, so the two collide apart.
const H1_SEED = 0x811c9dc5 | 0;
const H1_PRIME = 0x01000193;
const H2_SEED = 0x2545f491 | 0;
const H2_PRIME = 0x5bd1e995 | 0;

/** The known features of a model, by hash. */
export class HashedFeatures {
  /** Open addressing: slot s holds [h1, h2, entry + 1] (0 = empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Per entry: its weight row (-1 if none) and where its shared pairs lie in `pairs`. */
  readonly row: Int32Array;
  readonly pairStart: Int32Array;
  /** (class, shared row) pairs of all entries, back to back. */
  readonly pairs: Int32Array;

  constructor(model: LinearModel) {
    const entries = new Map<string, { row: number; pairs: Int32Array }>();
    for (const [f, r] of model.index) entries.set(f, { row: r, pairs: sharedRowsFor(model, f) });
    // Every typed feature that can reach a shared weight: each key "S:<prefix><rest>|<tag>" is reached by
    // "<prefix>:<type><dir><rest>" for some relation types and directions; try them all and keep those that do.
    const seen = new Set<string>();
    for (const key of model.sharedIndex.keys()) {
      const body = key.slice(2, key.lastIndexOf('|'));
      const bar = body.indexOf('|');
      const prefix = bar < 0 ? body : body.slice(0, bar);
      const rest = bar < 0 ? '' : body.slice(bar);
      if (!TYPED_PREFIXES.includes(prefix) || seen.has(body)) continue;
      seen.add(body);
      for (const type of Object.keys(RELATION_TYPES)) {
        for (const dir of ['', '<', '>']) {
          const f = `${prefix}:${type}${dir}${rest}`;
          if (entries.has(f)) continue;
          const pairs = sharedRowsFor(model, f);
          if (pairs.length > 0) entries.set(f, { row: -1, pairs });
        }
      }
    }
    let cap = 1;
    while (cap < entries.size * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(3 * cap);
    this.row = new Int32Array(entries.size);
    this.pairStart = new Int32Array(entries.size + 1);
    let npairs = 0;
    for (const e of entries.values()) npairs += e.pairs.length;
    this.pairs = new Int32Array(npairs);
    let n = 0;
    let at = 0;
    for (const [f, e] of entries) {
      const [h1, h2] = featureHash(f);
      let s = h1 & this.mask;
      while (this.slots[3 * s + 2] !== 0) {
        if (this.slots[3 * s] === (h1 | 0) && this.slots[3 * s + 1] === (h2 | 0)) throw new Error(`relation model: features hash alike (${f})`);
        s = (s + 1) & this.mask;
      }
      this.slots[3 * s] = h1 | 0;
      this.slots[3 * s + 1] = h2 | 0;
      this.slots[3 * s + 2] = n + 1;
      this.row[n] = e.row;
      this.pairStart[n] = at;
      this.pairs.set(e.pairs, at);
      at += e.pairs.length;
      n++;
    }
    this.pairStart[n] = at;
  }

  /** Entry of a feature by its two hashes, or -1. */
  entry(h1: number, h2: number): number {
    const slots = this.slots;
    let s = h1 & this.mask;
    for (;;) {
      const e = slots[3 * s + 2]!;
      if (e === 0) return -1;
      if (slots[3 * s] === h1 && slots[3 * s + 1] === h2) return e - 1;
      s = (s + 1) & this.mask;
    }
  }

  /** Number of known features. */
  get size(): number {
    return this.row.length;
  }
}

/** Hashes each feature as it is emitted and keeps the known ones, each once, in first-seen order. */
class HashSink implements FeatureSink {
  hits = new Int32Array(256);
  count = 0;
  private stamp: Int32Array;
  private pass = 0;

  constructor(readonly table: HashedFeatures) {
    this.stamp = new Int32Array(table.size);
  }

  /** Starts a pair. */
  reset(): void {
    this.count = 0;
    if (++this.pass === 0x7fffffff) {
      this.stamp.fill(0);
      this.pass = 1;
    }
  }

  add(a: string, b?: string, c?: string, d?: string, e?: string, g?: string): void {
    let h1 = H1_SEED;
    let h2 = H2_SEED;
    for (let part = 0; part < 6; part++) {
      const s = part === 0 ? a : part === 1 ? b : part === 2 ? c : part === 3 ? d : part === 4 ? e : g;
      if (s === undefined) break;
      for (let k = 0; k < s.length; k++) {
        const ch = s.charCodeAt(k);
        h1 = Math.imul(h1 ^ ch, H1_PRIME);
        h2 = Math.imul(h2 ^ ch, H2_PRIME) ^ (h2 >>> 15);
      }
    }
    const n = this.table.entry(h1, h2);
    if (n < 0 || this.stamp[n] === this.pass) return;
    this.stamp[n] = this.pass;
    if (this.count === this.hits.length) {
      const grown = new Int32Array(2 * this.count);
      grown.set(this.hits);
      this.hits = grown;
    }
    this.hits[this.count++] = n;
  }
}

const tables = new WeakMap<LinearModel, { index: Map<string, number>; shared: Map<string, number>; sizes: number; sink: HashSink }>();

/** The model's hashed table, built on first use and again if its feature indexes were replaced or grew (training). */
function sinkOf(model: LinearModel): HashSink {
  let t = tables.get(model);
  const sizes = model.index.size * 1e6 + model.sharedIndex.size;
  if (t === undefined || t.index !== model.index || t.shared !== model.sharedIndex || t.sizes !== sizes) {
    tables.set(model, (t = { index: model.index, shared: model.sharedIndex, sizes, sink: new HashSink(new HashedFeatures(model)) }));
  }
  return t.sink;
}

/** classProbabilities(model, pairFeatures(view, i, j, extra, lex)), without the strings. Not for a model with a hidden layer. */
export function pairProbabilities(model: LinearModel, view: SentenceView, i: number, j: number, extra: readonly string[] = [], lex: WordLexicon = EMPTY_LEXICON): Float64Array {
  if (model.deep) throw new Error('pairProbabilities: a model with a hidden layer scores through classProbabilities');
  const sink = sinkOf(model);
  sink.reset();
  emitPairFeatures(view, i, j, extra, lex, sink);
  const { row, pairStart, pairs } = sink.table;
  const C = model.classes.length;
  const scores = new Float64Array(C);
  const hits = sink.hits;
  const w = model.weights;
  for (let k = 0; k < sink.count; k++) {
    const r = row[hits[k]!]!;
    if (r < 0) continue;
    const base = r * C;
    for (let c = 0; c < C; c++) scores[c]! += w[base + c]!;
  }
  const shared = model.shared;
  for (let k = 0; k < sink.count; k++) {
    const n = hits[k]!;
    for (let p = pairStart[n]!; p < pairStart[n + 1]!; p += 2) scores[pairs[p]!]! += shared[pairs[p + 1]!]!;
  }
  return softmax(scores);
}
