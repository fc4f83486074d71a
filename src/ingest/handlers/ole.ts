/** OLE compound files: legacy Excel workbooks are read; encrypted Office files are refused as encrypted; other kinds are named. */
import * as XLSX from '@e965/xlsx';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { describeBinary, looksLikeText } from '../decode.js';
import { readSpreadsheet } from '../office/spreadsheet.js';
import { msgHandler } from './msg.js';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads .xls workbooks with SheetJS; a password-protected .docx/.xlsx/.pptx is an OLE file holding "EncryptionInfo"
 * and "EncryptedPackage" streams, refused as "encrypted" rather than as a legacy format.
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
    const streams = streamNames(input.bytes);
    if (streams.has('encryptioninfo') || streams.has('encryptedpackage')) {
      throw new IngestFailure('encrypted', `${input.path} is an encrypted Office document; ask for the password or a decrypted copy.`);
    }
    // "Workbook" (Excel 97 and later) or "Book" (Excel 5/95).
    if (streams.has('workbook') || streams.has('book')) return readSpreadsheet(input, 'xls');
    // An Outlook message saved without its .msg extension (or attached under another name).
    if (streams.has('__properties_version1.0')) return msgHandler.read(input);
    const kind = describeBinary(input.bytes.subarray(0, 8)) ?? 'an OLE compound file';
    throw new IngestFailure('unsupported-format', `${input.path} is in a format Cablegraph cannot read (${kind}) and does not look like text.`);
  },
};

function isOle(head: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => head[i] === b);
}

/** Lower-case names of the compound file's streams, or an empty set when its directory cannot be read. */
function streamNames(bytes: Uint8Array): Set<string> {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    return new Set(cfb.FileIndex.map((entry: { name: string }) => entry.name.toLowerCase()));
  } catch {
    return new Set();
  }
}
