/** OCR of one image file: the language chosen (fixed, or per page from OSD and a first reading), Tesseract run, TSV parsed. */
import { parseTsv, type OcrText } from './tsv.js';
import { runTesseract } from './tesseract.js';
import { osdScript, persianOrArabic } from './script.js';
import { withOcrSlot } from './pool.js';
import type { OcrOptions } from './options.js';

/** A page read by OCR, with the language it was read in. */
export interface OcrPage extends OcrText {
  /** Tesseract language string used ("fas", "ara", "eng", "fas+eng"). */
  lang: string;
}

/** Why a page could not be read (a crash, a timeout); the rest of the document goes on. */
export class OcrPageError extends Error {}

/** Languages the automatic choice may use; all must be installed for --ocr-lang auto. */
export const AUTO_LANGUAGES = ['eng', 'fas', 'ara', 'osd'];

/**
 * Reads an image (each page of a multi-page TIFF is a page). With lang "auto" the script comes from OSD (Latin ->
 * eng; Arabic -> fas, re-read with ara when the text is Arabic; unknown -> fas+eng).
 */
export async function recognizeImage(image: string, options: OcrOptions): Promise<OcrPage[]> {
  const started = performance.now();
  let pages: OcrPage[];
  if (options.lang !== 'auto') {
    pages = await read(image, options.lang, options);
  } else {
    const script = await detectScript(image, options);
    const first = script === 'Latin' ? 'eng' : script === 'Arabic' ? 'fas' : 'fas+eng';
    pages = await read(image, first, options);
    if (first !== 'eng') {
      const text = pages.map((p) => p.text).join('\n');
      if (persianOrArabic(text) === 'ara') pages = await read(image, first === 'fas' ? 'ara' : 'ara+eng', options);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  for (const page of pages) options.onPage?.({ seconds: seconds / pages.length, confidence: page.confidence });
  return pages;
}

async function read(image: string, lang: string, options: OcrOptions): Promise<OcrPage[]> {
  const run = await withOcrSlot(() => runTesseract(options.binary, image, ['-l', lang, 'tsv'], options.pageTimeoutMs));
  if (run.timedOut) throw new OcrPageError(`tesseract took longer than ${Math.round(options.pageTimeoutMs / 1000)} s and was stopped`);
  if (run.code !== 0) throw new OcrPageError(`tesseract failed (exit ${run.code}): ${lastLines(run.stderr)}`);
  return parseTsv(run.stdout).map((p) => ({ ...p, lang }));
}

// OSD needs some text; on a near-blank page it says "Too few characters" and exits non-zero: the fallback covers it.
async function detectScript(image: string, options: OcrOptions): Promise<string | undefined> {
  const run = await withOcrSlot(() => runTesseract(options.binary, image, ['--psm', '0', '-l', 'osd'], options.pageTimeoutMs));
  return run.code === 0 ? osdScript(run.stdout) : undefined;
}

function lastLines(stderr: string): string {
  return stderr.split('\n').map((l) => l.trim()).filter(Boolean).slice(-2).join('; ') || 'no message';
}
