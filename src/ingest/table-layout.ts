/**
 * Tables as text, one layout for spreadsheet sheets and database tables: header row first, cells by tab, rows by
 * newline, so offsets point at cells; with the limits past which a table is refused rather than held in memory.
 */
import type { ExtractedDocument } from '../model/index.js';
import { sha256Hex } from './document.js';

/** Most data rows read from one sheet or table: a longer one is refused with a warning, not held in memory. */
export const MAX_TABLE_ROWS = 200_000;
/** Most cells (rows x columns) read from one sheet or table. */
export const MAX_TABLE_CELLS = 5_000_000;

/**
 * Rows (records, the header counted in the first part) and cells of one part when a table is cut into parts; each part
 * goes through every stage as one document. Measured on a 100,000-row, 4-column CSV (one worker): 43 s as one document,
 * 33 s as 10 parts, and the reader shows 300 kB parts instead of a 3 MB page. Peak memory is NOT lower (924 MB as one
 * document, 1,085 MB as parts): RSS grew by about 40 MB with each 10,000-row part processed, whatever the batch size,
 * so what holds it is not the part (not traced further; see docs/SCALING.md).
 */
export const TABLE_PART_ROWS = 10_000;
export const TABLE_PART_CELLS = 250_000;

/** Why a table with this many data rows and columns is over the limits, or null. */
export function tableTooBig(rows: number, columns: number): string | null {
  if (rows > MAX_TABLE_ROWS) return `has more than ${MAX_TABLE_ROWS} rows, the limit`;
  if ((rows + 1) * Math.max(1, columns) > MAX_TABLE_CELLS) return `spans more than ${MAX_TABLE_CELLS} cells, the limit`;
  return null;
}

/** One cell as it stays on its row's line: tabs and line breaks inside it become spaces. */
export function cleanCell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Joins rows (the header first) into the layout, dropping trailing empty cells and trailing empty rows. */
export function tableText(rows: Iterable<readonly string[]>): string {
  const lines: string[] = [];
  for (const row of rows) {
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    lines.push(end === row.length ? row.join('\t') : row.slice(0, end).join('\t'));
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** A child document ("book.xlsx#Sheet1", "db.mdb#Table") for one sheet's or table's text, titled by its name. */
export function sheetDocument(path: string, name: string, text: string, meta: Record<string, string>): ExtractedDocument {
  const original = new TextEncoder().encode(text);
  // The sheet's or table's name is its title: a header row inferred as a title would say nothing.
  return { path, sha256: sha256Hex(original), original, format: 'sheet', mimeType: 'text/tab-separated-values', text, title: name, meta };
}

/**
 * How part `part` of a sheet is named and described: "book.xlsx#Data", then "book.xlsx#Data (part 2)", ..., a later
 * part saying which sheet row its own rows start at (`firstRow`) and that it opens with the header again.
 */
export function sheetPartLabel(path: string, name: string, workbook: string): (part: number, firstRow: number) => { path: string; name: string; meta: Record<string, string> } {
  return (part, firstRow) => ({
    path: part === 1 ? path : `${path} (part ${part})`,
    name: part === 1 ? name : `${name} (part ${part})`,
    meta: { sheet: name, workbook, ...(part > 1 ? { part: String(part), firstRow: String(firstRow), headerRepeated: 'true' } : {}) },
  });
}

/**
 * A sheet's rows cut into part documents as they come (sheetPartLabel's names): at most `size.rows` rows (a later
 * part's repeated header not counted) or `size.cells` cells each, every later part headed by the sheet's first row;
 * a part with no text is left out. The streaming .xlsx reader and the in-memory one cut the same way.
 */
export class SheetParts {
  private readonly label: ReturnType<typeof sheetPartLabel>;
  private ready: ExtractedDocument[] = [];
  private header: string[] | null = null;
  private rows: string[][] = [];
  private cells = 0;
  private part = 1;
  private firstRow = 0;

  constructor(path: string, name: string, workbook: string, private readonly size: { rows: number; cells: number }) {
    this.label = sheetPartLabel(path, name, workbook);
  }

  /** Adds the row `row` of the sheet (1-based `sheetRow`), finishing a part first when it is full. */
  push(row: string[], sheetRow: number): void {
    if (this.rows.length >= this.size.rows + (this.part > 1 ? 1 : 0) || (this.rows.length > 0 && this.cells + row.length > this.size.cells)) {
      this.emit();
      this.firstRow = sheetRow;
    }
    this.header ??= row;
    this.rows.push(row);
    this.cells += row.length;
  }

  /** The parts finished since the last call. */
  take(): ExtractedDocument[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** Finishes the last part; returns the parts not yet taken. */
  finish(): ExtractedDocument[] {
    if (this.rows.length > (this.part > 1 ? 1 : 0)) this.emit();
    return this.take();
  }

  private emit(): void {
    const text = tableText(this.rows);
    if (text.trim() !== '') {
      const { path, name, meta } = this.label(this.part, this.firstRow);
      this.ready.push(sheetDocument(path, name, text, meta));
    }
    this.part++;
    this.rows = this.header ? [this.header] : [];
    this.cells = this.header?.length ?? 0;
  }
}
