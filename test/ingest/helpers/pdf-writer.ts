/** A minimal PDF writer for tests: one line of Helvetica text per entry on each page, with a correct xref table. */

/** Entries of the PDF's info dictionary. */
export interface PdfInfoInput {
  title?: string;
  author?: string;
  /** PDF date string, e.g. "D:20191120082500Z". */
  creationDate?: string;
}

const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => '\\' + c)})`;

/** Builds a PDF whose pages each show the given lines of ASCII text, top to bottom, with an optional info dictionary. */
export function writePdf(pages: string[][], info?: PdfInfoInput): Uint8Array {
  const objects: string[] = [];
  // 1: catalog, 2: page tree, 3: font; then a page and its content stream per page.
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const pageId = pageIds[i]!;
    const ops = ['BT', '/F1 12 Tf', '14 TL', '72 720 Td'];
    for (const line of lines) ops.push(`${literal(line)} Tj T*`);
    ops.push('ET');
    const stream = ops.join('\n');
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  if (info) {
    const entries = [['Title', info.title], ['Author', info.author], ['CreationDate', info.creationDate]] as const;
    objects[infoId] = `<< ${entries.filter(([, v]) => v).map(([k, v]) => `/${k} ${literal(v!)}`).join(' ')} >>`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${info ? ` /Info ${infoId} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A one-page PDF in Courier (every glyph 0.6 em wide) whose glyphs are placed one by one, each by its own `Td`, as
 * design tools export tracked text: after the i-th glyph of a line comes a gap of `gaps[i % gaps.length]` em.
 */
export function writePlacedGlyphsPdf(lines: { text: string; gaps: number[] }[], size = 12): Uint8Array {
  const ops = ['BT', `/F1 ${size} Tf`];
  lines.forEach(({ text, gaps }, n) => {
    const glyphs = [...text].map((c, i) => `${literal(c)} Tj ${((0.6 + gaps[i % gaps.length]!) * size).toFixed(3)} 0 Td`);
    ops.push(`1 0 0 1 72 ${720 - 2 * size * n} Tm ${glyphs.join(' ')}`);
  });
  ops.push('ET');
  return onePagePdf(ops.join('\n'));
}

/**
 * A one-page PDF of strings each set at its own place (x, y in points from the bottom left), in the order given: a
 * table written column by column, as word processors write them, so a reader taking the content order reads columns.
 */
export function writePlacedTextPdf(items: { text: string; x: number; y: number }[], size = 10): Uint8Array {
  const ops = ['BT', `/F1 ${size} Tf`, ...items.map(({ text, x, y }) => `1 0 0 1 ${x} ${y} Tm ${literal(text)} Tj`), 'ET'];
  return onePagePdf(ops.join('\n'));
}

/** A PDF of one US Letter page with the content stream given, in Courier. */
function onePagePdf(stream: string): Uint8Array {
  const objects = [
    '', '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
