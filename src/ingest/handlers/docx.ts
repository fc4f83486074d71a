/** Word documents (.docx) through mammoth; title, author and date from the document's core properties. */
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { ExtractedDocument } from '../../model/index.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';
import { newDocument } from '../document.js';
import { packageMetadata, readParts } from '../office/package.js';
import { domToText } from '../html-text.js';

/** Reads .docx files (chosen by handlers/office.ts, which tells them from other zips); the zip they are made of passes the same bomb and traversal checks as any archive first. */
export const docxHandler: FormatHandler = {
  name: 'docx',
  extensions: ['.docx', '.docm', '.dotx'],
  async read(input) {
    return readDocx(input, await readParts(input));
  },
};

/** Reads a .docx whose parts were already inflated under the ingest limits (mammoth inflates with no size limit). */
export async function readDocx(input: HandlerInput, parts: Map<string, Uint8Array>): Promise<ExtractedDocument> {
  let text: string;
  try {
    // Through mammoth's HTML, not its raw text: the raw text gives each table cell as a paragraph of its own, so a
    // table's rows could not be read; as HTML a row is one line with its cells by tab (html-text.ts). Images are
    // left out (the text is what is read; the original file keeps them).
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    // Footnotes come last as a list, each with a link back to its mark ("↑"), which is no text.
    const html = result.value.replace(/<a href="#(?:footnote|endnote|comment)-ref-[^"]*">↑<\/a>/gu, '');
    text = domToText(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body);
  } catch (err) {
    throw new IngestFailure('corrupt-docx', `${input.path} is not a readable Word document: ${(err as Error).message}`);
  }
  const doc = newDocument(input, 'docx', text.replace(/\n{3,}/g, '\n\n').trim(), {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  return Object.assign(doc, packageMetadata(parts));
}
