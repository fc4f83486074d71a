// OCR with the real Tesseract on committed fixtures (scripts/ocr/fixtures.ts): scanned PDFs, a PDF with one typed and
// one scanned page, an Arabic PNG and a 2-page TIFF; the language chosen per page; failures kept per page or per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { readDocument } from '../../src/ingest/read-document.js';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { defaultOcrOptions } from '../../src/ingest/ocr/options.js';
import { parseTsv, stripBidiMarks } from '../../src/ingest/ocr/tsv.js';
import { persianOrArabic } from '../../src/ingest/ocr/script.js';
import { imageSize, tooSmallForOcr } from '../../src/ingest/ocr/image-size.js';
import { tiffDirectories, tiffPage } from '../../src/ingest/ocr/tiff-pages.js';
import { parseImageList, parsePageSizes, renderDpi, scanResolutions } from '../../src/ingest/ocr/scan-resolution.js';
import { parseOcrConfidence } from '../../src/model/index.js';
import { ROOT } from '../helpers.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writePdf } from './helpers/pdf-writer.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'ocr');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const read = (name: string, ocr = defaultOcrOptions()) => readDocument(name, bytes(name), DEFAULT_LIMITS, 0, ocr);
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Each page's text, cut at the stored page offsets. */
function pageTexts(doc: { text: string; pages?: number[] }): string[] {
  const starts = doc.pages ?? [0];
  return starts.map((s, i) => doc.text.slice(s, starts[i + 1] ?? doc.text.length));
}

test('a scanned English PDF is OCR\'d page by page with its confidence', async () => {
  const doc = await read('scan-en.pdf');
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.pages?.length, 2);
  const [one, two] = pageTexts(doc);
  assert.match(one!, /ambassador met Governor Harun\s+Valizadeh/);
  assert.doesNotMatch(one!, /End of message/);
  assert.match(two!, /customs service/);
  assert.equal(doc.language, 'en');
  const conf = parseOcrConfidence(doc.meta);
  assert.equal(conf.length, 2);
  for (const c of conf) assert.ok(c !== null && c > 0 && c <= 1, `confidence ${c}`);
  assert.equal(doc.meta?.ocrLanguages, 'eng,eng');
  assert.equal(doc.warnings, undefined);
});

test('a scanned Persian PDF is read with the Persian model, chosen from the page', async () => {
  const doc = await read('scan-fa.pdf');
  assert.equal(doc.meta?.ocrLanguages, 'fas');
  assert.equal(doc.language, 'fa');
  for (const word of ['محرمانه', 'استاندار', 'تبریز', 'بازرگانی']) assert.ok(doc.text.includes(word), `${word} in ${doc.text}`);
  assert.doesNotMatch(doc.text, BIDI);
});

test('with --ocr-lang fas+eng, the Latin word in a Persian page is read and the bidi marks Tesseract adds are gone', async () => {
  const doc = await read('scan-fa.pdf', defaultOcrOptions({ lang: 'fas+eng' }));
  assert.equal(doc.meta?.ocrLanguages, 'fas+eng');
  assert.match(doc.text, /Dubai/);
  assert.doesNotMatch(doc.text, BIDI);
});

test('only the page without a text layer is OCR\'d', async () => {
  const doc = await read('mixed.pdf');
  const [typed, scanned] = pageTexts(doc);
  assert.equal(typed!.trim(), 'Cover note: the attached page was scanned at the consulate.');
  assert.match(scanned!, /Valizadeh asked/);
  const conf = parseOcrConfidence(doc.meta);
  assert.equal(conf[0], null);
  assert.ok(conf[1]! > 0.5);
  assert.equal(doc.meta?.ocrPages, '1');
});

test('an Arabic PNG is read with the Arabic model', async () => {
  const doc = await read('statement-ar.png');
  assert.equal(doc.format, 'image');
  assert.equal(doc.mimeType, 'image/png');
  assert.equal(doc.meta?.ocrLanguages, 'ara');
  assert.equal(doc.language, 'ar');
  assert.match(doc.text, /وزير الخارجية/);
});

test('each page of a TIFF is a page of the document', async () => {
  const doc = await read('fax-2pages.tif');
  assert.equal(doc.mimeType, 'image/tiff');
  const [one, two] = pageTexts(doc);
  assert.match(one!, /^Page one/);
  assert.match(one!, /Bandar Abbas/);
  assert.match(two!, /^Page two/);
  assert.match(two!, /Istanbul/);
});

test('each page of a TIFF is read in its own language, page boundaries kept (English, then Persian)', async () => {
  const doc = await read('fax-en-fa.tif');
  assert.equal(doc.meta?.ocrLanguages, 'eng,fas');
  assert.equal(doc.pages?.length, 2);
  const [one, two] = pageTexts(doc);
  assert.match(one!, /^Page one/);
  assert.match(one!, /Bandar Abbas/);
  for (const word of ['محرمانه', 'استاندار', 'تبریز']) assert.ok(two!.includes(word), `${word} in ${two}`);
  assert.doesNotMatch(one!, /[\u0600-\u06ff]/, 'the English page is not read with the Persian model');
  assert.equal(parseOcrConfidence(doc.meta).length, 2);
});

test('a TIFF page split off is the same image: its directory first, the chain cut after it; a looping chain is refused', () => {
  const tif = bytes('fax-2pages.tif');
  const dirs = tiffDirectories(tif)!;
  assert.equal(dirs.length, 2);
  const nextOf = (t: Uint8Array, at: number) => at + 2 + 12 * (t[at]! | (t[at + 1]! << 8));
  const first = tiffPage(tif, dirs, 0);
  assert.deepEqual(tiffDirectories(first), [dirs[0]], 'the first page alone');
  assert.deepEqual(tiffDirectories(tiffPage(tif, dirs, 1)), [dirs[1]], 'the second page alone');
  // Only the header's pointer and the cut "next" pointer differ: every strip and tag stays where it was.
  const blank = (t: Uint8Array) => { const c = t.slice(); c.fill(0, 4, 8); c.fill(0, nextOf(t, dirs[0]!), nextOf(t, dirs[0]!) + 4); return c; };
  assert.deepEqual(blank(first), blank(tif));
  // The second directory pointing back at the first: a loop, not 10,000 pages.
  const loop = tif.slice();
  new DataView(loop.buffer).setUint32(nextOf(loop, dirs[1]!), dirs[0]!, true);
  assert.equal(tiffDirectories(loop), null);
  assert.equal(tiffDirectories(new Uint8Array([0x49, 0x49, 0x2b, 0, 8, 0, 0, 0])), null, 'BigTIFF is left to Tesseract');
});

test('with OCR off, a scan is stored blank with the "no-text" warning and an image without text', async () => {
  const off = defaultOcrOptions({ enabled: false });
  const pdf = await read('scan-en.pdf', off);
  assert.equal(pdf.text.trim(), '');
  assert.deepEqual(pdf.warnings?.map((w) => w.code), ['no-text']);
  assert.equal(parseOcrConfidence(pdf.meta).length, 0);
  const png = await read('statement-ar.png', off);
  assert.equal(png.text, '');
  assert.deepEqual(png.warnings?.map((w) => w.code), ['no-text']);
});

test('without Tesseract: the scan fails with "ocr-unavailable" naming the package; a partly typed PDF keeps its text with a warning', async () => {
  const missing = defaultOcrOptions({ binary: '/nonexistent/tesseract' });
  await rejectsWith(read('scan-en.pdf', missing), 'ocr-unavailable', /tesseract-ocr/);
  await rejectsWith(read('statement-ar.png', missing), 'ocr-unavailable', /apt-get install tesseract-ocr tesseract-ocr-fas/);
  const mixed = await read('mixed.pdf', missing);
  assert.match(mixed.text, /^Cover note/);
  assert.deepEqual(mixed.warnings?.map((w) => w.code), ['ocr-unavailable']);
  assert.match(mixed.warnings![0]!.message, /page\(s\) 2/);
});

test('a language without installed data names its Debian package', async () => {
  await rejectsWith(read('scan-en.pdf', defaultOcrOptions({ lang: 'fas+xyz' })), 'ocr-unavailable', /tesseract-ocr-xyz/);
});

test('a page that times out is recorded as failed, the others kept', async () => {
  // A 1 ms limit stops every tesseract run: the scan fails as a whole; in the mixed PDF the typed page survives.
  const quick = defaultOcrOptions({ pageTimeoutMs: 1 });
  await rejectsWith(read('scan-en.pdf', quick), 'ocr-failed', /every page/);
  const mixed = await read('mixed.pdf', quick);
  assert.match(mixed.text, /^Cover note/);
  assert.deepEqual(mixed.warnings?.map((w) => w.code), ['ocr-page-failed']);
});

test('TSV: lines, paragraphs, page numbers and mean word confidence', () => {
  const row = (page: number, block: number, par: number, line: number, conf: number, text: string) =>
    ['5', page, block, par, line, 1, 0, 0, 10, 10, conf, text].join('\t');
  const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
    row(1, 1, 1, 1, 90, 'The'), row(1, 1, 1, 1, 80, 'cable'), row(1, 1, 1, 2, 70, 'said'),
    row(1, 2, 1, 1, 60, '\u200eBy\u200f'), row(2, 1, 1, 1, 50, 'two')].join('\n');
  const pages = parseTsv(tsv);
  assert.equal(pages.length, 2);
  assert.equal(pages[0]!.text, 'The cable\nsaid\n\nBy');
  assert.equal(pages[0]!.words, 4);
  assert.ok(Math.abs(pages[0]!.confidence! - 0.75) < 1e-9);
  assert.equal(pages[1]!.text, 'two');
  assert.equal(stripBidiMarks('a\u202bب\u202c\u2067c\u2069\u200cd'), 'aبc\u200cd');
});

test('TSV: a line Tesseract puts in a new block just below an unfinished line continues its paragraph', () => {
  // Words 80 px high; lines 30 px apart within a paragraph, 140 px (a blank line) between paragraphs.
  const row = (block: number, top: number, text: string) => ['5', 1, block, 1, 1, 1, 0, top, 100, 80, 90, text].join('\t');
  const tsv = ['level', '1\t1\t0\t0\t0\t0\t0\t0\t2000\t3000\t-1\t',
    row(1, 100, 'در این اسناد آمده است. ابراهیم'), row(2, 210, 'جعفری، وزیر پیشین، رابطه داشت.'),
    row(3, 430, 'هادی العامری نیز دیدار کرد.'), row(4, 540, 'سخنگو گفت:'), row(5, 650, 'این گزارش ساختگی است.'),
    // A block that starts higher up the page than the line before it is another column, not a continuation.
    row(6, 120, 'ستون'), row(7, 230, 'دوم')].join('\n');
  assert.equal(parseTsv(tsv)[0]!.text, [
    'در این اسناد آمده است. ابراهیم\nجعفری، وزیر پیشین، رابطه داشت.', 'هادی العامری نیز دیدار کرد.', 'سخنگو گفت:',
    'این گزارش ساختگی است.', 'ستون\nدوم'].join('\n\n'));
});

test('Persian or Arabic from a first reading with the Persian model (which writes Arabic yeh and kaf the Persian way)', () => {
  assert.equal(persianOrArabic('وزارت اطلاعات ایران در گزارشی نوشت که این دیدار در بغداد انجام شد'), 'fas');
  assert.equal(persianOrArabic('التقى الوزير بالسفير فی بغداد یوم الثلاثاء وقالت مصادر إن الاجتماع تناول ملف الحدود'), 'ara');
});

test('icons and logos are stored without a tesseract run; sizes read from PNG and JPEG headers', async () => {
  // PNG signature + IHDR of a 120 x 40 image (an e-mail signature logo).
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 120, 0, 0, 0, 40, 8, 0]);
  assert.deepEqual(imageSize(png), { width: 120, height: 40 });
  // Skipped before Tesseract is asked for: even a missing binary does not matter.
  const logo = await readDocument('sig.png', png, DEFAULT_LIMITS, 0, defaultOcrOptions({ binary: '/nonexistent/tesseract' }));
  assert.equal(logo.text, '');
  assert.equal(logo.warnings, undefined);
  assert.match(logo.meta?.ocr ?? '', /too small/);
  // JPEG: SOI, an APP0 segment, then SOF0 with height 1754 and width 1240 (an A4 page at 150 dpi).
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 6, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xc0, 0, 0x11, 8, 0x06, 0xda, 0x04, 0xd8, 1]);
  assert.deepEqual(imageSize(jpeg), { width: 1240, height: 1754 });
  assert.equal(tooSmallForOcr(imageSize(jpeg)), false);
  assert.equal(tooSmallForOcr({ width: 800, height: 20 }), true);
  assert.equal(tooSmallForOcr(undefined), false);
});

test('a text layer of control characters (a broken font encoding) is replaced by OCR of the page', async () => {
  const doc = await read('garbled-layer.pdf');
  assert.match(doc.text, /ambassador met Governor Harun\s+Valizadeh/);
  assert.doesNotMatch(doc.text, /[\u0001-\u0008]/);
  assert.equal(doc.meta?.ocrLanguages, 'eng');
  assert.equal(doc.warnings, undefined);
});

test('with OCR off, a garbled text layer is kept without its junk characters and flagged', async () => {
  const doc = await read('garbled-layer.pdf', defaultOcrOptions({ enabled: false }));
  assert.doesNotMatch(doc.text, /[\u0001-\u0008]/);
  assert.match(doc.text, /NOPQRSTUVWXYZ/);
  assert.deepEqual(doc.warnings?.map((w) => w.code), ['garbled-text']);
  assert.match(doc.warnings![0]!.message, /garbled-layer\.pdf page\(s\) 1: .*control/);
});

/** A grey-scale PNG of `width` x `height` pixels, each `shade(x, y)` (0-255). */
function greyPng(width: number, height: number, shade: (x: number, y: number) => number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = shade(x, y);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

test('a photograph without text is stored blank with "no-text", not refused (Tesseract reads a page with no word)', async () => {
  // Only the page, block and line rows: no word row.
  assert.deepEqual(parseTsv('level\tpage_num\n1\t1\t0\t0\t0\t0\t0\t0\t512\t355\t-1\t\n2\t1\t1\t0\t0\t0\t0\t0\t512\t355\t-1\t'), [{ text: '', confidence: undefined, words: 0 }]);
  // A smooth gradient, as a sky or a wall: large enough to be OCR'd, nothing to read.
  const photo = greyPng(400, 300, (x, y) => Math.round((x + y) / 3) % 256);
  const doc = await readDocument('holiday.png', photo, DEFAULT_LIMITS, 0, defaultOcrOptions({ lang: 'eng' }));
  assert.equal(doc.format, 'image');
  assert.equal(doc.text, '');
  assert.deepEqual(doc.warnings?.map((w) => w.code), ['no-text']);
});

test('a PDF page without a text layer on which OCR finds nothing is stored blank with "no-text"', async () => {
  const blank = writePdf([[]]);
  const doc = await readDocument('drawing.pdf', blank, DEFAULT_LIMITS, 0, defaultOcrOptions({ lang: 'eng' }));
  assert.equal(doc.text.trim(), '');
  assert.deepEqual(doc.warnings?.map((w) => w.code), ['no-text']);
  assert.match(doc.warnings![0]!.message, /drawing\.pdf has no text layer \(a scan\?\), and OCR found no text on it/);
});

test('a 1-bit scan at 72 ppi (fax, JBIG2) is drawn at twice its resolution, not 300 dpi, so its digits read right', async () => {
  const doc = await read('fax-72ppi.pdf');
  // Drawn at 300 dpi the same page read "2013", "40 tonnes", "bul of lading", "0230" and "[RGC-OF".
  for (const words of ['4 May 2019', '340 tonnes', 'bill of lading', '09:30', 'IRGC-QF']) assert.ok(doc.text.includes(words), `${words} in ${doc.text}`);
});

test('a page\'s scan resolution comes from its largest image covering half the page; the render is capped at twice it', () => {
  const listing = [
    'page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio',
    '--------------------------------------------------------------------------------------------',
    '   1     0 image     767  1096  gray    1   1  jbig2  no         5  0    72    72 2654B 2.5%',
    '   2     1 image     352    91  gray    1   1  jbig2  no         9  0    96    96  110B 2.7%',
    '   3     2 image    2480  3508  gray    1   8  jpeg   no        13  0   300   300 200K 2.5%',
    '   3     3 smask    2480  3508  gray    1   8  image  no        14  0   300   300 2K 0.1%',
  ].join('\n');
  const images = parseImageList(listing);
  assert.deepEqual(images.map((i) => i.page), [1, 2, 3]);
  const sizes = parsePageSizes('Page    1 size:  767 x 1096 pts\nPage    2 size:  612 x 792 pts (letter)\nPage    3 size:  595.276 x 841.89 pts (A4)\n');
  const ppi = scanResolutions(images, sizes);
  assert.equal(ppi.get(1), 72);
  assert.equal(ppi.has(2), false, 'a small image is not the page\'s scan');
  assert.equal(ppi.get(3), 300);
  assert.equal(renderDpi(300, 72), 144);
  assert.equal(renderDpi(300, 300), 300);
  assert.equal(renderDpi(300, 600), 300);
  assert.equal(renderDpi(300, 30), 100);
  assert.equal(renderDpi(300, undefined), 300);
});
