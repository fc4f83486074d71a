/**
 * Word 2003 XML ("WordML": <?mso-application progid="Word.Document"?>, root w:wordDocument), often named .doc or .xml:
 * its w:t runs, one line per w:p paragraph; the title from o:DocumentProperties. Sniffed, so it wins over the
 * extension (a .doc that is XML is not a Word binary file).
 */
import { DOMParser } from 'linkedom';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { decodeText } from '../decode.js';
import { asciiHead, newDocument } from '../document.js';

const WORDML = /<\?mso-application\s+progid\s*=\s*["']Word\.Document["']|<w:wordDocument[\s>]/;

interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}

/** Reads WordML 2003 as its paragraphs. */
export const wordmlHandler: FormatHandler = {
  name: 'wordml',
  extensions: [],
  sniff(head) {
    const text = asciiHead(head, 4096);
    return /^(?:\xef\xbb\xbf)?\s*<\?xml/.test(text) && WORDML.test(text);
  },
  async read(input) {
    const source = decodeText(input.bytes, input.path).text;
    const doc = new DOMParser().parseFromString(source, 'text/xml') as unknown as { documentElement: Node | null };
    if (!doc.documentElement) throw new IngestFailure('corrupt-xml', `${input.path} looks like Word 2003 XML but could not be parsed as XML.`);
    const paragraphs: string[] = [];
    let title: string | undefined;
    const runs = (el: Node, out: string[]) => {
      for (const c of Array.from(el.childNodes)) {
        if (c.nodeType !== 1) continue;
        const name = c.nodeName.toLowerCase();
        if (name === 'w:t') out.push(c.textContent ?? '');
        else if (name === 'w:tab') out.push('\t');
        else if (name === 'w:br') out.push('\n');
        else if (name !== 'w:p') runs(c, out);
      }
    };
    const walk = (el: Node) => {
      for (const c of Array.from(el.childNodes)) {
        if (c.nodeType !== 1) continue;
        const name = c.nodeName.toLowerCase();
        if (name === 'o:title' && title === undefined) title = (c.textContent ?? '').trim() || undefined;
        if (name === 'w:p') {
          const out: string[] = [];
          runs(c, out);
          paragraphs.push(out.join('').trim());
          walk(c); // a text box's paragraphs nested in this one
        } else if (name !== 'w:styles' && name !== 'w:fonts' && name !== 'w:lists' && name !== 'w:binData') walk(c);
      }
    };
    walk(doc.documentElement);
    const text = paragraphs.filter((p) => p !== '').join('\n');
    return newDocument(input, 'wordml', text, { mimeType: 'application/xml', ...(title ? { title } : {}) });
  },
};
