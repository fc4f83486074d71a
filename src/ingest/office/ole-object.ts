/**
 * OLE embedding wrappers: the compound file Office writes around a file dropped into a document (a PDF in a slide, a
 * ZIP or a text file in a Word report). The file inside is the content: an Acrobat object keeps the PDF as its
 * "CONTENTS" stream, an embedded .docx/.xlsx/.pptx is its "Package" stream; a packager object ("\x01Ole10Native") keeps its original name and bytes. [MS-OLEDS] 2.3.6.
 */
import type { ExtractedDocument } from '../../model/index.js';
import type { HandlerInput } from '../handler.js';
import { newDocument, toWarning } from '../document.js';
import type { OleStreams } from './legacy.js';

/** The embedded file of a wrapper: its name (from the packager, else the stream) and bytes; undefined for other OLE files. */
export function embeddedPayload(streams: OleStreams): { name: string; bytes: Uint8Array } | undefined {
  const contents = streams.get('contents');
  if (contents && contents.byteLength > 0 && streams.has('ole')) return { name: 'CONTENTS', bytes: contents };
  // An Office 2007+ file embedded in a legacy one ("Package": the .docx/.xlsx/.pptx bytes themselves).
  const pack = streams.get('package');
  if (pack && pack.byteLength > 0 && pack[0] === 0x50 && pack[1] === 0x4b) return { name: 'Package', bytes: pack };
  const native = streams.get('ole10native');
  return native ? packagedFile(native) : undefined;
}

/**
 * Parses a packager stream: total size (4 bytes), flags (2), label, original path (both NUL-terminated), flags and
 * type (2 + 2), then the temporary path as a length (4) and bytes, and the data as a length (4) and bytes. A stream of any other
 * layout (an equation, a link) gives undefined.
 */
export function packagedFile(data: Uint8Array): { name: string; bytes: Uint8Array } | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const cstring = (at: number): [string, number] | undefined => {
    const end = data.indexOf(0, at);
    return end < 0 ? undefined : [Buffer.from(data.subarray(at, end)).toString('latin1'), end + 1];
  };
  if (data.byteLength < 12) return undefined;
  const label = cstring(6);
  const path = label && cstring(label[1]);
  if (!label || !path) return undefined;
  const name = (label[0] || path[0]).split(/[\\/]/).pop() || 'embedded';
  const bytes = dataAfter(view, path[1] + 4);
  return bytes ? { name, bytes } : undefined;
}

/** The temporary path (a length, then its bytes) at `at`, then the data (a length, then its bytes); undefined when they do not fit. */
function dataAfter(view: DataView, at: number): Uint8Array | undefined {
  if (at + 4 > view.byteLength) return undefined;
  at += 4 + view.getUint32(at, true);
  if (at + 4 > view.byteLength) return undefined;
  const size = view.getUint32(at, true);
  at += 4;
  if (size === 0 || at + size > view.byteLength) return undefined;
  return new Uint8Array(view.buffer, view.byteOffset + at, size);
}

/** The wrapper as a document whose one child is the embedded file (read with the handler that fits it). */
export async function readEmbedding(input: HandlerInput, payload: { name: string; bytes: Uint8Array }): Promise<ExtractedDocument> {
  const childPath = `${input.path}!/${payload.name}`;
  const doc = newDocument(input, 'ole-object', '', { mimeType: 'application/x-oleobject', meta: { embedded: payload.name } });
  try {
    doc.children = [await input.readChild(childPath, payload.bytes)];
  } catch (err) {
    doc.warnings = [toWarning(childPath, err)];
  }
  return doc;
}
