/**
 * Layout of plain text: which line breaks are real (paragraphs, headings, list items, quoted blocks) and which only
 * wrap a paragraph, and which lines are boilerplate (sign-offs, credits, mail headers). The result is a "reading view":
 * a string of the same length where quote markers, list markers and wrapping line breaks are spaces, so sentence
 * splitting, NER and extraction read prose while every offset still points into the stored text.
 */
import { COMPOUND_PARTICIPLES } from './compounds.js';
import { boilerOf, endsTerminal, isAllCaps, isAttribution, isGreeting, isHeadingLine, isValediction, isWriterName, itemMarker, readLines, type TextLine } from './layout-lines.js';

/** What a block of lines is. */
export type BlockKind = 'prose' | 'heading' | 'item' | 'boilerplate';

/** Consecutive lines read as one unit: a paragraph, a heading, a list item or a boilerplate line. */
export interface LayoutBlock {
  /** First character of the block's words (after quote and list markers), in the stored text. */
  start: number;
  /** One past the block's last visible character. */
  end: number;
  kind: BlockKind;
  /** E-mail quote depth (0 for the message's own text). */
  depth: number;
}

/** The layout of one text. */
export interface Layout {
  /** Same length as the text: quote markers, list markers and line breaks inside a block are spaces. */
  reading: string;
  /** Blocks in text order; sentences never cross a block boundary. */
  blocks: LayoutBlock[];
}

/** Reads the layout of a text (one pass over its lines; the text is not modified). */
export function analyseLayout(text: string): Layout {
  const lines = readLines(text);
  const mixedCase = isMixedCase(text);
  markBoilerplateRuns(text, lines);
  markItems(text, lines, mixedCase);
  const widths = wrapWidths(text, lines, mixedCase);
  const blocks: LayoutBlock[] = [];
  const blanks: Array<[number, number]> = []; // [start, end) ranges that read as spaces
  const softs: Array<[number, number]> = []; // [start, end) ranges that read as soft hyphens (inside one word)
  const tabs: Array<[number, number]> = []; // [start, end) gaps between the cells of a table row, read as tabs
  let prevGaps: Array<[number, number]> = [];
  let prev: TextLine | null = null;
  let block: LayoutBlock | null = null;
  for (const line of lines) {
    if (line.start < line.afterQuote) blanks.push([line.start, line.afterQuote]);
    if (line.blank) {
      prev = null;
      prevGaps = [];
      block = null;
      continue;
    }
    if (line.item) blanks.push([line.afterQuote, line.body]);
    // Rows of a table: cells laid out with spaces ("Adel Mansouri     Commander     Zulfiqar Brigade"), a cell of this
    // line starting at the column of one of the line before; or cells apart by tabs (a sheet, a database table, a TSV
    // file), which need not line up. Each row is a unit of its own (its lines are as long as wrapped prose, but a cell
    // never goes on into the next row), and the gaps between cells read as tabs, which no name crosses.
    const gaps = cellGaps(text, line);
    const tabbed = (g: Array<[number, number]>): boolean => g.some(([s]) => text[s] === '\t');
    const row = prev !== null && prevGaps.length > 0 && gaps.length > 0
      && ((tabbed(prevGaps) && tabbed(gaps)) || gaps.some(([, e]) => prevGaps.some(([, pe]) => pe - prev!.start === e - line.start)));
    if (row) {
      for (const g of [...prevGaps, ...gaps]) tabs.push(g);
      // Two spaces part cells too where the other row has a cell starting at that column ("2019-03-02  Ministry of
      // Defence" under "Date        Payer"); in prose two spaces follow a full stop and line up with nothing.
      // The line's own are kept with its gaps, so the next row lines up with them too.
      const endsOf = (g: Array<[number, number]>, from: number): Set<number> => new Set(g.map(([, e]) => e - from));
      const [before, here] = [endsOf(prevGaps, prev!.start), endsOf(gaps, line.start)];
      const narrow = narrowGaps(text, line).filter((g) => before.has(g[1] - line.start));
      for (const g of [...narrow, ...narrowGaps(text, prev!).filter((g) => here.has(g[1] - prev!.start))]) tabs.push(g);
      gaps.push(...narrow);
    }
    prevGaps = gaps;
    if (block && prev && !row && joins(text, prev, line, widths, mixedCase, block.start === prev.body)) {
      // A word hyphenated at the line's end reads whole: the break is soft hyphens, and so is the hyphen when it only
      // broke the word ("Man-\nsouri" -> "Mansouri"; "Iran-\nbacked" -> "Iran-backed").
      const broken = hyphenBreak(text, prev, line);
      if (broken) softs.push([broken === 'word' ? prev.end - 1 : prev.end, line.body]);
      else blanks.push([prev.end, line.start]);
      block.end = line.end;
      if (block.kind === 'heading') block.kind = 'prose';
    } else {
      const content = text.slice(line.body, line.end);
      const kind: BlockKind = line.boiler ? 'boilerplate' : line.item ? 'item' : isHeadingLine(content, mixedCase) ? 'heading' : 'prose';
      block = { start: line.body, end: line.end, kind, depth: line.depth };
      blocks.push(block);
    }
    prev = line;
  }
  return { reading: fill(fill(fill(text, blanks, ' '), softs, SOFT_HYPHEN), tabs, '\t'), blocks };
}

/** The soft hyphen: a reading view writes it where a word was broken over two lines (it is part of the word). */
export const SOFT_HYPHEN = '\u00ad';

/**
 * How a line ending in a hyphen goes on into the next: 'word' when a word was broken there ("Man-" / "souri",
 * "Opera-" / "tions": a letter before the hyphen, a lower-case letter after the break), 'compound' when the hyphen is
 * a real one: its second part is a participle of a name's compounds ("Iran-" / "backed"), or a capitalised word is
 * followed by a participle of five letters or more ("Turkish-" / "occupied", "French-" / "speaking"; not a name's
 * ending such as "Moham-" / "med" or "Ra-" / "sheed").
 */
function hyphenBreak(text: string, l: TextLine, n: TextLine): 'word' | 'compound' | null {
  if (l.end - l.body < 3 || text[l.end - 1] !== '-' || !/\p{L}/u.test(text[l.end - 2]!)) return null;
  const rest = /^\p{Ll}+/u.exec(text.slice(n.body, n.body + 40))?.[0];
  if (rest === undefined) return null;
  if (PARTICIPLE.test(rest)) return 'compound';
  const head = /\p{L}+$/u.exec(text.slice(Math.max(l.body, l.end - 41), l.end - 1))?.[0] ?? '';
  return /^\p{Lu}/u.test(head) && rest.length >= 5 && /(?:[^e]ed|ing)$/u.test(rest) ? 'compound' : 'word';
}

const PARTICIPLE = new RegExp(`^(?:${COMPOUND_PARTICIPLES.join('|')})$`, 'u');

/** Writes `char` over the ranges (sorted here; a range overlapping one before it starts after it). */
function fill(reading: string, ranges: Array<[number, number]>, char: string): string {
  if (ranges.length === 0) return reading;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    parts.push(reading.slice(at, from), char.repeat(e - from));
    at = e;
  }
  parts.push(reading.slice(at));
  return parts.join('');
}

// The stages of one document ask for its reading view one after the other: the last few are kept (not huge ones).
const recent = new Map<string, string>();
const RECENT = 8;
const CACHED_LENGTH = 4_000_000;

/** The reading view alone (see Layout.reading); the views of the last few texts asked for are cached. */
export function readingView(text: string): string {
  const cached = recent.get(text);
  if (cached !== undefined) return cached;
  const reading = analyseLayout(text).reading;
  if (text.length > CACHED_LENGTH) return reading;
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, reading);
  return reading;
}

/**
 * A span of the reading view as read: runs of whitespace (a wrapped line break, a quote marker) become one space, and
 * a word broken over two lines is one word ("Man-\nsouri" -> "Mansouri").
 */
export function readSpan(text: string, reading: string, start: number, end: number): string {
  const read = reading.slice(start, end);
  if (read === text.slice(start, end)) return read.includes(SOFT_HYPHEN) ? read.replace(/\u00ad+/g, '') : read;
  return read.replace(/\u00ad+/g, '').replace(/\s+/g, ' ');
}

// A cell after another in a row: words apart by a tab or by three spaces or more (prose has at most two, after a full
// stop; justified lines spread theirs without lining them up).
const CELL = /(?<=\S)(?:\t| {3,})(?=\S)/gu;

/** The gaps between a line's cells, as [start, end) in the text. */
function cellGaps(text: string, line: TextLine): Array<[number, number]> {
  // After the indentation: most lines have no run of spaces or tab there, and need no regular expression.
  const content = text.slice(line.body, line.end);
  if (!content.includes('   ') && !content.includes('\t')) return [];
  return [...content.matchAll(CELL)].map((m) => [line.body + m.index, line.body + m.index + m[0].length]);
}

/** A line's gaps of exactly two spaces between words, as [start, end) in the text. */
function narrowGaps(text: string, line: TextLine): Array<[number, number]> {
  const content = text.slice(line.body, line.end);
  if (!content.includes('  ')) return [];
  return [...content.matchAll(/(?<=\S) {2}(?=\S)/gu)].map((m) => [line.body + m.index, line.body + m.index + 2]);
}

/** Whether line `n` continues the block line `l` is in (the break between them only wraps the text); `first`: `l` opened the block. */
function joins(text: string, l: TextLine, n: TextLine, widths: Map<number, number>, mixedCase: boolean, first: boolean): boolean {
  if (l.depth !== n.depth || n.item || Boolean(l.boiler) !== Boolean(n.boiler)) return false;
  // A credit or header wrapped over lines stays one boilerplate block.
  if (l.boiler) return true;
  const lc = text.slice(l.body, l.end);
  const nc = text.slice(n.body, n.end);
  const width = widths.get(l.depth) ?? 0;
  const lw = l.end - l.afterQuote;
  const need = lw + 1 + firstWordLength(nc);
  // "IRAN SPY CABLES SHOW" is a unit of its own unless a long one is wrapped onto a second capitalised line.
  if (mixedCase && isAllCaps(lc)) return width > 0 && need > width && isAllCaps(nc);
  // Hard-wrapped running text: the next line starts in lower case ("... the\ncommander of").
  if (/^\p{Ll}/u.test(nc)) return true;
  if (width === 0 || lw > width * 1.25) return false;
  // The next line's first word would not have fitted on this one: the writer's tool wrapped here.
  if (need > width) return true;
  // A title-case line opening a block is a heading; inside a paragraph it is a line full of names
  // ("Intelligence and National Security. But the Revolutionary").
  if (first && isHeadingLine(lc, mixedCase)) return false;
  // A line about as long as the others and ending mid-sentence goes on (tools such as fmt fill lines to ~93% and
  // balance them); short lines end units.
  return lw >= width * 0.75 && !endsTerminal(lc);
}

/**
 * The column each quote depth is wrapped at, or 0 when its lines are not hard-wrapped: the longest of the lines
 * that continue onto a next line (far outliers such as long URLs set aside), when most such lines come close to it.
 */
function wrapWidths(text: string, lines: TextLine[], mixedCase: boolean): Map<number, number> {
  const byDepth = new Map<number, number[]>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const n = lines[i + 1]!;
    if (l.blank || n.blank || l.boiler || n.boiler || n.item || l.depth !== n.depth) continue;
    if (mixedCase && isAllCaps(text.slice(l.body, l.end))) continue;
    let list = byDepth.get(l.depth);
    if (!list) byDepth.set(l.depth, (list = []));
    list.push(l.end - l.afterQuote);
  }
  const out = new Map<number, number>();
  for (const [depth, list] of byDepth) {
    if (list.length < 2) continue;
    list.sort((a, b) => a - b);
    const median = list[list.length >> 1]!;
    const kept = list.filter((w) => w <= median * 1.3 + 5);
    const width = kept[kept.length - 1]!;
    if (width < 30 || width > 160) continue;
    const near = kept.filter((w) => w >= width - Math.max(12, width * 0.3)).length;
    if (near / list.length >= 0.6) out.set(depth, width);
  }
  return out;
}

/**
 * Extends boilerplate over the lines around it that only context shows: header fields after a separator or in a
 * run of two or more ("From: ...", "Sent: ..."), the lines of a signature after "--", the first half of a wrapped
 * "On ... wrote:" line and the rest of a bracketed credit running over lines.
 */
function markBoilerplateRuns(text: string, lines: TextLine[]): void {
  let inHeaders = false;
  let inSignature = false;
  let openCredit = false;
  let inRefs = false;
  lines.forEach((line, i) => {
    if (line.blank) {
      inHeaders = inSignature = openCredit = inRefs = false;
      return;
    }
    const content = text.slice(line.body, line.end);
    // A cable's references go on under "REF: A. BAGHDAD 1122" as "B. TEHRAN 0456": the other cables' numbers, no names.
    if (inRefs && !line.boiler && /^(?:[A-Z]|\d{1,2})[.)] +\S/u.test(content)) line.boiler = 'cable';
    inRefs = line.boiler === 'cable' && (inRefs || /^REF\b/u.test(content));
    if (line.boiler === 'header') {
      const run = inHeaders || lines[i + 1]?.boiler === 'header' || lines[i - 1]?.boiler === 'header';
      if (!run) line.boiler = '';
    } else if (inSignature || openCredit) {
      line.boiler = line.boiler || (inSignature ? 'signoff' : 'credit');
    } else if (!line.boiler && /^on\b/i.test(content)) {
      // "On Mon, Nov 18, 2019 at 9:02 AM Research Desk <desk@example.org>" + "wrote:" on the next line
      const n = lines[i + 1];
      if (n && !n.blank && isAttribution(`${content} ${text.slice(n.body, n.end)}`)) line.boiler = n.boiler = 'attribution';
    }
    if (!line.boiler) markLetterLines(text, lines, i, content);
    if (line.boiler === 'separator') inHeaders = true;
    if (line.boiler === 'sig-start') inSignature = true;
    if (line.boiler === 'credit') openCredit = (openCredit || content.startsWith('(')) && !content.includes(')');
  });
}

/**
 * A letter's salutation ("Tom,", "Dear Ms. Roe,") standing alone, and a valediction ("Best,") with the writer's name
 * alone on the line under it, then a blank line or the text's end: boilerplate like a signature, so "Tom" and "Sarah"
 * are no names in the network. Prose has text around such a line; a heading ends in ":" or nothing, not ",".
 */
function markLetterLines(text: string, lines: TextLine[], i: number, content: string): void {
  const blankOrEdge = (k: number): boolean => k < 0 || k >= lines.length || lines[k]!.blank;
  if (blankOrEdge(i - 1) && blankOrEdge(i + 1) && isGreeting(content)) {
    lines[i]!.boiler = 'greeting';
    return;
  }
  const next = lines[i + 1];
  if (next && !next.blank && blankOrEdge(i + 2) && blankOrEdge(i - 1) && isValediction(content) && isWriterName(text.slice(next.body, next.end))) {
    lines[i]!.boiler = next.boiler = 'signoff';
  }
}

/** Marks lines opening list items; "-", "*" and numbers count only where a unit ended just before, or in a list. */
function markItems(text: string, lines: TextLine[], mixedCase: boolean): void {
  let prev: TextLine | null = null;
  let prevItem = false;
  for (const line of lines) {
    if (line.blank || line.boiler) {
      prev = line.blank ? null : line;
      prevItem = false;
      continue;
    }
    if (mayOpenItem(text, line.body)) {
      // Whether a unit ended on the line before: only asked when the line starts like an item.
      const afterUnitEnd = (): boolean => {
        if (prev === null || prev.depth !== line.depth || prevItem || prev.boiler) return true;
        const pc = text.slice(prev.body, prev.end);
        return endsTerminal(pc) || pc.endsWith(':') || isHeadingLine(pc, mixedCase);
      };
      const marker = itemMarker(text.slice(line.body, line.end), afterUnitEnd);
      if (marker > 0) {
        line.item = true;
        line.body += marker;
        // "- -- Reuters" after the marker is still a sign-off.
        line.boiler = boilerOf(text.slice(line.body, line.end));
      }
    }
    // Inside a list (until a blank line) the next "-" or "2." opens an item even after an item without a full stop.
    prevItem ||= line.item;
    prev = line;
  }
}

/** Cheap test of the first characters before the item patterns run: a digit, "-", "*", "(", a non-ASCII glyph or "a)". */
function mayOpenItem(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c > 127 || c === 40) return true;
  const next = text.charCodeAt(at + 1);
  if (c === 45 || c === 42) return next === 32 || next === 9 || next === 45;
  if (c >= 48 && c <= 57) return next === 46 || next === 41 || (next >= 48 && next <= 57 && (text.charCodeAt(at + 2) === 46 || text.charCodeAt(at + 2) === 41));
  return c >= 97 && c <= 122 && next === 41;
}

function firstWordLength(content: string): number {
  const space = content.search(/\s/);
  return space < 0 ? content.length : space;
}

/** True when at least a third of the ASCII letters are lower case: old cables written all in capitals are not. */
function isMixedCase(text: string): boolean {
  let lower = 0;
  let upper = 0;
  const n = Math.min(text.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
  }
  return lower * 2 >= upper;
}

