/** Search facets: which document fields are counted over the matches, and how the counts are ranked. */
import type { FacetCounts } from '../../model/index.js';

/** Facet names, in the order every backend selects them. */
export const FACET_NAMES = ['collection', 'format', 'language', 'source', 'year'] as const;
const FACET_LIMIT = 25;

/** Turns per-facet value counts into the response shape: most frequent first, ties by value, empty values dropped. */
export function rankFacets(counts: Map<string, number>[]): FacetCounts {
  const facets: FacetCounts = {};
  FACET_NAMES.forEach((name, i) => {
    facets[name] = [...(counts[i] ?? new Map<string, number>()).entries()]
      .filter(([value]) => value !== '')
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, FACET_LIMIT)
      .map(([value, count]) => ({ value, count }));
  });
  return facets;
}
