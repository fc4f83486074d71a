/** URL-as-state routing on the History API: a location hook, navigate(), and a Link that keeps middle-click and copy-link working. */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const NAVIGATE_EVENT = 'cablegraph:navigate';

/** The parts of the current URL a scene reads. */
export interface AppLocation {
  /** Path without query, e.g. "/documents/abc". */
  pathname: string;
  /** Parsed query string. */
  params: URLSearchParams;
  /** The raw "?..." part, so memoised effects can depend on a string. */
  search: string;
}

/** State this app writes into history entries: whether "back" stays inside the app, and where the page was scrolled when left. */
interface HistoryState {
  inApp?: true;
  scrollY?: number;
}

/** How the current location was reached; scenes restore scroll on 'pop' and start at the top on 'push'. */
export type NavigationKind = 'load' | 'push' | 'replace' | 'pop';
let lastKind: NavigationKind = 'load';
if (typeof window !== 'undefined') {
  // The app restores scroll itself, once the scene has rendered; the browser would try before the data is there.
  window.history.scrollRestoration = 'manual';
  // Registered at import, before any scene subscribes, so scenes see 'pop' when they re-render.
  window.addEventListener('popstate', () => { lastKind = 'pop'; });
}

/** How the current location was reached. */
export function lastNavigation(): NavigationKind {
  return lastKind;
}

/** The scroll position saved in the current history entry when it was left, if any. */
export function savedScrollY(): number | null {
  const state = window.history.state as HistoryState | null;
  return typeof state?.scrollY === 'number' ? state.scrollY : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// useSyncExternalStore compares snapshots with Object.is, so the snapshot is the href string.
const snapshot = (): string => window.location.pathname + window.location.search;

/** The current location; re-renders on navigate() and on the back/forward buttons. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot);
  const queryAt = href.indexOf('?');
  const pathname = queryAt < 0 ? href : href.slice(0, queryAt);
  const search = queryAt < 0 ? '' : href.slice(queryAt);
  return { pathname, search, params: new URLSearchParams(search) };
}

/** Goes to an in-app URL; `replace` rewrites the current entry (for corrections that should not add a back step). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  // A replaced entry keeps its own state: replacing the first page of a visit must not make "back" look in-app.
  if (options.replace) {
    window.history.replaceState(window.history.state, '', to);
    lastKind = 'replace';
  } else {
    const current = (window.history.state ?? {}) as HistoryState;
    window.history.replaceState({ ...current, scrollY: window.scrollY } satisfies HistoryState, '');
    window.history.pushState({ inApp: true } satisfies HistoryState, '', to);
    lastKind = 'push';
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** True when this entry was pushed by navigate(), so history.back() returns to a page of this app. */
export function canGoBackInApp(): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && (state as Partial<HistoryState>).inApp === true;
}

/** Builds "path?query" from a record, leaving out empty values so URLs stay short and shareable. */
export function buildUrl(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** An in-app link: a real <a href> (open in new tab, copy link) that navigates without reloading on a plain click. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ReactNode }) {
  const { onClick, ...rest } = props;
  const handleClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...rest} onClick={handleClick} />;
}
