/** Reads one file's bytes into an ExtractedDocument with the handler that fits, recursing into archives and attachments. */
import type { ExtractedDocument } from '../model/index.js';
import { detectLanguage } from '../nlp/language.js';
import { DEFAULT_LIMITS, IngestFailure, type FormatHandler, type IngestLimits } from './handler.js';
import { HANDLERS } from './handlers.js';
import type { OcrOptions } from './ocr/options.js';
import { describeBinary, looksLikeText } from './decode.js';
import { extensionOf, sha256Hex } from './document.js';
import { inferMetadata, refinePublished } from './metadata.js';
import { garbledShare, isGarbled } from './ocr/garbled.js';

// Sniffers see this many leading bytes.
const HEAD_BYTES = 4096;
// Documents already finished by a nested readDocument call; JSON Lines records are not, as their handler builds them.
const finished = new WeakSet<ExtractedDocument>();

/**
 * Reads a document: picks its handler, reads it, then fills sha256, language and metadata where the handler left
 * them empty. Throws IngestFailure for bad input; failures of members and attachments become warnings on the parent.
 */
export async function readDocument(path: string, bytes: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS, depth = 0, ocr?: OcrOptions): Promise<ExtractedDocument> {
  return readNested(path, bytes, limits, depth, { remaining: limits.maxArchiveBytes }, ocr);
}

async function readNested(path: string, bytes: Uint8Array, limits: IngestLimits, depth: number, budget: { remaining: number }, ocr: OcrOptions | undefined): Promise<ExtractedDocument> {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new IngestFailure('too-large', `${path} is ${bytes.byteLength} bytes, more than the ${limits.maxFileBytes}-byte limit; split it or raise the limit.`);
  }
  if (bytes.byteLength === 0) throw new IngestFailure('empty-file', `${path} is empty (0 bytes); there is nothing to read.`);
  const handler = pickHandler(path, bytes);
  let doc: ExtractedDocument;
  try {
    doc = await handler.read({
      path,
      bytes,
      depth,
      limits,
      budget,
      ...(ocr ? { ocr } : {}),
      readChild(childPath, childBytes) {
        if (depth + 1 > limits.maxDepth) {
          return Promise.reject(new IngestFailure('too-deep', `${childPath} is nested ${depth + 1} levels deep, more than the limit of ${limits.maxDepth}; it was not read.`));
        }
        return readNested(childPath, childBytes, limits, depth + 1, budget, ocr);
      },
    });
  } catch (err) {
    if (err instanceof IngestFailure) throw err;
    // A library choking on hostile input is still a per-file failure with a reason, never a crash of the run.
    throw new IngestFailure('read-error', `${path} could not be read as ${handler.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  finish(doc, handler.container === true);
  const streamed = doc.streamedChildren;
  if (streamed) {
    if (depth > 0) throw new Error(`${handler.name} handed out streamed members for ${path}, which is not a file on disk`);
    // Each streamed member is finished (language, metadata) as it comes, like a member read whole.
    doc.streamedChildren = async function* finished() {
      for await (const child of streamed()) {
        finish(child, false);
        yield child;
      }
    };
  }
  return doc;
}

/**
 * Chooses the handler: a sniffed signature beats the extension (a PDF named .txt is read as PDF), except that when
 * several handlers sniff the same bytes the one the extension names wins (a .docx is also a zip); then text.
 */
export function pickHandler(path: string, bytes: Uint8Array, handlers: FormatHandler[] = HANDLERS): FormatHandler {
  const head = bytes.subarray(0, HEAD_BYTES);
  const ext = extensionOf(path);
  const byExtension = ext ? handlers.find((h) => h.extensions.includes(ext)) : undefined;
  const sniffed = handlers.filter((h) => (!h.weakSniff || !byExtension) && h.sniff?.(head));
  // Several handlers may claim the same signature (a DOCX is also a zip): the one the extension names wins among them.
  if (byExtension && sniffed.includes(byExtension)) return byExtension;
  if (sniffed[0]) return sniffed[0];
  if (byExtension) return byExtension;
  const text = handlers.find((h) => h.name === 'text');
  if (text && looksLikeText(bytes)) return text;
  const kind = describeBinary(head);
  throw new IngestFailure('unsupported-format', `${path} is in a format Cablegraph cannot read (${kind ?? (ext || 'no extension')}) and does not look like text.`);
}

/** Fills what every document needs and the handler may have left out; handler-given values always win. */
function finish(doc: ExtractedDocument, container: boolean): void {
  if (finished.has(doc)) return;
  finished.add(doc);
  if (!doc.sha256) doc.sha256 = sha256Hex(doc.original);
  for (const child of doc.children ?? []) finish(child, false);
  if (container) return;
  flagGarbled(doc);
  flagEmpty(doc);
  if (doc.language === undefined) doc.language = detectLanguage(doc.text);
  const inferred = inferMetadata(doc.text, { published: doc.published });
  doc.title ??= inferred.title;
  doc.source ??= inferred.source;
  doc.published = refinePublished(doc.published, inferred.published);
  doc.author ??= inferred.author;
  for (const key of ['title', 'source', 'published', 'author'] as const) if (doc[key] === undefined) delete doc[key];
}

/**
 * Whatever the format, text that is mostly control, private-use or replacement characters (a binary file read as
 * text, a broken encoding) is flagged with its share, unless its handler already did (PDF pages, see ocr/pages.ts).
 */
function flagGarbled(doc: ExtractedDocument): void {
  if (!isGarbled(doc.text) || doc.warnings?.some((w) => w.code === 'garbled-text')) return;
  const share = Math.round(garbledShare(doc.text) * 100);
  doc.warnings = [...(doc.warnings ?? []), { path: doc.path, code: 'garbled-text', message: `${doc.path}: ${share}% of the text is control, private-use or replacement characters (a binary file or a broken encoding); its words may not be searchable.` }];
}

/**
 * A document stored without any text, children or warning says so ("no-text"), whatever its handler: a Word file
 * whose only words are in a form its reader skips must not look like a file read in full. Pictures too small to hold
 * text are left alone (their handler records why in meta.ocr).
 */
function flagEmpty(doc: ExtractedDocument): void {
  if (doc.text.trim() !== '' || (doc.warnings?.length ?? 0) > 0 || (doc.children?.length ?? 0) > 0 || doc.meta?.ocr) return;
  doc.warnings = [{ path: doc.path, code: 'no-text', message: `${doc.path}: no text was found in this ${doc.format} file (its words may be in pictures, drawings or parts not read).` }];
}
