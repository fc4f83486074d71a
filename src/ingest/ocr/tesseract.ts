/** Runs Tesseract as a child process (never through a shell) and checks once that it and its language data exist. */
import { spawn } from 'node:child_process';
import { IngestFailure } from '../handler.js';

/** Output of one tesseract run. */
export interface TesseractRun {
  stdout: string;
  stderr: string;
  code: number | null;
  /** Set when the run was stopped for taking too long. */
  timedOut: boolean;
}

/** Debian package holding a Tesseract language ("fas" -> tesseract-ocr-fas). */
export function languagePackage(lang: string): string {
  return `tesseract-ocr-${lang.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * Runs `binary image stdout ...args` with OMP_THREAD_LIMIT=1, so several pages run side by side without each
 * starting a thread per core; the child is killed after `timeoutMs`.
 */
export function runTesseract(binary: string, image: string, args: string[], timeoutMs: number): Promise<TesseractRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [image, 'stdout', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code, timedOut });
    });
  });
}

const installed = new Map<string, Promise<Set<string> | string>>();

/** The languages a tesseract binary has data for, or a message saying why it cannot run; asked once per binary. */
function installedLanguages(binary: string): Promise<Set<string> | string> {
  let known = installed.get(binary);
  if (!known) {
    known = runTesseract(binary, '--list-langs', [], 30_000).then(
      (r) => (r.code === 0 ? new Set(r.stdout.split('\n').slice(1).map((l) => l.trim()).filter(Boolean)) : `${binary} --list-langs failed: ${r.stderr.trim()}`),
      (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? `${binary} was not found` : `${binary} could not run (${e.message})`),
    );
    installed.set(binary, known);
  }
  return known;
}

/**
 * Throws IngestFailure "ocr-unavailable" naming the Debian package(s) to install when the binary is missing or
 * lacks one of `langs`; returns the installed languages otherwise.
 */
export async function requireTesseract(binary: string, langs: string[], path: string): Promise<Set<string>> {
  const known = await installedLanguages(binary);
  if (typeof known === 'string') {
    throw new IngestFailure('ocr-unavailable', `${path} needs OCR but ${known}; install Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara) or ingest with --no-ocr.`);
  }
  const missing = langs.filter((l) => !known.has(l));
  if (missing.length > 0) {
    throw new IngestFailure('ocr-unavailable', `${path} needs OCR in ${missing.join(', ')} but Tesseract has no data for it; install ${missing.map(languagePackage).join(' ')} (Debian) or choose --ocr-lang.`);
  }
  return known;
}
