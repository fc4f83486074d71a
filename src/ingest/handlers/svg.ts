/** SVG drawings: the words they show (<text> and its <tspan>s, <title>, <desc>), never their XML source. */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { decodeText } from '../decode.js';
import { asciiHead, newDocument } from '../document.js';
import { parseXml, type XmlElement } from '../office/package.js';

// An SVG starts with its root element, after an optional XML declaration, doctype and comments.
const SVG_HEAD = /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;

/** Reads SVG files: one line per text element in document order, the drawing's <title> as the title. */
export const svgHandler: FormatHandler = {
  name: 'svg',
  extensions: ['.svg'],
  sniff(head) {
    return SVG_HEAD.test(asciiHead(head, 1024));
  },
  async read(input) {
    const source = decodeText(input.bytes, input.path).text;
    const root = parseXml(new TextEncoder().encode(source));
    const svg = root.getElementsByTagName('svg')[0];
    // The XML parser is lenient: a drawing cut short keeps the words before the cut. Without an <svg> root it is not one.
    if (!svg) throw new IngestFailure('corrupt-svg', `${input.path} is named .svg but has no <svg> root element.`);
    const lines: string[] = [];
    for (const tag of ['title', 'desc', 'text']) {
      for (const el of Array.from(svg.getElementsByTagName(tag))) {
        // A <text> inside another is counted with its parent; whitespace of the layout is folded.
        if (tag === 'text' && hasTextAncestor(el)) continue;
        const line = (el.textContent ?? '').replace(/\s+/gu, ' ').trim();
        if (line) lines.push(line);
      }
    }
    const title = (svg.getElementsByTagName('title')[0]?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    return newDocument(input, 'svg', lines.join('\n'), { mimeType: 'image/svg+xml', ...(title ? { title } : {}) });
  },
};

function hasTextAncestor(el: XmlElement): boolean {
  for (let p = (el as unknown as { parentNode: XmlElement | null }).parentNode; p; p = (p as unknown as { parentNode: XmlElement | null }).parentNode) {
    if ((p as unknown as { tagName?: string }).tagName?.toLowerCase() === 'text') return true;
  }
  return false;
}
