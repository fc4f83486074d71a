/** Tesseract's TSV output turned into page text (lines and paragraphs kept) and a mean word confidence. */

/** One page as Tesseract read it. */
export interface OcrText {
  /** Text in reading order: words joined by spaces, lines by newlines, blocks and paragraphs by a blank line. */
  text: string;
  /** Mean word confidence, 0-1; undefined when the page has no word. */
  confidence: number | undefined;
  /** Words read (the confidence is their mean). */
  words: number;
}

// Tesseract (fas+eng especially) wraps Latin runs in LRM/RLM, and may emit embeddings or isolates: none is text.
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes bidi control marks (U+200E/F, U+202A-E, U+2066-9); ZWNJ (U+200C), part of Persian spelling, stays. */
export function stripBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

// A line that ends a sentence or a heading: the paragraph Tesseract starts after it is one.
const SENTENCE_END = /[.!?؟:;؛»"”)]$/u;

/**
 * Whether a line Tesseract put in a new block or paragraph continues the previous one: it starts just below it (less
 * than a line's height of white between them: no blank line, not another column) and the previous line does not end
 * a sentence. Tesseract splits the lines of one Persian or Arabic paragraph into blocks on many pages, and a name or a
 * sentence broken over such a break would be read as two paragraphs.
 */
function continues(previous: { line: string; top: number; bottom: number }, top: number): boolean {
  const height = previous.bottom - previous.top;
  const gap = top - previous.bottom;
  return height > 0 && gap >= -0.2 * height && gap < 0.9 * height && !SENTENCE_END.test(previous.line);
}

/**
 * Parses `tesseract ... tsv` output into pages (a multi-page TIFF gives several, keyed by page_num). Columns: level
 * page_num block_num par_num line_num word_num left top width height conf text; level 5 rows are words.
 */
export function parseTsv(tsv: string): OcrText[] {
  const pages: { parts: string[]; line: string; key: string; sum: number; words: number; top: number; bottom: number }[] = [];
  const blank = () => ({ parts: [], line: '', key: '', sum: 0, words: 0, top: 0, bottom: 0 });
  let page: (typeof pages)[number] | undefined;
  let lineBox: { top: number; bottom: number } | undefined;
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols.length < 12) continue;
    // A page row (level 1) opens a page even when no word follows: a photograph without text is one empty page.
    if (cols[0] === '1') {
      while (pages.length < Number(cols[1])) pages.push(blank());
      continue;
    }
    // A line row (level 4) gives the box of the line whose words follow.
    if (cols[0] === '4') {
      lineBox = { top: Number(cols[7]), bottom: Number(cols[7]) + Number(cols[9]) };
      continue;
    }
    if (cols[0] !== '5') continue;
    const word = stripBidiMarks(cols.slice(11).join('\t')).trim();
    if (word === '') continue;
    const pageNum = Number(cols[1]);
    while (pages.length < pageNum) pages.push(blank());
    page = pages[pageNum - 1]!;
    const para = `${cols[2]}.${cols[3]}`;
    const key = `${para}.${cols[4]}`;
    if (page.key !== key) {
      // The line's box from its line row (or, without one, from this first word).
      const box = lineBox ?? { top: Number(cols[7]), bottom: Number(cols[7]) + Number(cols[9]) };
      if (page.line) page.parts.push(page.line, page.key.startsWith(`${para}.`) || continues(page, box.top) ? '\n' : '\n\n');
      page.line = word;
      page.key = key;
      page.top = box.top;
      page.bottom = box.bottom;
    } else {
      page.line += ` ${word}`;
    }
    const conf = Number(cols[10]);
    if (conf >= 0) {
      page.sum += conf;
      page.words++;
    }
  }
  return pages.map((p) => ({
    text: p.line ? p.parts.join('') + p.line : p.parts.join('').trimEnd(),
    confidence: p.words > 0 ? Math.min(1, Math.max(0.001, p.sum / p.words / 100)) : undefined,
    words: p.words,
  }));
}
