/** Fills the pages a PDF's text layer left blank with OCR, recording confidences and per-page failures. */
import { formatOcrConfidence, OCR_CONFIDENCE_KEY, OCR_LANGUAGES_KEY, type IngestError } from '../../model/index.js';
import { IngestFailure, type HandlerInput } from '../handler.js';
import { checkOcr, ocrPdfPages } from './documents.js';
import { defaultOcrOptions, type OcrOptions } from './options.js';
import type { OcrPage } from './recognize.js';

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
 * OCRs the blank pages of a PDF. Throws IngestFailure when no page has text and OCR cannot help (Tesseract missing:
 * "ocr-unavailable"; every page failed: "ocr-failed"); with a partial text layer those become warnings instead.
 */
export async function fillBlankPages(input: HandlerInput, pages: string[]): Promise<FilledPages> {
  const blank = pages.flatMap((p, i) => (p.trim() === '' ? [i + 1] : []));
  if (blank.length === 0) return { pages, meta: {}, warnings: [] };
  const allBlank = blank.length === pages.length;
  const options = ocrOptionsOf(input);
  const where = allBlank ? `${input.path} has no text layer (a scan?)` : `${input.path} has no text layer on page(s) ${list(blank)}`;
  if (!options.enabled) {
    return { pages, meta: {}, warnings: [{ path: input.path, code: 'no-text', message: `${where}; OCR is off (--no-ocr), so ${allBlank ? 'it is' : 'those pages are'} stored blank.` }] };
  }
  try {
    await checkOcr(options, input.path);
  } catch (e) {
    if (allBlank || !(e instanceof IngestFailure)) throw e;
    return { pages, meta: {}, warnings: [{ path: input.path, code: e.code, message: `${where}, left blank: ${e.message}` }] };
  }
  const outcomes = await ocrPdfPages(input.bytes, blank, options);
  const out = pages.slice();
  const read: (OcrPage | undefined)[] = pages.map(() => undefined);
  const warnings: IngestError[] = [];
  for (const n of blank) {
    const outcome = outcomes.get(n) ?? { ok: false, error: 'not read' };
    if (outcome.ok) {
      out[n - 1] = outcome.page.text;
      read[n - 1] = outcome.page;
    } else {
      warnings.push({ path: input.path, code: 'ocr-page-failed', message: `${input.path} page ${n} could not be OCR'd: ${outcome.error}` });
    }
  }
  if (allBlank && warnings.length === pages.length) {
    throw new IngestFailure('ocr-failed', `${input.path} has no text layer and OCR failed on every page (${warnings[0]!.message}).`);
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
