/**
 * Dense word vectors of our own, computed at training time from permissively licensed unlabelled text (the parse
 * model's set without WNUT-17: EWT train words, CIA World Factbook text, Wikigold train tokens, Re-DocRED dev
 * sentences). A WIDE window (+-5 words) so the vectors carry meaning ("appointed" near "named" and "elected"), not
 * only part of speech: PPMI of word and context counts (context distribution smoothed by ^0.75), then a truncated SVD
 * by randomized range finding (seeded Gaussian test matrix, power iterations, Jacobi on the small matrix).
 * Deterministic: same text, same vectors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/nlp/random.js';
import { readConllu } from '../../src/nlp/parse/conllu.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { factbookTexts, readIfPresent } from '../ner-corpus.js';
import type { RelationTypeId } from '../../src/model/index.js';
import { TRIGGER_TYPES, roughLemma } from '../../src/extract/relation-model/triggers.js';
import type { WordLexicon } from '../../src/extract/relation-model/word-lexicon.js';
import { gloveMap, loadGlove } from '../glove.js';

/** Lower-cased tokenised sentences of the unlabelled text (labels of these sets are never read). */
export function unlabelledSentences(dataDir: string): string[][] {
  const sents: string[][] = [];
  const ewt = join(dataDir, 'ud-english-ewt', 'train.conllu');
  if (existsSync(ewt)) for (const s of readConllu(ewt)) sents.push(s.words.map((w) => w.form));
  for (const text of factbookTexts(dataDir)) for (const s of splitSentences(text)) sents.push(tokenize(text, s.start, s.end).map((t) => t.text));
  for (const d of readIfPresent(join(dataDir, 'wikigold', 'train.txt'))) for (const s of d.sentences) sents.push(s.tokens);
  const re = join(dataDir, 'redocred', 'dev.jsonl');
  if (existsSync(re)) for (const line of readFileSync(re, 'utf8').split('\n')) if (line.trim()) sents.push(...(JSON.parse(line) as { sents: string[][] }).sents);
  return sents.map((s) => s.map((w) => w.toLowerCase()));
}

/** Vector settings. */
export interface VectorOptions {
  window: number;
  /** Words seen fewer times get no vector. */
  minCount: number;
  /** Context vocabulary: the most frequent words. */
  contexts: number;
  dims: number;
  /** Singular values are raised to this power in the vectors (0: the singular vectors alone). */
  power: number;
  seed: number;
}

export const VECTOR_DEFAULTS: VectorOptions = { window: 5, minCount: 5, contexts: 20_000, dims: 100, power: 0, seed: 13 };

/** Unit-length vectors of every word seen minCount times. */
export function wordVectors(sents: readonly string[][], o: VectorOptions = VECTOR_DEFAULTS): Map<string, Float32Array> {
  const count = new Map<string, number>();
  for (const s of sents) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  // Ties broken by the word, so the order never depends on the map's insertion order.
  const byFreq = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = byFreq.filter(([w, n]) => n >= o.minCount && /\p{L}/u.test(w)).map(([w]) => w);
  const wIndex = new Map(words.map((w, i) => [w, i]));
  const cIndex = new Map(byFreq.slice(0, o.contexts).map(([w], i) => [w, i]));
  const C = cIndex.size;
  // Sparse co-occurrence counts per word row (context -> count).
  const rows: Map<number, number>[] = words.map(() => new Map());
  for (const s of sents) {
    const wi = s.map((w) => wIndex.get(w) ?? -1);
    const ci = s.map((w) => cIndex.get(w) ?? -1);
    for (let k = 0; k < s.length; k++) {
      if (wi[k]! < 0) continue;
      const row = rows[wi[k]!]!;
      for (let d = Math.max(0, k - o.window); d <= Math.min(s.length - 1, k + o.window); d++) {
        if (d === k || ci[d]! < 0) continue;
        row.set(ci[d]!, (row.get(ci[d]!) ?? 0) + 1);
      }
    }
  }
  const cTotal = new Float64Array(C);
  const wTotal = new Float64Array(words.length);
  rows.forEach((row, w) => row.forEach((n, c) => {
    cTotal[c]! += n;
    wTotal[w]! += n;
  }));
  let cSmooth = 0;
  const cPow = Float64Array.from(cTotal, (n) => n ** 0.75);
  for (const v of cPow) cSmooth += v;
  // PPMI in CSR form.
  const ptr = [0];
  const col: number[] = [];
  const val: number[] = [];
  rows.forEach((row, w) => {
    for (const [c, n] of [...row].sort((a, b) => a[0] - b[0])) {
      const pmi = Math.log((n / wTotal[w]!) / (cPow[c]! / cSmooth));
      if (pmi > 0) {
        col.push(c);
        val.push(pmi);
      }
    }
    ptr.push(col.length);
  });
  const u = randomizedSvd({ rows: words.length, cols: C, ptr: Int32Array.from(ptr), col: Int32Array.from(col), val: Float64Array.from(val) }, o.dims, o.power, o.seed);
  const out = new Map<string, Float32Array>();
  words.forEach((w, i) => {
    const v = Float32Array.from(u.subarray(i * o.dims, (i + 1) * o.dims));
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < v.length; k++) v[k]! /= norm;
    out.set(w, v);
  });
  return out;
}

interface Csr { rows: number; cols: number; ptr: Int32Array; col: Int32Array; val: Float64Array }

/** Left singular vectors scaled by the singular values to a power (rows x dims, row-major). */
function randomizedSvd(m: Csr, dims: number, power: number, seed: number): Float64Array {
  const k = dims + 20;
  const rand = seededRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  let omega: Float64Array = Float64Array.from({ length: m.cols * k }, gauss); // cols x k
  let q: Float64Array = orthonormal(mulA(m, omega, k), m.rows, k); // rows x k
  for (let it = 0; it < 3; it++) {
    omega = orthonormal(mulAt(m, q, k), m.cols, k);
    q = orthonormal(mulA(m, omega, k), m.rows, k);
  }
  // B = Q^T A (k x cols); B B^T = (k x k) symmetric: its eigenvectors and eigenvalues give A's SVD on the range of Q.
  const bt = mulAt(m, q, k); // cols x k = A^T Q = B^T
  const g = new Float64Array(k * k);
  for (let r = 0; r < m.cols; r++) for (let a = 0; a < k; a++) { const x = bt[r * k + a]!; if (x !== 0) for (let b = 0; b < k; b++) g[a * k + b]! += x * bt[r * k + b]!; }
  const { values, vectors } = jacobiEigen(g, k);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, dims);
  const out = new Float64Array(m.rows * dims);
  for (let r = 0; r < m.rows; r++) {
    for (let d = 0; d < dims; d++) {
      const e = order[d]!;
      let s = 0;
      for (let a = 0; a < k; a++) s += q[r * k + a]! * vectors[a * k + e]!;
      out[r * dims + d] = s * Math.pow(Math.max(values[e]!, 0), power / 2); // sigma^power = lambda^(power/2)
    }
  }
  return out;
}

/** A (rows x cols, sparse) times X (cols x k). */
function mulA(m: Csr, x: Float64Array, k: number): Float64Array {
  const out = new Float64Array(m.rows * k);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.ptr[r]!; p < m.ptr[r + 1]!; p++) {
      const v = m.val[p]!;
      const c = m.col[p]! * k;
      for (let a = 0; a < k; a++) out[r * k + a]! += v * x[c + a]!;
    }
  }
  return out;
}

/** A^T (cols x rows) times Y (rows x k). */
function mulAt(m: Csr, y: Float64Array, k: number): Float64Array {
  const out = new Float64Array(m.cols * k);
  for (let r = 0; r < m.rows; r++) {
    for (let p = m.ptr[r]!; p < m.ptr[r + 1]!; p++) {
      const v = m.val[p]!;
      const c = m.col[p]! * k;
      for (let a = 0; a < k; a++) out[c + a]! += v * y[r * k + a]!;
    }
  }
  return out;
}

/** Modified Gram-Schmidt on the k columns of an n x k row-major matrix, in place. */
function orthonormal(x: Float64Array, n: number, k: number): Float64Array {
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += x[r * k + a]! * x[r * k + b]!;
      for (let r = 0; r < n; r++) x[r * k + a]! -= dot * x[r * k + b]!;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += x[r * k + a]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < n; r++) x[r * k + a]! /= norm;
  }
  return x;
}

/** Eigen decomposition of a symmetric k x k matrix by cyclic Jacobi rotations; vectors are columns. */
function jacobiEigen(a0: Float64Array, k: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(a0);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!;
          const arq = a[r * k + q]!;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!;
          const aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: Array.from({ length: k }, (_, i) => a[i * k + i]!), vectors: v };
}

/** Soft triggers: each word not a trigger whose cosine to some trigger word of a type reaches `threshold`. */
export function softTriggers(vectors: ReadonlyMap<string, Float32Array>, triggerTypes: ReadonlyMap<string, readonly RelationTypeId[]>, lemmaOf: (w: string) => string, threshold: number, common: ReadonlySet<string> = new Set()): Map<string, RelationTypeId[]> {
  // A type's trigger words are every vocabulary form whose lemma is in its list ("appointed" for "appoint"); the
  // commonest words ("in", "take", "said") are neither triggers nor found near one: their neighbours are other
  // common words, not the relation's meaning.
  const byType = new Map<RelationTypeId, Float32Array[]>();
  for (const [w, v] of vectors) {
    if (common.has(w)) continue;
    for (const t of triggerTypes.get(lemmaOf(w)) ?? triggerTypes.get(w) ?? []) byType.set(t, [...(byType.get(t) ?? []), v]);
  }
  const out = new Map<string, RelationTypeId[]>();
  for (const [w, v] of vectors) {
    if (common.has(w) || triggerTypes.has(w) || triggerTypes.has(lemmaOf(w)) || !/^\p{L}[\p{L}-]+$/u.test(w)) continue;
    const types: RelationTypeId[] = [];
    for (const [t, list] of byType) {
      let best = 0;
      for (const x of list) {
        let d = 0;
        for (let k = 0; k < v.length; k++) d += v[k]! * x[k]!;
        if (d > best) best = d;
      }
      if (best >= threshold) types.push(t);
    }
    if (types.length > 0) out.set(w, types.sort());
  }
  return out;
}

/** Spherical k-means of the vectors into k clusters (seeded by evenly spaced words of the frequency order). */
export function vectorClusters(vectors: ReadonlyMap<string, Float32Array>, k: number, iterations = 12): Map<string, number> {
  const words = [...vectors.keys()];
  const vecs = words.map((w) => vectors.get(w)!);
  const dims = vecs[0]?.length ?? 0;
  let centres = Array.from({ length: k }, (_, c) => Float64Array.from(vecs[Math.floor((c * vecs.length) / k)]!));
  const assign = new Int32Array(words.length);
  for (let it = 0; it < iterations; it++) {
    vecs.forEach((v, i) => {
      let best = -Infinity;
      for (let c = 0; c < k; c++) {
        let d = 0;
        const ce = centres[c]!;
        for (let x = 0; x < dims; x++) d += v[x]! * ce[x]!;
        if (d > best) {
          best = d;
          assign[i] = c;
        }
      }
    });
    const sums = Array.from({ length: k }, () => new Float64Array(dims));
    vecs.forEach((v, i) => { const s = sums[assign[i]!]!; for (let x = 0; x < dims; x++) s[x]! += v[x]!; });
    centres = sums.map((s, c) => {
      let n = 0;
      for (const x of s) n += x * x;
      return n === 0 ? centres[c]! : s.map((x) => x / Math.sqrt(n));
    });
  }
  return new Map(words.map((w, i) => [w, assign[i]!]));
}

/**
 * The word lexicon a training option asks for: `soft=0.7` (soft triggers at that cosine), `clusters=200` (vector
 * clusters), `vectors=glove` (GloVe's pre-trained vectors of its N most frequent words, `glove:N`, default 50,000:
 * scripts/glove.ts) or `vectors=ours` (the default: computed from the unlabelled text under dataDir), comma-separated;
 * '' gives the empty lexicon.
 */
export function lexiconFor(spec: string, dataDir: string, log: (line: string) => void = () => {}): { lex: WordLexicon; vectors: Map<string, Float32Array> } {
  const parts = new Map(spec.split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  for (const k of parts.keys()) if (!['soft', 'clusters', 'vectors'].includes(k)) throw new Error(`unknown lexicon part ${k} (soft=COSINE, clusters=K, vectors=ours|glove[:N])`);
  if (parts.size === 0) return { lex: { soft: new Map(), cluster: new Map() }, vectors: new Map() };
  const t0 = Date.now();
  const source = parts.get('vectors') ?? 'ours';
  const vectors = source === 'ours' ? wordVectors(unlabelledSentences(dataDir))
    : source.startsWith('glove') ? gloveVectors(Number(source.split(':')[1] ?? 50_000), log)
      : (() => { throw new Error(`unknown vectors ${source} (ours, glove[:N])`); })();
  // GloVe's words come in frequency order: its 400 commonest are left out of soft triggers.
  const common = new Set(source === 'ours' ? [] : [...vectors.keys()].slice(0, 400));
  const soft = parts.has('soft') ? softTriggers(vectors, TRIGGER_TYPES, roughLemma, Number(parts.get('soft')), common) : new Map<string, RelationTypeId[]>();
  const cluster = parts.has('clusters') ? vectorClusters(vectors, Number(parts.get('clusters'))) : new Map<string, number>();
  log(`word vectors: ${vectors.size} words; ${soft.size} soft triggers, ${new Set(cluster.values()).size} clusters [${Date.now() - t0} ms]`);
  return { lex: { soft, cluster }, vectors };
}

/** GloVe's N most frequent words that are words (letters, inner hyphens or apostrophes), unit length. */
function gloveVectors(n: number, log: (line: string) => void): Map<string, Float32Array> {
  const all = gloveMap(loadGlove(Math.max(n, 100_000), log));
  const out = new Map<string, Float32Array>();
  for (const [w, v] of all) {
    if (out.size >= n) break;
    if (/^\p{L}[\p{L}'-]*$/u.test(w)) out.set(w, v);
  }
  return out;
}
