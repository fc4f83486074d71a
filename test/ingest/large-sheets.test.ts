// .xls and .ods sheets past the table limits: read through LibreOffice Calc in parts (as a large CSV is), the other
// sheets as usual (streamed for a file on disk; inside an archive, read at once as children); without LibreOffice the
// large sheet is a warning and nothing else is lost.
// The workbooks are written by SheetJS (BIFF8 and OpenDocument), read by the real LibreOffice (CI installs Calc).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { ExtractedDocument } from '../../src/model/index.js';
import { readSpreadsheet } from '../../src/ingest/office/spreadsheet.js';
import { stopLibreOffice } from '../../src/ingest/office/libreoffice.js';
import { readLargeWorkbook } from '../../src/ingest/office/xlsx-stream.js';
import { hasLargeOdsContent, readLargeOds } from '../../src/ingest/office/ods-large.js';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import type { HandlerInput } from '../../src/ingest/handler.js';
import { writeZip } from './helpers/zip-writer.js';

after(() => stopLibreOffice());

const LIMITS = { rows: 20, cells: 1000 };
const ROWS = 50;

/** A workbook: a small sheet, a 50-row sheet (one cell holds a line break), another small sheet. */
function workbook(format: 'xls' | 'ods'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['name', 'city'], ['Ann Hale', 'Basra']]), 'Contacts');
  const rows: unknown[][] = [['id', 'payee', 'memo']];
  for (let i = 1; i <= ROWS; i++) rows.push([i, `Payee ${i}`, i === 7 ? 'paid in two\ninstalments' : `transfer ${i}`]);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Ledger');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['total'], ['1275']]), 'Summary');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: format === 'xls' ? 'biff8' : 'ods' }) as Buffer);
}

function input(format: 'xls' | 'ods', depth = 0): HandlerInput {
  return { path: `/leak/payments.${format}`, bytes: workbook(format), depth } as HandlerInput;
}

async function parts(doc: ExtractedDocument): Promise<ExtractedDocument[]> {
  const out: ExtractedDocument[] = [];
  if (doc.streamedChildren) for await (const p of doc.streamedChildren()) out.push(p);
  return out;
}

for (const format of ['xls', 'ods'] as const) {
  test(`${format}: a sheet past the limits is read in parts through LibreOffice, every row once, the header repeated`, async () => {
    const doc = await readSpreadsheet(input(format), format, LIMITS, LIMITS);
    assert.deepEqual(doc.children?.map((c) => c.path), [`/leak/payments.${format}#Contacts`, `/leak/payments.${format}#Summary`]);
    const got = await parts(doc);
    assert.deepEqual(got.map((p) => p.path), [`/leak/payments.${format}#Ledger`, `/leak/payments.${format}#Ledger (part 2)`, `/leak/payments.${format}#Ledger (part 3)`]);
    assert.deepEqual(doc.warnings ?? [], []);
    // Each part opens with the header; together they hold rows 1..50, each exactly once, in order.
    const ids: number[] = [];
    for (const p of got) {
      assert.match(p.text, /^id\tpayee\tmemo\n/);
      assert.equal(p.meta?.sheet, 'Ledger');
      for (const m of p.text.matchAll(/^(\d+)\tPayee \1\t/gm)) ids.push(Number(m[1]));
    }
    assert.deepEqual(ids, Array.from({ length: ROWS }, (_, i) => i + 1));
    assert.equal(got[1]!.meta?.headerRepeated, 'true');
    assert.equal(got[1]!.meta?.firstRow, '21');
    // The cell with a line break stays in its record (quoted), in the first part.
    assert.match(got[0]!.text, /7\tPayee 7\t"paid in two\ninstalments"/);
  });

  test(`${format}: without LibreOffice the large sheet is a warning naming the packages; the other sheets are kept`, async () => {
    const before = process.env.CABLEGRAPH_SOFFICE;
    process.env.CABLEGRAPH_SOFFICE = '/nonexistent/soffice';
    try {
      const doc = await readSpreadsheet(input(format), format, LIMITS, LIMITS);
      assert.equal(doc.children?.length, 2);
      assert.deepEqual(await parts(doc), []);
      assert.equal(doc.warnings?.length, 1);
      assert.equal(doc.warnings![0]!.code, 'too-large');
      assert.match(doc.warnings![0]!.message, /payments\.\w+#Ledger is over the table limits and could not be read in parts: .*libreoffice-calc-nogui/);
    } finally {
      if (before === undefined) delete process.env.CABLEGRAPH_SOFFICE;
      else process.env.CABLEGRAPH_SOFFICE = before;
      await stopLibreOffice();
    }
  });
}

for (const format of ['xls', 'ods'] as const) {
  test(`${format} inside an archive: a sheet past the limits is read in parts at once, as children after the other sheets`, async () => {
    const doc = await readSpreadsheet(input(format, 1), format, LIMITS, LIMITS);
    assert.equal(doc.streamedChildren, undefined, 'only a file on disk streams');
    assert.deepEqual(doc.warnings ?? [], []);
    assert.deepEqual(doc.children?.map((c) => c.path), [`/leak/payments.${format}#Contacts`, `/leak/payments.${format}#Summary`,
      `/leak/payments.${format}#Ledger`, `/leak/payments.${format}#Ledger (part 2)`, `/leak/payments.${format}#Ledger (part 3)`]);
    const ids = doc.children!.slice(2).flatMap((p) => [...p.text.matchAll(/^(\d+)\tPayee \1\t/gm)].map((m) => Number(m[1])));
    assert.deepEqual(ids, Array.from({ length: ROWS }, (_, i) => i + 1));
  });
}

test('a sheet longer than one part is cut in memory the same way as the streaming .xlsx reader cuts it', async () => {
  const rows: unknown[][] = [['id', 'payee', 'memo']];
  for (let i = 1; i <= ROWS; i++) rows.push([i, `Payee ${i}`, `transfer ${i}`]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Ledger');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const at = { path: 'ledger.xlsx', bytes, depth: 0, limits: DEFAULT_LIMITS, readChild: () => Promise.reject(new Error('none')) } as HandlerInput;
  const inMemory = (await readSpreadsheet(at, 'xlsx', undefined, LIMITS)).children!;
  const streamed = await parts(await readLargeWorkbook(at, LIMITS));
  assert.deepEqual(inMemory.map((c) => c.path), ['ledger.xlsx#Ledger', 'ledger.xlsx#Ledger (part 2)', 'ledger.xlsx#Ledger (part 3)']);
  assert.deepEqual(inMemory.map((c) => [c.path, c.title, c.text, c.meta]), streamed.map((c) => [c.path, c.title, c.text, c.meta]));
  const lines = inMemory.map((c) => c.text.split('\n'));
  assert.deepEqual(lines.map((l) => l.length), [20, 21, 12]);
  for (const l of lines) assert.equal(l[0], 'id\tpayee\tmemo');
  assert.deepEqual([...lines[0]!, ...lines[1]!.slice(1), ...lines[2]!.slice(1)], rows.map((r) => r.join('\t')));
});

test('an .ods too large to hold: sheet names read from content.xml as it inflates, every sheet through LibreOffice in parts', async () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['name', 'city'], ['Ann Hale', 'Basra']]), 'Contacts');
  const rows: unknown[][] = [['id', 'payee', 'memo']];
  for (let i = 1; i <= ROWS; i++) rows.push([i, `Payee ${i}`, `transfer ${i}`]);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Ledger');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['total'], ['1275']]), 'Totals & <notes>');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'ods' }) as Buffer);
  const xlsx = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  assert.equal(hasLargeOdsContent(bytes), false, 'small content.xml: read by SheetJS as usual');
  assert.equal(hasLargeOdsContent(bytes, 100), true);
  assert.equal(hasLargeOdsContent(xlsx, 100), false, 'no content.xml');
  const at = { path: '/leak/book.ods', bytes, depth: 0, limits: DEFAULT_LIMITS, readChild: () => Promise.reject(new Error('none')) } as HandlerInput;
  const odt = { ...at, path: '/leak/memo.odt', bytes: writeOdt() };
  assert.equal(await readLargeOds(odt, LIMITS), undefined, 'a text document is not read as sheets');
  const doc = (await readLargeOds(at, LIMITS))!;
  assert.equal(doc.text, 'Contacts\nLedger\nTotals & <notes>');
  const got = await parts(doc);
  assert.deepEqual(got.map((p) => p.path), ['/leak/book.ods#Contacts', '/leak/book.ods#Ledger', '/leak/book.ods#Ledger (part 2)', '/leak/book.ods#Ledger (part 3)', '/leak/book.ods#Totals & <notes>']);
  assert.deepEqual(doc.warnings, []);
  assert.equal(got[0]!.text, 'name\tcity\nAnn Hale\tBasra');
  // The same parts, row for row, as SheetJS reading the workbook whole gives.
  const whole = (await readSpreadsheet(at, 'ods', undefined, LIMITS)).children!;
  assert.deepEqual(got.map((p) => p.text.trimEnd()), whole.map((c) => c.text));
});

/** A minimal OpenDocument text package: its mimetype says text, its content.xml has a table. */
function writeOdt(): Uint8Array {
  const content = '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text><table:table table:name="T1"/></office:text></office:body></office:document-content>';
  return writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: content }]);
}
