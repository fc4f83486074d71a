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
import { mayBeShared, TYPED_PREFIXES } from './shared.js';
import type { SentenceView } from './sentence-view.js';
import { EMPTY_LEXICON, type WordLexicon } from './word-lexicon.js';
import { sharedTable, tableKey } from '../../nlp/shared-tables.js';

/** Both hashes of a string as int32 (what HashSink computes from its parts), for building and checking tables. */
export function featureHash(s: string): [number, number] {
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    h1 = Math.imul(h1 ^ c, H1_PRIME);
    h2 = Math.imul(h2 ^ c, H2_PRIME) ^ (h2 >>> 15);
  }
  return [h1 | 0, h2 | 0];
}

// FNV-1a for the first half; a different multiplier, seed and a shift for the second, so the two collide apart.
const H1_SEED = 0x811c9dc5 | 0;
const H1_PRIME = 0x01000193;
const H2_SEED = 0x2545f491 | 0;
const H2_PRIME = 0x5bd1e995 | 0;

/**
 * The known features of a model, by hash: open addressing over slots of 16 int32 (64 bytes, one cache line when
 * aligned), each [h1, h2, shared pairs (start << 4 | count), weight row (-1: none), then the row's weights as int16]
 * when the model's weights are int16 values times one scale (a model read from its file): a look-up then touches one
 * line instead of a hash slot, an index and a row far apart. Other models keep their rows in model.weights.
 */
export class HashedFeatures {
  readonly slots: Int32Array;
  /** The same memory as int16: the weights of slot s start at 32 * s + 8. */
  readonly inline: Int16Array;
  /** The weights' scale when they are inline, else 0. */
  readonly scale: number;
  private readonly mask: number;
  /** (class, shared row) pairs of all entries, back to back. */
  readonly pairs: Int32Array;
  /** Number of known features. */
  readonly size: number;

  constructor(model: LinearModel) {
    const C = model.classes.length;
    const entries = new Map<string, { row: number; pairs: Int32Array }>();
    for (const [f, r] of model.index) entries.set(f, { row: r, pairs: mayBeShared(f) ? sharedRowsFor(model, f) : NO_PAIRS });
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
    this.size = entries.size;
    this.scale = C <= 24 ? int16Scale(model.weights) : 0;
    let cap = 1;
    while (cap < entries.size * 1.5) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(SLOT * cap);
    this.inline = new Int16Array(this.slots.buffer);
    let npairs = 0;
    for (const e of entries.values()) npairs += e.pairs.length;
    this.pairs = new Int32Array(npairs);
    let at = 0;
    for (const [f, e] of entries) {
      const [h1, h2] = featureHash(f);
      let s = h1 & this.mask;
      while (this.slots[SLOT * s + 2] !== 0) {
        if (this.slots[SLOT * s] === h1 && this.slots[SLOT * s + 1] === h2) throw new Error(`relation model: features hash alike (${f})`);
        s = (s + 1) & this.mask;
      }
      const o = SLOT * s;
      this.slots[o] = h1;
      this.slots[o + 1] = h2;
      // Count in the low 4 bits, plus 1 so an occupied slot is never 0.
      if (e.pairs.length >= 15) throw new Error(`relation model: too many shared weights for ${f}`);
      this.slots[o + 2] = (at << 4) | (e.pairs.length + 1);
      this.slots[o + 3] = e.row;
      if (this.scale > 0 && e.row >= 0) {
        for (let c = 0; c < C; c++) this.inline[2 * o + 8 + c] = Math.round(model.weights[e.row * C + c]! / this.scale);
      }
      this.pairs.set(e.pairs, at);
      at += e.pairs.length;
    }
  }

  /** Slot of a feature by its two hashes, or -1. */
  slot(h1: number, h2: number): number {
    const slots = this.slots;
    let s = h1 & this.mask;
    for (;;) {
      const o = SLOT * s;
      if (slots[o + 2] === 0) return -1;
      if (slots[o] === h1 && slots[o + 1] === h2) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** Number of slots. */
  get capacity(): number {
    return this.mask + 1;
  }
}

const NO_PAIRS = new Int32Array(0);

/** Int32 per slot. */
const SLOT = 16;

/**
 * The scale s for which every weight is exactly fround(q * s) with q an int16 (as a model file stores them), or 0.
 * Computed as saveLinearModel computes it, then checked weight by weight.
 */
function int16Scale(weights: Float32Array): number {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 32767 || 1;
  for (const w of weights) if (Math.fround(Math.round(w / scale) * scale) !== w) return 0;
  return scale;
}

/** Hashes each feature as it is emitted and keeps the slots of known ones, each once, in first-seen order. */
class HashSink implements FeatureSink {
  hits = new Int32Array(256);
  count = 0;
  private stamp: Int32Array;
  private pass = 0;

  constructor(readonly table: HashedFeatures) {
    this.stamp = new Int32Array(table.capacity);
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
    const n = this.table.slot(h1, h2);
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
    // A loaded model's table is the same in every worker: built once per process (src/nlp/shared-tables.ts).
    const table = model.source === undefined ? new HashedFeatures(model) : sharedTable(tableKey(model.source, 'hashed'), HashedFeatures, () => new HashedFeatures(model));
    tables.set(model, (t = { index: model.index, shared: model.sharedIndex, sizes, sink: new HashSink(table) }));
  }
  return t.sink;
}

/** Builds a linear model's look-up table now rather than on its first pair (so a worker has it before it says it is ready). */
export function prepareHashed(model: LinearModel): void {
  if (!model.deep) sinkOf(model);
}

/** classProbabilities(model, pairFeatures(view, i, j, extra, lex)), without the strings. Not for a model with a hidden layer. */
export function pairProbabilities(model: LinearModel, view: SentenceView, i: number, j: number, extra: readonly string[] = [], lex: WordLexicon = EMPTY_LEXICON): Float64Array {
  if (model.deep) throw new Error('pairProbabilities: a model with a hidden layer scores through classProbabilities');
  const sink = sinkOf(model);
  sink.reset();
  emitPairFeatures(view, i, j, extra, lex, sink);
  const { slots, inline, scale, pairs } = sink.table;
  const C = model.classes.length;
  const scores = new Float64Array(C);
  const hits = sink.hits;
  const w = model.weights;
  for (let k = 0; k < sink.count; k++) {
    const o = SLOT * hits[k]!;
    const r = slots[o + 3]!;
    if (r < 0) continue;
    if (scale > 0) {
      // fround(q * scale) is the float32 weight itself (int16Scale checked it): the same sum, bit for bit.
      for (let c = 0, q = 2 * o + 8; c < C; c++, q++) scores[c]! += Math.fround(inline[q]! * scale);
    } else {
      for (let c = 0, base = r * C; c < C; c++) scores[c]! += w[base + c]!;
    }
  }
  const shared = model.shared;
  for (let k = 0; k < sink.count; k++) {
    const info = slots[SLOT * hits[k]! + 2]!;
    const end = (info >>> 4) + (info & 15) - 1;
    for (let p = info >>> 4; p < end; p += 2) scores[pairs[p]!]! += shared[pairs[p + 1]!]!;
  }
  return softmax(scores);
}
