/**
 * Tables inside a text: rows the layout reads as a table (src/nlp/layout.ts writes the gaps between their cells as
 * tabs in the reading view), grouped into tables of consecutive rows, split into cells and their cells given columns.
 * A report, cable or PDF page turned to text often holds one ("Name      Organisation      Post"). Names are read cell
 * by cell (a cell is its own unit: "Hassan Karimi" and "Ministry of Defence" are not one phrase), a header row holds
 * no names, and the columns a header names state relations (src/extract/table-relations.ts).
 */
import type { Span } from '../model/index.js';

/** A cell of a row: its span in the text (surrounding spaces left out), its text and its column in the table. */
export interface TableCell { start: number; end: number; text: string; column: number }

/** A row of a table: the line's span and its non-empty cells. */
export interface TableRow { start: number; end: number; cells: TableCell[] }

/** Consecutive rows; `header` when the first row names the columns rather than holding data. */
export interface TextTable { rows: TableRow[]; header: boolean }

/** What a column holds, by its header. */
export type ColumnRole = 'payer' | 'payee' | 'amount' | 'person' | 'post' | 'organisation';

/** Header words of the columns whose values state relations, in English, Persian and Arabic. */
const COLUMN_ROLES: readonly [ColumnRole, RegExp][] = [
  ['payer', /^(?:payer|payor|paid by|from|sender|remitter|donor|funder|source of funds|originator|پرداخت ?کننده|پرداخت‌کننده|فرستنده|الدافع|المرسل|الجهة الدافعة)$/iu],
  ['payee', /^(?:payee|paid to|to|recipient|receiver|beneficiary|گیرنده|دریافت ?کننده|دریافت‌کننده|ذینفع|المستفيد|المستلم|الجهة المستفيدة)$/iu],
  ['amount', /^(?:amount|sum|value|total|payment|amount ?\(?[a-z]{3}\)?|[a-z]{3} amount|usd|eur|gbp|مبلغ|المبلغ|القيمة)$/iu],
  ['person', /^(?:name|full name|person|individual|نام|نام و نام خانوادگی|الاسم|الاسم الكامل)$/iu],
  ['post', /^(?:position|post|title|role|rank|function|job|job title|سمت|عنوان|المنصب|الرتبة|الوظيفة)$/iu],
  ['organisation', /^(?:organisation|organization|org|unit|agency|employer|affiliation|group|faction|سازمان|یگان|نهاد|الجهة|المنظمة|الوحدة|الفصيل)$/iu],
];

// Other words that head a column (a header row of them holds no names): general record-keeping vocabulary.
const OTHER_COLUMN_WORDS = /^(?:no\.?|#|id|ref(?:erence)?|date|time|year|month|day|place|location|city|country|region|province|address|nationality|type|category|status|notes?|remarks?|comments?|description|details|subject|purpose|source|target|currency|method|account|bank|phone|e-?mail|age|born|date of birth|dob|gender|sex|contact|event|item|quantity|qty|price|count|تاریخ|محل|شهر|کشور|توضیحات|ملاحظات|نوع|وضعیت|التاريخ|المكان|المدينة|البلد|ملاحظات|النوع|الحالة)$/iu;

/** The header key of a cell's text: lower case, underscores and runs of spaces as one space. */
export function headerKey(s: string): string {
  return s.toLowerCase().replace(/[_\s]+/gu, ' ').replace(/[:*]+$/u, '').trim();
}

/** The role a header cell names, if any. */
export function columnRole(header: string): ColumnRole | undefined {
  const key = headerKey(header);
  return COLUMN_ROLES.find(([, re]) => re.test(key))?.[0];
}

/** Whether a cell's text reads as the name of a column. */
function isColumnWord(text: string): boolean {
  const key = headerKey(text);
  return columnRole(key) !== undefined || OTHER_COLUMN_WORDS.test(key);
}

/**
 * Whether a row names columns: two cells or more, no digit in any, and at least half of them column words ("Name",
 * "Organisation", "Post"). A roster without a header ("Hassan Karimi   Ministry of Defence") is data.
 */
export function isHeaderRow(row: TableRow): boolean {
  if (row.cells.length < 2 || row.cells.some((c) => /\p{Nd}/u.test(c.text))) return false;
  return row.cells.filter((c) => isColumnWord(c.text)).length * 2 >= row.cells.length;
}

/** Trims whitespace off both ends of [from, to). */
function trimmed(text: string, from: number, to: number): [number, number] {
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return [from, to];
}

/** The cells of a row as the reading view splits them: runs of tabs part them (`column` is their order for now). */
function readCells(text: string, reading: string, start: number, end: number): TableCell[] {
  const cells: TableCell[] = [];
  // A line whose stored text has tabs is tab-separated: each tab parts two cells, so an empty cell keeps its column.
  const realTabs = text.slice(start, end).includes('\t');
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && reading[i] !== '\t') continue;
    const [s, e] = trimmed(text, from, i);
    if (e > s || realTabs) cells.push({ start: s, end: e, text: text.slice(s, e), column: cells.length });
    if (!realTabs) while (i + 1 < end && reading[i + 1] === '\t') i++;
    from = i + 1;
  }
  return cells;
}

/**
 * Columns of a row laid out with spaces, by the header's cells: a cell falls in the column whose stretch of the line
 * (from its header's first character to the next header's) it overlaps most, so a right-aligned amount stays under
 * its header and an empty cell does not shift the cells after it.
 */
function alignColumns(header: TableRow, row: TableRow, headerLine: number, rowLine: number): void {
  const bounds = header.cells.map((c, k) => [c.start - headerLine, (header.cells[k + 1]?.start ?? Infinity) - headerLine] as const);
  for (const cell of row.cells) {
    const [s, e] = [cell.start - rowLine, cell.end - rowLine];
    let best = 0;
    let most = -Infinity;
    bounds.forEach(([bs, be], k) => {
      const overlap = Math.min(e, be) - Math.max(s, bs);
      if (overlap > most) [best, most] = [k, overlap];
    });
    cell.column = best;
  }
}

// How far (in characters) a headerless run may stand after the table it continues: page furniture only between them.
const MAX_FURNITURE_GAP = 400;

/** The tables of a text: runs of two or more consecutive lines with a cell gap (a tab in the reading view). */
export function findTables(text: string, reading: string): TextTable[] {
  if (!reading.includes('\t')) return [];
  const tables: TextTable[] = [];
  let run: { row: TableRow; line: number }[] = [];
  // The header row of the last table with one, and its line's start: a table continued after a page break or a
  // page's running head ("Page 2") has no header of its own.
  let lastHeader: { row: TableRow; line: number; end: number } | undefined;
  const flush = (): void => {
    if (run.length >= 2) {
      let rows = run.map((r) => r.row);
      let header = isHeaderRow(rows[0]!);
      let head = header ? { row: rows[0]!, line: run[0]!.line } : undefined;
      if (!header && lastHeader && continues(lastHeader, rows)) {
        head = lastHeader;
        rows = [lastHeader.row, ...rows];
        header = true;
      }
      // Cells laid out with spaces take their columns from the header's; tab-separated ones keep their order.
      if (head && !text.slice(head.row.start, head.row.end).includes('\t')) {
        for (const r of run) if (r.row !== head.row && !text.slice(r.row.start, r.row.end).includes('\t')) alignColumns(head.row, r.row, head.line, r.line);
      }
      tables.push({ rows, header });
      if (head) lastHeader = { ...head, end: run.at(-1)!.row.end };
    }
    run = [];
  };
  // A headerless run goes on the table before it when only page furniture stands between them (at most three short
  // lines with a digit or in capitals: "Page 2", "- 3 -", "CONFIDENTIAL"; a caption such as "Payments:" is not) and its
  // rows have no more cells than that table's header.
  const continues = (before: { row: TableRow; end: number }, rows: TableRow[]): boolean => {
    // Three lines of furniture and the blank lines around them are short: a farther table is not read back to (and a
    // long text with many headerless runs is not sliced from one header again and again).
    if (rows[0]!.start - before.end > MAX_FURNITURE_GAP) return false;
    const between = reading.slice(before.end, rows[0]!.start).split(/[\n\f]/u).map((l) => l.trim()).filter((l) => l !== '');
    const furniture = (l: string): boolean => l.length <= 40 && (/\p{Nd}/u.test(l) || (/\p{Lu}/u.test(l) && !/\p{Ll}/u.test(l)));
    return between.length <= 3 && between.every(furniture) && rows.every((r) => r.cells.filter((c) => c.end > c.start).length <= before.row.cells.length);
  };
  for (let at = 0; at <= reading.length;) {
    const nl = reading.indexOf('\n', at);
    const end = nl < 0 ? reading.length : nl;
    // Spaces (and a quote marker's blanks) go, not tabs: a tab-separated row may open with an empty cell.
    let [s, e] = [at, end];
    while (s < e && (reading[s] === ' ' || reading[s] === '\r')) s++;
    while (e > s && (reading[e - 1] === ' ' || reading[e - 1] === '\r')) e--;
    if (e > s && reading.slice(s, e).includes('\t')) run.push({ row: { start: s, end: e, cells: readCells(text, reading, s, e) }, line: at });
    else flush();
    if (nl < 0) break;
    at = nl + 1;
  }
  flush();
  return tables;
}

/**
 * The units names and relations are read in: each sentence, with the cells of a table row as units of their own (a
 * sentence is split at its cell gaps, the tabs of the reading view) and a header row left out (its cells name columns,
 * not people or organisations). A text without tabs keeps its sentences as they are.
 */
export function nameUnits(reading: string, sentences: readonly Span[], tables: readonly TextTable[]): Span[] {
  if (!reading.includes('\t')) return [...sentences];
  const headers = tables.filter((t) => t.header).map((t) => t.rows[0]!);
  const units: Span[] = [];
  let k = 0;
  for (const s of sentences) {
    const read = reading.slice(s.start, s.end);
    if (!read.includes('\t')) {
      units.push(s);
      continue;
    }
    // A cell never goes on into the next row, so a line break parts units too.
    for (const m of read.matchAll(/[^\t\n]+/gu)) {
      const [from, to] = trimmed(reading, s.start + m.index, s.start + m.index + m[0].length);
      if (to <= from) continue;
      while (k < headers.length && headers[k]!.end <= from) k++;
      const header = headers[k];
      if (header && header.start <= from && to <= header.end) continue;
      units.push({ start: from, end: to });
    }
  }
  return units;
}

/** A name found in a text: its span, type and text (the shape the recognizers return). */
export interface TypedSpan extends Span { type: 'PERSON' | 'ORG' | 'LOC' | 'MISC'; text: string }

// Small words a name's words may include in lower case ("Ministry of Defence", "Ali al-Sistani", "Banco de la Nación").
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'for', '&', 'de', 'del', 'la', 'le', 'du', 'des', 'van', 'von', 'der', 'al', 'el', 'bin', 'ibn', 'bint']);
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** Whether a cell's text can be a name: one to six words, no digit, capitalised words (connectors aside) or Arabic script. */
function nameShaped(text: string): boolean {
  if (text.length > 60 || /\p{Nd}/u.test(text) || isColumnWord(text)) return false;
  const words = text.split(/\s+/u);
  if (words.length > 6) return false;
  if (ARABIC_LETTER.test(text)) return true;
  return words.every((w) => /^\p{Lu}/u.test(w) || NAME_CONNECTORS.has(w.toLowerCase()) || /^(?:al|el)-\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(words[0]!);
}

/**
 * Names a table's columns imply: a column holds one kind of name (its header says "Name" or "Organisation", or most of
 * its cells hold a name of one type that fills the cell), so a cell of that column that the recognizer, reading it
 * alone, left without a name ("Ministry of Defence" under "Organisation", beside "Central Bank of Iraq") is a name of
 * that type when it is shaped like one. Returns the added spans only.
 */
export function columnNames(all: readonly TextTable[], found: readonly TypedSpan[]): TypedSpan[] {
  const tables = all.filter((t) => t.header && t.rows.length >= 3);
  if (tables.length === 0) return [];
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const overlapping = (c: TableCell): TypedSpan[] => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    const out: TypedSpan[] = [];
    for (let k = lo; k < sorted.length && sorted[k]!.start < c.end; k++) if (sorted[k]!.end > c.start) out.push(sorted[k]!);
    return out;
  };
  const added: TypedSpan[] = [];
  for (const table of tables) {
    const [header, ...rows] = table.rows;
    for (const head of header!.cells) {
      const cells = rows.flatMap((r) => r.cells.filter((c) => c.column === head.column && c.end > c.start));
      if (cells.length < 2) continue;
      const role = columnRole(head.text);
      // Names filling their cell, by type.
      const votes = new Map<TypedSpan['type'], number>();
      for (const c of cells) {
        const whole = overlapping(c).find((s) => s.start === c.start && s.end === c.end);
        if (whole) votes.set(whole.type, (votes.get(whole.type) ?? 0) + 1);
      }
      const [best, n] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
      const type = role === 'person' ? 'PERSON' : role === 'organisation' ? 'ORG' : best !== undefined && n * 3 >= cells.length * 2 ? best : undefined;
      if (type === undefined) continue;
      for (const c of cells) if (overlapping(c).length === 0 && nameShaped(c.text)) added.push({ start: c.start, end: c.end, type, text: c.text });
    }
  }
  // A cell that spells a name found elsewhere in the text is that name ("Ministry of Defence" under "Payer", named in
  // the roster above).
  const known = new Map<string, TypedSpan['type']>();
  for (const s of [...found, ...added]) if (!known.has(s.text)) known.set(s.text, s.type);
  const taken = new Set(added.map((s) => s.start));
  for (const table of tables) {
    for (const row of table.rows.slice(1)) {
      for (const c of row.cells) {
        const type = known.get(c.text);
        if (type && !taken.has(c.start) && overlapping(c).length === 0) {
          added.push({ start: c.start, end: c.end, type, text: c.text });
          taken.add(c.start);
        }
      }
    }
  }
  return added;
}
