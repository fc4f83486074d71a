/** Plain text from a DOM subtree, with a blank line between blocks so paragraphs survive as they do on the page. */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL', 'BODY', 'HTML',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD']);

/** Minimal view of a DOM node, so the same code serves linkedom and any other DOM. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Converts a node to text: blocks become paragraphs, <br> a newline, table cells are separated by tabs. */
export function domToText(root: DomNode): string {
  const parts: string[] = [];
  walk(root, parts);
  // Spaces at a line's ends go; a tab ends a cell, so a row's first cell left empty keeps its tab.
  return parts.join('').replace(/ *\t */g, '\t').replace(/ {2,}/g, ' ').replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n[ \u00a0]+/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function walk(node: DomNode, parts: string[], inCell = false): void {
  if (node.nodeType === 3) {
    parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  // Inside a data table's cell, paragraphs and line breaks are spaces: a cell stays on its row's line.
  if (name === 'BR') { parts.push(inCell ? ' ' : '\n'); return; }
  const cell = name === 'TD' || name === 'TH';
  // A row of a data table (short cells, no line break or table inside) is one line, cells by tab, and such rows
  // follow one another without a blank line, so the table reads as one (src/nlp/tables.ts). A row of a layout table
  // (an e-mail's letter in a cell) keeps its paragraphs.
  const row = name === 'TR' && !inCell && isDataRow(node);
  const block = BLOCKS.has(name) && !row;
  const open = inCell ? (block ? ' ' : '') : block ? '\n\n' : row ? '\n' : '';
  parts.push(open);
  const valueInside = inCell || (cell && isDataCell(node));
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, parts, valueInside);
  if (cell) parts.push(inCell ? ' ' : '\t');
  // A row's line break comes before it only: the white space between two rows must not make a blank line.
  if (!row) parts.push(open);
}

// A cell longer than this holds running text (a letter laid out in a table), not a value.
const DATA_CELL_CHARS = 300;

/** Whether a cell holds a value: short, and no line break or table inside. */
function isDataCell(node: DomNode): boolean {
  if ((node.textContent ?? '').length > DATA_CELL_CHARS) return false;
  const inside = (n: DomNode): boolean => {
    for (let i = 0; i < n.childNodes.length; i++) {
      const c = n.childNodes[i]!;
      if (c.nodeType !== 1) continue;
      const tag = c.nodeName.toUpperCase();
      if (tag === 'BR' || tag === 'TABLE' || inside(c)) return true;
    }
    return false;
  };
  return !inside(node);
}

/** Whether a table row is a row of data: it has cells, and each holds a value. */
function isDataRow(node: DomNode): boolean {
  let cells = 0;
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = node.childNodes[i]!;
    const tag = c.nodeType === 1 ? c.nodeName.toUpperCase() : '';
    if (tag !== 'TD' && tag !== 'TH') continue;
    if (!isDataCell(c)) return false;
    cells++;
  }
  return cells > 0;
}
