/** Document reader: /documents/<id>?q=<query>&at=<start>-<end>. Scrolls to and outlines the span, highlights the query's terms and the mentions. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ENTITY_TYPES, parseOcrConfidence, type EntityType } from '../../src/model/index.js';
import { getDocument, type DocumentDetail } from '../api/client.js';
import { DocumentSide, type HighlightToggles } from '../components/document-side.js';
import { DocumentText, HIT_ATTRIBUTE, TARGET_ATTRIBUTE, mentionTitle } from '../components/document-text.js';
import { ReaderBar } from '../components/reader-bar.js';
import { AddRelation } from '../components/add-relation.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { documentTitle, formatCount, languageName } from '../lib/format.js';
import { findTermHits } from '../lib/query-terms.js';
import { Link, buildUrl, canGoBackInApp, lastNavigation, navigate, savedScrollY, type AppLocation } from '../lib/router.js';
import type { TextMark } from '../lib/segments.js';
import { useApi } from '../lib/use-api.js';
import { useTitle } from '../lib/use-title.js';
import { GradeBox } from '../components/grade-badge.js';
import { NotesBox } from '../components/notes-box.js';

/** "120-145" -> {start: 120, end: 145}; anything else -> null. */
export function parseSpan(value: string | null): { start: number; end: number } | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}

const ALL_TYPES_ON = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>;

/** The reader for one document id. */
export function DocumentScene({ id, location }: { id: string; location: AppLocation }) {
  const query = location.params.get('q') ?? '';
  const at = parseSpan(location.params.get('at'));
  const doc = useApi(`document:${id}`, (signal) => getDocument(id, signal));
  const backHref = buildUrl('/search', { q: query });

  // Esc returns to the results the reader came from, keeping their scroll position when history allows.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (canGoBackInApp()) window.history.back();
      else navigate(backHref);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [backHref]);

  if (doc.error) {
    return (
      <div className="scene">
        {/* The server answers 400 for an id that cannot exist (malformed): to a reader that is the same as not found. */}
        {doc.error.status === 404 || doc.error.status === 400 ? (
          <EmptyState title="Document not found">
            <p>No document has the id <code>{id}</code> in the collections you can see. It may have been removed, or the link is mistyped.</p>
            <p><Link href={backHref}>Back to search</Link></p>
          </EmptyState>
        ) : (
          <ErrorState title="Could not open the document" error={doc.error}>
            <p><Link href={backHref}>Back to search</Link></p>
          </ErrorState>
        )}
      </div>
    );
  }
  if (!doc.data || doc.dataKey !== `document:${id}`) return <div className="scene"><Loading label="Opening document…" /></div>;
  return <Reader key={id} doc={doc.data} query={query} at={at} backHref={backHref} />;
}

function Reader({ doc, query, at: requested, backHref }: { doc: DocumentDetail; query: string; at: { start: number; end: number } | null; backHref: string }) {
  const [toggles, setToggles] = useState<HighlightToggles>({ hits: true, types: ALL_TYPES_ON });
  const hits = useMemo(() => findTermHits(doc.text, query), [doc.text, query]);
  // parseSpan makes a new object on every render: one per span keeps the marks from being cut again.
  const at = useMemo(() => requested, [requested?.start, requested?.end]);
  const marks = useMemo(() => {
    const list: TextMark[] = [];
    for (const m of doc.mentions) {
      if (toggles.types[m.type] ?? true) list.push({ start: m.start, end: m.end, kind: 'mention', type: m.type, title: mentionTitle(m.type, m.text), entityId: m.entityId });
    }
    if (toggles.hits) for (const h of hits) list.push({ ...h, kind: 'hit' });
    if (at) list.push({ ...at, kind: 'target' });
    return list;
  }, [doc.mentions, hits, at, toggles]);
  const currentHit = at ? hits.findIndex((h) => h.start === at.start && h.end === at.end) : -1;
  // Moving between hits rewrites ?at= in place: the URL keeps the reader's place without a back step per hit.
  const goTo = (span: { start: number; end: number }): void => {
    navigate(buildUrl(`/documents/${encodeURIComponent(doc.id)}`, { q: query, at: `${span.start}-${span.end}` }), { replace: true });
  };
  const goToHit = (index: number): void => {
    const hit = hits[index];
    if (hit) goTo(hit);
  };

  // Scroll once per arrival (document + span), not on every highlight toggle. Coming back (from an entity page opened by a
  // mention, say) returns to where the reader was, not to the span.
  const textRef = useRef<HTMLElement | null>(null);
  const atKey = at ? `${at.start}-${at.end}` : '';
  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const saved = lastNavigation() === 'pop' ? savedScrollY() : null;
    if (saved !== null) {
      window.scrollTo(0, saved);
      return;
    }
    const target = root.querySelector(`[${TARGET_ATTRIBUTE}]`) ?? (query ? root.querySelector(`[${HIT_ATTRIBUTE}]`) : null);
    if (target) target.scrollIntoView({ block: 'center' });
    else window.scrollTo(0, 0);
  }, [doc.id, atKey]);

  // The bar shows the title once the heading has scrolled under it.
  const titleRef = useRef<HTMLHeadingElement | null>(null);
  const [titleAway, setTitleAway] = useState(false);
  useEffect(() => {
    const heading = titleRef.current;
    if (!heading) return;
    const observer = new IntersectionObserver(([entry]) => setTitleAway(!(entry?.isIntersecting ?? true)), { rootMargin: '-84px 0px 0px 0px' });
    observer.observe(heading);
    return () => observer.disconnect();
  }, []);

  const title = documentTitle(doc);
  useTitle(title);
  const ocr = useMemo(() => parseOcrConfidence(doc.meta), [doc.meta]);
  const ocrPages = ocr.filter((c) => c !== null).length;
  return (
    <div className="reader">
      <article className="reader-main" ref={textRef} aria-labelledby="doc-title">
        <ReaderBar
          backHref={query ? backHref : '/documents'}
          backLabel={query ? <>Results for “<bdi>{query}</bdi>”</> : 'All documents'}
          title={title}
          showTitle={titleAway}
          hitCount={hits.length}
          current={currentHit}
          onHit={goToHit}
        />
        <div className="reader-column">
          <h1 id="doc-title" className="reader-title" dir="auto" ref={titleRef}>{title}</h1>
          <p className="reader-byline">
            {doc.source ? <span dir="auto">{doc.source}</span> : null}
            {doc.published ? <span>{doc.published}</span> : null}
            {doc.author ? <span dir="auto">{doc.author}</span> : null}
            {doc.language ? <span>{languageName(doc.language)}</span> : null}
            <span>{doc.format}</span>
            {ocrPages > 0 ? <span title="Text read from page images by OCR (Tesseract)">OCR: {ocrPages === ocr.length ? 'all' : ocrPages} of {ocr.length} page{ocr.length === 1 ? '' : 's'}</span> : null}
            <span>{formatCount(doc.length)} characters</span>
          </p>
          <div className="reader-curation">
            <GradeBox documentId={doc.id} />
            <NotesBox target={{ kind: 'document', id: doc.id }} />
          </div>
          <DocumentText text={doc.text} marks={marks} pages={doc.pages} ocr={ocr} />
        </div>
      </article>
      <DocumentSide doc={doc} hitCount={hits.length} query={query} toggles={toggles} onToggles={setToggles} at={at} onJump={goTo} />
      <AddRelation doc={doc} root={textRef} />
    </div>
  );
}
