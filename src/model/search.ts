/** Shapes of search results and statistics, shared by the store, the API and the web app. */
import type { DocumentSummary } from './document.js';

/** A run of snippet text, marked when it matched the query. Plain text: never HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** One search hit. */
export interface SearchHit {
  document: DocumentSummary;
  /** Relevance, higher is better (negated bm25). */
  score: number;
  /** Context around the best match; `start` is its offset in the document text. */
  snippet: { start: number; parts: SnippetPart[] };
}

/** Counts per value of one facet, most frequent first. */
export interface FacetValue {
  value: string;
  count: number;
}

/** Facet name ("collection", "format", "language", "source", "year") to its counts. */
export type FacetCounts = Record<string, FacetValue[]>;

/** Names of one resolved entity in other scripts that a search added to the user's query ("also searched"). */
export interface QueryExpansion {
  entityId: string;
  entityName: string;
  type: string;
  names: string[];
}

/** Search response, as the API returns it. */
export interface SearchResponse {
  results: SearchHit[];
  total: number;
  facets: FacetCounts;
  /** Present when the query named an entity and its names in other scripts were searched too. */
  expandedWith?: QueryExpansion[];
}

/** Aggregate counts for `cablegraph stats` and GET /api/stats. */
export interface StoreStats {
  documents: number;
  characters: number;
  byCollection: FacetValue[];
  byFormat: FacetValue[];
  byLanguage: FacetValue[];
  failures: number;
  failuresByCode: FacetValue[];
  mentions: number;
  relations: number;
}
