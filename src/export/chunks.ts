/** Helpers for formats written as a sequence of text chunks, a page at a time. */

/**
 * A JSON array as `JSON.stringify(value, null, 2)` writes it at `depth` (the key's nesting level): items one per line
 * indented one level deeper, "[]" when empty; each page of items is one chunk.
 */
export async function* jsonArray<T>(pages: AsyncIterable<T[]>, render: (items: T[]) => Promise<unknown[]> | unknown[], depth: number): AsyncGenerator<string> {
  const inner = '\n' + '  '.repeat(depth + 1);
  let first = true;
  for await (const page of pages) {
    const items = await render(page);
    if (items.length === 0) continue;
    // Strings never hold a raw line break in JSON, so indenting every line break indents the item's own lines.
    const text = items.map((x) => JSON.stringify(x, null, 2).replace(/\n/g, inner)).join(`,${inner}`);
    yield `${first ? '' : ','}${inner}${text}`;
    first = false;
  }
  yield first ? ']' : `\n${'  '.repeat(depth)}]`;
}
