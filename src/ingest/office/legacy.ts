/**
 * Legacy binary Office documents (Word 97-2003 .doc/.dot, PowerPoint .ppt/.pps/.pot, WordPerfect, Works) read
 * through LibreOffice: converted to OpenDocument, whose page starts (LibreOffice's layout, one page per slide) are kept,
 * and whose pictures and embedded files become children.
 */
import type { ExtractedDocument } from '../../model/index.js';
import { joinPages, newDocument } from '../document.js';
import { addEmbedded, isEmbeddedPart } from './embedded.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { readOpenDocument } from './documents.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { odtPages } from './odt-pages.js';
import { packageMetadata, readParts } from './package.js';

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
 * before LibreOffice is started.
 */
export async function readLegacyOffice(input: HandlerInput, kind: LegacyKind, streams?: OleStreams): Promise<ExtractedDocument> {
  const format = FORMATS[kind];
  if (streams) refuseBeforeConverting(input.path, kind, streams);
  // OpenDocument rather than PDF: a PDF holds right-to-left text in visual order, so a Persian line quoting a Latin
  // name or a number comes out scrambled, while LibreOffice's own format keeps the logical order, the metadata of the
  // original (a PDF's date would be the conversion's) and the page starts of its layout (odt-pages.ts).
  const target = kind === 'ppt' ? 'odp' : 'odt';
  const converted = await convertWithLibreOffice(input.bytes, input.path, format.extension, target);
  // The converted package, read under the same limits as the file; the document keeps the original's bytes and hash.
  const odf = { path: input.path, depth: input.depth, limits: input.limits, bytes: converted, readChild: input.readChild };
  const parts = await readParts(odf, isEmbeddedPart).catch((err: unknown) => {
    throw new IngestFailure('corrupt-office', `${input.path}: LibreOffice's conversion could not be read (${err instanceof Error ? err.message : String(err)}).`);
  });
  let pages: string[];
  if (target === 'odp') {
    // Slides, one page each, with their speaker notes.
    const odp = readOpenDocument(odf, parts, 'odp');
    pages = (odp.pages ?? [0]).map((start, i, all) => odp.text.slice(start, all[i + 1] ?? odp.text.length).trim());
  } else {
    pages = odtPages(parts.get('content.xml') ?? new Uint8Array());
  }
  const { text, starts } = joinPages(pages);
  const doc = newDocument(input, kind, text, {
    mimeType: format.mimeType,
    pages: starts,
    meta: { converter: 'libreoffice', pageCount: String(pages.length) },
    ...packageMetadata(parts),
  });
  await addEmbedded(doc, input, parts);
  if (text.trim() === '' && !doc.children) {
    doc.warnings = [...(doc.warnings ?? []), { path: input.path, code: 'no-text', message: `${input.path}: the document holds no text (only pictures or objects?).` }];
  }
  return doc;
}

// A password-protected file or a Word stream without a Word header: no need to start LibreOffice to refuse it.
function refuseBeforeConverting(path: string, kind: LegacyKind, streams: OleStreams): void {
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
