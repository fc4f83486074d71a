/**
 * Pictures and embedded files of an Office or OpenDocument package, read as children of the document. OpenDocument
 * (and LibreOffice's conversions of legacy files) keeps pictures under Pictures/ and an embedded file it has no import
 * for as an OLE storage "Object N" at the top (objects it can import become "Object N/" folders, whose replacement
 * pictures are in ObjectReplacements/); Office Open XML keeps them under word/, ppt/ or xl/ in media/ and embeddings/.
 * Only pictures an image reader knows are taken: drawings kept as metafiles (WMF, EMF, SVM) hold vectors, not text an
 * OCR could read.
 */
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { toWarning } from '../document.js';
import type { HandlerInput } from '../handler.js';
import { imageHandler } from '../handlers/image.js';

const PICTURE = /^(?:Pictures|(?:word|ppt|xl)\/media)\/[^/]+$/;
const EMBEDDED_FILE = /^(?:Object \d+|(?:word|ppt|xl)\/embeddings\/[^/]+)$/;

/** True for the parts read as children (readParts keeps their bytes). */
export function isEmbeddedPart(name: string): boolean {
  return PICTURE.test(name) || EMBEDDED_FILE.test(name);
}

/**
 * The pictures (read by OCR like any image) and embedded files of a package, each a child named
 * "<document>!/<part>", added to `doc`; a child that cannot be read is a warning on the document, as a zip member's is.
 */
export async function addEmbedded(doc: ExtractedDocument, input: HandlerInput, parts: Map<string, Uint8Array>): Promise<ExtractedDocument> {
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  for (const [name, bytes] of parts) {
    if (!isEmbeddedPart(name) || bytes.byteLength === 0) continue;
    if (PICTURE.test(name) && !imageHandler.sniff!(bytes.subarray(0, 64))) continue;
    const path = `${input.path}!/${name}`;
    try {
      children.push(await input.readChild(path, bytes));
    } catch (err) {
      warnings.push(toWarning(path, err));
    }
  }
  if (children.length > 0) doc.children = [...(doc.children ?? []), ...children];
  if (warnings.length > 0) doc.warnings = [...(doc.warnings ?? []), ...warnings];
  return doc;
}
