// OCR in the ingest: single-page scans ingested with every stage, reading the next file ahead (its OCR overlapping
// the current file's stages and OCR) against one file at a time, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage, fontFor } from '../scripts/ocr/render.js';
import { OCR_TEXTS } from '../scripts/ocr/texts.js';
import { openStore } from '../src/store/open.js';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import { requireTesseract } from '../src/ingest/ocr/tesseract.js';
import type { BenchSection } from './ingest.js';

const SCANS = 8;

/** Wall seconds of one ingest of `files` into a fresh store. */
async function ingestOnce(dir: string, files: string[], readAhead: boolean, run: number): Promise<number> {
  const store = await openStore(join(dir, `s-${readAhead}-${run}.db`));
  try {
    const t0 = performance.now();
    const summary = await ingestPaths(files, { store, collection: 'bench', stages: defaultStages(), finish: finishIngest, readAhead, ocr: { lang: 'eng' } });
    if (summary.ingested !== files.length) throw new Error(`ingested ${summary.ingested} of ${files.length}: ${JSON.stringify(summary.failed)}`);
    return (performance.now() - t0) / 1000;
  } finally {
    await store.close();
  }
}

/** Ingests SCANS one-page English scans both ways, alternating, best of two each. */
export async function benchOcrIngest(): Promise<BenchSection> {
  const title = 'OCR in the ingest: reading the next file ahead (same run)';
  if (!(await requireTesseract('tesseract', ['eng'], 'bench').then(() => true, () => false))) return { title, lines: ['Skipped: tesseract (eng) is not installed.'] };
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-ingest-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < SCANS; i++) {
      const file = join(dir, `scan-${i}.png`);
      renderPage(`${OCR_TEXTS.en}\nFile ${i + 1} of ${SCANS}.`, file, { font: fontFor('en'), points: 11, dpi: 300, width: 2000 });
      files.push(file);
    }
    await ingestOnce(dir, files.slice(0, 1), true, -1); // warm-up: models and Tesseract's data from disk
    const times = { off: [] as number[], on: [] as number[] };
    for (let run = 0; run < 2; run++) {
      times.off.push(await ingestOnce(dir, files, false, run));
      times.on.push(await ingestOnce(dir, files, true, run));
    }
    const off = Math.min(...times.off);
    const on = Math.min(...times.on);
    return {
      title,
      lines: [
        `${SCANS} single-page PNG scans (300 dpi, about 15 lines of English each), every stage, --ocr-lang eng; ${availableParallelism()} core(s); wall time, best of 2, runs alternated.`,
        '',
        '| read-ahead | seconds | pages/s |',
        '|---|---:|---:|',
        `| off (one file at a time) | ${off.toFixed(1)} | ${(SCANS / off).toFixed(2)} |`,
        `| on (next file read during this one's stages) | ${on.toFixed(1)} | ${(SCANS / on).toFixed(2)} |`,
        '',
        `Speed-up **${(off / on).toFixed(2)}x**. Load average when done: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
