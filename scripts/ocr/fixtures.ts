/**
 * Writes the OCR test fixtures in test/fixtures/ocr (run: node --import tsx scripts/ocr/fixtures.ts): scanned-style
 * PDFs without a text layer (English, 2 pages; Persian), a PDF with a text page and a scanned page, an Arabic PNG and
 * a 2-page English TIFF, a TIFF of an English and a Persian page, a scan whose text layer is junk, and a 1-bit fax
 * scanned at 72 ppi (`--only fax-72ppi.pdf` writes that one alone). The texts are made up for the tests. Needs ImageMagick with pango, Noto fonts and poppler.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage, fontFor, type RenderStyle } from './render.js';
import { writePdf } from '../../test/ingest/helpers/pdf-writer.js';
import { imagePdf, readGrey } from './image-pdf.js';

const OUT = 'test/fixtures/ocr';
const TEXTS = {
  en1: 'CONFIDENTIAL\n\nSubject: meeting with the provincial governor\n\n1. On 12 March the ambassador met Governor Harun Valizadeh at his office in Tabriz. The governor said the port authority had been paid by a trading company registered in Dubai.',
  en2: '2. Valizadeh asked that the embassy keep the contact discreet. He named two officials of the customs service who, in his words, take instructions from the security council.\n\nEnd of message.',
  fa: 'گزارش محرمانه\n\nموضوع: دیدار با استاندار\n\nدر تاریخ ۱۸ آبان ۱۳۹۸ سفیر با استاندار آذربایجان، هارون ولی‌زاده، در دفتر او در تبریز دیدار کرد. استاندار گفت که یک شرکت بازرگانی در Dubai به سازمان بندر پول پرداخته است.',
  ar: 'التقى وزير الخارجية بالسفير في بغداد يوم الثلاثاء، وناقش الجانبان العلاقات الثنائية والأوضاع الأمنية في المنطقة. وقالت مصادر مطلعة إن الاجتماع تناول أيضا ملف الحدود والمياه.',
  tif1: 'Page one of the faxed letter. The shipment left the warehouse in Bandar Abbas on the night of 4 May.',
  tif2: 'Page two of the faxed letter. Payment was confirmed by the bank in Istanbul the following week.',
  fax72: 'CONFIDENTIAL. Subject: shipment 7B of 12. On 4 May 2019 the vessel MV Sahar-2 left Bandar Abbas with 340 tonnes of cargo under bill of lading BL-88231. Payment of USD 1,250,000 went through account 0047-2291-553 at a bank in Istanbul. The contact, known as K2, met the consul on 17 June at 09:30 in room 4C. Refs: 2019/118, 2019/131 and QX-5. He asked that cable 44/7 be withdrawn and that the file on IRGC-QF unit 400 stay closed until 1 January 2020.',
};

/** A 1-bit page at 72 ppi, 10 pt: what a fax or a JBIG2-compressed scan holds. */
function fax72(tmp: string): Buffer {
  const file = join(tmp, 'fax72.png');
  renderPage(TEXTS.fax72, file, { font: fontFor('en'), points: 10, dpi: 72, width: 540 });
  return imagePdf([{ ...readGrey(file, 72), bits: 1 }]);
}

// 200 dpi and a narrow page keep each file well under 150 kB while Tesseract still reads it (pdftoppm renders at 300).
const style = (lang: string): RenderStyle => ({ font: fontFor(lang), points: 11, dpi: 200, width: 1100 });

const tmp = mkdtempSync(join(tmpdir(), 'ocr-fixtures-'));
try {
  writeFileSync(join(OUT, 'fax-72ppi.pdf'), fax72(tmp));
  if (process.argv.includes('--only')) {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }
  const png = (name: string, lang: string, text: string): string => {
    const file = join(tmp, `${name}.png`);
    renderPage(text, file, style(lang));
    return file;
  };
  const toPdf = (images: string[], out: string): void => {
    writeFileSync(out, imagePdf(images.map((f) => readGrey(f, 200))));
  };
  toPdf([png('en1', 'en', TEXTS.en1), png('en2', 'en', TEXTS.en2)], join(OUT, 'scan-en.pdf'));
  toPdf([png('fa', 'fa', TEXTS.fa)], join(OUT, 'scan-fa.pdf'));
  // A typed first page (text layer) and a scanned second page: only the second is OCR'd.
  writeFileSync(join(tmp, 'typed.pdf'), writePdf([['Cover note: the attached page was scanned at the consulate.']]));
  toPdf([join(tmp, 'en2.png')], join(tmp, 'scanned.pdf'));
  execFileSync('pdfunite', [join(tmp, 'typed.pdf'), join(tmp, 'scanned.pdf'), join(OUT, 'mixed.pdf')]);
  // A scan with a junk text layer (a font mapping letters to control characters): read with OCR instead.
  const junk = Array.from({ length: 120 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ '[i % 27]).join('');
  writeFileSync(join(OUT, 'garbled-layer.pdf'), imagePdf([readGrey(join(tmp, 'en1.png'), 200)], [junk]));
  execFileSync('convert', [png('ar', 'ar', TEXTS.ar), '-strip', join(OUT, 'statement-ar.png')]);
  execFileSync('convert', [png('tif1', 'en', TEXTS.tif1), png('tif2', 'en', TEXTS.tif2), '-compress', 'zip', join(OUT, 'fax-2pages.tif')]);
  // A fax whose first page is English and second Persian: the language is chosen per page.
  execFileSync('convert', [join(tmp, 'tif1.png'), join(tmp, 'fa.png'), '-compress', 'zip', join(OUT, 'fax-en-fa.tif')]);
  for (const f of ['scan-en.pdf', 'scan-fa.pdf', 'mixed.pdf', 'garbled-layer.pdf', 'statement-ar.png', 'fax-2pages.tif', 'fax-en-fa.tif', 'fax-72ppi.pdf']) {
    console.log(`${f}\t${statSync(join(OUT, f)).size} bytes`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
