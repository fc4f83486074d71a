/** Progress: ingest (a bar with files, documents/s and ETA on a terminal, plain lines otherwise) and stage runs over stored documents. */
import type { IngestProgress } from '../pipeline.js';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;
const PLAIN_EVERY_MS = 1000;

/**
 * Returns a progress callback writing to `stream`, and a function that clears the bar before the summary. On a
 * terminal, one bar: files, documents (stored, and processed by the stages), documents/s and ETA (from bytes); in a
 * log, a line per file and, inside a large container, at most one line a second with its documents.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (e: IngestProgress) => void; finish: () => void } {
  const started = Date.now();
  let lastDraw = 0;
  let lastPlain = 0;
  let drawn = false;
  const tty = Boolean(stream.isTTY);
  let pending: DocumentProgress | undefined;
  let files = { done: 0, total: 0 };
  let docs = { stored: 0, processed: 0 };
  let ocr = { pages: 0, seconds: 0 };
  let fraction = 0;
  const onProgress = (e: IngestProgress): void => {
    if (e.kind === 'pending') {
      pending ??= documentProgress('stored documents with pending stages', stream);
      pending.update(e.done, e.total);
      if (e.done === e.total) pending.finish();
      return;
    }
    if (e.kind === 'start') {
      files = { done: 0, total: e.files };
      if (!tty) stream.write(`ingesting ${e.files} file(s), ${(e.bytes / 1024 / 1024).toFixed(1)} MB\n`);
      return;
    }
    const now = Date.now();
    if (e.kind === 'ocr') {
      ocr = { pages: e.pages, seconds: e.seconds };
      if (!tty) {
        if (now - lastPlain < PLAIN_EVERY_MS) return;
        lastPlain = now;
        stream.write(`          OCR ${ocrRate(ocr)} (${e.path})\n`);
        return;
      }
    } else if (e.kind === 'documents') {
      docs = { stored: e.stored, processed: e.processed };
      if (!tty) {
        if (e.size <= 1 || (now - lastPlain < PLAIN_EVERY_MS && e.through < e.size)) return;
        lastPlain = now;
        stream.write(`          ${e.through}/${e.size} documents of ${e.path} (${e.stored} stored, ${e.processed} processed in this run)\n`);
        return;
      }
    } else {
      files = { done: e.done, total: e.files };
      if (!tty) {
        const detail = e.failure ? `: [${e.failure.code}] ${reasonOf(e.failure)}` : e.documents > 1 ? ` (${e.documents} documents)` : '';
        stream.write(`${e.status.padEnd(9)} ${e.done}/${e.files} ${e.path}${detail}\n`);
        return;
      }
      if (e.failure) {
        clear();
        stream.write(`failed    ${e.path}: [${e.failure.code}] ${reasonOf(e.failure)}\n`);
      }
    }
    if (now - lastDraw < REDRAW_MS && !(e.kind === 'file' && e.done >= e.files)) return;
    lastDraw = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    // Documents/s counts what the stages finished (the slow part) when they run, else what was stored.
    const rate = (docs.processed || docs.stored) / seconds;
    // ETA from bytes, since files differ in size.
    if (e.kind !== 'ocr') fraction = e.bytes > 0 ? e.bytesDone / e.bytes : files.done / Math.max(1, files.total);
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : 0;
    const filled = Math.round(Math.min(1, fraction) * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    const line = `${bar} ${files.done}/${files.total} files  ${docs.stored} documents  ${rate.toFixed(1)} documents/s  ${ocr.pages > 0 ? `OCR ${ocrRate(ocr)}  ` : ''}ETA ${clock(eta)}  ${e.path}`;
    stream.write(`\r\u001b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return { onProgress, finish: clear };
}

/** Progress of stages over stored documents; `log` writes a line above the bar. */
export interface DocumentProgress {
  update(done: number, total: number): void;
  log(line: string): void;
  finish(): void;
}


/**
 * Documents done / total, documents/s and ETA: a bar redrawn in place on a terminal; otherwise plain lines (the
 * first, then at most one a second, and the last), so a log of a long reprocess shows it is moving.
 */
export function documentProgress(label: string, stream: NodeJS.WriteStream = process.stderr): DocumentProgress {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  let last = -Infinity;
  let drawn = false;
  const clear = (): void => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  const update = (done: number, total: number): void => {
    const now = Date.now();
    if (now - last < (tty ? REDRAW_MS : PLAIN_EVERY_MS) && done > 0 && done < total) return;
    last = now;
    const seconds = Math.max(0.001, (now - started) / 1000);
    const rate = done / seconds;
    const eta = done > 0 ? ((total - done) / done) * seconds : 0;
    const counts = `${done}/${total} documents  ${rate.toFixed(1)} documents/s  ETA ${done > 0 ? clock(eta) : '?'}`;
    if (!tty) {
      stream.write(`${label}: ${counts}\n`);
      return;
    }
    const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : BAR_WIDTH;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${counts}  ${label}`;
    stream.write(`\r\u001b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
    drawn = true;
  };
  const log = (line: string): void => {
    clear();
    stream.write(`${line}\n`);
  };
  return { update, log, finish: clear };
}

// "12 pages 0.8 pages/s": pages over the run's time so far, which includes reading and the stages around them.
function ocrRate(ocr: { pages: number; seconds: number }): string {
  return `${ocr.pages} page(s) ${(ocr.pages / Math.max(0.001, ocr.seconds)).toFixed(2)} pages/s`;
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
