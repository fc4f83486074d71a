// PDF (pdftotext and the pdf.js fallback, page offsets, truncation) and DOCX (mammoth, core properties, zip checks).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasPdftotext, pdfjsContent, splitPdftotextOutput } from '../../src/ingest/pdf-text.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeDocx } from './helpers/docx-writer.js';
import { writePdf } from './helpers/pdf-writer.js';
import { writeZip } from './helpers/zip-writer.js';

const PAGES = [
  ['Leaked cables name officials', 'By Jane Doe', 'The ministry recruited officials in Baghdad over many years.'],
  ['The second page (continued) describes payments to sources.'],
];

const INFO = { title: 'Station report', author: 'Ann Lee', creationDate: 'D:20191120082500Z' };

test('reads a PDF with page start offsets', async () => {
  const doc = await readDocument('report.pdf', writePdf(PAGES));
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.pages?.length, 2);
  assert.equal(doc.pages?.[0], 0);
  assert.ok(doc.text.slice(doc.pages![1]).startsWith('The second page (continued)'));
  assert.match(doc.text.slice(0, doc.pages![1]), /recruited officials in Baghdad/);
  assert.equal(doc.title, 'Leaked cables name officials');
  assert.equal(doc.author, 'Jane Doe');
  assert.equal(doc.language, 'en');
  assert.equal(doc.meta?.pageCount, '2');
});

test('the pdf.js fallback extracts the same pages and info', async () => {
  const { pages, info } = await pdfjsContent(writePdf(PAGES, INFO), 'report.pdf');
  assert.equal(pages.length, 2);
  assert.equal(pages[0], 'Leaked cables name officials\nBy Jane Doe\nThe ministry recruited officials in Baghdad over many years.');
  assert.equal(pages[1], 'The second page (continued) describes payments to sources.');
  assert.deepEqual(info, { title: 'Station report', author: 'Ann Lee', created: 'D:20191120082500Z' });
});

test('takes title, author and date from the info dictionary, ignoring file-name titles', async () => {
  const doc = await readDocument('report.pdf', writePdf(PAGES, INFO));
  assert.equal(doc.title, 'Station report');
  assert.equal(doc.author, 'Ann Lee');
  assert.equal(doc.published, '2019-11-20');
  const named = await readDocument('named.pdf', writePdf(PAGES, { title: 'Microsoft Word - report.doc' }));
  assert.equal(named.title, 'Leaked cables name officials', 'falls back to the first line');
});

test('uses poppler\'s pdftotext when it is installed', { skip: (await hasPdftotext()) ? false : 'pdftotext not installed' }, async () => {
  assert.equal((await readDocument('report.pdf', writePdf(PAGES))).meta?.extractor, 'pdftotext');
});

test('pdftotext output: form feeds end pages, bidi embedding controls are dropped', () => {
  // pdftotext wraps right-to-left runs in U+202B ... U+202C.
  const out = 'Page one\n\f\u202bقال مسؤولون\u202c in Baghdad\n\f\f';
  assert.deepEqual(splitPdftotextOutput(out), ['Page one\n', 'قال مسؤولون in Baghdad\n', '']);
});

test('refuses a truncated PDF', async () => {
  const pdf = writePdf(PAGES);
  await rejectsWith(readDocument('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6))), 'corrupt-pdf', /truncated/);
});

test('refuses a damaged PDF that still ends with %%EOF', async () => {
  const bytes = new Uint8Array(Buffer.from('%PDF-1.4\nthis is not a real pdf body\n%%EOF\n', 'latin1'));
  await rejectsWith(readDocument('junk.pdf', bytes), 'corrupt-pdf', /junk\.pdf/);
  await rejectsWith(pdfjsContent(bytes, 'junk.pdf'), 'corrupt-pdf', /junk\.pdf is not a readable PDF/);
});

test('sniffs a PDF named .txt', async () => {
  assert.equal((await readDocument('misnamed.txt', writePdf(PAGES))).format, 'pdf');
});

test('reads a DOCX with its core properties', async () => {
  const docx = writeDocx(['First paragraph about the envoy in Baghdad.', 'Second paragraph about payments to officials.'], {
    title: 'Envoy memo', creator: 'John Roe', created: '2018-04-02T09:00:00Z',
  });
  const doc = await readDocument('memo.docx', docx);
  assert.equal(doc.format, 'docx');
  assert.equal(doc.text, 'First paragraph about the envoy in Baghdad.\n\nSecond paragraph about payments to officials.');
  assert.equal(doc.title, 'Envoy memo');
  assert.equal(doc.author, 'John Roe');
  assert.equal(doc.published, '2018-04-02');
  assert.equal(doc.language, 'en');
  assert.equal((await readDocument('memo-without-extension', docx)).format, 'docx');
});

test('a DOCX table is one line a row, cells by tab (mammoth raw text gave each cell as a paragraph)', async () => {
  const docx = writeDocx(['Officials present at the meeting:', [['Name', 'Organisation', 'Post'], ['Hassan Karimi', 'Ministry of Interior', 'Deputy Minister'], ['Omar Haddad', 'Central Bank of Iraq', 'Governor']], 'The meeting ended at noon.']);
  const doc = await readDocument('roster.docx', docx);
  assert.equal(doc.text, 'Officials present at the meeting:\n\nName\tOrganisation\tPost\nHassan Karimi\tMinistry of Interior\tDeputy Minister\nOmar Haddad\tCentral Bank of Iraq\tGovernor\n\nThe meeting ended at noon.');
});

test('a DOCX passes the zip bomb checks before mammoth sees it', async () => {
  const liar = writeZip([{ name: 'word/document.xml', data: new Uint8Array(2 * 1024 * 1024), declaredSize: 100 }]);
  await rejectsWith(readDocument('bomb.docx', liar), 'zip-bomb');
  const notWord = writeZip([{ name: 'word/other.xml', data: '<x/>' }]);
  await rejectsWith(readDocument('odd.docx', notWord), 'corrupt-docx', /odd\.docx is not a readable Word document/);
});

test('an Office part over the expansion ratio (a metafile of blank space) is skipped unread, the document kept', async () => {
  const blank = new Uint8Array(4 * 1024 * 1024); // deflates about 1000-fold, over the 200 limit
  const docx = writeDocx(['The envoy met the minister in Basra.'], {}, [{ name: 'word/media/image2.emf', data: blank }]);
  const doc = await readDocument('slides.docx', docx);
  assert.equal(doc.format, 'docx');
  assert.equal(doc.text, 'The envoy met the minister in Basra.');
  // A plain zip with the same member is still refused whole.
  await rejectsWith(readDocument('blank.zip', writeZip([{ name: 'image2.emf', data: blank }])), 'zip-bomb', /expands \d+-fold/);
});

test('an Office file cut short is refused as a damaged document of its kind, not as a damaged archive', async () => {
  const docx = writeDocx(['The envoy met the minister in Basra.']);
  const cut = docx.subarray(0, Math.floor(docx.byteLength / 2));
  await rejectsWith(readDocument('memo.docx', cut), 'corrupt-docx', /memo\.docx is not a readable \.docx document: its zip container is damaged or cut short \(.+\)\.$/);
  await rejectsWith(readDocument('book.xlsx', cut), 'corrupt-spreadsheet', /book\.xlsx is not a readable \.xlsx document/);
  await rejectsWith(readDocument('notes.odt', cut), 'corrupt-office', /notes\.odt is not a readable \.odt document/);
  // The same bytes named .zip stay a damaged archive.
  await rejectsWith(readDocument('memo.zip', cut), 'corrupt-archive');
});

test('a document read without any text, child or warning says so with "no-text"', async () => {
  const doc = await readDocument('empty.docx', writeDocx([]));
  assert.equal(doc.text, '');
  assert.deepEqual(doc.warnings?.map((w) => w.code), ['no-text']);
  assert.match(doc.warnings![0]!.message, /empty\.docx: no text was found in this docx file/);
});
