/** Text and document info of a PDF, page by page: poppler's pdftotext and pdfinfo when installed, pdf.js otherwise. */
import { spawn } from 'node:child_process';
import { IngestFailure } from './handler.js';
import { looksLetterSpaced, parseWordBoxes, rejoinLetterSpacing } from './pdf-spacing.js';
import { repairReversedLamAlefPages } from '../nlp/lam-alef.js';
import { readingView } from '../nlp/layout.js';
import { logicalRtlLines } from './pdf-bidi.js';
import { findTables } from '../nlp/tables.js';

/** What a PDF says about itself in its info dictionary; each field only when present. */
export interface PdfInfo {
  title?: string;
  author?: string;
  /** Creation date as the PDF gives it (ISO from pdfinfo, "D:20191120..." from pdf.js). */
  created?: string;
}

/** The pages' text and info of one PDF. */
export interface PdfContent {
  pages: string[];
  info: PdfInfo;
  /** "pdftotext" or "pdfjs". */
  extractor: string;
  /** Words whose reversed lam-alef ligatures were put right (absent: none). */
  lamAlefRepaired?: number;
}

// poppler on a hostile or huge PDF must not hang an ingest.
const POPPLER_TIMEOUT_MS = 120_000;
// pdftotext inserts these bidi embedding controls (U+202A..U+202E) around right-to-left runs; they are not text.
const BIDI_CONTROLS = /[\u202a-\u202e]/g;

let popplerAvailable: Promise<boolean> | undefined;

/** Extracts each page's text and the info dictionary. Throws IngestFailure "corrupt-pdf" or "encrypted". */
export async function readPdf(bytes: Uint8Array, path: string): Promise<PdfContent> {
  const content = (await hasPdftotext())
    ? await Promise.all([pdftotextPages(bytes, path), pdfinfo(bytes)]).then(([pages, info]): PdfContent => ({ pages, info, extractor: 'pdftotext' }))
    : await pdfjsContent(bytes, path);
  // Persian and Arabic lam-alef ligatures both readers turn round ("اطلاعات" read "اطالعات"): put right (src/nlp/lam-alef.ts).
  const repaired = repairReversedLamAlefPages(content.pages);
  return repaired.words > 0 ? { ...content, pages: repaired.pages, lamAlefRepaired: repaired.words } : content;
}

/** True when poppler's pdftotext can be run; checked once per process. */
export function hasPdftotext(): Promise<boolean> {
  popplerAvailable ??= runPoppler('pdftotext', ['-v'], new Uint8Array()).then((r) => r.code === 0, () => false);
  return popplerAvailable;
}

/** Runs pdftotext in its default layout mode (not -raw, which scrambles columns), reading the PDF from stdin. */
export async function pdftotextPages(bytes: Uint8Array, path: string): Promise<string[]> {
  const result = await runPoppler('pdftotext', ['-enc', 'UTF-8', '-', '-'], bytes).catch((e: Error) => {
    throw new IngestFailure('corrupt-pdf', `${path}: pdftotext could not run (${e.message}).`);
  });
  if (result.signal) throw new IngestFailure('corrupt-pdf', `${path}: pdftotext was stopped (${result.signal}); the PDF may be damaged or too complex.`);
  if (result.code !== 0) throw popplerError(path, result.stderr);
  return withLayoutTables(bytes, await rejoinLetterSpacedPages(bytes, splitPdftotextOutput(result.stdout)));
}

/**
 * Pages that hold a table are read again in pdftotext's layout mode, which keeps a row on one line with its cells
 * apart by spaces (the default mode reads a table column by column: "Name / Hassan Karimi / Omar Haddad / Post / ...",
 * so no row can be read). A page takes the layout text when that text has a table with a header row and two data
 * rows or more (src/nlp/tables.ts), and no other lines with wide gaps (prose set in two columns would come out as
 * lines of both columns side by side). When the run fails the pages are kept as they were.
 */
async function withLayoutTables(bytes: Uint8Array, pages: string[]): Promise<string[]> {
  // Only pages the default mode gave a run of short lines (a table's cells one under the other) are read again.
  const suspect = pages.flatMap((text, i) => (hasShortLineRun(text) ? [i + 1] : []));
  const isSuspect = new Set(suspect);
  if (suspect.length === 0) return pages;
  const [first, last] = [suspect[0]!, suspect.at(-1)!];
  const result = await runPoppler('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), '-', '-'], bytes).catch(() => null);
  if (!result || result.code !== 0) return pages;
  const laid = splitPdftotextOutput(result.stdout);
  if (laid.length !== last - first + 1) return pages;
  // A page after a table page may go on with its table, without a header of its own.
  let afterTable = false;
  return pages.map((page, i) => {
    const layout = isSuspect.has(i + 1) ? dedent(laid[i + 1 - first]!) : undefined;
    afterTable = layout !== undefined && isTablePage(layout, afterTable);
    return afterTable ? layout! : page;
  });
}

/** Whether a page has four lines of 40 characters or fewer in a row (blank lines between them not counted). */
function hasShortLineRun(text: string): boolean {
  let run = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '') continue;
    run = t.length <= 40 ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

/**
 * A layout-mode page with a table (a header row and two data rows or more; after a table page, two rows without a
 * header: the table goes on) and no other lines with wide gaps.
 */
export function isTablePage(text: string, continued = false): boolean {
  if (!/\S {3,}\S/u.test(text)) return false;
  const tables = findTables(text, readingView(text)).filter((t, k) => (t.header && t.rows.length >= 3) || (continued && k === 0 && !t.header));
  if (tables.length === 0) return false;
  const inTable = (at: number): boolean => tables.some((t) => t.rows[0]!.start <= at && at <= t.rows.at(-1)!.end);
  let wide = 0;
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (!inTable(at + text.slice(at, end).search(/\S|$/u)) && /\S {3,}\S/u.test(text.slice(at, end))) wide++;
    at = end + 1;
  }
  return wide <= 2;
}

/** The page without the left margin layout mode writes before every line (the smallest indentation of its lines). */
function dedent(page: string): string {
  const lines = page.split('\n');
  const indent = (l: string): number => /^ */u.exec(l)![0].length;
  let margin = Infinity;
  for (const l of lines) if (l.trim() !== '') margin = Math.min(margin, indent(l));
  return Number.isFinite(margin) && margin > 0 ? lines.map((l) => l.slice(Math.min(margin, indent(l)))).join('\n') : page;
}

/**
 * Pages whose words pdftotext split apart by letter spacing (pdf-spacing.ts) are mended from their word boxes, read
 * by one more pdftotext run over those pages only; when that run fails the pages are kept as they were.
 */
async function rejoinLetterSpacedPages(bytes: Uint8Array, pages: string[]): Promise<string[]> {
  const suspect = pages.flatMap((text, i) => (looksLetterSpaced(text) ? [i + 1] : []));
  if (suspect.length === 0) return pages;
  const first = suspect[0]!;
  const last = suspect[suspect.length - 1]!;
  const result = await runPoppler('pdftotext', ['-tsv', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), '-', '-'], bytes).catch(() => null);
  if (!result || result.code !== 0) return pages;
  const words = parseWordBoxes(result.stdout);
  return pages.map((text, i) => (suspect.includes(i + 1) ? rejoinLetterSpacing(text, words.filter((w) => w.page === i + 1)) : text));
}

/**
 * Splits pdftotext's output into pages (each ends with a form feed, the last one included), puts right-to-left lines in
 * logical order (pdf-bidi.ts) and drops the bidi controls.
 */
export function splitPdftotextOutput(stdout: string): string[] {
  // Right-to-left lines in logical order first: the controls say where pdftotext left runs in visual order.
  const pages = stdout.split('\f').map((page) => logicalRtlLines(page).replace(BIDI_CONTROLS, ''));
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

// "Title:          Envoy memo" lines; -isodates gives "2019-11-20T08:25:00Z" instead of a locale-formatted date.
async function pdfinfo(bytes: Uint8Array): Promise<PdfInfo> {
  const result = await runPoppler('pdfinfo', ['-isodates', '-enc', 'UTF-8', '-'], bytes).catch(() => null);
  if (!result || result.code !== 0) return {};
  const field = (name: string) => result.stdout.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'm'))?.[1]?.trim() || undefined;
  return compact({ title: field('Title'), author: field('Author'), created: field('CreationDate') });
}

/** pdf.js fallback: text items joined by spaces, with line breaks where pdf.js reports an end of line. */
export async function pdfjsContent(bytes: Uint8Array, path: string): Promise<PdfContent> {
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
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const str = (key: string) => (typeof info[key] === 'string' ? (info[key] as string).trim() || undefined : undefined);
    return { pages, info: compact({ title: str('Title'), author: str('Author'), created: str('CreationDate') }), extractor: 'pdfjs' };
  } finally {
    await doc.destroy();
  }
}

function compact(info: { title?: string | undefined; author?: string | undefined; created?: string | undefined }): PdfInfo {
  const out: PdfInfo = {};
  if (info.title) out.title = info.title;
  if (info.author) out.author = info.author;
  if (info.created) out.created = info.created;
  return out;
}

function popplerError(path: string, stderr: string): IngestFailure {
  const detail = stderr.split('\n').filter(Boolean).slice(-2).join('; ') || 'unknown error';
  if (/password/i.test(stderr)) return new IngestFailure('encrypted', `${path} is password-protected; give the decrypted file instead.`);
  return new IngestFailure('corrupt-pdf', `${path} is a damaged PDF (pdftotext: ${detail}).`);
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a poppler tool with the PDF on stdin (nothing is written to disk; empty input for a tool given a file) and collects its output. */
export function runPoppler(command: string, args: string[], input: Uint8Array): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: POPPLER_TIMEOUT_MS });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    // A tool may exit before reading all input when the PDF is bad; that EPIPE is reported through its exit code.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => resolve({
      code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8').trim(),
    }));
    child.stdin.end(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  });
}
