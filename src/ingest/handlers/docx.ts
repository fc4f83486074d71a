/** Word documents (.docx) through mammoth; title, author and date from the document's core properties. */
import mammoth from 'mammoth';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { normalizeDate } from '../dates.js';
import { newDocument } from '../document.js';
import { readZip } from '../zip-reader.js';

/** Reads .docx files (chosen by handlers/office.ts, which tells them from other zips); the zip they are made of passes the same bomb and traversal checks as any archive first. */
export const docxHandler: FormatHandler = {
  name: 'docx',
  extensions: ['.docx', '.docm', '.dotx'],
  async read(input) {
    // mammoth inflates with no size limit, so every part is inflated here first under the ingest limits.
    let core: Uint8Array | undefined;
    await readZip(input.path, input.bytes, input.limits, async ({ name, bytes }) => {
      if (name === 'docProps/core.xml') core = bytes;
    }, () => undefined, input.budget);
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
    if (core) Object.assign(doc, coreProperties(new TextDecoder().decode(core)));
    return doc;
  },
};

/** Title, author and date from docProps/core.xml (Dublin Core), each only when present and non-empty. */
function coreProperties(xml: string): { title?: string; author?: string; published?: string } {
  const field = (tag: string) => {
    const m = xml.match(new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`));
    const value = m?.[1] ? decodeEntities(m[1]).trim() : '';
    return value || undefined;
  };
  const out: { title?: string; author?: string; published?: string } = {};
  const title = field('dc:title');
  if (title) out.title = title;
  const author = field('dc:creator');
  if (author) out.author = author;
  const published = normalizeDate(field('dcterms:created'));
  if (published) out.published = published;
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}
