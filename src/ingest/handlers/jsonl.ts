/** JSON Lines of articles: one child document per line ({"title","text","published","source","url"}). */
import iconv from 'iconv-lite';
import type { ExtractedDocument } from '../../model/index.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { normalizeDate } from '../dates.js';
import { decodeText } from '../decode.js';
import { newDocument, sha256Hex } from '../document.js';

/** Reads a JSON Lines file; each line's bytes are that child's original, so a record can be verified on its own. */
export const jsonlHandler: FormatHandler = {
  name: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  container: true,
  async read(input) {
    // Decoding checks the whole file is text; line bytes are then cut from the original buffer, not re-encoded.
    const { encoding } = decodeText(input.bytes, input.path);
    if (encoding.startsWith('utf-16')) {
      throw new IngestFailure('unsupported-encoding', `${input.path} is JSON Lines in UTF-16, whose lines cannot be cut byte-wise; convert it to UTF-8.`);
    }
    const decode = (line: Uint8Array) => (encoding === 'utf-8' ? new TextDecoder() : { decode: (b: Uint8Array) => iconv.decode(Buffer.from(b), encoding) }).decode(line);
    const children: ExtractedDocument[] = [];
    const warnings = [];
    let lineNo = 0;
    for (const line of splitLines(input.bytes)) {
      lineNo++;
      const raw = decode(line).trim();
      if (raw.length === 0) continue;
      const path = `${input.path}#L${lineNo}`;
      try {
        children.push(recordToDocument(path, line, raw));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        warnings.push({ path, code: err instanceof IngestFailure ? err.code : 'invalid-json', message });
      }
    }
    if (children.length === 0 && warnings.length > 0) {
      throw new IngestFailure('invalid-json', `${input.path} has no valid JSON Lines record (${warnings[0]!.message})`);
    }
    const listing = children.map((c) => c.title ?? c.path).join('\n');
    return newDocument(input, 'jsonl', listing, { mimeType: 'application/jsonl', children, warnings });
  },
};

function recordToDocument(path: string, line: Uint8Array, raw: string): ExtractedDocument {
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch (err) {
    throw new IngestFailure('invalid-json', `${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new IngestFailure('invalid-json', `${path} is not a JSON object; each line must be one article record.`);
  }
  const r = record as Record<string, unknown>;
  const str = (...keys: string[]) => keys.map((k) => r[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
  const text = str('text', 'body', 'content', 'article') ?? '';
  if (!text) throw new IngestFailure('empty-record', `${path} has no "text" field; nothing to read.`);
  const doc: ExtractedDocument = { path, sha256: sha256Hex(line), original: line, format: 'jsonl', mimeType: 'application/json', text, meta: {} };
  const title = str('title', 'headline');
  if (title) doc.title = title;
  const source = str('source', 'outlet', 'publisher', 'site');
  if (source) doc.source = source;
  const published = normalizeDate(str('published', 'date', 'published_at', 'publishedAt'));
  if (published) doc.published = published;
  const author = str('author', 'byline');
  if (author) doc.author = author;
  const language = str('language', 'lang');
  if (language && /^[a-z]{2}$/.test(language)) doc.language = language;
  const url = str('url', 'link');
  if (url) doc.meta!.url = url;
  return doc;
}

/**
 * Splits on \n without copying; the terminator (\n or \r\n) is not part of a line, so a record hashes the same
 * whichever line endings the file was saved with.
 */
function* splitLines(bytes: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (i === bytes.length && start === i) break;
    const end = i > start && bytes[i - 1] === 0x0d ? i - 1 : i;
    yield bytes.subarray(start, end);
    start = i + 1;
  }
}
