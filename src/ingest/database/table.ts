/** Database tables as documents laid out like spreadsheet sheets: header row first, cells by tab, rows by newline. */
import type { ExtractedDocument } from '../../model/index.js';
import { sha256Hex } from '../document.js';
import { MAX_SHEET_CELLS, MAX_SHEET_ROWS } from '../office/spreadsheet.js';

/** Most data rows read from one table (the sheet limit): a longer table is refused with a warning, not held in memory. */
export const MAX_TABLE_ROWS = MAX_SHEET_ROWS;
/** Most cells (rows x columns) read from one table, as for a sheet. */
export const MAX_TABLE_CELLS = MAX_SHEET_CELLS;

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

/**
 * Joins rows (the header first) into the sheet layout, dropping trailing empty cells and trailing empty rows, the
 * way spreadsheet sheets are laid out so offsets point at cells.
 */
export function tableText(rows: readonly string[][]): string {
  const lines: string[] = [];
  for (const row of rows) {
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    lines.push(end === row.length ? row.join('\t') : row.slice(0, end).join('\t'));
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** A child document "db.mdb#Table" for one table's text, typed like a sheet so it is searched and read the same way. */
export function tableDocument(path: string, table: string, text: string, database: string): ExtractedDocument {
  const original = new TextEncoder().encode(text);
  // The table's name is its title: a header row inferred as a title would say nothing.
  return { path, sha256: sha256Hex(original), original, format: 'sheet', mimeType: 'text/tab-separated-values', text, title: table, meta: { table, database } };
}
