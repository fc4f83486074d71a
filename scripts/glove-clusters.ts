// Word clusters of GloVe 6B 100d vectors (scripts/glove.ts) for the NER and parse models: spherical k-means over the unit
// vectors of the most frequent (lower-cased) GloVe words, each coarser level k-means of the finer level's centroids
// (clusterHierarchy of ner-clusters.ts). Deterministic for fixed settings. Discrete clusters of embeddings as
// features: Turian et al. (2010); Guo et al. (2014).
import { GLOVE_DIMS, loadGlove } from './glove.js';
import { clusterHierarchy } from './ner-clusters.js';

/** GloVe's cache holds this many words; fewer are sliced from it (GloVe's frequency order). */
const CACHED_WORDS = 100_000;

/** A clustering setting: cluster counts from fine to coarse, and how many of GloVe's most frequent words. */
export interface GloveClusterSpec {
  levels: number[];
  words: number;
}

/**
 * Parses a switch such as PARSE_GLOVE: "1000,200" (cluster counts, fine to coarse; 50,000 words) or "1000,200@80000"
 * (the number of words after "@"). Unset, "" or "0": no GloVe clusters (null).
 */
export function parseGloveSpec(spec: string | undefined, name = 'PARSE_GLOVE'): GloveClusterSpec | null {
  if (!spec || spec === '0') return null;
  const [counts, words] = spec.split('@') as [string, string?];
  const levels = counts.split(',').map(Number);
  const n = words === undefined ? 50_000 : Number(words);
  if (levels.some((k) => !Number.isInteger(k) || k < 2) || !Number.isInteger(n) || n < 2) {
    throw new Error(`${name}=${spec}: cluster counts from fine to coarse, optionally @words, e.g. 1000,200@50000`);
  }
  return { levels, words: n };
}

/** Lower-cased word -> cluster ids, coarsest first, for the `spec.words` most frequent GloVe words. */
export function gloveClusters(spec: GloveClusterSpec, log: (s: string) => void): Map<string, number[]> {
  const t0 = Date.now();
  const g = loadGlove(Math.max(spec.words, CACHED_WORDS), log);
  const n = Math.min(spec.words, g.words.length);
  const ids = clusterHierarchy(g.data.subarray(0, n * GLOVE_DIMS), n, GLOVE_DIMS, spec.levels, log);
  log(`GloVe clusters: ${n} words, levels ${spec.levels.join(',')} [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
  return new Map(g.words.slice(0, n).map((w, i) => [w, ids[i]!]));
}
