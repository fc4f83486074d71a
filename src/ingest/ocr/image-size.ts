/** Pixel size of a PNG or JPEG from its header, so icons and logos (e-mail signatures) are not sent to OCR. */

/** Width and height in pixels, or undefined when the header does not say (TIFF, a damaged file). */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: the IHDR chunk comes first; width and height are big-endian at offsets 16 and 20.
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes.byteLength >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, view);
  return undefined;
}

// JPEG: walk the marker segments to a start-of-frame (SOF0-SOF15 except DHT C4, JPG C8, DAC CC), which holds height then width.
function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.byteLength) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

// A line of text at 150 dpi is about 30 px high and hundreds wide; below these an image holds no readable text
// worth a tesseract run (a 120 x 40 logo, a 16 x 16 icon).
const MIN_SIDE = 24;
const MIN_PIXELS = 40_000;

/** True when the image is too small to hold text worth reading. */
export function tooSmallForOcr(size: { width: number; height: number } | undefined): boolean {
  return size !== undefined && (size.width < MIN_SIDE || size.height < MIN_SIDE || size.width * size.height < MIN_PIXELS);
}
