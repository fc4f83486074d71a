/** Ingest progress: a bar with files/s and ETA on a terminal, one plain line per file otherwise. */
import type { IngestProgress } from '../pipeline.js';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

/** Returns a progress callback writing to `stream`, and a function that clears the bar before the summary. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (e: IngestProgress) => void; finish: () => void } {
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  const tty = Boolean(stream.isTTY);
  const onProgress = (e: IngestProgress): void => {
    if (e.kind === 'start') {
      if (!tty) stream.write(`ingesting ${e.files} file(s), ${(e.bytes / 1024 / 1024).toFixed(1)} MB\n`);
      return;
    }
    if (!tty) {
      const detail = e.failure ? `: [${e.failure.code}] ${reasonOf(e.failure)}` : e.documents > 1 ? ` (${e.documents} documents)` : '';
      stream.write(`${e.status.padEnd(9)} ${e.done}/${e.files} ${e.path}${detail}\n`);
      return;
    }
    if (e.failure) {
      clear();
      stream.write(`failed    ${e.path}: [${e.failure.code}] ${reasonOf(e.failure)}\n`);
    }
    const now = Date.now();
    if (now - lastDraw < REDRAW_MS && e.done < e.files) return;
    lastDraw = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const rate = e.done / seconds;
    // ETA from bytes, since files differ in size; files/s is what users compare.
    const fraction = e.bytes > 0 ? e.bytesDone / e.bytes : e.done / Math.max(1, e.files);
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    const line = `${bar} ${e.done}/${e.files} files  ${rate.toFixed(1)} files/s  ETA ${clock(eta)}  ${e.path}`;
    stream.write(`\r\u001b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return { onProgress, finish: clear };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The reason without the path when the message starts with it ("x.txt is empty" -> "is empty"), since the path is printed first. */
export function reasonOf(f: { path: string; message: string }): string {
  return f.message.startsWith(f.path) ? f.message.slice(f.path.length).replace(/^[\s:]+/u, '') : f.message;
}

/** One line per failure: "path: [code] reason". */
export function describeFailure(f: { path: string; code: string; message: string }): string {
  return `${f.path}: [${f.code}] ${reasonOf(f)}`;
}
