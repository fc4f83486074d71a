/** The top bar: the product name and one tab per scene; the current scene's tab is marked for screen readers too. */
import { Link } from '../lib/router.js';

/** The scenes, in the order an investigation usually moves through them. */
export const SCENES = [
  { path: '/search', label: 'Search' },
  { path: '/documents', label: 'Documents' },
  { path: '/entities', label: 'Entities' },
  { path: '/network', label: 'Network' },
  { path: '/timeline', label: 'Timeline' },
  { path: '/review', label: 'Review' },
] as const;

/** Which tab a path belongs to ("/documents/abc" -> "/documents"; "/" -> "/search"). */
export function sceneOf(pathname: string): string {
  if (pathname === '/') return '/search';
  const scene = SCENES.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  return scene?.path ?? '';
}

/** Top navigation; `searchHref` keeps the last query when returning to Search; `inSearch` marks Search while reading a result. */
export function TopBar({ pathname, searchHref, inSearch }: { pathname: string; searchHref: string; inSearch: boolean }) {
  const current = inSearch ? '/search' : sceneOf(pathname);
  return (
    <header className="topbar">
      <Link className="brand" href={searchHref} aria-label="Cablegraph, search">
        <img src="/favicon.svg" alt="" />
        Cablegraph
      </Link>
      <nav aria-label="Scenes">
        <ul className="nav">
          {SCENES.map((scene) => (
            <li key={scene.path}>
              <Link href={scene.path === '/search' ? searchHref : scene.path} aria-current={current === scene.path ? 'page' : undefined}>
                {scene.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar-right">
        <span><kbd>/</kbd> search</span>
      </div>
    </header>
  );
}
