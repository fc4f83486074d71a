/** Spreadsheets (.xlsx, .xls, .ods) through SheetJS: one child document per sheet, laid out row by row. */
import * as XLSX from '@e965/xlsx';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { isGarbled } from '../ocr/garbled.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { newDocument } from '../document.js';
import { cleanCell, MAX_TABLE_CELLS, MAX_TABLE_ROWS, sheetDocument, tableText } from '../table-layout.js';

/** Most rows read from one sheet; a longer sheet is refused (a warning on the workbook) rather than held in memory. */
export const MAX_SHEET_ROWS = MAX_TABLE_ROWS;
/** Most cells (rows x columns of the used range) in one sheet. */
export const MAX_SHEET_CELLS = MAX_TABLE_CELLS;

/** The media type of each workbook format. */
export const SPREADSHEET_MIME: Record<'xlsx' | 'ods' | 'xls', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xls: 'application/vnd.ms-excel',
};

/**
 * Reads a workbook whose zip (if any) already passed the archive checks; the workbook's text lists its sheets and
 * each non-empty sheet becomes a child "book.xlsx#Sheet name" whose text is its rows, cells separated by tabs.
 */
export function readSpreadsheet(input: HandlerInput, format: 'xlsx' | 'ods' | 'xls'): ExtractedDocument {
  let book: XLSX.WorkBook;
  try {
    // sheetRows stops SheetJS at the row limit (plus one, to tell a sheet at the limit from one past it).
    book = XLSX.read(input.bytes, { type: 'buffer', dense: true, sheetRows: MAX_SHEET_ROWS + 1, cellHTML: false, cellFormula: false, WTF: false });
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/password|encrypt/i.test(message)) throw new IngestFailure('encrypted', `${input.path} is password-protected; ask for the password or a decrypted copy.`);
    // A TypeError is the reader tripping over a structure it did not expect: say so, keeping its words for a bug report.
    const why = err instanceof TypeError ? `its structure is damaged or of a kind the spreadsheet reader (SheetJS) does not handle (${message})` : message;
    throw new IngestFailure('corrupt-spreadsheet', `${input.path} is not a readable spreadsheet: ${why}`);
  }
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  // A name the reader could not decode (SheetJS on some pre-release .xlsb files) is junk: the sheet is named by position.
  const names = book.SheetNames.map((name, i) => (isGarbled(name) || /[\u0000-\u0008]/.test(name) ? `Sheet ${i + 1}` : name));
  for (const [i, key] of book.SheetNames.entries()) {
    const sheet = book.Sheets[key];
    const name = names[i]!;
    const path = `${input.path}#${name}`;
    if (!sheet) continue;
    const tooBig = sheetTooBig(sheet);
    if (tooBig) {
      warnings.push({ path, code: 'too-large', message: `${path} ${tooBig}; the sheet was not read (export it as CSV in parts).` });
      continue;
    }
    const text = sheetText(sheet);
    if (text.trim() === '') continue;
    children.push(sheetDocument(path, name, text, { sheet: name, workbook: input.path }));
  }
  const doc = newDocument(input, format, names.join('\n'), { mimeType: SPREADSHEET_MIME[format], children });
  if (warnings.length > 0) doc.warnings = warnings;
  const props = book.Props;
  if (props?.Title?.trim()) doc.title = props.Title.trim();
  if (props?.Author?.trim()) doc.author = props.Author.trim();
  return doc;
}

/** Why a sheet is over the limits, or null. */
function sheetTooBig(sheet: XLSX.WorkSheet): string | null {
  const ref = sheet['!fullref'] ?? sheet['!ref'];
  if (!ref) return null;
  const range = XLSX.utils.decode_range(ref);
  const rows = range.e.r - range.s.r + 1;
  const cells = rows * (range.e.c - range.s.c + 1);
  if (rows > MAX_SHEET_ROWS) return `has ${rows} rows, more than the limit of ${MAX_SHEET_ROWS}`;
  if (cells > MAX_SHEET_CELLS) return `spans ${cells} cells, more than the limit of ${MAX_SHEET_CELLS}`;
  return null;
}

/**
 * The sheet's used range row by row from its first used row (the header, when it has one), cells joined by tabs and
 * trailing empty cells dropped; tabs and line breaks inside a cell become spaces so every row stays one line.
 */
function sheetText(sheet: XLSX.WorkSheet): string {
  const ref = sheet['!ref'];
  const data = sheet['!data'];
  if (!ref || !data) return '';
  const range = XLSX.utils.decode_range(ref);
  return tableText((function* rows(): Generator<string[]> {
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row = data[r];
      const cells: string[] = [];
      if (row) for (let c = range.s.c; c <= range.e.c; c++) cells.push(cellText(row[c]));
      yield cells;
    }
  })());
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  // The formatted text ("5 %", "12/03/2019") is what the author saw; the raw value when there is none.
  const shown = cell.w ?? (cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v));
  return cleanCell(shown);
}
