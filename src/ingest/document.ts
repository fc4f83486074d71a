/** Helpers every handler uses to build its ExtractedDocument. */
import { createHash } from 'node:crypto';
import type { ExtractedDocument, IngestError } from '../model/index.js';
import { IngestFailure, type HandlerInput } from './handler.js';

/** SHA-256 of bytes as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Starts a document for the handler's input: path, original bytes and their hash, format and text. */
export function newDocument(input: HandlerInput, format: string, text: string, extra: Partial<ExtractedDocument> = {}): ExtractedDocument {
  return { path: input.path, sha256: sha256Hex(input.bytes), original: input.bytes, format, text, ...extra };
}

/** Lower-case extension of a path with its dot (".txt"), or '' when it has none; archive members count from their own name. */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'), path.lastIndexOf('!')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Decodes the first bytes as Latin-1, for sniffing ASCII signatures without caring about the encoding. */
export function asciiHead(bytes: Uint8Array, n = 1024): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.byteLength)).toString('latin1');
}

/** Turns a member's or attachment's failure into a warning on its parent, so one bad part does not lose the others. */
export function toWarning(path: string, err: unknown): IngestError {
  if (err instanceof IngestFailure) return { path, code: err.code, message: err.message };
  return { path, code: 'read-error', message: `${path} could not be read: ${err instanceof Error ? err.message : String(err)}` };
}

// Pages are joined with a blank line so the last sentence of one page never runs into the first of the next.
const PAGE_SEPARATOR = '\n\n';

/** Joins page texts (trailing blanks trimmed) and returns the text with each page's start offset. */
export function joinPages(pages: string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const page of pages) {
    if (starts.length > 0) text += PAGE_SEPARATOR;
    starts.push(text.length);
    text += page.replace(/\s+$/, '');
  }
  return { text, starts };
}
