/**
 * Legacy Office files that are not OLE compound files: WordPerfect (sniffed by its "\xffWPC" header), and Word for
 * DOS/Windows 2 or other files named .doc/.ppt/.wps that only LibreOffice may still open. OLE .doc/.ppt files are
 * routed here by their streams in ole.ts.
 */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { looksLikeText } from '../decode.js';
import { extensionOf } from '../document.js';
import { LEGACY_EXTENSIONS, readLegacyOffice } from '../office/legacy.js';
import { textHandler } from './text.js';

const WORDPERFECT_SIGNATURE = [0xff, 0x57, 0x50, 0x43];

/** Reads the file through LibreOffice (office/legacy.ts); a plain-text file merely named .doc is read as text. */
export const legacyOfficeHandler: FormatHandler = {
  name: 'legacy-office',
  extensions: Object.keys(LEGACY_EXTENSIONS),
  sniff: isWordPerfect,
  async read(input) {
    if (isWordPerfect(input.bytes)) return readLegacyOffice(input, 'wpd');
    // Old exports and mail gateways often save text or HTML (sniffed before this) under a .doc name; Word opens it.
    if (looksLikeText(input.bytes)) return textHandler.read(input);
    const kind = LEGACY_EXTENSIONS[extensionOf(input.path)];
    if (!kind) throw new IngestFailure('unsupported-format', `${input.path} is not a WordPerfect file.`);
    return readLegacyOffice(input, kind);
  },
};

function isWordPerfect(head: Uint8Array): boolean {
  return WORDPERFECT_SIGNATURE.every((b, i) => head[i] === b);
}
