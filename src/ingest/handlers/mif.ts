/**
 * FrameMaker documents: MIF (the plain-text interchange form, `<MIFFile 2019>`) read as its paragraphs and tables
 * (`ingest/mif-text.ts`); the binary form (`<MakerFile`, `<BookFile`) has no public description and is refused with
 * what to ask for. Sniffed, so a MIF file named .txt is not indexed as markup; a .mif that is not FrameMaker's (MapInfo's
 * interchange format) is plain text.
 */
import { decodeText } from '../decode.js';
import { asciiHead, newDocument } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { mifText } from '../mif-text.js';

/** Reads MIF; refuses FrameMaker's binary documents and books. */
export const mifHandler: FormatHandler = {
  name: 'mif',
  extensions: ['.mif'],
  sniff: (head) => /^<(?:MIFFile|MakerFile|BookFile|MakerScreenFont|Maker)\b/.test(asciiHead(head, 32)),
  async read(input) {
    const head = asciiHead(input.bytes, 32);
    if (/^<(?:MakerFile|BookFile|Maker)\b/.test(head)) {
      throw new IngestFailure('unsupported-format', `${input.path} is a binary FrameMaker document, which Cablegraph cannot read; ask for it saved as MIF or PDF (FrameMaker: File > Save As).`);
    }
    // MapInfo's interchange format is also named .mif: plain text (a "Version 300" header, then coordinates).
    if (!/^<MIFFile\b/.test(head)) return newDocument(input, 'text', decodeText(input.bytes, input.path).text, { mimeType: 'text/plain' });
    const text = mifText(decodeText(input.bytes, input.path).text);
    return newDocument(input, 'mif', text, { mimeType: 'application/vnd.mif' });
  },
};
