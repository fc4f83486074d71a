/**
 * XPS and OpenXPS documents (what Windows' "Microsoft XPS Document Writer" prints to): a zip whose pages are
 * Documents/N/Pages/M.fpage, each drawing its text as <Glyphs UnicodeString="..."> at an origin. Each page is a page;
 * runs on the same baseline are joined with a space, a new baseline starts a new line. Fonts and pictures are not read.
 */
import { DOMParser } from 'linkedom';
import type { ExtractedDocument } from '../../model/index.js';
import type { HandlerInput } from '../handler.js';
import { decodeText } from '../decode.js';
import { joinPages, newDocument } from '../document.js';
import { packageMetadata } from './package.js';
import { readZip } from '../zip-reader.js';

const PAGE = /(?:^|\/)Documents\/(\d+)\/Pages\/(\d+)\.fpage$/i;

/** True when a zip's member names are those of an XPS document (a fixed document sequence and its pages). */
export function isXps(names: readonly string[]): boolean {
  return names.some((n) => /\.fdseq$/i.test(n)) && names.some((n) => PAGE.test(n));
}

interface Glyphs { getAttribute(name: string): string | null }

/** Reads an XPS document: its pages' text in page order, title and author from docProps/core.xml. */
export async function readXps(input: HandlerInput): Promise<ExtractedDocument> {
  const pages: { doc: number; page: number; text: string }[] = [];
  const meta = new Map<string, Uint8Array>();
  await readZip(input.path, input.bytes, input.limits, async ({ name, bytes }) => {
    const page = PAGE.exec(name);
    if (page) pages.push({ doc: Number(page[1]), page: Number(page[2]), text: pageText(decodeText(bytes, `${input.path}!/${name}`).text) });
    else if (name === 'docProps/core.xml') meta.set(name, bytes);
  }, () => undefined, input.budget, 'skip');
  pages.sort((a, b) => a.doc - b.doc || a.page - b.page);
  const { text, starts } = joinPages(pages.map((p) => p.text));
  const doc = newDocument(input, 'xps', text, { mimeType: 'application/vnd.ms-xpsdocument', pages: starts, ...packageMetadata(meta) });
  if (text.trim() === '') doc.warnings = [{ path: input.path, code: 'no-text', message: `${input.path}: the XPS document draws no text (only pictures or outlines?).` }];
  return doc;
}

/** One page's runs in drawing order, a new line where the baseline (OriginY) changes. */
function pageText(xml: string): string {
  const root = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { getElementsByTagName(n: string): ArrayLike<Glyphs> };
  let out = '';
  let baseline: number | undefined;
  for (const glyphs of Array.from(root.getElementsByTagName('Glyphs'))) {
    // "{}" escapes a string that starts with "{" (which would otherwise be a markup extension).
    const run = (glyphs.getAttribute('UnicodeString') ?? '').replace(/^\{\}/, '');
    if (!run.trim()) continue;
    const y = Number(glyphs.getAttribute('OriginY'));
    if (out && baseline !== undefined && Number.isFinite(y) && Math.abs(y - baseline) < 1) out += ' ';
    else if (out) out += '\n';
    out += run.trim();
    baseline = y;
  }
  return out;
}
