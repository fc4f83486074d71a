/** OCR of whole inputs: chosen pages of a PDF (rendered with pdftoppm) and image files, in a temporary folder removed after. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { recognizeImage, AUTO_LANGUAGES, OcrPageError, type OcrPage } from './recognize.js';
import { requireTesseract } from './tesseract.js';
import { withOcrSlot } from './pool.js';
import { tiffDirectories, tiffPage } from './tiff-pages.js';
import { pdfScanResolutions, renderDpi } from './scan-resolution.js';
import type { OcrOptions } from './options.js';

/** A page's OCR outcome: its text and confidence, or why it failed. */
export type PageOutcome = { ok: true; page: OcrPage } | { ok: false; error: string };

/** Checks Tesseract and the languages `options` need; throws IngestFailure "ocr-unavailable" when missing. */
export async function checkOcr(options: OcrOptions, path: string): Promise<void> {
  const langs = options.lang === 'auto' ? AUTO_LANGUAGES : options.lang.split('+');
  await requireTesseract(options.binary, langs, path);
}

/**
 * OCRs the given 1-based pages of a PDF, one page per core at a time (render, read, delete its image), so a 300-page
 * scan neither waits for all its pages to be rendered nor fills the disk; one failing page does not stop the others.
 */
export async function ocrPdfPages(pdf: Uint8Array, pageNumbers: number[], options: OcrOptions): Promise<Map<number, PageOutcome>> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'in.pdf');
    await writeFile(file, pdf);
    const scanPpi = await pdfScanResolutions(file);
    const read = await inLanes(pageNumbers.length, async (i, hint) => {
      const n = pageNumbers[i]!;
      const image = join(dir, `p${n}`);
      try {
        await withOcrSlot(() => render(file, n, image, renderDpi(options.dpi, scanPpi.get(n)), options.pageTimeoutMs));
        const [page] = await recognizeImage(`${image}.png`, options, hint());
        return page ?? { text: '', confidence: undefined, words: 0, lang: options.lang };
      } finally {
        await rm(`${image}.png`, { force: true });
      }
    });
    return new Map(pageNumbers.map((n, i) => [n, read[i]!]));
  });
}

/**
 * OCRs an image file's bytes (png, jpeg, tiff, ...), one outcome per page. Each page of a multi-page TIFF is read on its
 * own like a PDF page (tiff-pages.ts): its language chosen per page, pages in parallel, a failing page failing alone.
 */
export async function ocrImage(bytes: Uint8Array, extension: string, options: OcrOptions): Promise<PageOutcome[]> {
  const directories = extension === '.tif' ? tiffDirectories(bytes) : null;
  return inTempDir(async (dir) => {
    if (directories && directories.length > 1) {
      return inLanes(directories.length, async (i, hint) => {
        const file = join(dir, `p${i}.tif`);
        try {
          await writeFile(file, tiffPage(bytes, directories, i));
          const read = await recognizeImage(file, options, hint());
          return read.length === 1 ? read[0]! : joinReadings(read, options.lang);
        } finally {
          await rm(file, { force: true });
        }
      });
    }
    // One image (or a TIFF whose directories cannot be walked here: Tesseract reads its pages in one run).
    const file = join(dir, `in${extension}`);
    await writeFile(file, bytes);
    try {
      return (await recognizeImage(file, options)).map((page) => ({ ok: true, page }) as const);
    } catch (e) {
      return [{ ok: false, error: e instanceof Error ? e.message : String(e) }];
    }
  });
}

/**
 * Runs `read` on pages 0..count-1, one page per core at a time; `hint()` is the language the last page read with text
 * was read in (documents keep to one language, so it is tried first). A page that throws fails alone.
 */
async function inLanes(count: number, read: (index: number, hint: () => string | undefined) => Promise<OcrPage>): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = new Array<PageOutcome>(count);
  let next = 0;
  let hint: string | undefined;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      try {
        const page = await read(i, () => hint);
        if (page.text) hint = page.lang;
        outcomes[i] = { ok: true, page };
      } catch (e) {
        outcomes[i] = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, availableParallelism()) }, lane));
  return outcomes;
}

function joinReadings(read: OcrPage[], lang: string): OcrPage {
  if (read.length === 0) return { text: '', confidence: undefined, words: 0, lang };
  const words = read.reduce((n, p) => n + p.words, 0);
  const weighted = read.filter((p) => p.confidence !== undefined);
  const confidence = weighted.length ? weighted.reduce((n, p) => n + p.confidence! * p.words, 0) / Math.max(1, weighted.reduce((n, p) => n + p.words, 0)) : undefined;
  return { text: read.map((p) => p.text).join('\n\n'), confidence, words, lang: read[0]!.lang };
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cablegraph-ocr-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Grey at `dpi` is what Tesseract reads best and keeps the files small; -singlefile names the output "<prefix>.png".
function render(pdf: string, page: number, prefix: string, dpi: number, timeoutMs: number): Promise<void> {
  const args = ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, prefix];
  return new Promise((resolve, reject) => {
    const child = spawn('pdftoppm', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new OcrPageError(`pdftoppm could not run (${e.message}); install poppler-utils`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new OcrPageError(`pdftoppm could not render page ${page} (${signal ?? `exit ${code}`}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 200)}`));
    });
  });
}
