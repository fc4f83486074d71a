/**
 * Inputs for the scaling and failure tests: large texts generated from the sample articles (normal prose, and one
 * line without a sentence end), and the pipeline's stages with one crafted to fail on a marked document.
 */
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from '../../src/model/index.js';
import { defaultStages } from '../../src/pipeline.js';
import { SAMPLE_CORPUS } from '../helpers.js';

/** The sample articles joined: real prose with names, dates, quotations, wrapped header lines. */
export const SAMPLE_TEXT = readdirSync(SAMPLE_CORPUS).sort().map((f) => readFileSync(join(SAMPLE_CORPUS, f), 'utf8')).join('\n\n');

// The same words with every sentence end and line break gone: what a one-line export or a scraped blob looks like.
const ONE_LINE = `${SAMPLE_TEXT.replace(/[.!?؟۔]/gu, '').replace(/\s+/gu, ' ').trim()} `;

/** About `chars` characters of the sample articles repeated (paragraphs and sentences as written). */
export function proseText(chars: number): string {
  return repeatTo(`${SAMPLE_TEXT}\n\n`, chars);
}

/** About `chars` characters on one line with no sentence-ending punctuation at all. */
export function oneLineText(chars: number): string {
  return repeatTo(ONE_LINE, chars);
}

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Writes `bytes` bytes of one-line text to `path` in pieces, so the test itself never holds the whole file. */
export async function writeOneLineFile(path: string, bytes: number): Promise<void> {
  const piece = Buffer.from(oneLineText(1 << 20), 'utf8');
  const out = createWriteStream(path);
  for (let left = bytes; left > 0; left -= piece.length) {
    // The last piece ends at a space, never inside a UTF-8 sequence (ingest refuses invalid UTF-8).
    const part = left >= piece.length ? piece : piece.subarray(0, Math.max(1, piece.lastIndexOf(0x20, left)));
    if (!out.write(part)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** A sentence that makes the facts stage of crashingStages overflow the call stack. */
export const CRASH_MARK = 'This memo was crafted to crash the facts stage.';

/** Unbounded recursion: a real "Maximum call stack size exceeded", as deep recursion on a huge input gave. */
function recurse(depth: number): number {
  return recurse(depth + 1) + 1;
}

/**
 * The pipeline's stages (same names and versions), the facts stage overflowing the call stack on any document that
 * holds CRASH_MARK; `seen` collects the paths each stage ran on.
 */
export function crashingStages(seen: { stage: string; path: string }[] = [], base: Stage[] = defaultStages()): Stage[] {
  return base.map((stage) => ({
    name: stage.name,
    get version() {
      return stage.version;
    },
    run(doc, prior) {
      seen.push({ stage: stage.name, path: doc.path });
      if (stage.name === 'facts' && doc.text.includes(CRASH_MARK)) recurse(0);
      return stage.run(doc, prior);
    },
  }));
}
