// OCR throughput: pages/s of scanned PDFs read with Tesseract, automatic language vs a fixed one, all cores vs one.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage, fontFor } from '../scripts/ocr/render.js';
import { imagePdf, readGrey, type GreyImage } from '../scripts/ocr/image-pdf.js';
import { OCR_TEXTS } from '../scripts/ocr/texts.js';
import { cer } from '../scripts/ocr/cer.js';
import { readDocument } from '../src/ingest/read-document.js';
import { DEFAULT_LIMITS } from '../src/ingest/handler.js';
import { defaultOcrOptions } from '../src/ingest/ocr/options.js';
import { setOcrConcurrency } from '../src/ingest/ocr/pool.js';
import { hasPdftotext } from '../src/ingest/pdf-text.js';

const LANGS = ['fa', 'ar', 'en'] as const;
const TESSERACT = { fa: 'fas', ar: 'ara', en: 'eng' } as const;
// Pages per language: enough for both cores to stay busy, few enough to keep the section near a minute.
const PAGES_PER_LANG = 3;

/** Reads a scanned PDF and returns pages/s and the per-page texts. */
async function timed(pdf: Uint8Array, lang: string): Promise<{ pagesPerSecond: number; pages: string[] }> {
  const t0 = performance.now();
  const doc = await readDocument('bench.pdf', pdf, DEFAULT_LIMITS, 0, defaultOcrOptions({ lang }));
  const seconds = (performance.now() - t0) / 1000;
  const starts = doc.pages ?? [0];
  const pages = starts.map((s, i) => doc.text.slice(s, starts[i + 1] ?? doc.text.length));
  return { pagesPerSecond: pages.length / seconds, pages };
}

/** Renders Persian, Arabic and English pages at 300 dpi into image-only PDFs and times their OCR. */
export async function benchOcr(): Promise<{ title: string; lines: string[] }> {
  const title = 'OCR: scanned PDF pages with Tesseract (300 dpi)';
  if (!(await hasPdftotext())) return { title, lines: ['Skipped: poppler-utils is not installed.'] };
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  try {
    const images: Record<string, GreyImage> = {};
    for (const lang of LANGS) {
      const file = join(dir, `${lang}.png`);
      renderPage(OCR_TEXTS[lang], file, { font: fontFor(lang), points: 11, dpi: 300, width: 2000 });
      images[lang] = readGrey(file, 300);
    }
    const pdf = (langs: readonly string[]) => new Uint8Array(imagePdf(langs.flatMap((l) => Array<GreyImage>(PAGES_PER_LANG).fill(images[l]!))));
    const cores = availableParallelism();
    const lines = [`Pages rendered from the made-up texts of scripts/ocr/texts.ts (${PAGES_PER_LANG} per language, about 15 lines each); ${cores} core(s); OMP_THREAD_LIMIT=1 per tesseract.`, ''];
    lines.push('| run | pages | pages/s | mean CER |', '|---|---|---|---|');
    const mixed = pdf(LANGS);
    const refs = LANGS.flatMap((l) => Array<string>(PAGES_PER_LANG).fill(OCR_TEXTS[l]));
    const meanCer = (pages: string[], expected: string[]) => pages.reduce((n, p, i) => n + cer(expected[i]!, p), 0) / pages.length;
    // A first reading loads the models from disk: not counted.
    await timed(pdf(['en']).slice(), 'eng');
    for (const concurrency of [1, cores]) {
      setOcrConcurrency(concurrency);
      const run = await timed(mixed, 'auto');
      lines.push(`| auto language, fa+ar+en pages, ${concurrency} at once | ${run.pages.length} | ${run.pagesPerSecond.toFixed(2)} | ${meanCer(run.pages, refs).toFixed(4)} |`);
    }
    setOcrConcurrency(cores);
    for (const lang of LANGS) {
      for (const choice of [TESSERACT[lang], 'auto']) {
        const run = await timed(pdf([lang]), choice);
        lines.push(`| --ocr-lang ${choice}, ${lang} pages, ${cores} at once | ${run.pages.length} | ${run.pagesPerSecond.toFixed(2)} | ${meanCer(run.pages, Array<string>(run.pages.length).fill(OCR_TEXTS[lang])).toFixed(4)} |`);
      }
    }
    // Other processes on the machine slow the children down; the load says how much the figures can be trusted.
    lines.push('', `Load average when done: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (on ${cores} core(s)).`);
    lines.push('auto reads a page with fas first, then again with eng (Latin script) or ara (Arabic rather than Persian); later pages of a document start with the language of the pages before.');
    return { title, lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
