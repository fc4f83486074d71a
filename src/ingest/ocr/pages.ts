/** Fills the pages a PDF's text layer left blank with OCR, recording confidences and per-page failures. */
import { formatOcrConfidence, OCR_CONFIDENCE_KEY, OCR_LANGUAGES_KEY, type IngestError } from '../../model/index.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { checkOcr, ocrPdfPages } from './documents.js';
import { defaultOcrOptions, type OcrOptions } from './options.js';
import type { OcrPage } from './recognize.js';
import { isGarbled, stripJunk } from './garbled.js';

/** Page texts after OCR, metadata to merge into the document's, and warnings for what could not be read. */
export interface FilledPages {
  pages: string[];
  meta: Record<string, string>;
  warnings: IngestError[];
}

/** The options a handler input carries, or the defaults. */
export function ocrOptionsOf(input: HandlerInput): OcrOptions {
  return input.ocr ?? defaultOcrOptions();
}

/**
 * OCRs the blank pages of a PDF, and the pages whose text layer is mostly junk (garbled.ts). Throws IngestFailure
 * when no page has text and OCR cannot help (Tesseract missing: "ocr-unavailable"; every page failed: "ocr-failed");
 * with a partial text layer those become warnings instead. A garbled page OCR cannot replace keeps its text without
 * the junk characters and a "garbled-text" warning.
 */
export async function fillBlankPages(input: HandlerInput, layer: string[]): Promise<FilledPages> {
  const garbled = layer.flatMap((p, i) => (isGarbled(p) ? [i + 1] : []));
  const isGarbledPage = new Set(garbled);
  const warnings: IngestError[] = [];
  const pages = garbled.length === 0 ? layer : layer.map((p, i) => (isGarbledPage.has(i + 1) ? stripJunk(p) : p));
  const keepGarbled = (why: string): void => {
    if (garbled.length > 0) warnings.push({ path: input.path, code: 'garbled-text', message: `${input.path} page(s) ${list(garbled)}: the text layer is mostly control or unassigned characters (a broken font encoding); ${why}, so the text is kept without them.` });
  };
  const blank = pages.flatMap((p, i) => (p.trim() === '' && !isGarbledPage.has(i + 1) ? [i + 1] : []));
  const unread = [...blank, ...garbled].sort((a, b) => a - b);
  if (unread.length === 0) return { pages, meta: {}, warnings };
  // A scan: no page has a text layer at all, so OCR failing is the file failing.
  const scan = blank.length === pages.length;
  const options = ocrOptionsOf(input);
  const where = scan ? `${input.path} has no text layer (a scan?)` : `${input.path} has no text layer on page(s) ${list(blank)}`;
  if (!options.enabled) {
    keepGarbled('OCR is off (--no-ocr)');
    if (blank.length > 0) warnings.push({ path: input.path, code: 'no-text', message: `${where}; OCR is off (--no-ocr), so ${scan ? 'it is' : 'those pages are'} stored blank.` });
    return { pages, meta: {}, warnings };
  }
  try {
    await checkOcr(options, input.path);
  } catch (e) {
    if (scan || !(e instanceof IngestFailure)) throw e;
    keepGarbled(`OCR is unavailable (${e.message})`);
    if (blank.length > 0) warnings.push({ path: input.path, code: e.code, message: `${where}, left blank: ${e.message}` });
    return { pages, meta: {}, warnings };
  }
  const outcomes = await ocrPdfPages(input.bytes, unread, options);
  const out = pages.slice();
  const read: (OcrPage | undefined)[] = pages.map(() => undefined);
  let failed = 0;
  for (const n of unread) {
    const outcome = outcomes.get(n) ?? { ok: false, error: 'not read' };
    if (outcome.ok && (outcome.page.text.trim() !== '' || !isGarbledPage.has(n))) {
      out[n - 1] = outcome.page.text;
      read[n - 1] = outcome.page;
    } else if (isGarbledPage.has(n)) {
      warnings.push({ path: input.path, code: 'garbled-text', message: `${input.path} page ${n}: the text layer is mostly control or unassigned characters and OCR ${outcome.ok ? 'found no text' : `failed (${outcome.error})`}, so the text is kept without them.` });
    } else if (!outcome.ok) {
      failed++;
      warnings.push({ path: input.path, code: 'ocr-page-failed', message: `${input.path} page ${n} could not be OCR'd: ${outcome.error}` });
    }
  }
  if (scan && failed === pages.length) {
    throw new IngestFailure('ocr-failed', `${input.path} has no text layer and OCR failed on every page (${warnings[0]!.message}).`);
  }
  // Read, and nothing found: a drawing, a blank scan or a picture without words; said, so the empty text is not a mystery.
  if (out.every((p) => p.trim() === '') && failed === 0) {
    warnings.push({ path: input.path, code: 'no-text', message: `${where}, and OCR found no text on ${scan && pages.length > 1 ? 'any page' : 'it'} (drawings or blank pages?).` });
  }
  return { pages: out, meta: ocrMeta(read), warnings };
}

/** Metadata for pages read by OCR: per-page confidences and languages, and the OCR'd page count. */
export function ocrMeta(read: (OcrPage | undefined)[]): Record<string, string> {
  return {
    [OCR_CONFIDENCE_KEY]: formatOcrConfidence(read.map((p) => p?.confidence)),
    [OCR_LANGUAGES_KEY]: read.map((p) => p?.lang ?? '').join(','),
    ocrPages: String(read.filter(Boolean).length),
  };
}

// "2, 3, 5" or "2-40" for long runs, so a 300-page scan does not make a 300-number message.
function list(pages: number[]): string {
  if (pages.length > 8 && pages[pages.length - 1]! - pages[0]! === pages.length - 1) return `${pages[0]}-${pages[pages.length - 1]}`;
  return pages.length > 8 ? `${pages.slice(0, 8).join(', ')}, ...` : pages.join(', ');
}
