/**
 * XML files that no other handler reads (RSS and Atom feeds, KML, DITA, FictionBook, NASA DIF, flat OpenDocument,
 * SpreadsheetML 2003, configuration and data exports): their words, never their source. An element holding text of
 * its own is one line (its inline children, such as <b> in <p>, read with it); elements holding only elements are
 * walked; tags, attributes, comments and processing instructions are left out.
 */
import iconv from 'iconv-lite';
import { DOMParser } from 'linkedom';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { decodeText } from '../decode.js';
import { asciiHead, newDocument } from '../document.js';

// Declaration, doctype and comments may come before the root element, whose name is captured.
const XML_HEAD = /^(?:\ufeff|\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[\s\S]*?\?>\s*|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>\s*)*<([A-Za-z_][\w.:-]*)/;
// Roots other handlers read: HTML (also when written as XHTML) and SVG.
const OTHER_ROOTS = /^(?:html|svg)$/i;

interface XmlNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<XmlNode>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
// Subtrees that are layout or embedded data, not text: styles and settings (OpenDocument, SpreadsheetML, KML), scripts,
// FictionBook's base64 pictures.
const SKIPPED = new Set(['style', 'styles', 'stylemap', 'stylesheet', 'automatic-styles', 'master-styles', 'font-face-decls', 'settings', 'script', 'binary', 'excelworkbook', 'worksheetoptions']);
// A line of base64 only (an embedded picture or certificate), whitespace folded.
const BLOB = /^[A-Za-z0-9+/=]{100,}$/;
// Markup inside CDATA (an RSS description's HTML) is not text either.
const TAG = /<\/?[A-Za-z][^<>]*>/g;

/** The root element's name when the head is XML (declaration or root element first), else undefined. */
export function xmlRoot(head: string): string | undefined {
  return XML_HEAD.exec(head)?.[2];
}

/** Reads XML as its text: one line per element with text of its own, the first <title> (any namespace) as title. */
export const xmlHandler: FormatHandler = {
  name: 'xml',
  extensions: ['.xml', '.rss', '.atom', '.kml', '.gpx', '.dita', '.ditamap', '.fb2', '.xlf', '.xliff', '.rdf', '.fodt', '.fods', '.fodp', '.fodg', '.iso19139', '.xmp', '.tmx', '.asx'],
  weakSniff: true,
  sniff(head) {
    const root = xmlRoot(asciiHead(head, 4096));
    if (root === undefined || OTHER_ROOTS.test(root)) return false;
    // Without a declaration, a root element alone is too weak a sign (text that starts with "<b>"): only with a
    // declaration, or a root that declares a namespace (XMP's <x:xmpmeta xmlns:x=...>, a TMX or ASX export with xmlns).
    const text = asciiHead(head, 4096);
    return /^(?:\ufeff|\xef\xbb\xbf)?\s*<\?xml/.test(text) || rootDeclaresNamespace(text, root);
  },
  async read(input) {
    const source = decodeXml(input.bytes, input.path);
    const root = xmlRoot(source.slice(0, 65_536));
    if (root === undefined) {
      throw new IngestFailure('corrupt-xml', `${input.path} is named ${input.path.slice(input.path.lastIndexOf('.'))} but is not XML: no root element after the declaration.`);
    }
    const doc = new DOMParser().parseFromString(source, 'text/xml') as unknown as { documentElement: XmlNode | null };
    if (!doc.documentElement) throw new IngestFailure('corrupt-xml', `${input.path} could not be parsed as XML.`);
    const lines: string[] = [];
    let title: string | undefined;
    const walk = (el: XmlNode) => {
      const children = Array.from(el.childNodes);
      const ownText = children.some((c) => (c.nodeType === TEXT || c.nodeType === CDATA) && (c.textContent ?? '').trim() !== '');
      if (ownText) {
        const line = textOf(el);
        if (line && !BLOB.test(line.replace(/ /g, ''))) lines.push(line);
        return;
      }
      for (const child of children) {
        if (child.nodeType !== ELEMENT || SKIPPED.has(localName(child))) continue;
        if (title === undefined && localName(child) === 'title') title = textOf(child) || undefined;
        walk(child);
      }
    };
    walk(doc.documentElement);
    const text = lines.join('\n');
    const out = newDocument(input, 'xml', text, { mimeType: 'application/xml', ...(title ? { title } : {}), meta: { xmlRoot: root } });
    if (text === '') out.warnings = [{ path: input.path, code: 'no-text', message: `${input.path}: the XML document (root <${root}>) holds no text, only markup and attributes.` }];
    return out;
  },
};

/** True when the root element's start tag carries an xmlns attribute. */
function rootDeclaresNamespace(head: string, root: string): boolean {
  const start = head.indexOf(`<${root}`);
  const end = head.indexOf('>', start);
  return start >= 0 && end > start && /\sxmlns(?::[\w.-]+)?\s*=/.test(head.slice(start, end));
}

function localName(el: XmlNode): string {
  return (el.localName ?? el.nodeName).replace(/^.*:/, '').toLowerCase();
}

function textOf(el: XmlNode): string {
  return (el.textContent ?? '').replace(TAG, ' ').replace(/\s+/gu, ' ').trim();
}

/** The XML's characters: a byte-order mark, else the declared encoding when known, else as text files are decoded. */
function decodeXml(bytes: Uint8Array, path: string): string {
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(asciiHead(bytes, 200).replace(/^\xef\xbb\xbf/, ''))?.[1];
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom && declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared);
  }
  return decodeText(bytes, path).text;
}
