/**
 * A delimited table (CSV, TSV) cut into parts of at most a number of records or cells, each a child document built as
 * it is pulled, the header record repeated at the head of every later part: a CSV file longer than one part
 * (handlers/csv.ts) and a sheet past the table limits that LibreOffice wrote as tab-separated text (office/spreadsheet.ts).
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { ExtractedDocument } from '../model/index.js';
import { IngestFailure } from './handler.js';
import { sheetDocument } from './table-layout.js';

// Bytes handed to the parser at a time: it reads ahead no further than the part being built needs.
const FEED_BYTES = 1 << 20;

/** Part sizes (TABLE_PART_ROWS and TABLE_PART_CELLS unless a test asks for smaller ones). */
export interface CsvPartLimits { rows: number; cells: number }

/** How part N (from 1), whose first record is row `firstRow` of the table, is named and described. */
export type PartLabel = (part: number, firstRow: number) => { path: string; name: string; meta: Record<string, string> };

/**
 * The parts, built as they are pulled: records are read with csv-parse, whose running byte count marks where each
 * record ends, and a part's text is the header record's bytes and its own records' bytes decoded. Where csv-parse
 * gives up (an opening quote never closed) the rest of the file is read again from the last record taken, line by
 * line with quotes ignored, and a warning says so: no byte of the file is left out.
 */
export async function* csvParts(path: string, mimeType: string, bytes: Uint8Array, delimiter: string, limits: CsvPartLimits, warn: (err: unknown) => void,
  label: PartLabel): AsyncGenerator<ExtractedDocument> {
  const utf8 = new TextDecoder('utf-8');
  let header = '';
  let headerCells = 0;
  let part = 1;
  let partStart = 0; // byte offset of the part's first record
  let end = 0; // byte offset after the last record taken
  let rows = 0;
  let cells = 0;
  let firstRow = 1;
  let record = 0;
  const emit = (): ExtractedDocument => {
    const body = utf8.decode(bytes.subarray(partStart, end)).replace(/[\r\n]+$/u, '');
    const text = part === 1 ? body : `${header}${body}`;
    const { path: partPath, name, meta } = label(part, firstRow);
    const child: ExtractedDocument = { ...sheetDocument(partPath, name, text, meta), mimeType };
    part++;
    partStart = end;
    rows = 1;
    cells = headerCells;
    firstRow = record + 1;
    return child;
  };
  for (const quoted of [true, false]) {
    const from = end;
    const parser = parse({
      delimiter, info: true, quote: quoted ? '"' : false, relax_quotes: true, relax_column_count: true, skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
    Readable.from(chunks(bytes.subarray(from))).pipe(parser);
    try {
      for await (const { record: fields, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
        const full = rows >= limits.rows + (part > 1 ? 1 : 0) || (rows > 0 && cells + fields.length > limits.cells);
        if (full && end > partStart) yield emit();
        if (record === 0) {
          // The header record with its own line ending (a CRLF file's parts stay CRLF), leading blank lines left out.
          header = utf8.decode(bytes.subarray(from, from + info.bytes)).replace(/^[\r\n]+/u, '');
          if (!/[\r\n]$/u.test(header)) header += '\n';
          headerCells = fields.length;
        }
        record++;
        end = from + info.bytes;
        rows++;
        cells += fields.length;
      }
      break;
    } catch (err) {
      parser.destroy();
      if (!quoted) {
        warn(err);
        break;
      }
      warn(new IngestFailure('corrupt-csv', `${path}: ${(err as Error).message}; from the last whole record on it was read line by line, quotes ignored (no row left out).`));
    }
  }
  if (end > partStart) yield emit();
}

function* chunks(bytes: Uint8Array): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += FEED_BYTES) yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(FEED_BYTES, bytes.length - at));
}

