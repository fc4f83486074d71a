/** The top bar: the product name and one tab per scene; the current scene's tab is marked for screen readers too. */
import { useEffect, useState } from 'react';
import { Link } from '../lib/router.js';
import { getJson } from '../api/client.js';

/** The caller as GET /api/me names them: a user's name, "token" for the server's single token, null on an open server. */
interface Me { name: string | null; role: string }

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
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    getJson<Me>('/api/me', ctl.signal).then(setMe, () => undefined);
    return () => ctl.abort();
  }, []);
  const user = me?.name && me.name !== 'token' ? me : null;
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
          {user?.role === 'admin' ? (
            // The audit log and user management are for admins signed in by name (on a one-person server they stay in
            // `cablegraph audit` and `cablegraph users`; /admin still opens).
            <>
              <li><Link href="/audit" aria-current={pathname.startsWith('/audit') ? 'page' : undefined}>Audit</Link></li>
              <li><Link href="/admin" aria-current={pathname.startsWith('/admin') ? 'page' : undefined}>Admin</Link></li>
            </>
          ) : null}
        </ul>
      </nav>
      <div className="topbar-right">
        <span><kbd>/</kbd> search</span>
        {user ? (
          // A plain form: the server ends the session, clears the cookie and sends the browser to the sign-in page.
          <form method="post" action="/logout" className="signout">
            <span title={`Role: ${user.role}`}>{user.name} · {user.role}</span>
            <button type="submit">Sign out</button>
          </form>
        ) : null}
      </div>
    </header>
  );
}
