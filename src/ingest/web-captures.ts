import type { ExtractedDocument } from '../model/index.js';

/** What the web-archive readers share: a captured document, the tally of what was left out, and what is furniture. */

/** Media types that are a page's furniture, not documents: scripts, style sheets, fonts and images (icons, logos). */
export const FURNITURE = /^(?:text\/css|text\/javascript|application\/(?:x-)?javascript|application\/ecmascript|font\/|application\/font|application\/x-font|image\/)/i;

/** What a record was, counted for the archive's own text so nothing is skipped silently. */
export interface Tally { records: number; documents: number; furniture: number; notOk: number; revisits: number; empty: number; other: number }

/** The end of the file cut a record short: the records before it stand, this one is not read. */
export class CutShort extends Error {}

/** A captured document: its payload (transfer and content encodings undone), URL, capture date and media type. */
export interface Capture { bytes: Uint8Array; url: string; date?: string; mediaType: string; status?: number }

export function count(tally: Tally, key: keyof Tally): undefined {
  tally[key]++;
  return undefined;
}

/** A file extension for a media type, so the child is read by the right handler when its URL names none. */
const EXTENSION_OF_TYPE: Record<string, string> = {
  'text/html': '.html', 'application/xhtml+xml': '.html', 'text/plain': '.txt', 'application/pdf': '.pdf',
  'application/json': '.json', 'text/csv': '.csv', 'application/xml': '.xml', 'text/xml': '.xml', 'message/rfc822': '.eml',
  'application/msword': '.doc', 'application/rtf': '.rtf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-excel': '.xls', 'application/zip': '.zip',
};

/** "0003 example.org/news/story.html": numbered in archive order, host and path kept, an extension from the type. */
export function childName(n: number, url: string, mediaType: string): string {
  let name = url;
  try {
    const u = new URL(url);
    name = `${u.host}${u.pathname}`;
  } catch {
    // a target URI that is not a URL is kept as written
  }
  name = name.replace(/[^\p{L}\p{N}._/-]+/gu, '_').replace(/\/+/g, '/').replace(/\/$/, '/index').replace(/^\/+/, '') || 'capture';
  const last = name.slice(name.lastIndexOf('/') + 1);
  const wanted = EXTENSION_OF_TYPE[mediaType];
  if (wanted && !last.toLowerCase().endsWith(wanted)) name += wanted;
  return `${String(n).padStart(4, '0')} ${name}`;
}

/** The capture's URL, date and status go into the child's metadata; its host is the source when the page names none. */
export function withCapture(doc: ExtractedDocument, capture: Capture): ExtractedDocument {
  doc.meta = { ...doc.meta, url: capture.url, ...(capture.date ? { captured: capture.date } : {}), ...(capture.status ? { 'http-status': String(capture.status) } : {}) };
  if (!doc.source) {
    try {
      doc.source = new URL(capture.url).host || undefined;
    } catch {
      // no host to name
    }
  }
  return doc;
}
