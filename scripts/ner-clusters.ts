// Word clusters from unlabelled text: PPMI context vectors (left/right neighbours), random projection, spherical k-means.
// A cheap stand-in for Brown clusters (Ratinov & Roth 2009 gain ~1.5 F1 from them); deterministic for a fixed seed.
import { seededRandom } from '../src/nlp/random.js';

const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const VOCAB = env('NER_CLUSTER_VOCAB', 40_000);
const MIN_FREQ = env('NER_CLUSTER_MIN_FREQ', 3);
const CONTEXTS = env('NER_CLUSTER_CONTEXTS', 1_000);
const DIM = env('NER_CLUSTER_DIM', 96);
// Cluster counts from fine to coarse: the finest is k-means over words, each coarser one k-means over the finer centroids.
const LEVELS = (process.env.NER_CLUSTER_LEVELS ?? '512,64').split(',').map(Number);

/** Spherical k-means over unit rows of `x` (n x dim); returns the cluster of each row. */
export function kmeans(x: Float32Array, n: number, dim: number, k: number, iters: number, seed: number): { assign: Int32Array; centroids: Float32Array } {
  const rand = seededRandom(seed);
  const c = new Float32Array(k * dim);
  for (let j = 0; j < k; j++) {
    const r = Math.floor(rand() * n);
    c.set(x.subarray(r * dim, (r + 1) * dim), j * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      const o = i * dim;
      for (let j = 0; j < k; j++) {
        let s = 0;
        const q = j * dim;
        for (let d = 0; d < dim; d++) s += x[o + d]! * c[q + d]!;
        if (s > best) {
          best = s;
          arg = j;
        }
      }
      assign[i] = arg;
    }
    c.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) c[assign[i]! * dim + d]! += x[i * dim + d]!;
    for (let j = 0; j < k; j++) normalise(c, j * dim, dim);
  }
  return { assign, centroids: c };
}

export function normalise(v: Float32Array, o: number, dim: number): void {
  let s = 0;
  for (let d = 0; d < dim; d++) s += v[o + d]! * v[o + d]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let d = 0; d < dim; d++) v[o + d]! *= inv;
}

/** Clusters the most frequent spellings; returns spelling -> cluster ids, coarsest first. */
export function computeClusters(sentences: string[][], log: (s: string) => void): Map<string, number[]> {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
  const lowerFreq = new Map<string, number>();
  for (const [w, n] of freq) lowerFreq.set(w.toLowerCase(), (lowerFreq.get(w.toLowerCase()) ?? 0) + n);
  const byFreq = (m: Map<string, number>): string[] => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
  const vocab = byFreq(freq).filter((w) => freq.get(w)! >= MIN_FREQ).slice(0, VOCAB);
  const vocabId = new Map(vocab.map((w, i) => [w, i]));
  const ctxId = new Map(byFreq(lowerFreq).slice(0, CONTEXTS).map((w, i) => [w, i]));
  // Sparse co-occurrence counts keyed word * 2C + side * C + context.
  const pairs = new Map<number, number>();
  const ctxTotal = new Float64Array(2 * CONTEXTS);
  const wordTotal = new Float64Array(vocab.length);
  let total = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = vocabId.get(s[i]!);
      if (w === undefined) continue;
      for (const [side, j] of [[0, i - 1], [1, i + 1]] as const) {
        const cw = j < 0 ? '<s>' : j >= s.length ? '</s>' : s[j]!.toLowerCase();
        const c = ctxId.get(cw);
        if (c === undefined) continue;
        const key = w * 2 * CONTEXTS + side * CONTEXTS + c;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
        ctxTotal[side * CONTEXTS + c]! += 1;
        wordTotal[w]! += 1;
        total++;
      }
    }
  }
  log(`clusters: ${vocab.length} words, ${pairs.size} context pairs`);
  const rand = seededRandom(7);
  const proj = new Float32Array(2 * CONTEXTS * DIM);
  for (let i = 0; i < proj.length; i++) proj[i] = rand() < 0.5 ? -1 : 1;
  const x = new Float32Array(vocab.length * DIM);
  for (const [key, n] of pairs) {
    const w = Math.floor(key / (2 * CONTEXTS));
    const c = key % (2 * CONTEXTS);
    const pmi = Math.log((n * total) / (wordTotal[w]! * ctxTotal[c]!));
    if (pmi <= 0) continue;
    for (let d = 0; d < DIM; d++) x[w * DIM + d]! += pmi * proj[c * DIM + d]!;
  }
  for (let w = 0; w < vocab.length; w++) normalise(x, w * DIM, DIM);
  const ids = clusterHierarchy(x, vocab.length, DIM, LEVELS, log);
  return new Map(vocab.map((w, i) => [w, ids[i]!]));
}

/**
 * Cluster ids of each unit row of `x` at every level of `levels` (cluster counts, fine to coarse), coarsest first:
 * the finest level is k-means over the rows, each coarser one k-means over the finer level's centroids, so the
 * levels nest like Brown clusters' prefixes (row -> fine -> ... -> coarsest). Deterministic.
 */
export function clusterHierarchy(x: Float32Array, n: number, dim: number, levels: readonly number[], log: (s: string) => void): number[][] {
  const fine = kmeans(x, n, dim, levels[0]!, 8, 11);
  log('clusters: fine k-means done');
  const assigns: Int32Array[] = [fine.assign];
  let centroids = fine.centroids;
  for (let l = 1; l < levels.length; l++) {
    const next = kmeans(centroids, levels[l - 1]!, dim, levels[l]!, 20, 11 + 2 * l);
    assigns.push(next.assign);
    centroids = next.centroids;
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const ids: number[] = [fine.assign[i]!];
    for (let l = 1; l < assigns.length; l++) ids.push(assigns[l]![ids[l - 1]!]!);
    out.push(ids.reverse());
  }
  return out;
}
