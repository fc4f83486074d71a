/** Plain text from the XML of OpenDocument bodies and PowerPoint slides: paragraphs, line breaks and table cells kept. */
import type { XmlElement, XmlNode } from './package.js';

/** The element names one XML dialect uses for text structure. */
export interface TextVocabulary {
  /** Elements whose text content is document text (ODF: paragraphs and headings; DrawingML: text runs). */
  textIn: Set<string>;
  /** Elements that end a paragraph. */
  paragraph: Set<string>;
  /** A table row and a cell within it: cells are joined by tabs, rows end with a newline. */
  row: string;
  cell: string;
  /** Elements standing for a tab, a line break, and (ODF "text:s", with a count in "text:c") runs of spaces. */
  tab: string;
  lineBreak: string;
  space?: string;
  /** Elements whose content is not document text (deleted revisions, form definitions). */
  skip: Set<string>;
  /** ODF collapses white space in paragraphs as HTML does; DrawingML keeps it. */
  collapse: boolean;
}

/** OpenDocument text, spreadsheet and presentation bodies (content.xml). */
export const ODF_TEXT: TextVocabulary = {
  textIn: new Set(['text:p', 'text:h']),
  paragraph: new Set(['text:p', 'text:h']),
  row: 'table:table-row',
  cell: 'table:table-cell',
  tab: 'text:tab',
  lineBreak: 'text:line-break',
  space: 'text:s',
  skip: new Set(['text:tracked-changes', 'office:forms', 'text:sequence-decls', 'office:annotation-end']),
  collapse: true,
};

/** PowerPoint slides (DrawingML: <a:p><a:r><a:t>text</a:t></a:r></a:p>, tables as a:tr/a:tc). */
export const DRAWINGML_TEXT: TextVocabulary = {
  textIn: new Set(['a:t']),
  paragraph: new Set(['a:p']),
  row: 'a:tr',
  cell: 'a:tc',
  tab: 'a:tab',
  lineBreak: 'a:br',
  skip: new Set(),
  collapse: false,
};

/**
 * The text under an element: paragraphs separated by a blank line (so a title without a full stop never runs into the
 * next line), table rows by a newline, cells by a tab, cell paragraphs by a space.
 */
export function xmlText(root: XmlNode, vocabulary: TextVocabulary): string {
  const state: State = { out: [], cellDepth: 0 };
  walk(root, vocabulary, state, false);
  return state.out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

// Pieces are collected in an array: trimming the end of one growing string would copy it at every cell.
interface State { out: string[]; cellDepth: number }

/** Drops the given characters from the end of the collected text, looking only at its last pieces. */
function trimTail(out: string[], chars: RegExp): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!.replace(chars, '');
    if (last) {
      out[out.length - 1] = last;
      return;
    }
    out.pop();
  }
}

function walk(node: XmlNode, v: TextVocabulary, s: State, inText: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) {
      if (inText) s.out.push(v.collapse ? (child.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ') : child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const name = child.nodeName;
    if (v.skip.has(name)) continue;
    if (name === v.tab) s.out.push('\t');
    else if (name === v.lineBreak) s.out.push(s.cellDepth > 0 ? ' ' : '\n');
    else if (name === v.space) s.out.push(' '.repeat(Math.min(1000, Number((child as XmlElement).getAttribute('text:c') ?? '1') || 1)));
    else if (name === v.cell) {
      s.cellDepth++;
      walk(child, v, s, inText);
      s.cellDepth--;
      // A line break inside a cell would break the row, so cell text stays on its row.
      trimTail(s.out, / +$/);
      s.out.push('\t');
    } else if (name === v.row) {
      walk(child, v, s, inText);
      trimTail(s.out, /\t+$/);
      s.out.push('\n');
    } else {
      walk(child, v, s, inText || v.textIn.has(name));
      if (v.paragraph.has(name)) s.out.push(s.cellDepth > 0 ? ' ' : '\n\n');
    }
  }
}
