/** A minimal PDF writer for scanned-style test files: each page is one grey image and nothing else (no text layer). */
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';

/** A page image as 8-bit grey pixels, with the resolution that sets its printed size. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  dpi: number;
  /** 1 stores the page as a 1-bit image (black where a pixel is darker than mid-grey), as fax and JBIG2 scans are. */
  bits?: 1 | 8;
}

/** Packs 8-bit grey pixels into 1-bit rows (a set bit is white, as DeviceGray reads it), each row padded to a byte. */
function packBits(img: GreyImage): Uint8Array {
  const stride = Math.ceil(img.width / 8);
  const out = new Uint8Array(stride * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.pixels[y * img.width + x]! >= 128) out[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** Reads an image file into 8-bit grey pixels with ImageMagick (whose own PDF writer is often disabled by policy). */
export function readGrey(file: string, dpi: number): GreyImage {
  const [width, height] = execFileSync('identify', ['-format', '%w %h', file], { encoding: 'utf8' }).split(' ').map(Number);
  const pixels = execFileSync('convert', [file, '-colorspace', 'Gray', '-depth', '8', 'gray:-'], { maxBuffer: 1 << 28 });
  return { width: width!, height: height!, pixels: new Uint8Array(pixels), dpi };
}

/**
 * Builds a PDF with one page per image, each image Flate-compressed and filling its page. `hiddenText[i]`, when given,
 * adds an invisible text layer to page i (render mode 3, Helvetica, the string's bytes as written): a scan whose
 * text layer is junk, as broken font encodings leave.
 */
export function imagePdf(images: GreyImage[], hiddenText: (string | undefined)[] = []): Buffer {
  const objects: Buffer[] = [];
  const pageIds = images.map((_, i) => 3 + i * 3);
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${images.length} >>`);
  // The hidden layer's font maps A-M to the control characters U+0001-U+000D (a broken ToUnicode table, as some
  // generators write); other letters keep their meaning, so extracted text mixes junk and letters.
  const cmapId = 3 + images.length * 3;
  if (hiddenText.some((t) => t !== undefined)) {
    const cmap = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Junk def 1 begincodespacerange <00> <FF> endcodespacerange '
      + '1 beginbfrange <41> <4D> <0001> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end';
    objects[cmapId] = Buffer.from(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  }
  images.forEach((img, i) => {
    const id = pageIds[i]!;
    const w = (img.width * 72) / img.dpi;
    const h = (img.height * 72) / img.dpi;
    const hidden = hiddenText[i];
    const escaped = hidden?.replace(/[\\()]/g, (c) => `\\${c}`);
    const text = hidden === undefined ? '' : ` BT 3 Tr /F1 10 Tf 20 ${(h - 30).toFixed(2)} Td (${escaped}) Tj ET`;
    const draw = Buffer.from(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q${text}`, 'latin1');
    const bits = img.bits ?? 8;
    const data = deflateSync(bits === 1 ? packBits(img) : img.pixels, { level: 9 });
    const font = hidden === undefined ? '' : ` /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode ${cmapId} 0 R >> >>`;
    objects[id] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${id + 2} 0 R >>${font} >> /Contents ${id + 1} 0 R >>`);
    objects[id + 1] = Buffer.concat([Buffer.from(`<< /Length ${draw.length} >>\nstream\n`), draw, Buffer.from('\nendstream')]);
    objects[id + 2] = Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent ${bits} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`),
      data, Buffer.from('\nendstream'),
    ]);
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = size;
    const obj = Buffer.concat([Buffer.from(`${id} 0 obj\n`), objects[id]!, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    size += obj.length;
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`, ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}
