/** Splits a document's text into paragraphs and styled runs, so highlights render as React text nodes and never as HTML. */

/** A span to decorate: a search term hit, the span the URL points at (?at=), or an entity mention. */
export interface TextMark {
  start: number;
  end: number;
  kind: 'hit' | 'target' | 'mention';
  /** Entity type for mentions ("PERSON" ...). */
  type?: string;
  /** Hover text for mentions. */
  title?: string;
  /** The resolved entity of a mention: the highlight links to its page. */
  entityId?: string;
}

/** A run of text with every mark that covers all of it. */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  hit: boolean;
  /** Start offset of the hit covering this run, so one hit split into several runs can be found by its start. */
  hitStart: number | null;
  target: boolean;
  /** The innermost (last listed) mention covering this run, if any. */
  mention: TextMark | null;
}

/** A paragraph of the text with its runs. */
export interface Paragraph {
  start: number;
  end: number;
  segments: TextSegment[];
  /** Lines of a table laid out with tabs or runs of spaces (shown in a fixed-width font, so its columns line up). */
  table?: boolean;
}

// Two cells apart on a line: a tab, or three spaces or more between words.
const CELL_GAP = /\S(?:\t| {3,})\S/;

/** Whether a paragraph is a table: two lines or more with cell gaps. */
export function isTableParagraph(body: string): boolean {
  let rows = 0;
  for (const line of body.split('\n')) if (CELL_GAP.test(line) && ++rows >= 2) return true;
  return false;
}

/**
 * Paragraph ranges, with surrounding whitespace left out: text separated by blank lines, or, in text that has no
 * blank line at all (one paragraph per line, as many web extractions), each line.
 * "Line one\nline two\n\n  Next" -> [0, 17) and [21, 25); "One\nTwo" -> [0, 3) and [4, 7).
 */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const blank = /\n[ \t\r\f\v]*\n/.test(text) ? /\n[ \t\r\f\v]*\n\s*/g : /\n\s*/g;
  let from = 0;
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) ranges.push({ start: s, end: e });
  };
  for (let match = blank.exec(text); match; match = blank.exec(text)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return ranges;
}

/** Cuts the text into paragraphs of runs, one run per change of marks; marks outside the text are clipped. */
export function segmentText(text: string, marks: readonly TextMark[]): Paragraph[] {
  const paragraphs = paragraphRanges(text);
  const clipped = marks
    .map((mark) => ({ ...mark, start: Math.max(0, mark.start), end: Math.min(text.length, mark.end) }))
    .filter((mark) => mark.end > mark.start)
    .sort((a, b) => a.start - b.start);

  const cuts = new Set<number>();
  for (const p of paragraphs) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  for (const mark of clipped) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  // Sweep left to right, keeping the marks that cover the current point: O(points + marks), not points x marks.
  const result: Paragraph[] = paragraphs.map((p) => ({ ...p, segments: [], ...(isTableParagraph(text.slice(p.start, p.end)) ? { table: true } : {}) }));
  let paragraphIndex = 0;
  let nextMark = 0;
  let active: TextMark[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    while (nextMark < clipped.length && (clipped[nextMark] as TextMark).start <= start) active.push(clipped[nextMark++] as TextMark);
    active = active.filter((mark) => mark.end > start);
    while (paragraphIndex < result.length && (result[paragraphIndex] as Paragraph).end <= start) paragraphIndex++;
    const paragraph = result[paragraphIndex];
    if (!paragraph || start < paragraph.start) continue; // whitespace between paragraphs
    let mention: TextMark | null = null;
    let hitStart: number | null = null;
    for (const mark of active) {
      if (mark.kind === 'mention') mention = mark;
      else if (mark.kind === 'hit') hitStart = mark.start;
    }
    paragraph.segments.push({
      start,
      end,
      text: text.slice(start, end),
      hit: hitStart !== null,
      hitStart,
      target: active.some((mark) => mark.kind === 'target'),
      mention,
    });
  }
  return result;
}
