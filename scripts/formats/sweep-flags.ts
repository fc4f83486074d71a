/** The flags of tika-sweep.ts: what a stored document or a refusal should never look like. */
import { basename } from 'node:path';
import { isGarbled } from '../../src/ingest/ocr/garbled.js';
import type { IngestError, StoredDocument } from '../../src/model/document.js';

const TAG = /<\/?[A-Za-z_][\w:.-]*(?:\s[^<>]*)?\/?>/gu;

/** XML source stored as text: it starts with an XML declaration or doctype, or tags are 30% or more of it. */
export function looksLikeXml(text: string): boolean {
  const head = text.trimStart().slice(0, 200);
  if (/^<\?xml\b|^<!DOCTYPE\b/iu.test(head)) return true;
  const sample = text.slice(0, 200_000);
  if (sample.length < 40) return false;
  let tags = 0;
  for (const m of sample.matchAll(TAG)) tags += m[0].length;
  return tags / sample.length >= 0.3;
}

// UTF-8 read as Windows-1252 or Latin-1: "Ã©", "Ã¼", "â€™", "â€œ".
const MOJIBAKE = /Ã[\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|â€[\u0080-\u00ff\u2018-\u203a\u2122\u0153\u02dc]/gu;

/** Text decoded in the wrong code page: at least three UTF-8 sequences read as single bytes. */
export function looksLikeMojibake(text: string): boolean {
  return (text.slice(0, 1_000_000).match(MOJIBAKE)?.length ?? 0) >= 3;
}

/** A name that says the file needs a password (Tika names them so: testPassword.xlsx, protectedFile.xlsx, encrypted.pdf). */
export function namedEncrypted(path: string): boolean {
  return /encrypt|passw|password|protected|_pwd|pwd_/iu.test(basename(path));
}

// A JavaScript error message passed on as a reason: a handler or library crashed on the input instead of judging it.
const RUNTIME_ERROR = /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|Maximum call stack|Invalid array length|\b(?:TypeError|RangeError|ReferenceError)\b/u;

/**
 * True when a failure's reason is a crash (an internal error, or a runtime error message under another code). A runtime
 * message quoted in brackets after the handler's own explanation ("... the spreadsheet reader (SheetJS) does not handle
 * (Cannot set properties of undefined)") was judged, not passed on: the words are kept for a bug report.
 */
export function isCrash(problem: IngestError): boolean {
  const unquoted = problem.message.replace(/\((?:[^()]|\([^()]*\))*\)/gu, '');
  return problem.code === 'internal-error' || RUNTIME_ERROR.test(unquoted);
}

/**
 * The flags of one file's documents (raw-xml, garbled, mojibake, encrypted, crash); problems are its failures and
 * warnings. "encrypted": named as password-protected, not reported as such, and refused or stored without text (a
 * file whose name says "protected" but that opens without a password, read in full, is not flagged).
 */
export function sweepFlags(path: string, docs: StoredDocument[], problems: IngestError[]): string[] {
  const flags: string[] = [];
  for (const doc of docs) {
    if (looksLikeXml(doc.text)) flags.push('raw-xml');
    const pages = doc.pages.length > 1 ? doc.pages.map((start, i) => doc.text.slice(start, doc.pages[i + 1] ?? doc.text.length)) : [doc.text];
    if ((isGarbled(doc.text) || pages.some(isGarbled)) && !doc.warnings.some((w) => w.code === 'garbled-text')) flags.push('garbled');
    if (looksLikeMojibake(doc.text)) flags.push('mojibake');
  }
  const unread = docs.length === 0 || docs.every((d) => d.text.trim() === '');
  if (namedEncrypted(path) && unread && !problems.some((p) => p.code === 'encrypted')) flags.push('encrypted');
  if (problems.some(isCrash)) flags.push('crash');
  return [...new Set(flags)];
}
