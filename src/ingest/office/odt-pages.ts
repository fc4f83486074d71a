/**
 * The pages of an OpenDocument text as LibreOffice laid it out: it marks every page start it computed with
 * <text:soft-page-break/>, and a hard break is a paragraph whose automatic style breaks the page before (or after) it.
 */
import type { XmlElement, XmlNode } from './package.js';
import { parseXml } from './package.js';
import { ODF_TEXT, xmlText } from './xml-text.js';

// What the mutation below needs of linkedom's DOM, beyond the read-only view package.ts declares.
interface MutableNode extends XmlElement {
  parentNode: MutableNode | null;
  ownerDocument: { createTextNode(text: string): XmlNode };
  insertBefore(node: XmlNode, before: XmlNode | null): void;
}

// The page mark inserted into the text; pages are split on it after xmlText has laid out the paragraphs.
const PAGE_MARK = '\f';
const PARAGRAPHS = new Set(['text:p', 'text:h']);

/** Page texts of content.xml, in reading (logical) order; one page when the file marks no break. */
export function odtPages(content: Uint8Array): string[] {
  const root = parseXml(content);
  const body = root.getElementsByTagName('office:text')[0] as MutableNode | undefined;
  if (!body) return [];
  const { before, after } = breakingStyles(root);
  // Collected first: inserting marks while walking a live collection would shift it.
  const soft = Array.from(body.getElementsByTagName('text:soft-page-break')) as MutableNode[];
  const paragraphs = [...Array.from(body.getElementsByTagName('text:p')), ...Array.from(body.getElementsByTagName('text:h'))] as MutableNode[];
  for (const mark of soft) {
    if (insideParagraph(mark)) mark.parentNode!.insertBefore(mark.ownerDocument.createTextNode(PAGE_MARK), mark);
    else {
      const next = paragraphAfter(mark);
      if (next) next.insertBefore(next.ownerDocument.createTextNode(PAGE_MARK), next.firstChild);
    }
  }
  for (const p of paragraphs) {
    const style = p.getAttribute('text:style-name') ?? '';
    if (before.has(style) && !startsWithMark(p)) p.insertBefore(p.ownerDocument.createTextNode(PAGE_MARK), p.firstChild);
    if (after.has(style)) p.insertBefore(p.ownerDocument.createTextNode(PAGE_MARK), null);
  }
  // A break before the first paragraph, or one soft and one hard at the same place, makes no empty page.
  return xmlText(body, ODF_TEXT).split(/[ \t\n]*\f[ \t\n\f]*/).filter((page, i) => i > 0 || page.trim() !== '');
}

/** Automatic paragraph styles that break the page before them (or start a new master page) and after them. */
function breakingStyles(root: XmlElement): { before: Set<string>; after: Set<string> } {
  const before = new Set<string>();
  const after = new Set<string>();
  for (const style of Array.from(root.getElementsByTagName('style:style'))) {
    if (style.getAttribute('style:family') !== 'paragraph') continue;
    const name = style.getAttribute('style:name') ?? '';
    const props = style.getElementsByTagName('style:paragraph-properties')[0];
    if (props?.getAttribute('fo:break-before') === 'page' || style.getAttribute('style:master-page-name')) before.add(name);
    if (props?.getAttribute('fo:break-after') === 'page') after.add(name);
  }
  return { before, after };
}

function insideParagraph(node: MutableNode): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (PARAGRAPHS.has(p.nodeName)) return true;
  return false;
}

function startsWithMark(p: MutableNode): boolean {
  return p.firstChild?.nodeType === 3 && p.firstChild.nodeValue === PAGE_MARK;
}

/** The first paragraph after a node in document order (a break between paragraphs or table rows). */
function paragraphAfter(node: MutableNode): MutableNode | undefined {
  for (let at: MutableNode | null = node; at; at = at.parentNode) {
    for (let next = at.nextSibling as MutableNode | null; next; next = next.nextSibling as MutableNode | null) {
      if (next.nodeType !== 1) continue;
      if (PARAGRAPHS.has(next.nodeName)) return next;
      const inner = next.getElementsByTagName('text:p')[0] ?? next.getElementsByTagName('text:h')[0];
      if (inner) return inner as MutableNode;
    }
  }
  return undefined;
}
