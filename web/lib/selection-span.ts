/** A selection in the reader as offsets into the document's text, read from the paragraphs' `data-start` attributes. */

/** Offset in the document of a point (node, offset) inside a paragraph `<p data-start>`; null outside one. */
function pointOffset(node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest('p[data-start]');
  if (!paragraph) return null;
  const base = Number(paragraph.getAttribute('data-start'));
  // A point inside an element counts the text of its children before `offset`; inside a text node, `offset` characters.
  let target: Node = node;
  let within = offset;
  if (!(node instanceof Text)) {
    const child = node.childNodes[offset];
    if (child) { target = child; within = 0; } else { target = node; within = node.textContent?.length ?? 0; }
  }
  let count = 0;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === target || target.contains(t)) return base + count + (t === target ? within : 0);
    count += t.textContent?.length ?? 0;
  }
  return base + count;
}

/** The current selection inside `root` as [start, end) of the document text, or null (none, empty, or outside). */
export function selectionSpan(root: HTMLElement | null, text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = pointOffset(range.startContainer, range.startOffset);
  const end = pointOffset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  // Trim what the mouse swept of surrounding whitespace.
  let [s, e] = [start, end];
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : null;
}
