// Word clusters from GloVe 6B 100d (scripts/glove.ts): spherical k-means over the unit vectors of the most frequent
// words, the coarser levels k-means of the finer centroids (clusterHierarchy, shared with ner-clusters.ts). Classic
// out-of-domain NER features (Turian et al. 2010; Guo et al. 2014, "Revisiting embedding features": k-means of
// embeddings as discrete features). Deterministic for fixed settings.
import { GLOVE_DIMS, loadGlove } from './glove.js';
import { clusterHierarchy } from './ner-clusters.js';

/** GloVe's cache holds this many words; fewer are sliced from it (GloVe's frequency order). */
const CACHED_WORDS = 100_000;

/**
 * Lower-cased word -> cluster ids, coarsest first, for the `words` most frequent GloVe words; `levels` are cluster
 * counts from fine to coarse (NER_GLOVE=1000,200 -> [1000, 200]).
 */
export function computeGloveClusters(levels: readonly number[], words: number, log: (s: string) => void): Map<string, number[]> {
  const t0 = Date.now();
  const g = loadGlove(Math.max(words, CACHED_WORDS), log);
  const n = Math.min(words, g.words.length);
  const ids = clusterHierarchy(g.data.subarray(0, n * GLOVE_DIMS), n, GLOVE_DIMS, levels, log);
  log(`GloVe clusters: ${n} words, levels ${levels.join(',')} [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
  return new Map(g.words.slice(0, n).map((w, i) => [w, ids[i]!]));
}

/** Parses NER_GLOVE ("1000,200": cluster counts fine to coarse; unset or "0": none). */
export function gloveLevels(spec: string | undefined): number[] {
  if (!spec || spec === '0') return [];
  const levels = spec.split(',').map(Number);
  if (levels.some((k) => !Number.isInteger(k) || k < 2)) throw new Error(`NER_GLOVE=${spec}: cluster counts from fine to coarse, e.g. 1000,200`);
  return levels;
}
