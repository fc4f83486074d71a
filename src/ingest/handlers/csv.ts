/**
 * CSV and TSV files. Within one part's size (TABLE_PART_ROWS records, TABLE_PART_CELLS cells) a file is one document
 * whose text is the file as written (offsets point at its cells). A longer one is cut into parts of that size, each a
 * child document handed out one at a time (ExtractedDocument.streamedChildren), the header record repeated at the
 * head of every later part, so a million-row export is not one giant document. Records are found by csv-parse
 * (quoted line breaks stay inside their record); each part's text is the file's own bytes for its records.
 */
import { extname } from 'node:path';
import type { ExtractedDocument } from '../../model/index.js';
import type { FormatHandler, HandlerInput } from '../handler.js';
import { decodeText } from '../decode.js';
import { newDocument, toWarning } from '../document.js';
import { TABLE_PART_CELLS, TABLE_PART_ROWS } from '../table-layout.js';
import { csvParts, type CsvPartLimits, type PartLabel } from '../csv-parts.js';

/** The parts of a CSV file: "data.csv#part 1", "data.csv#part 2", ... */
const csvPartLabel = (path: string): PartLabel => (part, firstRow) => ({
  path: `${path}#part ${part}`, name: `part ${part}`,
  meta: { table: path, part: String(part), firstRow: String(firstRow), ...(part > 1 ? { headerRepeated: 'true' } : {}) },
});

const MIME: Record<string, string> = { '.tsv': 'text/tab-separated-values', '.tab': 'text/tab-separated-values' };
const NEWLINE = 0x0a;

/** Reads .csv, .tsv and .tab files. */
export const csvHandler: FormatHandler = {
  name: 'csv',
  extensions: ['.csv', '.tsv', '.tab'],
  async read(input) {
    return readCsv(input);
  },
};

/** Reads a CSV or TSV file, cutting it into parts past `limits`. */
export function readCsv(input: HandlerInput, limits: CsvPartLimits = { rows: TABLE_PART_ROWS, cells: TABLE_PART_CELLS }): ExtractedDocument {
  const { text, encoding } = decodeText(input.bytes, input.path);
  const ext = extname(input.path).toLowerCase();
  const mimeType = MIME[ext] ?? 'text/csv';
  const delimiter = ext === '.tsv' || ext === '.tab' ? '\t' : sniffDelimiter(text);
  // The file's records as UTF-8 bytes: the file itself when it is UTF-8 (its BOM left out), else its text re-encoded.
  const bytes = encoding === 'utf-8' ? withoutBom(input.bytes) : new TextEncoder().encode(text.replace(/^\uFEFF/u, ''));
  if (!overLimits(bytes, delimiter, limits)) return newDocument(input, 'text', text, { mimeType, meta: { encoding } });

  const header = firstLine(text);
  const doc = newDocument(input, 'csv', header, {
    mimeType, children: [], warnings: [],
    meta: { encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter, headerRepeated: 'true' },
  });
  doc.streamedChildren = () => csvParts(input.path, mimeType, bytes, delimiter, limits, (err) => doc.warnings!.push(toWarning(input.path, err)), csvPartLabel(input.path));
  return doc;
}

/** Whether the table may be over the limits: more lines than rows allowed, or more delimiters and lines than cells. */
function overLimits(bytes: Uint8Array, delimiter: string, limits: CsvPartLimits): boolean {
  const sep = delimiter.charCodeAt(0);
  let lines = 1;
  let cells = 1;
  for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) lines++;
  if (lines > limits.rows) return true;
  for (let i = bytes.indexOf(sep); i >= 0; i = bytes.indexOf(sep, i + 1)) cells++;
  return lines + cells > limits.cells;
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function firstLine(text: string): string {
  const line = /^\uFEFF?([^\r\n]*)/u.exec(text)?.[1] ?? '';
  return line.length > 10_000 ? line.slice(0, 10_000) : line;
}

/**
 * The delimiter of a .csv file: of comma, semicolon, tab and bar, the one found on the most of the first 50 lines
 * (outside quotes), the same number of times on each; ties go to the comma (Excel writes semicolons where the comma is
 * the decimal mark).
 */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/u).slice(0, 50).filter((l) => l.trim() !== '');
  if (lines.length > 1 && lines.length === 50) lines.pop(); // the last may be cut short
  let best = ',';
  let bestScore = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/gu, '').split(candidate).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((n) => n === first).length * 1000 + first;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
