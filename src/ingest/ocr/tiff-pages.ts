/**
 * The pages of a multi-page TIFF as single-page TIFFs, so each is OCR'd on its own (its language chosen per page, a
 * failing page failing alone). A classic TIFF is a header pointing at the first image file directory (IFD), each IFD
 * pointing at the next; page n is the same bytes with the header pointing at IFD n and that IFD's "next" pointer
 * cleared: every offset in the file stays valid, nothing is decoded or re-encoded.
 */

// More directories than this is a loop or a hostile file, not a document.
const MAX_PAGES = 10_000;

/** The IFD offsets of a classic (not Big) TIFF, in page order; null when it is not one or its chain is damaged. */
export function tiffDirectories(bytes: Uint8Array): number[] | null {
  if (bytes.byteLength < 8) return null;
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!little && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(2, little) !== 42) return null;
  const offsets: number[] = [];
  const seen = new Set<number>();
  for (let at = view.getUint32(4, little); at !== 0; at = view.getUint32(nextPointer(view, at, little), little)) {
    if (seen.has(at) || offsets.length >= MAX_PAGES || at + 2 > bytes.byteLength) return null;
    if (nextPointer(view, at, little) + 4 > bytes.byteLength) return null;
    seen.add(at);
    offsets.push(at);
  }
  return offsets.length > 0 ? offsets : null;
}

/** Page `index` (0-based) of a TIFF whose directories `tiffDirectories` gave, as a single-page TIFF. */
export function tiffPage(bytes: Uint8Array, directories: number[], index: number): Uint8Array {
  const page = bytes.slice();
  const view = new DataView(page.buffer);
  const little = page[0] === 0x49;
  const at = directories[index]!;
  view.setUint32(4, at, little);
  view.setUint32(nextPointer(view, at, little), 0, little);
  return page;
}

// An IFD: a 2-byte entry count, 12 bytes per entry, then the 4-byte offset of the next IFD.
function nextPointer(view: DataView, at: number, little: boolean): number {
  return at + 2 + view.getUint16(at, little) * 12;
}
