/** The search scene's state as it lives in the URL: /search?q=&page=&collection=&language=&format=&source=&year=&scripts=off */
import { buildUrl } from './router.js';
import type { SearchParams } from '../api/client.js';

/** Results per page. */
export const PAGE_SIZE = 20;

/** Facets that filter the search, in the order the sidebar shows them. */
export const FILTER_FACETS = ['collection', 'source', 'language', 'format', 'year'] as const;
export type FilterFacet = (typeof FILTER_FACETS)[number];

/** Everything the search scene shows is a function of this. */
export interface SearchState {
  q: string;
  /** 1-based page number. */
  page: number;
  filters: Partial<Record<FilterFacet, string>>;
  /** False when the user turned off searching an entity's names in other scripts (on by default). */
  crossScript: boolean;
}

/** Reads the state from query parameters; junk page numbers become 1. */
export function readSearchState(params: URLSearchParams): SearchState {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const filters: SearchState['filters'] = {};
  for (const facet of FILTER_FACETS) {
    const value = params.get(facet);
    if (value) filters[facet] = value;
  }
  return { q: params.get('q') ?? '', page: Number.isFinite(page) && page > 0 ? page : 1, filters, crossScript: params.get('scripts') !== 'off' };
}

/** The URL for a state; page 1 and empty filters are left out. */
export function searchUrl(state: SearchState): string {
  return buildUrl('/search', { q: state.q, page: state.page > 1 ? state.page : undefined, ...state.filters, scripts: state.crossScript ? undefined : 'off' });
}

/** The API request for a state; a year filter becomes an inclusive from/to range. */
export function searchRequest(state: SearchState): SearchParams {
  const { year, ...rest } = state.filters;
  return {
    q: state.q,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
    ...rest,
    ...(year ? { from: year, to: year } : {}),
    ...(state.crossScript ? {} : { crossScript: 'false' }),
  };
}

/** The state with one filter set (or cleared with undefined); changing filters returns to page 1. */
export function withFilter(state: SearchState, facet: FilterFacet, value: string | undefined): SearchState {
  const filters = { ...state.filters };
  if (value === undefined) delete filters[facet];
  else filters[facet] = value;
  return { ...state, page: 1, filters };
}
