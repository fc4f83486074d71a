/** Entities scene: /entities?q=&type=&tag=&page=. A searchable table of entities, filtered by type and tag, most mentioned first. */
import { useEffect, useState } from 'react';
import { ENTITY_TYPES } from '../../src/model/index.js';
import { listEntities, type EntityPage } from '../api/client.js';
import { getTagCounts } from '../api/curation-client.js';
import { Pager } from '../components/pager.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { arrowKeys, moveFocus } from '../lib/focus-list.js';
import { formatCount, plural } from '../lib/format.js';
import { Link, buildUrl, navigate, type AppLocation } from '../lib/router.js';
import { ResponseCache, useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';
import { ENTITY_STYLES } from '../theme/entity-colors.js';

const PAGE_SIZE = 50;
const cache = new ResponseCache<EntityPage>();

/** The entity table for the current URL. */
export function EntitiesScene({ location }: { location: AppLocation }) {
  const q = location.params.get('q') ?? '';
  const type = location.params.get('type') ?? '';
  const tag = location.params.get('tag') ?? '';
  const tags = useApi('tags:entity', (signal) => getTagCounts('entity', signal));
  const parsed = Number.parseInt(location.params.get('page') ?? '1', 10);
  const page = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useTitle(q ? `Entities: ${q}` : 'Entities');
  const list = useApi(`entities:${q}:${type}:${tag}:${page}`, (signal) => listEntities({ q, type, ...(tag ? { tag } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), cache);
  const urlFor = (next: { q?: string; type?: string; tag?: string; page?: number }): string =>
    buildUrl('/entities', { q: next.q ?? q, type: next.type ?? type, tag: (next.tag ?? tag) || undefined, page: next.page && next.page > 1 ? next.page : undefined });

  // Typing filters as you go; the URL is replaced, not pushed, so back leaves the scene instead of undoing letters.
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => navigate(urlFor({ q: text, page: 1 }), { replace: true }), 250);
    return () => clearTimeout(timer);
  }, [text]);

  let body;
  if (list.error) body = <ErrorState title="Could not list the entities" error={list.error} />;
  else if (!list.data) body = <Loading label="Loading entities…" />;
  else if (list.data.total === 0) {
    body = q || type || tag ? (
      <EmptyState title="No entity matches">
        <p>Nothing is called “<bdi>{q}</bdi>”{type ? ` among ${ENTITY_STYLES[type as keyof typeof ENTITY_STYLES]?.label.toLowerCase() ?? type} entities` : ''}{tag ? ` tagged ${tag}` : ''}. Try another spelling or <Link href="/entities">clear the filters</Link>.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No entities yet: entity extraction has not run on this collection">
        <p>Ingest with the default stages (<code>cablegraph ingest ./cables</code>) to find people, organisations and places.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <table className={`table${list.loading ? ' stale' : ''}`} onKeyDown={arrowKeys('td.title-cell a', () => document.getElementById('entity-filter')?.focus())}>
          <thead><tr><th>Name</th><th>Type</th><th>Also written</th><th className="num">Mentions</th><th className="num">Documents</th></tr></thead>
          <tbody>
            {list.data.items.map((e) => (
              <tr key={e.id}>
                <td className="title-cell">
                  <span className={`dot t-${e.type}`} aria-hidden="true" /> <Link href={`/entities/${encodeURIComponent(e.id)}`}><bdi>{e.name}</bdi></Link>
                </td>
                <td>{ENTITY_STYLES[e.type].label}</td>
                <td className="aliases-cell" dir="auto">{e.aliases.slice(0, 4).join(', ')}{e.aliases.length > 4 ? ` +${e.aliases.length - 4}` : ''}</td>
                <td className="num">{formatCount(e.mentionCount)}</td>
                <td className="num">{formatCount(e.documentCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} hrefFor={(p) => urlFor({ page: p })} />
      </>
    );
  }
  return (
    <div className="scene">
      <div className="scene-header">
        <h1>Entities</h1>
        {list.data ? <span className="muted">{plural(list.data.total, 'entity', 'entities')}</span> : null}
      </div>
      <div className="filter-row" role="search">
        <label className="visually-hidden" htmlFor="entity-filter">Filter entities by name</label>
        <input
          id="entity-filter" className="search-input small" type="search" maxLength={200} placeholder="Filter by name or alias…" value={text} autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'ArrowDown') { e.preventDefault(); moveFocus(document.querySelector('table.table'), 'td.title-cell a', 'first'); } }}
        />
        <div className="type-filter" role="group" aria-label="Entity type">
          <Link className="chip-toggle" href={urlFor({ type: '', page: 1 })} aria-pressed={type === ''}>All</Link>
          {ENTITY_TYPES.map((t) => (
            <Link key={t} className={`chip-toggle t-${t}`} href={urlFor({ type: t, page: 1 })} aria-pressed={type === t}>
              <span className={`dot t-${t}`} aria-hidden="true" /> {ENTITY_STYLES[t].label}
            </Link>
          ))}
        </div>
        <label className="tag-filter">Tagged <select value={tag} aria-label="Tag" onChange={(e) => navigate(urlFor({ tag: e.target.value, page: 1 }), { replace: true })}>
          <option value="">any</option>
          {tag && !tags.data?.tags.some((t) => t.tag === tag) ? <option value={tag}>{tag}</option> : null}
          {(tags.data?.tags ?? []).map((t) => <option key={t.tag} value={t.tag}>{t.tag} ({t.count})</option>)}
        </select></label>
      </div>
      {body}
    </div>
  );
}
