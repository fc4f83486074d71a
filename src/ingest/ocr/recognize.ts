/** OCR of one image file: the language chosen (fixed, or per page from OSD and a first reading), Tesseract run, TSV parsed. */
import { parseTsv, type OcrText } from './tsv.js';
import { runTesseract } from './tesseract.js';
import { persianOrArabic, scriptOfReading } from './script.js';
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
export const AUTO_LANGUAGES = ['eng', 'fas', 'ara'];

/**
 * Reads an image (each page of a multi-page TIFF is a page). With lang "auto" it is read with fas first (Persian
 * is the collections' main language and its model is the fastest here), then again with eng when the reading is
 * mostly not Arabic script, or with ara when it is Arabic rather than Persian (scripts/eval-ocr.ts measures this).
 * `hint` is the language an earlier page of the same document ended with: tried first, so a document in one
 * language costs one reading a page; a reading that does not fit the hint falls back to the steps above.
 */
export async function recognizeImage(image: string, options: OcrOptions, hint?: string): Promise<OcrPage[]> {
  const started = performance.now();
  const pages = options.lang !== 'auto' ? await read(image, options.lang, options) : await readAuto(image, options, hint);
  const seconds = (performance.now() - started) / 1000;
  for (const page of pages) options.onPage?.({ seconds: seconds / pages.length, confidence: page.confidence });
  return pages;
}

async function readAuto(image: string, options: OcrOptions, hint: string | undefined): Promise<OcrPage[]> {
  if (hint === 'eng' || hint === 'ara') {
    const pages = await read(image, hint, options);
    const text = pages.map((p) => p.text).join('\n');
    const fits = hint === 'eng'
      ? scriptOfReading(text) === 'latin' && meanConfidence(pages) >= DOUBTFUL_READING
      : scriptOfReading(text) === 'arabic' && persianOrArabic(text) === 'ara';
    if (fits) return pages;
  }
  const pages = await read(image, 'fas', options);
  const text = pages.map((p) => p.text).join('\n');
  const script = scriptOfReading(text);
  if (script === 'latin') return read(image, 'eng', options);
  if (script === 'arabic' && persianOrArabic(text) === 'ara') return read(image, 'ara', options);
  // A poor Latin-script scan can come out of the Persian model as Arabic letters; eng decides by confidence then.
  if (script === 'arabic' && meanConfidence(pages) < DOUBTFUL_READING) return better(pages, await read(image, 'eng', options));
  return pages;
}

async function read(image: string, lang: string, options: OcrOptions): Promise<OcrPage[]> {
  const run = await withOcrSlot(() => runTesseract(options.binary, image, ['-l', lang, 'tsv'], options.pageTimeoutMs));
  if (run.timedOut) throw new OcrPageError(`tesseract took longer than ${Math.round(options.pageTimeoutMs / 1000)} s and was stopped`);
  if (run.code !== 0) throw new OcrPageError(`tesseract failed (exit ${run.code}): ${lastLines(run.stderr)}`);
  return parseTsv(run.stdout).map((p) => ({ ...p, lang }));
}

// Below this mean word confidence a reading is doubtful enough to try the other script's model as well.
const DOUBTFUL_READING = 0.6;

function meanConfidence(pages: OcrPage[]): number {
  const read = pages.filter((p) => p.confidence !== undefined);
  return read.length === 0 ? 0 : read.reduce((n, p) => n + p.confidence!, 0) / read.length;
}

function better(a: OcrPage[], b: OcrPage[]): OcrPage[] {
  return meanConfidence(b) > meanConfidence(a) ? b : a;
}

function lastLines(stderr: string): string {
  return stderr.split('\n').map((l) => l.trim()).filter(Boolean).slice(-2).join('; ') || 'no message';
}
