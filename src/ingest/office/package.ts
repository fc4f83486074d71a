/** Office Open XML and OpenDocument packages: their parts read under the ingest limits, their kind and their metadata. */
import { DOMParser } from 'linkedom';
import type { HandlerInput } from '../handler.js';
import { normalizeDate } from '../dates.js';
import { readZip, zipNames } from '../zip-reader.js';

/** What a package holds, told by its parts rather than by its file name. */
export type PackageKind = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp';

// Member names that only office packages start with; a zip whose first local headers name one is read as a document.
// ODF stores "mimetype" first and uncompressed, so its value shows in the head ("mimetypeapplication/vnd.oasis...").
const OFFICE_NAMES = [
  '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'word/document.xml', 'word/_rels/',
  'xl/workbook.', 'xl/_rels/', 'ppt/presentation.xml', 'ppt/_rels/', 'META-INF/manifest.xml', 'mimetypeapplication/vnd.oasis.opendocument.',
];

/** True when the first bytes of a zip name a member only Office and OpenDocument packages have. */
export function looksLikeOfficePackage(headLatin1: string): boolean {
  return headLatin1.startsWith('PK\x03\x04') && OFFICE_NAMES.some((n) => headLatin1.includes(n));
}

// Main parts that make a zip an Office or OpenDocument file, whatever order its members were written in.
const MAIN_PARTS = ['word/document.xml', 'xl/workbook.xml', 'xl/workbook.bin', 'ppt/presentation.xml'];

/**
 * True when the zip's central directory (at its end) lists an Office package's parts: [Content_Types].xml with a main
 * part, or an OpenDocument mimetype with content.xml. Catches packages whose first members are media (a .docx written
 * by a converter, an embedded one), which looksLikeOfficePackage cannot see.
 */
export function officePackageByDirectory(bytes: Uint8Array): boolean {
  const names = new Set(zipNames(bytes));
  if (names.has('[Content_Types].xml') && MAIN_PARTS.some((p) => names.has(p))) return true;
  return names.has('mimetype') && names.has('content.xml') && names.has('META-INF/manifest.xml');
}

const NO_BYTES = new Uint8Array(0);

// Word and Excel bodies are parsed by mammoth and SheetJS from the file itself, and media are not read at all: those
// parts are checked and listed but their bytes dropped, so a 200 MB sheet or a deck of photos is not held twice.
function keepsBytes(name: string): boolean {
  return (/\.(?:xml|rels)$/.test(name) && !/^(?:xl|word)\//.test(name)) || name === 'mimetype';
}

/**
 * Every part of the package, inflated with the zip bomb, traversal and size checks of any archive (see keepsBytes);
 * `alsoKeep` names further parts whose bytes are kept (embedded pictures and objects a caller reads as children).
 */
export async function readParts(input: HandlerInput, alsoKeep?: (name: string) => boolean): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  await readZip(input.path, input.bytes, input.limits, async ({ name, bytes }) => {
    parts.set(name, keepsBytes(name) || alsoKeep?.(name) ? bytes : NO_BYTES);
  }, () => undefined, input.budget, 'skip');
  return parts;
}

const ODF_KINDS: Record<string, PackageKind> = { text: 'odt', spreadsheet: 'ods', presentation: 'odp' };

/** The package's kind from its main part (OOXML) or declared media type (ODF); undefined for any other zip. */
export function packageKind(parts: Map<string, Uint8Array>): PackageKind | undefined {
  if (parts.has('word/document.xml')) return 'docx';
  if (parts.has('xl/workbook.xml') || parts.has('xl/workbook.bin')) return 'xlsx';
  if (parts.has('ppt/presentation.xml')) return 'pptx';
  let media = parts.has('mimetype') ? utf8(parts.get('mimetype')!).trim() : '';
  // Some writers leave out the "mimetype" member; the manifest then declares the root's media type.
  if (!media && parts.has('META-INF/manifest.xml')) {
    media = /manifest:full-path="\/"[^>]*?manifest:media-type="([^"]+)"|manifest:media-type="([^"]+)"[^>]*?manifest:full-path="\/"/
      .exec(utf8(parts.get('META-INF/manifest.xml')!))?.slice(1).find(Boolean) ?? '';
  }
  // "application/vnd.oasis.opendocument.text" and its templates ("text-template"), but not "text-web" or "graphics".
  const m = /^application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)(?:-template)?$/.exec(media);
  return m ? ODF_KINDS[m[1]!] : undefined;
}

/** Decodes a part as UTF-8 (the encoding both standards require of their XML). */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** What the office readers use of a parsed XML node (linkedom's here; the build has no DOM library types). */
export interface XmlNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
}

/** An element: a node with attributes and descendants by tag name. */
export interface XmlElement extends XmlNode {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

/** Parses an XML part; element names keep their prefixes ("text:p", "a:t"). */
export function parseXml(bytes: Uint8Array): XmlElement {
  return new DOMParser().parseFromString(utf8(bytes), 'text/xml') as unknown as XmlElement;
}

/** Title, author and creation date from docProps/core.xml (OOXML) or meta.xml (ODF), each only when present. */
export function packageMetadata(parts: Map<string, Uint8Array>): { title?: string; author?: string; published?: string } {
  const part = parts.get('docProps/core.xml') ?? parts.get('meta.xml');
  if (!part) return {};
  const doc = parseXml(part);
  const field = (...tags: string[]) => {
    for (const tag of tags) {
      const value = doc.getElementsByTagName(tag)[0]?.textContent?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const out: { title?: string; author?: string; published?: string } = {};
  const title = field('dc:title');
  if (title) out.title = title;
  const author = field('meta:initial-creator', 'dc:creator');
  if (author) out.author = author;
  const published = normalizeDate(field('dcterms:created', 'meta:creation-date'));
  if (published) out.published = published;
  return out;
}
