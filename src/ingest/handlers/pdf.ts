/** PDF documents; page boundaries are kept as page start offsets into the text. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { asciiHead, joinPages, newDocument } from '../document.js';
import { normalizeDate } from '../dates.js';
import { readPdf, type PdfInfo } from '../pdf-text.js';
import { fillBlankPages } from '../ocr/pages.js';

/** Reads PDFs with pdftotext (or pdf.js when poppler is not installed), OCRing pages without a text layer; a truncated PDF is refused. */
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
    const { pages, extractor, info, lamAlefRepaired } = await readPdf(input.bytes, input.path);
    // A scan (or a scanned page among typed ones) has no text layer: those pages are OCR'd, the others kept as they are.
    const filled = await fillBlankPages(input, pages);
    const { text, starts } = joinPages(filled.pages);
    // Kept in the metadata: the text was changed from what the reader gave (src/nlp/lam-alef.ts).
    const meta = { extractor, pageCount: String(pages.length), ...filled.meta, ...(lamAlefRepaired ? { lamAlefRepaired: String(lamAlefRepaired) } : {}) };
    const doc = newDocument(input, 'pdf', text, { mimeType: 'application/pdf', pages: starts, meta, ...fromInfo(info) });
    if (filled.warnings.length > 0) doc.warnings = filled.warnings;
    return doc;
  },
};

// Word processors fill Title with the file name ("Microsoft Word - memo.doc", "untitled"); such titles say nothing.
const FILE_NAME_TITLE = /^(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|rtf|odt|txt|indd|xlsx?|pptx?)$/i;

/** Title, author and date from the info dictionary, leaving out placeholder values. */
function fromInfo(info: PdfInfo): { title?: string; author?: string; published?: string } {
  const out: { title?: string; author?: string; published?: string } = {};
  if (info.title && !FILE_NAME_TITLE.test(info.title)) out.title = info.title;
  if (info.author) out.author = info.author;
  // pdf.js gives "D:20191120082500Z"; pdfinfo -isodates gives "2019-11-20T08:25:00Z".
  const created = normalizeDate(info.created?.replace(/^D:(\d{4})(\d{2})?(\d{2})?.*$/, (_, y: string, m?: string, d?: string) => [y, m, d].filter(Boolean).join('-')));
  if (created) out.published = created;
  return out;
}
