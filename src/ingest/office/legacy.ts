/**
 * Legacy binary Office documents (Word 97-2003 .doc/.dot, PowerPoint .ppt/.pps/.pot, WordPerfect, Works) read
 * through LibreOffice: converted to PDF, whose pages (Word's page breaks, one per slide) keep their start offsets.
 */
import type { ExtractedDocument } from '../../model/index.js';
import { joinPages, newDocument } from '../document.js';
import { normalizeDate } from '../dates.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { fillBlankPages } from '../ocr/pages.js';
import { readPdf } from '../pdf-text.js';
import { convertToPdf } from './libreoffice.js';
import { readSummaryInfo } from './ole-summary.js';

/** The legacy formats read through LibreOffice. */
export type LegacyKind = 'doc' | 'ppt' | 'wpd' | 'wps';

/** Extension the temporary copy gets, so LibreOffice tries the right import filter first, and the MIME type stored. */
const FORMATS: Record<LegacyKind, { extension: string; mimeType: string }> = {
  doc: { extension: '.doc', mimeType: 'application/msword' },
  ppt: { extension: '.ppt', mimeType: 'application/vnd.ms-powerpoint' },
  wpd: { extension: '.wpd', mimeType: 'application/vnd.wordperfect' },
  wps: { extension: '.wps', mimeType: 'application/vnd.ms-works' },
};

/** The kind each extension names. */
export const LEGACY_EXTENSIONS: Record<string, LegacyKind> = {
  '.doc': 'doc', '.dot': 'doc', '.ppt': 'ppt', '.pps': 'ppt', '.pot': 'ppt', '.wpd': 'wpd', '.wp': 'wpd', '.wp5': 'wpd', '.wps': 'wps',
};

/** Streams of an OLE compound file by lower-case name, control-character prefixes ("\x05SummaryInformation") dropped. */
export type OleStreams = Map<string, Uint8Array>;

// Word's File Information Block starts the "WordDocument" stream: wIdent 0xA5EC (Word 97 and later) or 0xA5DC
// (Word 6/95), then at offset 10 flags whose bit 0x0100 is fEncrypted and 0x8000 fObfuscated (XOR "encryption").
const WORD_IDENTS = new Set([0xa5ec, 0xa5dc]);
const FIB_ENCRYPTED = 0x0100 | 0x8000;

/**
 * Reads one legacy document. `streams` (for OLE files) let a password-protected file be refused as "encrypted"
 * before LibreOffice is started, and give the summary metadata; the PDF's own info is used where they are absent.
 */
export async function readLegacyOffice(input: HandlerInput, kind: LegacyKind, streams?: OleStreams): Promise<ExtractedDocument> {
  const format = FORMATS[kind];
  if (streams) refuseEncrypted(input.path, kind, streams);
  const pdf = await convertToPdf(input.bytes, input.path, format.extension);
  const { pages: layer, info } = await readPdf(pdf, input.path);
  // As for PDFs: pages that are only pictures (a scan pasted into Word, a slide of a photographed letter) are OCR'd,
  // and junk from a broken font encoding is flagged rather than indexed.
  const filled = await fillBlankPages({ ...input, bytes: pdf }, layer);
  const { text, starts } = joinPages(filled.pages);
  const summary = readSummaryInfo(streams?.get('summaryinformation'));
  const doc = newDocument(input, kind, text, {
    mimeType: format.mimeType,
    pages: starts,
    meta: { converter: 'libreoffice', pageCount: String(layer.length), ...filled.meta },
  });
  if (filled.warnings.length > 0) doc.warnings = filled.warnings;
  const title = summary.title ?? info.title;
  const author = summary.author ?? info.author;
  // Not the PDF's CreationDate: that is the moment of the conversion.
  const published = normalizeDate(summary.created?.slice(0, 10));
  if (title) doc.title = title;
  if (author) doc.author = author;
  if (published) doc.published = published;
  return doc;
}

function refuseEncrypted(path: string, kind: LegacyKind, streams: OleStreams): void {
  const ask = 'ask for the password or a decrypted copy';
  if (kind === 'doc') {
    const fib = streams.get('worddocument');
    if (!fib || fib.byteLength < 12 || !WORD_IDENTS.has(fib[0]! | (fib[1]! << 8))) {
      throw new IngestFailure('corrupt-office', `${path} is not a readable Word document: its WordDocument stream does not start with a Word file header.`);
    }
    if ((fib[10]! | (fib[11]! << 8)) & FIB_ENCRYPTED) throw new IngestFailure('encrypted', `${path} is a password-protected Word document; ${ask}.`);
  }
  // PowerPoint's RC4 encryption moves the document summary into an "EncryptedSummary" stream.
  if (kind === 'ppt' && streams.has('encryptedsummary')) {
    throw new IngestFailure('encrypted', `${path} is a password-protected PowerPoint presentation; ${ask}.`);
  }
}
