/** PDF documents; page boundaries are kept as page start offsets into the text. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { asciiHead, newDocument } from '../document.js';
import { pdfPages } from '../pdf-text.js';

// Pages are joined with a blank line so the last sentence of one page never runs into the first of the next.
const PAGE_SEPARATOR = '\n\n';

/** Reads PDFs with pdftotext (or pdf.js when poppler is not installed); a truncated PDF is refused. */
export const pdfHandler: FormatHandler = {
  name: 'pdf',
  extensions: ['.pdf'],
  sniff(head) {
    // The header may follow a little junk (some generators prepend bytes); readers look in the first 1024.
    return /%PDF-\d\.\d/.test(asciiHead(head, 1024));
  },
  async read(input) {
    // A file cut short in transfer loses its end marker; readers then guess at the rest, so it is refused instead.
    if (!asciiHead(input.bytes.subarray(Math.max(0, input.bytes.byteLength - 2048)), 2048).includes('%%EOF')) {
      throw new IngestFailure('corrupt-pdf', `${input.path} is truncated: the PDF has no %%EOF marker at its end (re-download or re-export it).`);
    }
    const { pages, extractor } = await pdfPages(input.bytes, input.path);
    const starts: number[] = [];
    let text = '';
    for (const page of pages) {
      if (starts.length > 0) text += PAGE_SEPARATOR;
      starts.push(text.length);
      text += page.replace(/\s+$/, '');
    }
    if (text.trim() === '') {
      // A scan without a text layer: stored so it can be found by name, with a warning that says why it is blank.
      return newDocument(input, 'pdf', '', {
        mimeType: 'application/pdf', pages: starts, meta: { extractor, pageCount: String(pages.length) },
        warnings: [{ path: input.path, code: 'no-text', message: `${input.path} has no text layer (a scan?); run OCR on it first.` }],
      });
    }
    return newDocument(input, 'pdf', text, { mimeType: 'application/pdf', pages: starts, meta: { extractor, pageCount: String(pages.length) } });
  },
};
