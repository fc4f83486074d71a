// Spreadsheets (SheetJS), OpenDocument and PowerPoint read as documents, and the failures of office files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { ExtractedDocument } from '../../src/model/index.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { MAX_SHEET_ROWS } from '../../src/ingest/office/spreadsheet.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeZip } from './helpers/zip-writer.js';

const PAYMENTS = [
  ['Date', 'Payer', 'Payee', 'Amount'],
  ['2019-03-02', 'Northern Trading Co.', 'Karim Haddad', 25000],
  ['2019-04-11', 'Northern Trading Co.', 'Office of the\nDeputy Minister', 12500.5],
];

function workbook(bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(PAYMENTS), 'Payments 2019');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Empty');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Name', 'Role'], ['Karim Haddad', 'Broker']]), 'People');
  book.Props = { Title: 'Ledger of transfers', Author: 'Finance desk' };
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
}

/** No document of raw XML: the tell-tale of a package unpacked as a zip. */
function assertNoRawXml(doc: ExtractedDocument): void {
  for (const d of [doc, ...(doc.children ?? [])]) {
    assert.doesNotMatch(d.text, /<\?xml|<\w+:\w+[ >]/, `${d.path} holds raw XML`);
    assert.doesNotMatch(d.path, /!\//, `${d.path} is a zip member`);
  }
}

for (const [bookType, name, format] of [['xlsx', 'ledger.xlsx', 'xlsx'], ['ods', 'ledger.ods', 'ods'], ['biff8', 'ledger.xls', 'xls']] as const) {
  test(`reads a ${format} workbook as one document per non-empty sheet, row by row`, async () => {
    const doc = await readDocument(name, workbook(bookType));
    assert.equal(doc.format, format);
    assert.deepEqual(doc.children?.map((c) => c.path), [`${name}#Payments 2019`, `${name}#People`]);
    const [payments, people] = doc.children!;
    const lines = payments!.text.split('\n');
    assert.equal(lines[0], 'Date\tPayer\tPayee\tAmount');
    assert.equal(lines.length, 3);
    // A line break inside a cell stays on its row; numbers as the sheet shows them.
    assert.match(lines[2]!, /^2019-04-11\tNorthern Trading Co\.\tOffice of the Deputy Minister\t12500\.5$/);
    assert.equal(people!.text, 'Name\tRole\nKarim Haddad\tBroker');
    assert.equal(payments!.meta?.sheet, 'Payments 2019');
    assert.equal(doc.text, 'Payments 2019\nEmpty\nPeople');
    assertNoRawXml(doc);
  });
}

test('a workbook is recognised by its parts whatever its name', async () => {
  for (const name of ['ledger.zip', 'ledger', 'ledger.bin']) {
    const doc = await readDocument(name, workbook('xlsx'));
    assert.equal(doc.format, 'xlsx', name);
    assert.equal(doc.children?.length, 2);
  }
  assert.equal((await readDocument('sheet.zip', workbook('ods'))).format, 'ods');
  // The same workbook inside an archive is one member document with its sheets, not its XML parts.
  const zip = await readDocument('leak.zip', writeZip([{ name: 'finance/ledger.xlsx', data: workbook('xlsx') }]));
  assert.deepEqual(zip.children?.map((c) => c.format), ['xlsx']);
  assert.equal(zip.children?.[0]?.children?.[0]?.path, 'leak.zip!/finance/ledger.xlsx#Payments 2019');
});

test('a sheet past the row limit is read through LibreOffice in parts while the other sheets are read as usual', async () => {
  const book = XLSX.utils.book_new();
  const huge = XLSX.utils.aoa_to_sheet([['id'], [1]]);
  huge['!ref'] = `A1:A${MAX_SHEET_ROWS + 5}`;
  XLSX.utils.sheet_add_aoa(huge, [['last']], { origin: `A${MAX_SHEET_ROWS + 5}` });
  XLSX.utils.book_append_sheet(book, huge, 'Dump');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Name'], ['Karim Haddad']]), 'Small');
  const doc = await readDocument('dump.xlsx', new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
  assert.deepEqual(doc.children?.map((c) => c.path), ['dump.xlsx#Small']);
  const parts: { path: string; text: string }[] = [];
  for await (const p of doc.streamedChildren!()) parts.push(p);
  assert.deepEqual(doc.warnings ?? [], []);
  assert.equal(parts[0]?.path, 'dump.xlsx#Dump');
  assert.match(parts.map((p) => p.text).join('\n'), /^id\n1\n[^]*\blast$/m, 'every used cell, the first and the last');
});

const ODT_CONTENT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
  <office:body>
    <office:text>
      <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
      <text:h text:outline-level="1">Meeting in Erbil</text:h>
      <text:p>The envoy met   the
        governor<text:s text:c="2"/>on <text:span>Tuesday</text:span>.<text:line-break/>He left at noon.</text:p>
      <text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted draft sentence.</text:p></text:deletion></text:changed-region></text:tracked-changes>
      <table:table table:name="Payments">
        <table:table-row><table:table-cell><text:p>Payer</text:p></table:table-cell><table:table-cell><text:p>Amount</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>Karim</text:p><text:p>Haddad</text:p></table:table-cell><table:table-cell><text:p>500 &amp; more</text:p></table:table-cell></table:table-row>
      </table:table>
    </office:text>
  </office:body>
</office:document-content>`;

const ODF_META = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<office:meta><dc:title>Erbil meeting note</dc:title><meta:initial-creator>Jane Roe</meta:initial-creator><meta:creation-date>2017-10-05T08:00:00</meta:creation-date></office:meta></office:document-meta>`;

function odf(kind: 'text' | 'presentation', content: string): Uint8Array {
  return writeZip([
    { name: 'mimetype', data: `application/vnd.oasis.opendocument.${kind}`, deflate: false },
    { name: 'content.xml', data: content },
    { name: 'meta.xml', data: ODF_META },
    { name: 'META-INF/manifest.xml', data: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  ]);
}

test('reads an OpenDocument text: headings, paragraphs, spaces, line breaks and tables, without deleted revisions', async () => {
  for (const name of ['note.odt', 'note.zip']) {
    const doc = await readDocument(name, odf('text', ODT_CONTENT));
    assert.equal(doc.format, 'odt');
    assert.equal(doc.text, 'Meeting in Erbil\n\nThe envoy met the governor  on Tuesday.\nHe left at noon.\n\nPayer\tAmount\nKarim Haddad\t500 & more');
    assert.equal(doc.title, 'Erbil meeting note');
    assert.equal(doc.author, 'Jane Roe');
    assert.equal(doc.published, '2017-10-05');
    assert.equal(doc.children, undefined);
    assertNoRawXml(doc);
  }
});

test('reads an OpenDocument presentation with one page per slide', async () => {
  const content = `<office:document-content xmlns:office="o" xmlns:text="t" xmlns:draw="d"><office:body><office:presentation>
    <draw:page draw:name="p1"><draw:frame><draw:text-box><text:p>Sanctions overview</text:p><text:p>Three banks named</text:p></draw:text-box></draw:frame></draw:page>
    <draw:page draw:name="p2"><draw:frame><draw:text-box><text:p>Next steps</text:p></draw:text-box></draw:frame></draw:page>
  </office:presentation></office:body></office:document-content>`;
  const doc = await readDocument('deck.odp', odf('presentation', content));
  assert.equal(doc.format, 'odp');
  assert.deepEqual(doc.pages, [0, doc.text.indexOf('Next steps')]);
  assert.equal(doc.text, 'Sanctions overview\n\nThree banks named\n\nNext steps');
});

const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function slide(...paragraphs: string[][]): string {
  const ps = paragraphs.map((runs) => `<a:p>${runs.map((t) => (t === '\n' ? '<a:br/>' : `<a:r><a:rPr lang="en-US"/><a:t>${t}</a:t></a:r>`)).join('')}</a:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld ${P}><p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/>${ps}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
}

function pptx(): Uint8Array {
  return writeZip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'docProps/core.xml', data: '<cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Briefing deck</dc:title><dc:creator>John Roe</dc:creator><dcterms:created>2020-01-15T10:00:00Z</dcterms:created></cp:coreProperties>' },
    // Slides were reordered: the deck shows slide2.xml first.
    { name: 'ppt/presentation.xml', data: `<p:presentation ${P}><p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst></p:presentation>` },
    { name: 'ppt/_rels/presentation.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="slide" Target="slides/slide1.xml"/><Relationship Id="rId3" Type="slide" Target="slides/slide2.xml"/></Relationships>' },
    { name: 'ppt/slides/slide1.xml', data: slide(['Payments to ', 'the minister'], ['Routed via ', '\n', 'Dubai &amp; Oman']) },
    { name: 'ppt/slides/slide2.xml', data: slide(['Agenda']) },
  ]);
}

test('reads a PowerPoint deck: text runs in presentation order, one page per slide, title from core properties', async () => {
  for (const name of ['briefing.pptx', 'briefing']) {
    const doc = await readDocument(name, pptx());
    assert.equal(doc.format, 'pptx');
    assert.equal(doc.text, 'Agenda\n\nPayments to the minister\n\nRouted via\nDubai & Oman');
    assert.deepEqual(doc.pages, [0, 'Agenda\n\n'.length]);
    assert.equal(doc.title, 'Briefing deck');
    assert.equal(doc.author, 'John Roe');
    assert.equal(doc.published, '2020-01-15');
    assertNoRawXml(doc);
  }
});

test('an office file that its reader fails on fails with its format, never unpacked as a zip', async () => {
  const plainZip = writeZip([{ name: 'notes.txt', data: 'Not a Word document at all.' }]);
  await rejectsWith(readDocument('memo.docx', plainZip), 'corrupt-docx', /memo\.docx is not a readable Word document/);
  await rejectsWith(readDocument('ledger.xlsx', writeZip([{ name: 'xl/workbook.xml', data: '<not a workbook' }])), 'corrupt-spreadsheet', /ledger\.xlsx/);
  await rejectsWith(readDocument('deck.pptx', plainZip), 'corrupt-office', /deck\.pptx/);
  await rejectsWith(readDocument('note.odt', writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', deflate: false }])), 'corrupt-office', /no content\.xml/);
  // A plain zip is still an archive.
  assert.equal((await readDocument('notes.zip', plainZip)).format, 'zip');
});

test('an encrypted Office file (an OLE file with EncryptionInfo) fails as encrypted, not as legacy Office', async () => {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
  for (const name of ['secret.docx', 'secret.xlsx', 'secret.pptx', 'secret']) {
    await rejectsWith(readDocument(name, bytes), 'encrypted', /ask for the password/);
  }
});

test('a password-protected OpenDocument file fails as encrypted', async () => {
  const manifest = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="3120">
    <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="x"/>
  </manifest:file-entry></manifest:manifest>`;
  const bytes = writeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', deflate: false },
    { name: 'content.xml', data: new Uint8Array([0x9c, 0x11, 0xf3, 0x02, 0x7a]) },
    { name: 'META-INF/manifest.xml', data: manifest },
  ]);
  await rejectsWith(readDocument('secret.odt', bytes), 'encrypted', /ask for the password/);
});

test('an ".xls" export that is really tab-separated text is read as a sheet', async () => {
  const doc = await readDocument('export.xls', new TextEncoder().encode('Name\tCountry\nKarim Haddad\tIraq\n'));
  assert.equal(doc.format, 'xls');
  assert.equal(doc.children?.[0]?.text, 'Name\tCountry\nKarim Haddad\tIraq');
  await rejectsWith(readDocument('junk.xls', new Uint8Array([0x12, 0, 0xff, 0x03, 0, 0, 0x9a, 0, 1, 2, 0, 0])), 'corrupt-spreadsheet', /junk\.xls/);
});

test('a sheet name the reader could not decode is replaced by its position; junk text anywhere is flagged garbled-text', async () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Payments to the port authority']]), 'Id1\u0006\u0000Sheet1\u019c(\u0000\u0000\u0000\u0002\u0003');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Ledger']]), 'Ledger');
  const book = await readDocument('beta.xlsx', new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
  assert.equal(book.text, 'Sheet 1\nLedger');
  assert.deepEqual(book.children?.map((c) => c.path), ['beta.xlsx#Sheet 1', 'beta.xlsx#Ledger']);
  assert.equal(book.warnings, undefined);
  // Any format: a text mostly made of control characters carries the warning with its share.
  const junk = await readDocument('junk.rtf', new Uint8Array(Buffer.from(`{\\rtf1\\ansi ${"\\'01\\'02\\'03".repeat(10)} ok}`, 'latin1')));
  assert.deepEqual(junk.warnings?.map((w) => w.code), ['garbled-text']);
  assert.match(junk.warnings![0]!.message, /junk\.rtf: 94% of the text is control/);
});
