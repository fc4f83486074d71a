/** A document's text as paragraphs (dir="auto" each, for Persian and Arabic) with hits, the ?at= span and mentions marked. Text nodes only. */
import { Fragment, memo, useMemo } from 'react';
import { LOW_OCR_CONFIDENCE } from '../../src/model/index.js';
import { Link } from '../lib/router.js';
import { segmentText, type Paragraph, type TextMark, type TextSegment } from '../lib/segments.js';
import { entityStyle } from '../theme/entity-colors.js';

/** Attribute set on the runs of the ?at= span, so the scene can scroll to it. */
export const TARGET_ATTRIBUTE = 'data-target';
/** Attribute holding a search hit's start offset, so hit-to-hit navigation can find it. */
export const HIT_ATTRIBUTE = 'data-hit';

function Run({ segment }: { segment: TextSegment }) {
  const classes: string[] = [];
  if (segment.mention) classes.push('mention', `t-${segment.mention.type ?? 'MISC'}`);
  if (segment.hit) classes.push('hit');
  if (segment.target) classes.push('target');
  if (classes.length === 0) return <>{segment.text}</>;
  const props = {
    className: classes.join(' '),
    title: segment.mention?.title,
    [TARGET_ATTRIBUTE]: segment.target ? '' : undefined,
    [HIT_ATTRIBUTE]: segment.hitStart ?? undefined,
  };
  return segment.hit ? <mark {...props}>{segment.text}</mark> : <span {...props}>{segment.text}</span>;
}

/** Consecutive runs of one linked mention together, every other run alone. */
function groupByMention(segments: readonly TextSegment[]): TextSegment[][] {
  const groups: TextSegment[][] = [];
  for (const segment of segments) {
    const last = groups[groups.length - 1];
    const mention = segment.mention;
    if (last && mention?.entityId && last[0]?.mention === mention) last.push(segment);
    else groups.push([segment]);
  }
  return groups;
}

/** What a paragraph looks like, as a string: paragraphs whose runs did not change skip re-rendering (moving between hits in a long document). */
function signature(paragraph: Paragraph): string {
  let out = '';
  for (const s of paragraph.segments) out += `${s.end}${s.hit ? 'h' : ''}${s.target ? 't' : ''}${s.mention ? `m${s.mention.type ?? ''}${s.mention.title ?? ''}${s.mention.entityId ?? ''}` : ''},`;
  return out;
}

const ParagraphView = memo(
  function ParagraphView({ paragraph }: { paragraph: Paragraph; signature: string }) {
    return (
      <p dir="auto" data-start={paragraph.start} className={paragraph.table ? 'doc-table' : undefined}>
        {groupByMention(paragraph.segments).map((group) => {
          const first = group[0] as TextSegment;
          const entityId = first.mention?.entityId;
          const runs = group.map((segment) => <Run key={segment.start} segment={segment} />);
          // A resolved mention opens its entity page as one link, even when a search hit cuts it into runs; back returns to this place.
          return entityId
            ? <Link key={first.start} className="mention-link" href={`/entities/${encodeURIComponent(entityId)}`}>{runs}</Link>
            : <Fragment key={first.start}>{runs}</Fragment>;
        })}
      </p>
    );
  },
  (before, after) => before.signature === after.signature && before.paragraph.start === after.paragraph.start,
);

/** 1-based page holding `offset`, given sorted page start offsets. */
export function pageAt(pages: readonly number[], offset: number): number {
  let low = 0;
  let high = pages.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((pages[mid] ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(1, low);
}

/** A page's marker: "Page 2", with "· OCR 87%" for a page read by OCR, flagged when the confidence is low. */
function PageMarker({ page, confidence }: { page: number; confidence: number | null | undefined }) {
  if (confidence === null || confidence === undefined) return <div className="page-marker" role="separator">Page {page}</div>;
  const low = confidence < LOW_OCR_CONFIDENCE;
  const percent = Math.round(confidence * 100);
  const title = low
    ? `Read by OCR with low confidence (${percent}% mean word confidence): expect misread words; check the original.`
    : `Read by OCR (${percent}% mean word confidence).`;
  return (
    <div className={low ? 'page-marker ocr low' : 'page-marker ocr'} role="separator" title={title} data-ocr={confidence.toFixed(3)}>
      Page {page} · OCR {percent}%{low ? ' · low confidence' : ''}
    </div>
  );
}

/**
 * The text, cut into paragraphs and runs (re-cut only when the text or the marks change); paged formats get a marker
 * where a page begins, with the page's OCR confidence (`ocr`, one entry per page, null for a text-layer page).
 */
export const DocumentText = memo(function DocumentText({ text, marks, pages = [], ocr = [] }: { text: string; marks: readonly TextMark[]; pages?: readonly number[]; ocr?: readonly (number | null)[] }) {
  const paragraphs = useMemo(() => segmentText(text, marks), [text, marks]);
  if (paragraphs.length === 0) return <p className="doc-empty-text">This document has no text (nothing could be extracted from it).</p>;
  let page = 0;
  const marked = pages.length > 1 || ocr.some((c) => c !== null);
  return (
    <div className="doc-text">
      {paragraphs.map((paragraph) => {
        const here = marked ? pageAt(pages, paragraph.start) : 0;
        const marker = here !== page ? <PageMarker page={here} confidence={ocr[here - 1]} /> : null;
        page = here;
        return (
          <Fragment key={paragraph.start}>
            {marker}
            <ParagraphView paragraph={paragraph} signature={signature(paragraph)} />
          </Fragment>
        );
      })}
    </div>
  );
});

/** A mention's hover text: "Person: Qassem Soleimani". */
export function mentionTitle(type: string, text: string): string {
  return `${entityStyle(type).label}: ${text}`;
}
