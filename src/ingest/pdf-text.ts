/** Text of a PDF, page by page: poppler's pdftotext when installed, pdf.js otherwise. */
import { spawn } from 'node:child_process';
import { IngestFailure } from './handler.js';

// pdftotext on a hostile or huge PDF must not hang an ingest.
const PDFTOTEXT_TIMEOUT_MS = 120_000;
// pdftotext inserts these bidi embedding controls (U+202A..U+202E) around right-to-left runs; they are not text.
const BIDI_CONTROLS = /[\u202a-\u202e]/g;

let pdftotextAvailable: Promise<boolean> | undefined;

/** Extracts the text of each page, in order. Throws IngestFailure "corrupt-pdf" or "encrypted". */
export async function pdfPages(bytes: Uint8Array, path: string): Promise<{ pages: string[]; extractor: string }> {
  if (await hasPdftotext()) return { pages: await pdftotextPages(bytes, path), extractor: 'pdftotext' };
  return { pages: await pdfjsPages(bytes, path), extractor: 'pdfjs' };
}

/** True when poppler's pdftotext can be run; checked once per process. */
export function hasPdftotext(): Promise<boolean> {
  pdftotextAvailable ??= new Promise((resolve) => {
    const child = spawn('pdftotext', ['-v'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  return pdftotextAvailable;
}

/** Runs pdftotext in its default layout mode (not -raw, which scrambles columns), reading the PDF from stdin. */
export function pdftotextPages(bytes: Uint8Array, path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-enc', 'UTF-8', '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'], timeout: PDFTOTEXT_TIMEOUT_MS });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new IngestFailure('corrupt-pdf', `${path}: pdftotext could not run (${e.message}).`)));
    // pdftotext may exit before reading all input when the PDF is bad; that EPIPE is reported through its exit code.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (signal) return reject(new IngestFailure('corrupt-pdf', `${path}: pdftotext was stopped (${signal}); the PDF may be damaged or too complex.`));
      if (code !== 0) return reject(pdfError(path, stderr));
      const text = Buffer.concat(out).toString('utf8').replace(BIDI_CONTROLS, '');
      // Each page ends with a form feed, the last one included.
      const pages = text.split('\f');
      if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
      resolve(pages);
    });
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** pdf.js fallback: text items joined by spaces, with line breaks where pdf.js reports an end of line. */
export async function pdfjsPages(bytes: Uint8Array, path: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js transfers (detaches) the buffer it is given, so it gets a copy and the original bytes stay intact.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new IngestFailure('encrypted', `${path} is password-protected; give the decrypted file instead.`);
    throw new IngestFailure('corrupt-pdf', `${path} is not a readable PDF: ${err.message}.`);
  }
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : item.str && !item.str.endsWith(' ') ? ' ' : '');
      }
      pages.push(text.replace(/ +\n/g, '\n').trim());
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

function pdfError(path: string, stderr: string): IngestFailure {
  const detail = stderr.split('\n').filter(Boolean).slice(-2).join('; ') || 'unknown error';
  if (/password/i.test(stderr)) return new IngestFailure('encrypted', `${path} is password-protected; give the decrypted file instead.`);
  return new IngestFailure('corrupt-pdf', `${path} is a damaged PDF (pdftotext: ${detail}).`);
}
