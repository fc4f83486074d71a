/**
 * Legacy Office files that are not OLE compound files: WordPerfect (sniffed by its "\xffWPC" header), and Word for
 * DOS and Windows 1/2 files named .doc. OLE .doc/.ppt/.wps files are routed to LibreOffice by their streams in ole.ts.
 */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { looksLikeText } from '../decode.js';
import { extensionOf } from '../document.js';
import { LEGACY_EXTENSIONS, readLegacyOffice } from '../office/legacy.js';
import { textHandler } from './text.js';

const WORDPERFECT_SIGNATURE = [0xff, 0x57, 0x50, 0x43];
// Word for Windows 1 and 2 (0xA59B, 0xA5DB, little-endian) and Word for DOS (0xBE31): pre-OLE files LibreOffice reads.
const OLD_WORD_SIGNATURES = [[0x9b, 0xa5], [0xdb, 0xa5], [0x31, 0xbe, 0x00, 0x00]];

/**
 * Reads WordPerfect and pre-OLE Word files through LibreOffice (office/legacy.ts); a plain-text file merely named .doc
 * is read as text; other binary files with these names are refused.
 */
export const legacyOfficeHandler: FormatHandler = {
  name: 'legacy-office',
  extensions: Object.keys(LEGACY_EXTENSIONS),
  sniff: isWordPerfect,
  async read(input) {
    if (isWordPerfect(input.bytes)) return readLegacyOffice(input, 'wpd');
    // Old exports and mail gateways often save text or HTML (sniffed before this) under a .doc name; Word opens it.
    if (looksLikeText(input.bytes)) return textHandler.read(input);
    const kind = LEGACY_EXTENSIONS[extensionOf(input.path)];
    // Anything else would be imported by LibreOffice as text in some guessed encoding: garbage, never an error.
    if (kind === 'doc' && OLD_WORD_SIGNATURES.some((sig) => sig.every((b, i) => input.bytes[i] === b))) return readLegacyOffice(input, 'doc');
    throw new IngestFailure('corrupt-office', `${input.path} is named like a legacy Office file but has no signature of one (neither an OLE compound file nor an old Word or WordPerfect file) and is not text.`);
  },
};

function isWordPerfect(head: Uint8Array): boolean {
  return WORDPERFECT_SIGNATURE.every((b, i) => head[i] === b);
}
