/**
 * An OpenDocument spreadsheet on disk whose content is too large to hold whole (content.xml over STREAM_SHEET_BYTES):
 * SheetJS would build every row in memory (a 250,000-row sheet cost about 1 GB). Only the sheet names are read here,
 * from content.xml as it inflates; LibreOffice Calc then writes each sheet as tab-separated text, cut into parts
 * (spreadsheet.ts largeSheetParts), handed out one at a time as the ingest stores them.
 */
import type { ExtractedDocument } from '../../model/index.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { newDocument, toWarning } from '../document.js';
import { zipDirectory } from '../zip-reader.js';
import { ZipMembers } from '../zip-stream.js';
import { TABLE_PART_CELLS, TABLE_PART_ROWS } from '../table-layout.js';
import type { CsvPartLimits } from '../csv-parts.js';
import { largeSheetParts, SPREADSHEET_MIME } from './spreadsheet.js';
import { STREAM_SHEET_BYTES } from './xlsx-stream.js';

/** True when the zip's content.xml (an OpenDocument file's body) inflates past `threshold` bytes. */
export function hasLargeOdsContent(bytes: Uint8Array, threshold = STREAM_SHEET_BYTES): boolean {
  return zipDirectory(bytes).some((e) => e.name === 'content.xml' && e.size > threshold);
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The names of the sheets (table:table elements) of content.xml, read chunk by chunk, in order. */
async function sheetNames(zip: ZipMembers): Promise<string[]> {
  const names: string[] = [];
  let carry = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.chunks('content.xml')) {
    const text = carry + decoder.decode(chunk, { stream: true });
    const tag = /<table:table\s[^>]*?table:name="([^"]*)"[^>]*>/g;
    let last = 0;
    for (let m = tag.exec(text); m; m = tag.exec(text)) {
      names.push(m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]!).replace(/&#(x?)([0-9a-f]+);/gi, (_, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10))));
      last = tag.lastIndex;
    }
    // A tag cut by the chunk's end is read with the next chunk: keep the tail from the last '<' not yet matched.
    const open = text.lastIndexOf('<');
    carry = open >= last && text.length - open < 64 * 1024 ? text.slice(open) : '';
  }
  return names;
}

/**
 * Reads a large .ods: its sheet names now, each sheet's rows in parts as the returned document's streamedChildren are
 * pulled. Undefined when the package is not a spreadsheet (its mimetype member says so): a large text document.
 */
export async function readLargeOds(input: HandlerInput, parts: CsvPartLimits = { rows: TABLE_PART_ROWS, cells: TABLE_PART_CELLS }): Promise<ExtractedDocument | undefined> {
  const zip = await ZipMembers.open(input.path, input.bytes, input.limits, input.budget);
  let names: string[];
  try {
    const mimetype = await zip.bytes('mimetype');
    if (!mimetype || !new TextDecoder().decode(mimetype).startsWith(SPREADSHEET_MIME.ods)) return undefined;
    const manifest = await zip.bytes('META-INF/manifest.xml');
    if (manifest && new TextDecoder().decode(manifest).includes('<manifest:encryption-data')) {
      throw new IngestFailure('encrypted', `${input.path} is a password-protected OpenDocument file; ask for the password or a decrypted copy.`);
    }
    names = await sheetNames(zip);
  } finally {
    zip.close();
  }
  const doc = newDocument(input, 'ods', names.join('\n'), { mimeType: SPREADSHEET_MIME.ods, children: [], warnings: [] });
  const sheets = names.map((name, i) => ({ index: i + 1, name, path: `${input.path}#${name}` }));
  doc.streamedChildren = () => largeSheetParts(input, sheets, parts, (err) => doc.warnings!.push(toWarning(input.path, err)));
  return doc;
}
