/**
 * OCR character error rate per language (run: node --import tsx scripts/eval-ocr.ts [--degraded-only]): renders
 * the made-up pages of scripts/ocr/texts.ts at 300 dpi with ImageMagick's pango coder, clean and degraded (seeded
 * noise, blur, a 0.7 degree tilt), OCRs each with the automatic language choice and with fixed languages, and prints
 * the CER (edit distance / reference length, whitespace runs folded to one space) and seconds per page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage, fontFor } from './ocr/render.js';
import { OCR_TEXTS } from './ocr/texts.js';
import { recognizeImage } from '../src/ingest/ocr/recognize.js';
import { defaultOcrOptions } from '../src/ingest/ocr/options.js';
import { cer } from './ocr/cer.js';

const VARIANTS: Record<string, string[]> = {
  clean: [],
  degraded: ['-seed', '7', '-attenuate', '0.5', '+noise', 'Gaussian', '-blur', '0x0.7', '-background', 'white', '-rotate', '0.7'],
};
const STRATEGIES: Record<'fa' | 'ar' | 'en', string[]> = {
  fa: ['auto', 'fas', 'fas+eng', 'ara'],
  ar: ['auto', 'ara', 'fas', 'ara+eng'],
  en: ['auto', 'eng', 'fas+eng'],
};

const only = process.argv.includes('--degraded-only') ? ['degraded'] : Object.keys(VARIANTS);
const dir = mkdtempSync(join(tmpdir(), 'eval-ocr-'));
try {
  console.log('lang\tvariant\tstrategy\tread as\tCER\ts/page');
  const totals = new Map<string, { cer: number; n: number }>();
  for (const lang of ['fa', 'ar', 'en'] as const) {
    for (const variant of only) {
      const image = join(dir, `${lang}-${variant}.png`);
      renderPage(OCR_TEXTS[lang], image, { font: fontFor(lang), points: 11, dpi: 300, width: 2000 }, VARIANTS[variant]);
      for (const lang2 of STRATEGIES[lang]) {
        const started = performance.now();
        const pages = await recognizeImage(image, defaultOcrOptions({ lang: lang2 }));
        const seconds = (performance.now() - started) / 1000;
        const score = cer(OCR_TEXTS[lang], pages.map((p) => p.text).join('\n'));
        console.log(`${lang}\t${variant}\t${lang2}\t${pages[0]?.lang ?? '-'}\t${score.toFixed(4)}\t${seconds.toFixed(2)}`);
        if (lang2 === 'auto') {
          const t = totals.get(lang) ?? { cer: 0, n: 0 };
          totals.set(lang, { cer: t.cer + score, n: t.n + 1 });
        }
      }
    }
  }
  console.log(`CER auto (mean over ${only.join('+')}): ${[...totals].map(([l, t]) => `${l} ${(t.cer / t.n).toFixed(4)}`).join('  ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
