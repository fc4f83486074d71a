/** A minimal PDF writer for scanned-style test files: each page is one grey image and nothing else (no text layer). */
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';

/** A page image as 8-bit grey pixels, with the resolution that sets its printed size. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  dpi: number;
}

/** Reads an image file into 8-bit grey pixels with ImageMagick (whose own PDF writer is often disabled by policy). */
export function readGrey(file: string, dpi: number): GreyImage {
  const [width, height] = execFileSync('identify', ['-format', '%w %h', file], { encoding: 'utf8' }).split(' ').map(Number);
  const pixels = execFileSync('convert', [file, '-colorspace', 'Gray', '-depth', '8', 'gray:-'], { maxBuffer: 1 << 28 });
  return { width: width!, height: height!, pixels: new Uint8Array(pixels), dpi };
}

/** Builds a PDF with one page per image, each image Flate-compressed and filling its page. */
export function imagePdf(images: GreyImage[]): Buffer {
  const objects: Buffer[] = [];
  const pageIds = images.map((_, i) => 3 + i * 3);
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${images.length} >>`);
  images.forEach((img, i) => {
    const id = pageIds[i]!;
    const w = (img.width * 72) / img.dpi;
    const h = (img.height * 72) / img.dpi;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const data = deflateSync(img.pixels, { level: 9 });
    objects[id] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
    objects[id + 1] = Buffer.from(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    objects[id + 2] = Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`),
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
