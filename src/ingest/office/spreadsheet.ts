/**
 * Spreadsheets (.xlsx, .xls, .ods) through SheetJS: one child document per sheet, laid out row by row. A sheet past the
 * table limits in a file on disk is written as tab-separated text by LibreOffice Calc and read in parts, handed out one
 * at a time (ExtractedDocument.streamedChildren) as for a large CSV; a large .xlsx never gets here (xlsx-stream.ts).
 */
import * as XLSX from '@e965/xlsx';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { isGarbled } from '../ocr/garbled.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { extensionOf, newDocument, toWarning } from '../document.js';
import { cleanCell, MAX_TABLE_CELLS, MAX_TABLE_ROWS, SheetParts, sheetPartLabel, TABLE_PART_CELLS, TABLE_PART_ROWS } from '../table-layout.js';
import { csvParts, type CsvPartLimits } from '../csv-parts.js';
import { convertWithLibreOffice } from './libreoffice.js';

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
 * each non-empty sheet becomes a child "book.xlsx#Sheet name" whose text is its rows, cells separated by tabs; a sheet
 * longer than one part (`parts`) becomes "book.xlsx#Sheet name", "book.xlsx#Sheet name (part 2)", ..., each later
 * part opening with the sheet's first row again. A sheet past `limits` is not held: see largeSheetParts.
 */
export async function readSpreadsheet(input: HandlerInput, format: 'xlsx' | 'ods' | 'xls', limits: CsvPartLimits = { rows: MAX_SHEET_ROWS, cells: MAX_SHEET_CELLS },
  parts: CsvPartLimits = { rows: TABLE_PART_ROWS, cells: TABLE_PART_CELLS }): Promise<ExtractedDocument> {
  let book: XLSX.WorkBook;
  try {
    // sheetRows stops SheetJS at the row limit (plus one, to tell a sheet at the limit from one past it).
    book = XLSX.read(input.bytes, { type: 'buffer', dense: true, sheetRows: limits.rows + 1, cellHTML: false, cellFormula: false, WTF: false });
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/password|encrypt/i.test(message)) throw new IngestFailure('encrypted', `${input.path} is password-protected; ask for the password or a decrypted copy.`);
    // A TypeError is the reader tripping over a structure it did not expect: say so, keeping its words for a bug report.
    const why = err instanceof TypeError ? `its structure is damaged or of a kind the spreadsheet reader (SheetJS) does not handle (${message})` : message;
    throw new IngestFailure('corrupt-spreadsheet', `${input.path} is not a readable spreadsheet: ${why}`);
  }
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  const large: LargeSheet[] = [];
  // A name the reader could not decode (SheetJS on some pre-release .xlsb files) is junk: the sheet is named by position.
  const names = book.SheetNames.map((name, i) => (isGarbled(name) || /[\u0000-\u0008]/.test(name) ? `Sheet ${i + 1}` : name));
  for (const [i, key] of book.SheetNames.entries()) {
    const sheet = book.Sheets[key];
    const name = names[i]!;
    const path = `${input.path}#${name}`;
    if (!sheet) continue;
    // A huge .xlsx on disk is streamed before this (xlsx-stream.ts); every other sheet past the limits goes through
    // LibreOffice in parts.
    if (sheetTooBig(sheet, limits)) {
      large.push({ index: i + 1, name, path });
      continue;
    }
    const cut = new SheetParts(path, name, input.path, parts);
    for (const { cells, sheetRow } of sheetRows(sheet)) cut.push(cells, sheetRow);
    children.push(...cut.finish());
  }
  const warn = (err: unknown): number => warnings.push(toWarning(input.path, err));
  // Inside an archive or a message (not a file on disk) there is no streaming: the container holds the workbook whole
  // anyway, so its large sheets' parts are read now and become children in sheet order.
  const nested: ExtractedDocument[] = [];
  if (large.length > 0 && input.depth > 0) for await (const part of largeSheetParts(input, large, parts, warn)) nested.push(part);
  const doc = newDocument(input, format, names.join('\n'), { mimeType: SPREADSHEET_MIME[format], children: [...children, ...nested] });
  if (warnings.length > 0 || large.length > 0) doc.warnings = warnings;
  if (large.length > 0 && input.depth === 0) doc.streamedChildren = () => largeSheetParts(input, large, parts, warn);
  const props = book.Props;
  if (props?.Title?.trim()) doc.title = props.Title.trim();
  if (props?.Author?.trim()) doc.author = props.Author.trim();
  return doc;
}

/** Why a sheet is over the limits, or null. */
function sheetTooBig(sheet: XLSX.WorkSheet, limits: CsvPartLimits): string | null {
  const ref = sheet['!fullref'] ?? sheet['!ref'];
  if (!ref) return null;
  const range = XLSX.utils.decode_range(ref);
  const rows = range.e.r - range.s.r + 1;
  const cells = rows * (range.e.c - range.s.c + 1);
  if (rows > limits.rows) return `has ${rows} rows, more than the limit of ${limits.rows}`;
  if (cells > limits.cells) return `spans ${cells} cells, more than the limit of ${limits.cells}`;
  return null;
}

/** A sheet past the limits: its position in the workbook (from 1, hidden sheets counted), name and path. */
export interface LargeSheet { index: number; name: string; path: string }

// LibreOffice's CSV export options: tab between cells, '"' around a cell holding a tab, quote or line break, UTF-8,
// cells as shown (formatted numbers and dates, as SheetJS's text), formulas' values, and which sheet (from 1).
const tabbedSheet = (index: number): string => `9,34,76,1,,0,false,true,true,false,false,${index}`;

/**
 * The parts of each large sheet: LibreOffice Calc writes the sheet as tab-separated text, which is cut into parts of
 * at most `limits` as a large CSV is ("book.xls#Data", "book.xls#Data (part 2)", ..., every later part opening with
 * the sheet's first row again). A sheet LibreOffice cannot write (not installed, damaged file) is a warning on the
 * workbook, and the other sheets are still read.
 */
export async function* largeSheetParts(input: HandlerInput, sheets: LargeSheet[], limits: CsvPartLimits, warn: (err: unknown) => void): AsyncGenerator<ExtractedDocument> {
  for (const sheet of sheets) {
    let tabbed: Uint8Array;
    try {
      tabbed = await convertWithLibreOffice(input.bytes, input.path, extensionOf(input.path) || '.xls', 'csv', tabbedSheet(sheet.index));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      warn(new IngestFailure('too-large', `${sheet.path} is over the table limits and could not be read in parts: ${why}`));
      continue;
    }
    yield* csvParts(sheet.path, 'text/tab-separated-values', tabbed, '\t', limits, warn, sheetPartLabel(sheet.path, sheet.name, input.path));
  }
}

/**
 * The sheet's used range row by row from its first used row (the header, when it has one), with each row's 1-based
 * sheet row; each cell as shown, tabs and line breaks inside it made spaces so every row stays one line.
 */
function* sheetRows(sheet: XLSX.WorkSheet): Generator<{ cells: string[]; sheetRow: number }> {
  const ref = sheet['!ref'];
  const data = sheet['!data'];
  if (!ref || !data) return;
  const range = XLSX.utils.decode_range(ref);
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = data[r];
    const cells: string[] = [];
    if (row) for (let c = range.s.c; c <= range.e.c; c++) cells.push(cellText(row[c]));
    yield { cells, sheetRow: r + 1 };
  }
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  // The formatted text ("5 %", "12/03/2019") is what the author saw; the raw value when there is none.
  const shown = cell.w ?? (cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v));
  return cleanCell(shown);
}
