/**
 * Web archives (WARC, ISO 28500), as written by wget --warc-file, Heritrix, Browsertrix and the Internet Archive: each
 * captured page or file (a `response` record with a 2xx status, or a `resource` record) becomes a child document read
 * by the handler its media type names, with its URL and capture date as metadata. Parsed with webrecorder's warcio.
 * A compressed archive (.warc.gz) reaches this handler as the decompressed child of the archive handler, within its
 * size limits.
 */
import { WARCParser, type WARCRecord } from 'warcio';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { arcCaptures } from '../arc-records.js';
import { childName, count, CutShort, FURNITURE, withCapture, type Capture, type Tally } from '../web-captures.js';
import { asciiHead, newDocument, toWarning } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';

/** Reads a WARC file (or its predecessor, an ARC file); its text lists the captured URLs and what was left out. */
export const warcHandler: FormatHandler = {
  name: 'warc',
  extensions: ['.warc', '.arc'],
  container: true,
  sniff: (head) => /^(?:WARC\/[01]\.\d+\r?\n|filedesc:\/\/)/.test(asciiHead(head, 16)),
  async read(input) {
    const children: ExtractedDocument[] = [];
    const warnings: IngestError[] = [];
    const listing: string[] = [];
    const tally: Tally = { records: 0, documents: 0, furniture: 0, notOk: 0, revisits: 0, empty: 0, other: 0 };
    const budget = input.budget ?? { remaining: input.limits.maxArchiveBytes };
    const head = asciiHead(input.bytes, 16);
    const arc = head.startsWith('filedesc://');
    const kind = arc ? 'ARC' : 'WARC';
    if (!arc && !/^WARC\/\d/.test(head)) {
      throw new IngestFailure('corrupt-warc', `${input.path} is not a WARC file: it does not start with a "WARC/1.x" version line.`);
    }
    try {
      const captures = arc ? arcCaptures(input.bytes, tally) : warcCaptures(input.bytes, tally);
      for await (const capture of captures) {
        if (children.length + warnings.length >= input.limits.maxArchiveEntries) {
          throw new IngestFailure('too-many-entries', `${input.path} holds more than ${input.limits.maxArchiveEntries} captured documents; it was not read.`);
        }
        if (capture.bytes.byteLength > budget.remaining) {
          throw new IngestFailure('zip-bomb', `${input.path} holds more captured content than the archive limits allow; it was not read.`);
        }
        budget.remaining -= capture.bytes.byteLength;
        tally.documents++;
        const path = `${input.path}!/${childName(tally.documents, capture.url, capture.mediaType)}`;
        listing.push(`${capture.date ?? ''} ${capture.url}`.trim());
        try {
          children.push(withCapture(await input.readChild(path, capture.bytes), capture));
        } catch (err) {
          warnings.push(toWarning(path, err));
        }
      }
    } catch (err) {
      if (err instanceof IngestFailure) throw err;
      if (err instanceof CutShort) {
        warnings.push({ path: input.path, code: 'corrupt-warc', message: `${input.path} ends inside record ${tally.records} ${err.message}; that record was not read, the ones before it were.` });
      } else if (tally.records <= 1) {
        throw new IngestFailure('corrupt-warc', `${input.path} is not a readable ${kind} file: ${(err as Error).message}`);
      } else {
        // A damaged archive: what was read before the damage is kept, the damage is reported.
        warnings.push({ path: input.path, code: 'corrupt-warc', message: `${input.path} is damaged in record ${tally.records}: ${(err as Error).message}; the records before it were read.` });
      }
    }
    if (tally.records === 0) throw new IngestFailure('corrupt-warc', `${input.path} holds no ${kind} record.`);
    return newDocument(input, arc ? 'arc' : 'warc', [...listing, '', summary(tally)].join('\n').trim(), { mimeType: arc ? 'application/x-internet-archive' : 'application/warc', children, warnings });
  },
};

/** The captures of a WARC file, parsed by warcio. */
async function* warcCaptures(bytes: Uint8Array, tally: Tally): AsyncGenerator<Capture> {
  const parser = new WARCParser([bytes]);
  for await (const record of parser) {
    tally.records++;
    // warcio hands out a record cut short by the end of the file as if it were whole: check its declared length.
    const missing = missingBytes(bytes, parser.offset, record.warcContentLength);
    if (missing > 0) throw new CutShort(`(${record.warcTargetURI ?? record.warcType}): ${missing} of its ${record.warcContentLength} bytes are missing`);
    const capture = await readCapture(record, tally);
    if (capture) yield capture;
  }
}

/** Bytes a record declares beyond the end of the file (0 when whole); the WARC is uncompressed, so offsets are bytes. */
function missingBytes(bytes: Uint8Array, offset: number, contentLength: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headersEnd = buffer.indexOf('\r\n\r\n', offset, 'latin1');
  if (headersEnd < 0) return 0;
  return Math.max(0, headersEnd + 4 + contentLength - bytes.byteLength);
}

/** The capture a record holds, or undefined for records that are not documents (requests, metadata, redirects ...). */
async function readCapture(record: WARCRecord, tally: Tally): Promise<Capture | undefined> {
  const type = record.warcType;
  if (type === 'revisit') return count(tally, 'revisits');
  if (type !== 'response' && type !== 'resource') return count(tally, 'other');
  const url = record.warcTargetURI ?? '';
  // wget keeps its arguments and log as resource records at metadata:// URIs: the crawler's notes, not captures.
  if (url.startsWith('metadata:')) return count(tally, 'other');
  let status: number | undefined;
  let mediaType: string;
  if (type === 'response') {
    if (!record.httpHeaders) return count(tally, 'other'); // a DNS or FTP response: no HTTP message
    status = Number(record.httpHeaders.statusCode);
    if (!(status >= 200 && status < 300)) return count(tally, 'notOk');
    mediaType = record.httpHeaders.headers.get('content-type') ?? '';
  } else {
    mediaType = record.warcContentType ?? '';
  }
  mediaType = mediaType.split(';')[0]!.trim().toLowerCase();
  if (FURNITURE.test(mediaType)) return count(tally, 'furniture');
  const bytes = await record.readFully(true);
  if (bytes.byteLength === 0) return count(tally, 'empty');
  return { bytes, url, date: record.warcDate ?? undefined, mediaType, ...(status === undefined ? {} : { status }) };
}

function summary(t: Tally): string {
  const parts = [`${t.documents} captured document(s)`];
  if (t.furniture) parts.push(`${t.furniture} script(s), style sheet(s), font(s) and image(s) left out`);
  if (t.notOk) parts.push(`${t.notOk} redirect(s) or error response(s) left out`);
  if (t.revisits) parts.push(`${t.revisits} revisit record(s) (content unchanged since an earlier capture) left out`);
  if (t.empty) parts.push(`${t.empty} empty response(s)`);
  return parts.join('; ') + '.';
}
