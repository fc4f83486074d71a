/** A multinomial logistic model over string features: scores, probabilities, and the features behind a decision. */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CLASSES } from './classes.js';
import { mayBeShared, sharedKeys } from './shared.js';
import { addDeepScores, type DeepPart } from './deep.js';
import { lexiconFromJson, lexiconToJson, type WordLexicon } from './word-lexicon.js';
import { sharedTable, tableKey } from '../../nlp/shared-tables.js';

/** Maps a model's raw probability of its chosen class to a calibrated one (fit on dev data, see calibrate.ts). */
export interface Calibration {
  /** Platt scaling on the log-odds: p' = sigmoid(a * logit(p) + b). */
  a: number;
  b: number;
}

/** The trained model. */
export interface LinearModel {
  version: string;
  /** Class names in order; must equal CLASSES' names. */
  classes: string[];
  /** Feature -> row. */
  index: Map<string, number>;
  /** rows x classes. */
  weights: Float32Array;
  /** Shared feature (shared.ts) -> its one weight. */
  sharedIndex: Map<string, number>;
  shared: Float32Array;
  calibration: Calibration;
  /**
   * Share of each type's pattern-rule hits that were right on the training data. A rule hit the model did not confirm
   * is kept with this as its confidence, so a rule type stays visible only where data shows it is precise.
   */
  rulePrecision?: Record<string, number>;
  /** Hidden layer over the feature rows (deep.ts), when trained with one. */
  deep?: DeepPart;
  /** Word tables the features read (word-lexicon.ts), when trained with them. */
  lexicon?: WordLexicon;
  /** The file a loaded model came from: names its tables for sharing between workers (src/nlp/shared-tables.ts). */
  source?: string;
}

/** Raw class probabilities (softmax of the summed feature rows). */
export function classProbabilities(model: LinearModel, feats: readonly string[]): Float64Array {
  const C = model.classes.length;
  const scores = new Float64Array(C);
  // The rows found, for the hidden layer only (a model without one collects nothing).
  const seen: number[] | undefined = model.deep ? [] : undefined;
  for (const f of feats) {
    const r = model.index.get(f);
    if (r === undefined) continue;
    seen?.push(r);
    const base = r * C;
    for (let c = 0; c < C; c++) scores[c]! += model.weights[base + c]!;
  }
  if (model.deep && seen) addDeepScores(model.deep, seen, scores);
  const rows = sharedRowsOf(model);
  for (const f of feats) {
    if (!mayBeShared(f)) continue;
    let cr = rows.get(f);
    if (cr === undefined) {
      if (rows.size >= SHARED_CACHE_MAX) rows.clear();
      rows.set(f, (cr = sharedRowsFor(model, f)));
    }
    for (let k = 0; k < cr.length; k += 2) scores[cr[k]!]! += model.shared[cr[k + 1]!]!;
  }
  return softmax(scores);
}

/** The shared weights one feature adds, as (class, row) pairs in sharedKeys' order: the same sums, in the same order. */
export function sharedRowsFor(model: LinearModel, f: string): Int32Array {
  const out: number[] = [];
  for (const [c, key] of sharedKeys([f])) {
    const r = model.sharedIndex.get(key);
    if (r !== undefined) out.push(c, r);
  }
  return Int32Array.from(out);
}

// sharedKeys parses a feature's text with a regular expression and builds a key per class: done once per feature and
// model instead of once per candidate pair. Bounded: features with words in them ("cA:of|PO") are many.
const SHARED_CACHE_MAX = 100_000;
const sharedRowCache = new WeakMap<LinearModel, { index: Map<string, number>; size: number; rows: Map<string, Int32Array> }>();

/** The model's cache of sharedRowsFor, renewed if its shared index was replaced or grew (training). */
function sharedRowsOf(model: LinearModel): Map<string, Int32Array> {
  let c = sharedRowCache.get(model);
  if (c === undefined || c.index !== model.sharedIndex || c.size !== model.sharedIndex.size) {
    sharedRowCache.set(model, (c = { index: model.sharedIndex, size: model.sharedIndex.size, rows: new Map() }));
  }
  return c.rows;
}

/** Softmax in place; returns its argument. */
export function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += scores[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < scores.length; c++) scores[c]! /= sum;
  return scores;
}

/** The calibrated probability for a raw one. */
export function calibrate(cal: Calibration, p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return 1 / (1 + Math.exp(-(cal.a * Math.log(q / (1 - q)) + cal.b)));
}

/** The features that pushed class c up the most, strongest first: "why the model said met". */
export function explain(model: LinearModel, feats: readonly string[], c: number, top = 5): { feature: string; weight: number }[] {
  const C = model.classes.length;
  const out: { feature: string; weight: number }[] = [];
  for (const f of new Set(feats)) {
    const r = model.index.get(f);
    if (r === undefined) continue;
    // Relative to the mean of the row, so a feature that lifts every class equally does not count.
    let mean = 0;
    for (let k = 0; k < C; k++) mean += model.weights[r * C + k]!;
    out.push({ feature: f, weight: model.weights[r * C + c]! - mean / C });
  }
  for (const [k, key] of sharedKeys(feats)) {
    const r = model.sharedIndex.get(key);
    if (k === c && r !== undefined) out.push({ feature: key, weight: model.shared[r]! });
  }
  return out.sort((x, y) => y.weight - x.weight).slice(0, top);
}

const MAGIC = 'CGREL1';

/** Writes the model: a JSON header (version, classes, calibration, features) then int16 weights with one scale. */
export function saveLinearModel(path: string, model: LinearModel): void {
  const features = [...model.index.entries()].sort((a, b) => a[1] - b[1]).map(([f]) => f);
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 32767 || 1;
  const q = Int16Array.from(model.weights, (w) => Math.round(w / scale));
  const shared = Object.fromEntries([...model.sharedIndex.entries()].map(([k, r]) => [k, model.shared[r]!]));
  // The hidden layer: embeddings as int16 with their own scale after the linear weights; bias and output in the header.
  let deep: { hidden: number; scale: number; bias: number[]; out: number[] } | undefined;
  let emb = new Int16Array(0);
  if (model.deep) {
    let m = 0;
    for (const w of model.deep.emb) m = Math.max(m, Math.abs(w));
    const es = m / 32767 || 1;
    emb = Int16Array.from(model.deep.emb, (w) => Math.round(w / es));
    deep = { hidden: model.deep.hidden, scale: es, bias: [...model.deep.bias], out: [...model.deep.out] };
  }
  const lexicon = model.lexicon && (model.lexicon.soft.size > 0 || model.lexicon.cluster.size > 0) ? lexiconToJson(model.lexicon) : undefined;
  const header = Buffer.from(JSON.stringify({ version: model.version, classes: model.classes, calibration: model.calibration, rulePrecision: model.rulePrecision ?? {}, shared, scale, features, ...(deep ? { deep } : {}), ...(lexicon ? { lexicon } : {}) }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  writeFileSync(path, gzipSync(Buffer.concat([Buffer.from(MAGIC), len, header, Buffer.from(q.buffer, q.byteOffset, q.byteLength), Buffer.from(emb.buffer, emb.byteOffset, emb.byteLength)]), { level: 9 }));
}

/** Reads a model written by saveLinearModel; refuses files of another format or class list. */
export function loadLinearModel(path: string): LinearModel {
  const buf = gunzipSync(readFileSync(path));
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error(`${path} is not a relation model file`);
  const len = buf.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  const header = JSON.parse(buf.subarray(start, start + len).toString()) as {
    version: string; classes: string[]; calibration: Calibration; rulePrecision?: Record<string, number>; shared?: Record<string, number>;
    scale: number; features: string[]; deep?: { hidden: number; scale: number; bias: number[]; out: number[] };
    lexicon?: Parameters<typeof lexiconFromJson>[0];
  };
  if (header.classes.join() !== CLASSES.map((c) => c.name).join()) throw new Error(`${path} was trained for other relation classes`);
  const linearBytes = header.features.length * header.classes.length * 2;
  const { weights } = sharedTable(tableKey(path, 'weights'), Object, () => {
    const raw = buf.subarray(start + len, start + len + linearBytes);
    const q = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    return { weights: Float32Array.from(q, (v) => v * header.scale) };
  });
  let deep: DeepPart | undefined;
  if (header.deep) {
    const e = buf.subarray(start + len + linearBytes);
    const eq = new Int16Array(e.buffer.slice(e.byteOffset, e.byteOffset + e.byteLength));
    if (eq.length !== header.features.length * header.deep.hidden) throw new Error(`${path}: hidden layer of the wrong size`);
    deep = { hidden: header.deep.hidden, emb: Float32Array.from(eq, (v) => v * header.deep!.scale), bias: Float32Array.from(header.deep.bias), out: Float32Array.from(header.deep.out) };
  }
  return {
    ...(deep ? { deep } : {}), ...(header.lexicon ? { lexicon: lexiconFromJson(header.lexicon) } : {}),
    version: header.version, classes: header.classes, calibration: header.calibration, rulePrecision: header.rulePrecision ?? {},
    index: new Map(header.features.map((f, i) => [f, i])), weights, source: path,
    sharedIndex: new Map(Object.keys(header.shared ?? {}).map((k, i) => [k, i])), shared: Float32Array.from(Object.values(header.shared ?? {})),
  };
}
