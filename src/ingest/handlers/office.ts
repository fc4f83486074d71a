/**
 * Office Open XML and OpenDocument files (Word, Excel, PowerPoint, Writer, Calc, Impress) read as documents, never as
 * zips of XML; their pictures and embedded files become children (office/embedded.ts).
 */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { asciiHead, extensionOf } from '../document.js';
import { readOpenDocument, readPptx } from '../office/documents.js';
import { addEmbedded, isEmbeddedPart } from '../office/embedded.js';
import { packageKind, readParts, type PackageKind } from '../office/package.js';
import { readSpreadsheet } from '../office/spreadsheet.js';
import { hasLargeSheet, readLargeWorkbook } from '../office/xlsx-stream.js';
import { hasLargeOdsContent, readLargeOds } from '../office/ods-large.js';
import { readDocx } from './docx.js';
import { readZipArchive } from './zip.js';
import { isXps, readXps } from '../office/xps.js';
import { zipNames } from '../zip-reader.js';

// The kind an extension promises; a file that says it is one but is not gets that kind's failure, not a zip reading.
const KIND_OF_EXTENSION: Record<string, PackageKind> = {
  '.docx': 'docx', '.docm': 'docx', '.dotx': 'docx',
  '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xltx': 'xlsx', '.xlsb': 'xlsx',
  '.pptx': 'pptx', '.pptm': 'pptx', '.ppsx': 'pptx', '.potx': 'pptx',
  '.odt': 'odt', '.ott': 'odt', '.ods': 'ods', '.ots': 'ods', '.odp': 'odp', '.otp': 'odp',
};

/**
 * Reads any zip-based office file: the package's own parts decide what it is (an .xlsx named .zip is a spreadsheet);
 * a file named like one whose parts are not gets a failure for that format; any other zip is read as an archive.
 */
export const officeHandler: FormatHandler = {
  name: 'office',
  extensions: Object.keys(KIND_OF_EXTENSION),
  sniff(head) {
    // Any zip: the zip handler, listed first, declines those whose first members show a package (looksLikeOfficePackage),
    // and the extension decides among the rest, so a damaged "memo.docx" fails as a docx instead of being unpacked.
    return asciiHead(head, 4) === 'PK\x03\x04';
  },
  async read(input) {
    // A workbook with a sheet too large to hold whole is read sheet part by sheet part as the ingest stores them (a file
    // on disk only: members of archives are held whole by their container anyway).
    if (input.depth === 0 && hasLargeSheet(input.bytes)) return readLargeWorkbook(input);
    if (input.depth === 0 && hasLargeOdsContent(input.bytes)) {
      const ods = await readLargeOds(input);
      if (ods) return ods;
    }
    const parts = await readParts(input, isEmbeddedPart).catch((err: unknown) => {
      // A "report.docx" that is not a zip at all, or is cut short, is a damaged document, not a damaged archive.
      const kind = KIND_OF_EXTENSION[extensionOf(input.path)];
      if (!(err instanceof IngestFailure) || err.code !== 'corrupt-archive' || !kind) throw err;
      const code = kind === 'docx' ? 'corrupt-docx' : kind === 'xlsx' || kind === 'ods' ? 'corrupt-spreadsheet' : 'corrupt-office';
      const reason = err.message.replace(/^.*?zip archive: /, '').replace(/\.+$/, '');
      throw new IngestFailure(code, `${input.path} is not a readable .${kind} document: its zip container is damaged or cut short (${reason}).`);
    });
    // A password-protected OpenDocument file is a normal zip whose manifest lists how each part was encrypted.
    const manifest = parts.get('META-INF/manifest.xml');
    if (manifest && new TextDecoder().decode(manifest).includes('<manifest:encryption-data')) {
      throw new IngestFailure('encrypted', `${input.path} is a password-protected OpenDocument file; ask for the password or a decrypted copy.`);
    }
    const kind = packageKind(parts) ?? KIND_OF_EXTENSION[extensionOf(input.path)];
    switch (kind) {
      case 'docx':
        return addEmbedded(await readDocx(input, parts), input, parts);
      case 'xlsx':
      case 'ods':
        return addEmbedded(await readSpreadsheet(input, kind), input, parts);
      case 'pptx':
        if (!parts.has('ppt/presentation.xml') && ![...parts.keys()].some((n) => n.startsWith('ppt/slides/'))) {
          throw new IngestFailure('corrupt-office', `${input.path} is not a readable PowerPoint file: it has no ppt/presentation.xml.`);
        }
        return addEmbedded(readPptx(input, parts), input, parts);
      case 'odt':
      case 'odp':
        return addEmbedded(readOpenDocument(input, parts, kind), input, parts);
      default:
        // Only the head looked like a package (a zip holding a "_rels/.rels" of its own, say): it is an archive.
        // (Not zipHandler.read: it hands packages back here, which would never end for an OpenDocument formula, say.)
        if (isXps(zipNames(input.bytes))) return readXps(input);
        return readZipArchive(input);
    }
  },
};
