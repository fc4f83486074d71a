/**
 * Very large .xlsx workbooks read in bounded memory: a sheet's XML is inflated and parsed (saxes) chunk by chunk, its
 * rows laid out as SheetJS's reader lays them (spreadsheet.ts: cells by tab from the first used column, values shown
 * with their number format through SheetJS's own formatter), and cut into parts of at most TABLE_PART_ROWS rows or
 * TABLE_PART_CELLS cells, each a child document handed out one at a time (ExtractedDocument.streamedChildren), the
 * sheet's first row repeated at the head of every later part. The shared strings move to a temporary file once their
 * text is large (string-table.ts).
 */
import * as XLSX from '@e965/xlsx';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ExtractedDocument } from '../../model/index.js';
import type { HandlerInput } from '../handler.js';
import { newDocument, toWarning } from '../document.js';
import { cleanCell, SheetParts, TABLE_PART_CELLS, TABLE_PART_ROWS } from '../table-layout.js';
import { zipDirectory } from '../zip-reader.js';
import { SPREADSHEET_MIME } from './spreadsheet.js';
import { ZipMembers } from '../zip-stream.js';
import { SPILL_CHARS, StringTable } from './string-table.js';

/** A workbook is streamed when one of its worksheets' XML is larger than this (SheetJS would hold it whole, 10x over). */
export const STREAM_SHEET_BYTES = 16 * 1024 * 1024;

/** Whether an .xlsx held in memory has a worksheet whose XML is larger than `threshold` (read from the zip's directory). */
export function hasLargeSheet(bytes: Uint8Array, threshold = STREAM_SHEET_BYTES): boolean {
  const dir = zipDirectory(bytes);
  return dir.some((e) => e.name === 'xl/workbook.xml') && dir.some((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && e.size > threshold);
}

/** Part sizes (TABLE_PART_ROWS and TABLE_PART_CELLS unless a test asks for smaller ones). */
export interface PartLimits { rows: number; cells: number }

/**
 * Reads the workbook's sheet list and shared strings now; the sheets' rows are read as the returned document's
 * streamedChildren are pulled. A sheet that fails part-way keeps the parts before the damage and adds a warning.
 */
export async function readLargeWorkbook(input: HandlerInput, limits: PartLimits = { rows: TABLE_PART_ROWS, cells: TABLE_PART_CELLS },
  spillChars = SPILL_CHARS): Promise<ExtractedDocument> {
  const zip = await ZipMembers.open(input.path, input.bytes, input.limits, input.budget);
  let sheets: { name: string; part: string }[];
  let strings: StringTable | undefined;
  let formats: (string | number)[];
  try {
    sheets = await sheetList(zip);
    strings = await sharedStrings(zip, spillChars);
    formats = await cellFormats(zip);
  } catch (err) {
    strings?.close();
    zip.close();
    throw err;
  }
  const table = strings;
  const doc = newDocument(input, 'xlsx', sheets.map((s) => s.name).join('\n'), { mimeType: SPREADSHEET_MIME.xlsx, children: [], warnings: [] });
  for (const [name, failure] of zip.skipped) if (/^xl\/worksheets\//.test(name)) doc.warnings!.push(toWarning(`${input.path}!/${name}`, failure));
  doc.streamedChildren = async function* parts() {
    try {
      for (const sheet of sheets) {
        const path = `${input.path}#${sheet.name}`;
        try {
          yield* sheetParts(zip, sheet, path, input.path, table, formats, limits);
        } catch (err) {
          doc.warnings!.push(toWarning(path, err));
        }
      }
    } finally {
      table.close();
      zip.close();
    }
  };
  return doc;
}

/** The sheets in workbook order with their worksheet part's name in the zip. */
async function sheetList(zip: ZipMembers): Promise<{ name: string; part: string }[]> {
  const targets = new Map<string, string>();
  parseAll(await zip.bytes('xl/_rels/workbook.xml.rels'), (tag) => {
    if (tag.name === 'Relationship' && tag.attributes.Id && tag.attributes.Target) targets.set(tag.attributes.Id, tag.attributes.Target);
  });
  const sheets: { name: string; part: string }[] = [];
  parseAll(await zip.bytes('xl/workbook.xml'), (tag) => {
    if (tag.name !== 'sheet') return;
    const target = targets.get(tag.attributes['r:id'] ?? '');
    if (!target) return;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    sheets.push({ name: tag.attributes.name || `Sheet ${sheets.length + 1}`, part });
  });
  return sheets;
}

/** The shared string table: each <si>'s text runs joined (phonetic readings left out). */
async function sharedStrings(zip: ZipMembers, spillChars: number): Promise<StringTable> {
  const strings = new StringTable(spillChars);
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = saxParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'si') current = [];
    else if (tag.name === 'rPh') phonetic++;
    else if (tag.name === 't' && current && phonetic === 0) inText = true;
  });
  parser.on('text', (text) => {
    if (inText) current!.push(text);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 't') inText = false;
    else if (tag.name === 'rPh') phonetic--;
    else if (tag.name === 'si') {
      strings.add(current!.join(''));
      current = null;
    }
  });
  try {
    await feed(parser, zip.chunks('xl/sharedStrings.xml'));
  } catch (err) {
    strings.close();
    throw err;
  }
  return strings;
}

/** Each cell style's number format (a format string, or a built-in format's number), by style index. */
async function cellFormats(zip: ZipMembers): Promise<(string | number)[]> {
  const custom = new Map<number, string>();
  const formats: (string | number)[] = [];
  let inCellXfs = false;
  const parser = saxParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? 'General');
    else if (tag.name === 'cellXfs') inCellXfs = true;
    else if (tag.name === 'xf' && inCellXfs) {
      const id = Number(tag.attributes.numFmtId ?? 0);
      formats.push(custom.get(id) ?? id);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'cellXfs') inCellXfs = false;
  });
  await feed(parser, zip.chunks('xl/styles.xml'));
  return formats;
}

/** One cell being read. */
interface CellState { col: number; type: string; style: number; value: string[]; inline: boolean }

/** The parts of one sheet, read row by row from its XML as the caller pulls them. */
async function* sheetParts(zip: ZipMembers, sheet: { name: string; part: string }, path: string, workbook: string,
  strings: StringTable, formats: (string | number)[], limits: PartLimits): AsyncGenerator<ExtractedDocument> {
  let firstCol = -1;
  let nextRow = -1;
  const parts = new SheetParts(path, sheet.name, workbook, limits);
  let row: string[] | null = null;
  let cell: CellState | null = null;
  let inValue = false;
  const parser = saxParser();
  parser.on('opentag', (tag) => {
    switch (tag.name) {
      case 'dimension': {
        const ref = tag.attributes.ref ?? '';
        if (/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(ref)) {
          const start = XLSX.utils.decode_range(ref).s;
          firstCol = start.c;
          nextRow = start.r;
        }
        break;
      }
      case 'row': {
        const r = Number(tag.attributes.r) - 1;
        if (Number.isInteger(r) && r >= 0) {
          if (nextRow < 0) nextRow = r;
          // Rows the sheet leaves out inside its range are empty lines, as SheetJS lays them out.
          for (; nextRow < r; nextRow++) parts.push([], nextRow + 1);
        } else if (nextRow < 0) nextRow = 0;
        row = [];
        break;
      }
      case 'c': {
        const ref = tag.attributes.r;
        const col = ref ? XLSX.utils.decode_cell(ref).c : (row?.length ?? 0) + Math.max(0, firstCol);
        cell = { col, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: [], inline: false };
        break;
      }
      case 'v':
        inValue = cell !== null;
        break;
      case 'is':
        if (cell) cell.inline = true;
        break;
      case 't':
        inValue = cell?.inline === true;
        break;
    }
  });
  parser.on('text', (text) => {
    if (inValue) cell!.value.push(text);
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'v':
      case 't':
        inValue = false;
        break;
      case 'c':
        if (cell && row) {
          if (firstCol < 0) firstCol = cell.col;
          const at = cell.col - firstCol;
          if (at >= 0) {
            while (row.length < at) row.push('');
            row[at] = cleanCell(shown(cell, strings, formats));
          }
        }
        cell = null;
        break;
      case 'row':
        if (row) parts.push(row, nextRow + 1);
        nextRow++;
        row = null;
        break;
    }
  });
  for await (const chunk of decodeChunks(zip.chunks(sheet.part))) {
    parser.write(chunk);
    yield* parts.take();
  }
  parser.close();
  yield* parts.finish();
}

/** A cell's text as SheetJS shows it: shared or inline strings, booleans, errors, and numbers in their format. */
function shown(cell: CellState, strings: StringTable, formats: (string | number)[]): string {
  const raw = cell.value.join('');
  switch (cell.type) {
    case 's':
      return strings.get(Number(raw));
    case 'inlineStr':
    case 'str':
    case 'e':
    case 'd':
      return raw;
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    default: {
      if (raw === '') return '';
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      try {
        return XLSX.SSF.format(formats[cell.style] ?? 0, n);
      } catch {
        return raw;
      }
    }
  }
}

function saxParser(): SaxesParser {
  const parser = new SaxesParser();
  parser.on('error', (err) => {
    throw err;
  });
  return parser;
}

/** Parses a small part whole, calling `open` for each element; nothing when the part is missing. */
function parseAll(bytes: Uint8Array | undefined, open: (tag: SaxesTagPlain) => void): void {
  if (!bytes) return;
  const parser = saxParser();
  parser.on('opentag', (tag) => open(tag as SaxesTagPlain));
  parser.write(new TextDecoder().decode(bytes)).close();
}

/** Parses a part chunk by chunk; a missing part (no chunks) is nothing to parse. */
async function feed(parser: SaxesParser, chunks: AsyncIterable<Buffer>): Promise<void> {
  let wrote = false;
  for await (const text of decodeChunks(chunks)) {
    parser.write(text);
    wrote = true;
  }
  if (wrote) parser.close();
}

/** UTF-8 chunks as text, a character split across two chunks kept whole. */
async function* decodeChunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
