/** Search results as a dense list: title, provenance line and the snippet with its hits marked. Arrow keys move between results. */
import type { SearchHit, SnippetPart } from '../../src/model/index.js';
import { Link, buildUrl } from '../lib/router.js';
import { documentTitle, languageName } from '../lib/format.js';
import { arrowKeys, moveFocus } from '../lib/focus-list.js';

/** Class name of a result link; arrow-key navigation looks them up by it. */
export const RESULT_CLASS = 'result';

/** Offset range of the first hit in a snippet, so the reader can open at it; null when the snippet has no hit. */
export function firstHitSpan(snippet: SearchHit['snippet']): { start: number; end: number } | null {
  let offset = snippet.start;
  for (const part of snippet.parts) {
    if (part.hit) return { start: offset, end: offset + part.text.length };
    offset += part.text.length;
  }
  return null;
}

/** The reader URL for a hit: the document, the query (its terms get highlighted) and the first hit's span. */
export function hitUrl(hit: SearchHit, query: string): string {
  const span = firstHitSpan(hit.snippet);
  return buildUrl(`/documents/${encodeURIComponent(hit.document.id)}`, {
    q: query,
    at: span ? `${span.start}-${span.end}` : undefined,
  });
}

/** Snippet parts as text nodes, hits in <mark>, with an ellipsis where the snippet cuts the text. Never HTML. */
export function Snippet({ parts, start, length }: { parts: SnippetPart[]; start: number; length: number }) {
  const shown = parts.reduce((sum, part) => sum + part.text.length, 0);
  return (
    <p className="snippet" dir="auto">
      {start > 0 ? '… ' : null}
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      {start + shown < length ? ' …' : null}
    </p>
  );
}

/** Moves focus into the results (ArrowDown from the search box). */
export function focusFirstResult(list: HTMLElement | null): void {
  moveFocus(list, `a.${RESULT_CLASS}`, 'first');
}

/** Props: the hits, the query they answer, and whether a newer request is loading. */
export interface ResultListProps {
  hits: SearchHit[];
  query: string;
  stale: boolean;
  listRef?: (element: HTMLOListElement | null) => void;
  /** ArrowUp on the first result returns here (the search box). */
  onExitTop?(): void;
}

/** The results; Enter opens the focused one (it is a link), arrows move. */
export function ResultList({ hits, query, stale, listRef, onExitTop }: ResultListProps) {
  const onKeyDown = arrowKeys(`a.${RESULT_CLASS}`, onExitTop);
  return (
    <ol className={stale ? 'result-list stale' : 'result-list'} ref={listRef} onKeyDown={onKeyDown} aria-busy={stale}>
      {hits.map((hit) => {
        const doc = hit.document;
        return (
          <li key={doc.id}>
            <Link className={RESULT_CLASS} href={hitUrl(hit, query)}>
              <div className="result-title" dir="auto">{documentTitle(doc)}</div>
              <div className="result-meta">
                {doc.source ? <span dir="auto">{doc.source}</span> : null}
                {doc.published ? <span>{doc.published}</span> : null}
                {doc.language ? <span>{languageName(doc.language)}</span> : null}
                <span>{doc.format}</span>
                <span>{doc.collection}</span>
              </div>
              <Snippet parts={hit.snippet.parts} start={hit.snippet.start} length={doc.length} />
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
