/** The application shell: top bar, the scene for the current URL, and the keyboard shortcut `/` for search. */
import { Suspense, lazy, useEffect, useRef } from 'react';
import { SEARCH_INPUT_ID } from './components/search-form.js';
import { EmptyState, Loading } from './components/states.js';
import { TopBar } from './components/top-bar.js';
import { Link, buildUrl, lastNavigation, navigate, savedScrollY, useLocation, type AppLocation } from './lib/router.js';
import { DocumentScene } from './scenes/document-scene.js';
import { DocumentsScene } from './scenes/documents-scene.js';
import { EntitiesScene } from './scenes/entities-scene.js';
import { EntityScene } from './scenes/entity-scene.js';
import { TimelineScene } from './scenes/timeline-scene.js';
import { SearchScene } from './scenes/search-scene.js';
import { ReviewScene } from './scenes/review-scene.js';
import { AuditScene } from './scenes/audit-scene.js';
import { AdminScene } from './scenes/admin-scene.js';

// sigma and graphology are most of the bundle: they load with the network scene, not with search and the reader.
const NetworkScene = lazy(() => import('./scenes/network-scene.js').then((m) => ({ default: m.NetworkScene })));

/** Picks the scene for a path. One line per route; there is no router library. */
function sceneFor(location: AppLocation) {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const documentMatch = /^\/documents\/([^/]+)$/.exec(path);
  if (path === '/' || path === '/search') return <SearchScene location={location} />;
  if (path === '/documents') return <DocumentsScene location={location} />;
  if (documentMatch) return <DocumentScene id={decodeURIComponent(documentMatch[1] ?? '')} location={location} />;
  const entityMatch = /^\/entities\/([^/]+)$/.exec(path);
  if (path === '/entities') return <EntitiesScene location={location} />;
  if (entityMatch) return <EntityScene id={decodeURIComponent(entityMatch[1] ?? '')} location={location} />;
  if (path === '/network') {
    return <Suspense fallback={<div className="scene"><Loading label="Loading the network view…" /></div>}><NetworkScene location={location} /></Suspense>;
  }
  if (path === '/timeline') return <TimelineScene location={location} />;
  if (path === '/review') return <ReviewScene location={location} />;
  if (path === '/audit') return <AuditScene location={location} />;
  if (path === '/admin') return <AdminScene />;
  return (
    <div className="scene">
      <EmptyState title="No such page">
        <p>Nothing lives at <code>{location.pathname}</code>. <Link href="/search">Go to search</Link>.</p>
      </EmptyState>
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The whole app. */
export function App() {
  const location = useLocation();
  // The last query, so "Search" in the top bar and `/` return to it from the reader.
  const lastQuery = useRef('');
  if (location.pathname === '/' || location.pathname === '/search') lastQuery.current = location.params.get('q') ?? '';
  else if (location.pathname.startsWith('/documents/') && location.params.has('q')) lastQuery.current = location.params.get('q') ?? '';
  const searchHref = buildUrl('/search', { q: lastQuery.current });

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      const input = document.getElementById(SEARCH_INPUT_ID);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
        return;
      }
      navigate(searchHref);
      requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchHref]);

  // A new page starts at the top; back and forward return to where the page was left. The reader scrolls to its span itself.
  useEffect(() => {
    if (location.pathname.startsWith('/documents/')) return;
    const kind = lastNavigation();
    if (kind === 'push') window.scrollTo(0, 0);
    else if (kind === 'pop') window.scrollTo(0, savedScrollY() ?? 0);
  }, [location.pathname, location.search]);

  return (
    <div className="app">
      <a className="visually-hidden" href="#main">Skip to content</a>
      <TopBar pathname={location.pathname} searchHref={searchHref} inSearch={location.pathname.startsWith('/documents/') && location.params.has('q')} />
      <main id="main">{sceneFor(location)}</main>
    </div>
  );
}
