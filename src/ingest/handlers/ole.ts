/**
 * OLE compound files: legacy Excel workbooks are read; Word and PowerPoint files go to LibreOffice; encrypted Office
 * files are refused as encrypted; other kinds are named.
 */
import * as XLSX from '@e965/xlsx';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { describeBinary, looksLikeText } from '../decode.js';
import { extensionOf } from '../document.js';
import { LEGACY_EXTENSIONS, readLegacyOffice, type OleStreams } from '../office/legacy.js';
import { readSpreadsheet } from '../office/spreadsheet.js';
import { embeddedPayload, readEmbedding } from '../office/ole-object.js';
import { msgHandler } from './msg.js';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads .xls workbooks with SheetJS, and .doc/.ppt (any OLE file holding a "WordDocument" or "PowerPoint Document"
 * stream, whatever its name) through LibreOffice; a password-protected .docx/.xlsx/.pptx is an OLE file holding
 * "EncryptionInfo" and "EncryptedPackage" streams, refused as "encrypted" rather than as a legacy format.
 */
export const oleHandler: FormatHandler = {
  name: 'ole',
  extensions: ['.xls', '.xlt'],
  sniff: isOle,
  async read(input) {
    // Many ".xls" exports are really HTML or tab-separated text, which Excel and SheetJS open all the same.
    if (!isOle(input.bytes)) {
      if (looksLikeText(input.bytes)) return readSpreadsheet(input, 'xls');
      throw new IngestFailure('corrupt-spreadsheet', `${input.path} is neither an Excel workbook nor text; it cannot be read as a spreadsheet.`);
    }
    const streams = oleStreams(input.bytes);
    if (streams.has('encryptioninfo') || streams.has('encryptedpackage')) {
      throw new IngestFailure('encrypted', `${input.path} is an encrypted Office document; ask for the password or a decrypted copy.`);
    }
    // "Workbook" (Excel 97 and later) or "Book" (Excel 5/95).
    if (streams.has('workbook') || streams.has('book')) return readSpreadsheet(input, 'xls');
    // An Outlook message saved without its .msg extension (or attached under another name).
    if (streams.has('__properties_version1.0')) return msgHandler.read(input);
    if (streams.has('worddocument')) return readLegacyOffice(input, 'doc', streams);
    if (streams.has('powerpoint document')) return readLegacyOffice(input, 'ppt', streams);
    // A file embedded in an Office document (a PDF on a slide, a packaged attachment): the file inside is read.
    const payload = embeddedPayload(streams);
    if (payload) return readEmbedding(input, payload);
    const legacy = LEGACY_EXTENSIONS[extensionOf(input.path)];
    // A compound file whose directory cannot be read is damaged (cut short, say), not of an unknown kind.
    if (streams.size === 0 && legacy) {
      throw new IngestFailure('corrupt-office', `${input.path} is a damaged Office file: its compound-file directory cannot be read (truncated?).`);
    }
    // Works (.wps) keeps its text in streams of its own; LibreOffice knows them.
    if (legacy === 'wps') return readLegacyOffice(input, 'wps', streams);
    const kind = describeBinary(input.bytes.subarray(0, 8)) ?? 'an OLE compound file';
    throw new IngestFailure('unsupported-format', `${input.path} is in a format Cablegraph cannot read (${kind}) and does not look like text.`);
  },
};

function isOle(head: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => head[i] === b);
}

/**
 * The compound file's top-level streams by lower-case name (without "\x05"-style prefixes), or none when its directory
 * cannot be read. Streams of embedded objects (a workbook inside a Word file's ObjectPool) say nothing of the file's kind.
 */
function oleStreams(bytes: Uint8Array): OleStreams {
  const streams: OleStreams = new Map();
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    const entries = cfb.FileIndex as { name: string; content?: ArrayLike<number> }[];
    for (const [i, entry] of entries.entries()) {
      // "Root Entry/WordDocument" is the file's; "Root Entry/ObjectPool/_134/Workbook" an embedded object's.
      if ((cfb.FullPaths[i] ?? '').split('/').filter(Boolean).length !== 2) continue;
      const content = entry.content;
      const data = content instanceof Uint8Array ? content : new Uint8Array(content ? Array.from(content) : []);
      streams.set(entry.name.replace(/^[\x00-\x1f]+/, '').toLowerCase(), data);
    }
  } catch {
    streams.clear();
  }
  return streams;
}
