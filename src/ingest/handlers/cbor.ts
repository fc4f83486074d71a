/**
 * CBOR (RFC 8949), the binary JSON of IoT feeds, COSE/WebAuthn data and web-crawl dumps: decoded with the pinned
 * `cbor2` and read like JSON (the text of its string values, in order). A CBOR text string that itself holds a JSON
 * document (as Apache Nutch's CommonCrawl dumper writes each page) is parsed as JSON. A crawl record (a `url` and a
 * `response` with a string `body`: Nutch's CommonCrawl format) is a web capture: the page becomes a child document read
 * by the handler its Content-Type names, with its URL and capture date, as for a WARC record.
 */
import { decode, decodeSequence } from 'cbor2';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { childName, FURNITURE, withCapture, type Capture } from '../web-captures.js';
import { newDocument, toWarning } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { collectStrings } from './json.js';

/** Nesting deeper than this is refused (a hostile file could otherwise exhaust the stack). */
const MAX_DEPTH = 256;
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export const cborHandler: FormatHandler = {
  name: 'cbor',
  extensions: ['.cbor'],
  // The self-described CBOR tag 55799 (d9 d9 f7) that RFC 8949 recommends for files.
  sniff: (head) => head[0] === 0xd9 && head[1] === 0xd9 && head[2] === 0xf7,
  async read(input) {
    const items = decodeItems(input.bytes, input.path).map(unwrapJson);
    const children: ExtractedDocument[] = [];
    const warnings: IngestError[] = [];
    const lines: string[] = [];
    for (const item of items) {
      const capture = crawlCapture(item);
      if (!capture) {
        collectStrings(item, lines);
        continue;
      }
      lines.push(`${capture.date ?? ''} ${capture.url}`.trim());
      if (FURNITURE.test(capture.mediaType)) continue;
      const path = `${input.path}!/${childName(children.length + warnings.length + 1, capture.url, capture.mediaType)}`;
      try {
        children.push(withCapture(await input.readChild(path, capture.bytes), capture));
      } catch (err) {
        warnings.push(toWarning(path, err));
      }
    }
    return newDocument(input, 'cbor', lines.join('\n'), { mimeType: 'application/cbor', children, warnings });
  },
};

/** The file's data items: one, or a CBOR sequence (RFC 8742) of several. */
function decodeItems(bytes: Uint8Array, path: string): unknown[] {
  const options = { maxDepth: MAX_DEPTH };
  try {
    return [decode(bytes, options)];
  } catch (first) {
    try {
      const items = [...decodeSequence(bytes, options)];
      if (items.length > 1) return items;
    } catch {
      // not a sequence either: report the first error
    }
    throw new IngestFailure('corrupt-cbor', `${path} is not readable CBOR: ${(first as Error).message}`);
  }
}

/** A text string holding a JSON object or array is that JSON (a crawl dumper's record); anything else is as decoded. */
function unwrapJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A crawl record: `url`, and `response.body` as a string, with Content-Type among `response.headers`. */
function crawlCapture(item: unknown): Capture | undefined {
  const record = asObject(item);
  const response = asObject(record?.response);
  if (!record || !response || typeof record.url !== 'string' || typeof response.body !== 'string' || !response.body) return undefined;
  const headers = headerMap(response.headers);
  const mediaType = (headers.get('content-type') ?? 'text/html').split(';')[0]!.trim().toLowerCase();
  // The body is already text: a byte order mark tells the child's reader it is UTF-8, whatever charset the page declares.
  const text = new TextEncoder().encode(response.body);
  const bytes = new Uint8Array(UTF8_BOM.length + text.length);
  bytes.set(UTF8_BOM);
  bytes.set(text, UTF8_BOM.length);
  const date = captureDate(record.timestamp) ?? captureDate(headers.get('date')) ?? captureDate(record.imported);
  return { bytes, url: record.url, mediaType, ...(date ? { date } : {}) };
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  if (v instanceof Map) return Object.fromEntries([...v].filter(([k]) => typeof k === 'string')) as Record<string, unknown>;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Headers as a list of [name, value] pairs or as an object, by lower-case name. */
function headerMap(headers: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const pairs = Array.isArray(headers) ? headers : Object.entries(asObject(headers) ?? {});
  for (const pair of pairs) {
    if (Array.isArray(pair) && typeof pair[0] === 'string' && (typeof pair[1] === 'string' || typeof pair[1] === 'number')) {
      out.set(pair[0].toLowerCase(), String(pair[1]));
    }
  }
  return out;
}

/** A date as ISO 8601: from milliseconds since 1970 (as Nutch writes them) or a date string. */
function captureDate(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : /^\d{10,13}$/u.test(String(v)) ? Number(v) : NaN;
  const d = Number.isFinite(n) ? new Date(n < 1e11 ? n * 1000 : n) : new Date(String(v));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
