/** Images (PNG, JPEG, TIFF with its pages, GIF, WebP, JPEG 2000) read by OCR; with OCR off they are stored blank so they can be found by name. */
import type { IngestError } from '../../model/index.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { extensionOf, joinPages, newDocument } from '../document.js';
import { checkOcr, ocrImage } from '../ocr/documents.js';
import { ocrMeta, ocrOptionsOf } from '../ocr/pages.js';
import { imageSize, tooSmallForOcr } from '../ocr/image-size.js';

// Signatures: PNG "\x89PNG\r\n\x1a\n", JPEG "\xFF\xD8\xFF", TIFF "II*\0" (little-endian) or "MM\0*" (big-endian),
// GIF "GIF87a"/"GIF89a", WebP "RIFF" + size + "WEBP" (-1: any byte), JPEG 2000 the JP2 box "\0\0\0\x0CjP  \r\n\x87\n" or a
// bare codestream "\xFF\x4F\xFF\x51". Tesseract reads them all through Leptonica (built with giflib, libwebp, openjpeg).
const TYPES: { mime: string; ext: string; magic: number[][] }[] = [
  { mime: 'image/png', ext: '.png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { mime: 'image/jpeg', ext: '.jpg', magic: [[0xff, 0xd8, 0xff]] },
  { mime: 'image/tiff', ext: '.tif', magic: [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]] },
  { mime: 'image/gif', ext: '.gif', magic: [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]] },
  { mime: 'image/webp', ext: '.webp', magic: [[0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50]] },
  { mime: 'image/jp2', ext: '.jp2', magic: [[0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a], [0xff, 0x4f, 0xff, 0x51]] },
];

function typeOf(head: Uint8Array): (typeof TYPES)[number] | undefined {
  return TYPES.find((t) => t.magic.some((m) => m.every((b, i) => b === -1 || head[i] === b)));
}

/** Reads images with Tesseract; each page of a multi-page TIFF becomes a page of the document, read in its own language. */
export const imageHandler: FormatHandler = {
  name: 'image',
  extensions: ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.gif', '.webp', '.jp2', '.j2k', '.jpf'],
  sniff(head) {
    return typeOf(head) !== undefined;
  },
  async read(input) {
    const type = typeOf(input.bytes);
    if (!type) throw new IngestFailure('corrupt-image', `${input.path} is named ${extensionOf(input.path)} but is not a PNG, JPEG, TIFF, GIF, WebP or JPEG 2000 image.`);
    const options = ocrOptionsOf(input);
    if (!options.enabled) {
      const doc = newDocument(input, 'image', '', { mimeType: type.mime });
      doc.warnings = [{ path: input.path, code: 'no-text', message: `${input.path} is an image and OCR is off (--no-ocr), so it is stored without text.` }];
      return doc;
    }
    const size = imageSize(input.bytes);
    if (tooSmallForOcr(size)) {
      // Logos and icons (signature images of e-mails above all): stored to be found by name, without a tesseract run or a warning.
      return newDocument(input, 'image', '', { mimeType: type.mime, meta: { ocr: `skipped: ${size!.width} x ${size!.height} px is too small to hold text` } });
    }
    await checkOcr(options, input.path);
    const outcomes = await ocrImage(input.bytes, type.ext, options);
    if (outcomes.every((o) => !o.ok)) {
      const first = outcomes.find((o) => !o.ok);
      throw new IngestFailure('ocr-failed', `${input.path} could not be OCR'd: ${first && !first.ok ? first.error : 'no page'}.`);
    }
    // A page that could not be read stays an empty page with a warning, so the pages after it keep their numbers.
    const warnings: IngestError[] = outcomes.flatMap((o, i) => (o.ok ? [] : [{ path: input.path, code: 'ocr-page-failed', message: `${input.path} page ${i + 1} could not be OCR'd: ${o.error}` }]));
    const read = outcomes.map((o) => (o.ok ? o.page : undefined));
    const { text, starts } = joinPages(read.map((p) => p?.text ?? ''));
    const meta = { extractor: 'tesseract', pageCount: String(outcomes.length), ...ocrMeta(read) };
    const doc = newDocument(input, 'image', text, { mimeType: type.mime, pages: starts, meta });
    if (warnings.length > 0) doc.warnings = warnings;
    if (text.trim() === '') doc.warnings = [...warnings, { path: input.path, code: 'no-text', message: `${input.path}: OCR found no text in the image.` }];
    return doc;
  },
};
