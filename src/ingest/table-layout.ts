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
 * Rows (records, the header counted in the first part) and cells of one part when a table is cut into parts: a part is
 * one document through every stage, so its size bounds what the stages hold at once. Measured (one worker, names and
 * relations): a plain 4-column table costs about 3-5 MB of peak memory per 1,000 rows in one document (100,000 rows:
 * +510 MB over an empty ingest; 10,000: +75 MB), and the reader shows a part, not a 6 MB page.
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
