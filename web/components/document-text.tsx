/** A document's text as paragraphs (dir="auto" each, for Persian and Arabic) with hits, the ?at= span and mentions marked. Text nodes only. */
import { memo, useMemo } from 'react';
import { segmentText, type TextMark, type TextSegment } from '../lib/segments.js';
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

/** The text, cut into paragraphs and runs; re-cut only when the text or the marks change. */
export const DocumentText = memo(function DocumentText({ text, marks }: { text: string; marks: readonly TextMark[] }) {
  const paragraphs = useMemo(() => segmentText(text, marks), [text, marks]);
  if (paragraphs.length === 0) return <p className="doc-empty-text">This document has no text (nothing could be extracted from it).</p>;
  return (
    <div className="doc-text">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} dir="auto" data-start={paragraph.start}>
          {paragraph.segments.map((segment) => <Run key={segment.start} segment={segment} />)}
        </p>
      ))}
    </div>
  );
});

/** A mention's hover text: "Person: Qassem Soleimani". */
export function mentionTitle(type: string, text: string): string {
  return `${entityStyle(type).label}: ${text}`;
}
