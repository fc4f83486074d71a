/** Zip archives, read recursively in memory; every member becomes a child document named "archive.zip!/dir/file". */
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import type { FormatHandler, HandlerInput } from '../handler.js';
import { asciiHead, newDocument, toWarning } from '../document.js';
import { looksLikeOfficePackage, officePackageByDirectory } from '../office/package.js';
import { officeHandler } from './office.js';
import { isXps, readXps } from '../office/xps.js';
import { readZip, zipNames } from '../zip-reader.js';

/** Reads a zip archive; its text lists the members, its children are the members' documents. */
export const zipHandler: FormatHandler = {
  name: 'zip',
  extensions: ['.zip'],
  container: true,
  sniff(head) {
    // Local file header, or the end-of-central-directory record of an empty archive; office packages go to their handler.
    const text = asciiHead(head, head.byteLength);
    return (text.startsWith('PK\x03\x04') && !looksLikeOfficePackage(text)) || text.startsWith('PK\x05\x06');
  },
  async read(input) {
    // A package whose first members are media (the head showed no part name) is still a document, never a zip of XML.
    if (officePackageByDirectory(input.bytes)) return officeHandler.read(input);
    // XPS: pages of positioned text, read as a document with pages rather than as a zip of XML parts.
    if (isXps(zipNames(input.bytes))) return readXps(input);
    return readZipArchive(input);
  },
};

/** Reads a zip as an archive, members as children (what the office handler falls back to for a package of no kind it reads). */
export async function readZipArchive(input: HandlerInput): Promise<ExtractedDocument> {
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  const names: string[] = [];
  await readZip(input.path, input.bytes, input.limits, async ({ name, bytes }) => {
    names.push(name);
    const path = `${input.path}!/${name}`;
    try {
      children.push(await input.readChild(path, bytes));
    } catch (err) {
      warnings.push(toWarning(path, err));
    }
  }, ({ name, error }) => {
    names.push(name);
    warnings.push({ path: `${input.path}!/${name}`, code: error.code, message: error.message });
  }, input.budget);
  return newDocument(input, 'zip', names.join('\n'), { mimeType: 'application/zip', children, warnings });
}
