/** OCR of whole inputs: chosen pages of a PDF (rendered with pdftoppm) and image files, in a temporary folder removed after. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { recognizeImage, AUTO_LANGUAGES, OcrPageError, type OcrPage } from './recognize.js';
import { requireTesseract } from './tesseract.js';
import { withOcrSlot } from './pool.js';
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
    const outcomes = new Map<number, PageOutcome>();
    let next = 0;
    // The language the last finished page was read in, tried first on the next (documents keep to one language).
    let hint: string | undefined;
    const lane = async (): Promise<void> => {
      while (next < pageNumbers.length) {
        const n = pageNumbers[next++]!;
        const image = join(dir, `p${n}`);
        try {
          await withOcrSlot(() => render(file, n, image, options));
          const [page] = await recognizeImage(`${image}.png`, options, hint);
          if (page?.text) hint = page.lang;
          outcomes.set(n, { ok: true, page: page ?? { text: '', confidence: undefined, words: 0, lang: options.lang } });
        } catch (e) {
          outcomes.set(n, { ok: false, error: e instanceof Error ? e.message : String(e) });
        } finally {
          await rm(`${image}.png`, { force: true });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(pageNumbers.length, availableParallelism()) }, lane));
    return outcomes;
  });
}

/** OCRs an image file's bytes (png, jpeg, tiff; a multi-page TIFF gives several pages). Throws OcrPageError. */
export async function ocrImage(bytes: Uint8Array, extension: string, options: OcrOptions): Promise<OcrPage[]> {
  return inTempDir(async (dir) => {
    const file = join(dir, `in${extension}`);
    await writeFile(file, bytes);
    return recognizeImage(file, options);
  });
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
function render(pdf: string, page: number, prefix: string, options: OcrOptions): Promise<void> {
  const args = ['-r', String(options.dpi), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, prefix];
  return new Promise((resolve, reject) => {
    const child = spawn('pdftoppm', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.pageTimeoutMs);
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
