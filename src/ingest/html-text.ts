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
  return parts.join('').replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n[ \t\u00a0]+/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function walk(node: DomNode, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  if (name === 'BR') { parts.push('\n'); return; }
  const block = BLOCKS.has(name);
  if (block) parts.push('\n\n');
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, parts);
  if (name === 'TD' || name === 'TH') parts.push('\t');
  if (block) parts.push('\n\n');
}
