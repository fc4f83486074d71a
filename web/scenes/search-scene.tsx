/** Search scene: query box, facets, results and paging; everything it shows is read from the URL. */
import { useRef, type RefObject } from 'react';
import type { QueryExpansion, SearchResponse } from '../../src/model/index.js';
import { getStats, searchDocuments } from '../api/client.js';
import { Facets } from '../components/facets.js';
import { Pager } from '../components/pager.js';
import { ResultList, focusFirstResult } from '../components/result-list.js';
import { SEARCH_INPUT_ID, SearchForm } from '../components/search-form.js';
import { EmptyState, ErrorState, Loading, SkeletonRows } from '../components/states.js';
import { formatCount, languageName, plural } from '../lib/format.js';
import { Link, navigate, type AppLocation } from '../lib/router.js';
import { PAGE_SIZE, readSearchState, searchRequest, searchUrl, withFilter, type FilterFacet, type SearchState } from '../lib/search-url.js';
import { ResponseCache, useApi, type ApiState } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';

/** Recent result pages, so the back button shows them at once, scrolled where they were left. */
const searchCache = new ResponseCache<SearchResponse>();

/** The search page for the current URL. */
export function SearchScene({ location }: { location: AppLocation }) {
  const state = readSearchState(location.params);
  const key = state.q ? searchUrl(state) : null;
  const search = useApi(key, (signal) => searchDocuments(searchRequest(state), signal), searchCache);
  const listRef = useRef<HTMLOListElement | null>(null);
  useTitle(state.q ? `${state.q} – Search` : 'Search');

  const go = (next: SearchState): void => navigate(searchUrl(next));
  const badQuery = search.error?.isBadQuery ? search.error.message : null;
  const onFilter = (facet: FilterFacet, value: string | undefined): void => go(withFilter(state, facet, value));

  return (
    <div className="search-scene">
      <h1 className="visually-hidden">Search</h1>
      <SearchForm
        query={state.q}
        queryError={badQuery}
        onSubmit={(q) => go({ q, page: 1, filters: state.filters, crossScript: state.crossScript })}
        onArrowDown={() => focusFirstResult(listRef.current)}
      />
      {state.q ? (
        <div className="search-body">
          <Facets facets={search.data && !badQuery ? search.data.facets : {}} selected={state.filters} onChange={onFilter} />
          <section className="results" aria-label="Results">
            <Results state={state} search={search} badQuery={badQuery} listRef={listRef} onFilter={onFilter} />
          </section>
        </div>
      ) : (
        <Landing />
      )}
    </div>
  );
}

function Results({ state, search, badQuery, listRef, onFilter }: {
  state: SearchState;
  search: ApiState<SearchResponse>;
  badQuery: string | null;
  listRef: RefObject<HTMLOListElement | null>;
  onFilter(facet: FilterFacet, value: string | undefined): void;
}) {
  if (badQuery) return <p className="muted">Fix the query above to see results.</p>;
  if (search.error) return <ErrorState title="Search failed" error={search.error} />;
  if (!search.data) return <><Loading label="Searching…" /><SkeletonRows /></>;
  const { results, total } = search.data;
  const filters = Object.entries(state.filters) as [FilterFacet, string][];
  return (
    <>
      <div className="results-header">
        <span className="total" role="status">{total === 0 ? 'No documents match' : `${plural(total, 'document')} match`}</span>
        {filters.map(([facet, value]) => (
          <button key={facet} type="button" className="chip" onClick={() => onFilter(facet, undefined)} aria-label={`Remove filter ${facet}: ${value}`}>
            {facet}: {value}
          </button>
        ))}
        {search.loading ? <span className="muted">Updating…</span> : null}
      </div>
      <CrossScriptNote state={state} expansions={search.data.expandedWith ?? []} />
      {results.length === 0 ? (
        <EmptyState title={total === 0 ? 'Nothing found' : 'No results on this page'}>
          {total === 0 ? (
            <p>Try fewer words, a prefix such as <code>minist*</code>, OR between alternatives{filters.length > 0 ? ', or remove a filter' : ''}.</p>
          ) : (
            <p>This page is past the last result ({formatCount(total)} in all).</p>
          )}
        </EmptyState>
      ) : (
        <ResultList
          hits={results}
          query={state.q}
          stale={search.loading}
          listRef={(element) => { listRef.current = element; }}
          onExitTop={() => document.getElementById(SEARCH_INPUT_ID)?.focus()}
        />
      )}
      <Pager page={state.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => searchUrl({ ...state, page })} />
    </>
  );
}

/** Says which other-script names of an entity the search added, with a link to search without them (or with them again). */
function CrossScriptNote({ state, expansions }: { state: SearchState; expansions: QueryExpansion[] }) {
  if (!state.crossScript) {
    return <p className="muted cross-script">Names in other scripts not searched. <Link href={searchUrl({ ...state, page: 1, crossScript: true })}>Search them too</Link></p>;
  }
  if (expansions.length === 0) return null;
  return (
    <p className="muted cross-script">
      Also searched, as the same entity:{' '}
      {expansions.map((e, i) => (
        <span key={e.entityId}>
          {i > 0 ? '; ' : ''}
          {e.names.map((n, k) => <span key={n}>{k > 0 ? ', ' : ''}<bdi dir="auto" className="other-script-name">{n}</bdi></span>)}
          {' '}(<Link href={`/entities/${encodeURIComponent(e.entityId)}`}>{e.entityName}</Link>)
        </span>
      ))}
      . <Link href={searchUrl({ ...state, page: 1, crossScript: false })}>Search only what I typed</Link>
    </p>
  );
}

/** Shown before the first query: what is in the store and how to search it. */
function Landing() {
  const stats = useApi('stats', (signal) => getStats(signal));
  if (stats.error) return <ErrorState title="Could not reach the store" error={stats.error} />;
  if (!stats.data) return <Loading label="Loading collection…" />;
  const { documents, byCollection, byLanguage } = stats.data;
  if (documents === 0) {
    return (
      <EmptyState title="No documents yet">
        <p>Ingest a folder first: <code>cablegraph ingest ./cables</code>, then reload this page.</p>
      </EmptyState>
    );
  }
  return (
    <section className="landing">
      <h2>Search {plural(documents, 'document')}</h2>
      <p className="stat-line">
        {plural(byCollection.length, 'collection')}: {byCollection.map((c) => `${c.value} (${formatCount(c.count)})`).join(', ')}
        {byLanguage.length > 0 ? ` · languages: ${byLanguage.map((l) => `${languageName(l.value)} (${formatCount(l.count)})`).join(', ')}` : ''}
      </p>
      <p>Type a query above and press Enter. Press <kbd>/</kbd> anywhere to come back to the search box, <kbd>↓</kbd> <kbd>↑</kbd> to move through results and <kbd>Enter</kbd> to open one.</p>
    </section>
  );
}
