/** Word documents (.docx) through mammoth; title, author and date from the document's core properties. */
import mammoth from 'mammoth';
import type { ExtractedDocument } from '../../model/index.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';
import { newDocument } from '../document.js';
import { packageMetadata, readParts } from '../office/package.js';

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
    const result = await mammoth.extractRawText({ buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) });
    text = result.value;
  } catch (err) {
    throw new IngestFailure('corrupt-docx', `${input.path} is not a readable Word document: ${(err as Error).message}`);
  }
  const doc = newDocument(input, 'docx', text.replace(/\n{3,}/g, '\n\n').trim(), {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  return Object.assign(doc, packageMetadata(parts));
}
