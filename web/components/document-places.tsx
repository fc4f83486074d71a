/**
 * Where a document sits: what it contains (one line per place a member was found, so identical sheets or attachments are
 * listed each under its own name) and the other places its content was found ("Also found at").
 */
import type { DocumentChild, DocumentLocation } from '../../src/model/index.js';
import { documentTitle } from '../lib/format.js';
import { Link } from '../lib/router.js';

const documentHref = (id: string): string => `/documents/${encodeURIComponent(id)}`;

/** The members of a container. A member whose content occurs more than once here is named by where it was found. */
export function DocumentChildren({ items }: { items: readonly DocumentChild[] }) {
  if (items.length === 0) return null;
  const seen = new Map<string, number>();
  for (const child of items) seen.set(child.id, (seen.get(child.id) ?? 0) + 1);
  return (
    <>
      <h2>Contains ({items.length})</h2>
      <ul className="side-list">
        {items.map((child) => (
          <li key={`${child.id}\u0000${child.path}`}>
            <Link href={documentHref(child.id)} dir="auto">{documentTitle(child)}</Link>{' '}
            {(seen.get(child.id) ?? 0) > 1 ? <span className="muted" dir="auto">as {child.name ?? child.path} </span> : null}
            <span className="muted">{child.format}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every place the content was found besides the document's own (the first location): nothing when there is none. */
export function AlsoFoundAt({ locations }: { locations: readonly DocumentLocation[] }) {
  const others = locations.slice(1);
  if (others.length === 0) return null;
  return (
    <>
      <h2>Also found at ({others.length})</h2>
      <ul className="side-list also-found">
        {others.map((l) => (
          <li key={`${l.parentId ?? ''}\u0000${l.path}`}>
            {l.parentId ? (
              <>
                <Link href={documentHref(l.parentId)} dir="auto">{l.parentTitle?.trim() || documentTitle({ title: null, path: parentPath(l) })}</Link>{' '}
                <span className="muted" dir="auto">as {l.name ?? l.path}</span>
              </>
            ) : (
              <span className="mono" dir="auto">{l.path}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The container's path, from the member's path and its name there (for a container without a title). */
function parentPath(l: DocumentLocation): string {
  if (l.name === null || !l.path.endsWith(l.name)) return l.path;
  return l.path.slice(0, l.path.length - l.name.length).replace(/(!\/|#)$/u, '');
}
