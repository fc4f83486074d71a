// Very large .xlsx sheets read part by part in bounded memory (office/xlsx-stream.ts): the same text as SheetJS's
// reading, parts of at most the table limits with the header repeated, and through the ingest a sheet past 200,000
// rows stored whole as parts instead of skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { ExtractedDocument } from '../../src/model/index.js';
import { DEFAULT_LIMITS, type HandlerInput } from '../../src/ingest/handler.js';
import { readSpreadsheet } from '../../src/ingest/office/spreadsheet.js';
import { hasLargeSheet, readLargeWorkbook, STREAM_SHEET_BYTES } from '../../src/ingest/office/xlsx-stream.js';
import { MAX_TABLE_ROWS, TABLE_PART_ROWS } from '../../src/ingest/table-layout.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const input = (path: string, bytes: Uint8Array): HandlerInput => ({
  path, bytes, depth: 0, limits: DEFAULT_LIMITS, readChild: () => Promise.reject(new Error('no members here')),
});

async function streamed(doc: ExtractedDocument): Promise<ExtractedDocument[]> {
  const out: ExtractedDocument[] = [];
  for await (const child of doc.streamedChildren?.() ?? []) out.push(child);
  return out;
}

/** A workbook with the kinds of cells SheetJS writes: shared strings, numbers in formats, dates, booleans, gaps. */
function mixedWorkbook(): Uint8Array {
  const book = XLSX.utils.book_new();
  const payments = XLSX.utils.aoa_to_sheet([
    ['Date', 'Payee', 'Amount', 'Share', 'Cleared', 'Note'],
    [new Date(Date.UTC(2019, 10, 18)), 'Karim Haddad', 125000.5, 0.256, true, 'first\ttranche\nvia Dubai'],
    [new Date(Date.UTC(2019, 11, 2)), 'Port authority', -4200, 1, false],
    [],
    [null, 'Karim Haddad', 3, null, null, 'repeat payee'],
  ], { cellDates: true });
  payments['C2']!.z = '#,##0.00';
  payments['D2']!.z = '0.0%';
  XLSX.utils.book_append_sheet(book, payments, 'Payments 2019');
  // A sheet whose data starts at C3: columns before the first used one are not laid out.
  const offset = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Name', 'Role'], ['Leila Ahmadi', 'Courier'], ['=', 'الجانب']], { origin: 'C3' });
  XLSX.utils.book_append_sheet(book, offset, 'People');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Empty');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

test('a streamed workbook gives the same sheets and text as SheetJS reading it whole', async () => {
  const bytes = mixedWorkbook();
  const whole = await readSpreadsheet(input('book.xlsx', bytes), 'xlsx');
  const doc = await readLargeWorkbook(input('book.xlsx', bytes));
  assert.equal(doc.format, 'xlsx');
  assert.equal(doc.text, whole.text);
  const parts = await streamed(doc);
  assert.deepEqual(parts.map((p) => [p.path, p.title, p.text]), whole.children!.map((c) => [c.path, c.title, c.text]));
  assert.match(parts[0]!.text, /^Date\tPayee\tAmount/);
  assert.match(parts[0]!.text, /125,000\.50\t25\.6%\tTRUE\tfirst tranche via Dubai/);
  assert.deepEqual(doc.warnings, []);
});

test('a shared string table past its memory share is read back from a temporary file, the text the same', async () => {
  const bytes = mixedWorkbook();
  const held = await streamed(await readLargeWorkbook(input('book.xlsx', bytes)));
  // 1 character: the table moves to disk after its first string.
  const spilled = await streamed(await readLargeWorkbook(input('book.xlsx', bytes), undefined, 1));
  assert.deepEqual(spilled.map((p) => [p.path, p.text]), held.map((p) => [p.path, p.text]));
  assert.match(spilled[0]!.text, /first tranche via Dubai/);
});

test('a long sheet comes in parts of at most the row limit, each later part headed by the sheet\'s first row', async () => {
  const rows: (string | number)[][] = [['Id', 'Name', 'Amount']];
  for (let i = 1; i <= 2500; i++) rows.push([i, `Person ${i}`, i * 10]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Ledger');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const parts = await streamed(await readLargeWorkbook(input('ledger.xlsx', bytes), { rows: 1000, cells: 1_000_000 }));
  assert.deepEqual(parts.map((p) => p.path), ['ledger.xlsx#Ledger', 'ledger.xlsx#Ledger (part 2)', 'ledger.xlsx#Ledger (part 3)']);
  const lines = parts.map((p) => p.text.split('\n'));
  assert.deepEqual(lines.map((l) => l.length), [1000, 1001, 502]);
  for (const l of lines) assert.equal(l[0], 'Id\tName\tAmount');
  assert.equal(lines[1]![1], '1000\tPerson 1000\t10000');
  assert.deepEqual(parts.map((p) => p.meta?.firstRow), [undefined, '1001', '2001']);
  // Every row once, in order, with the repeated headers taken out.
  assert.deepEqual([...lines[0]!, ...lines[1]!.slice(1), ...lines[2]!.slice(1)], rows.map((r) => r.join('\t')));
});

test('a sheet past 200,000 rows is stored whole, in parts, through the ingest (SheetJS would skip it as too large)', async () => {
  const dir = tempDir();
  const rows: (string | number)[][] = [['Reference', 'Account', 'Amount']];
  const n = MAX_TABLE_ROWS + 20_000;
  for (let i = 1; i <= n; i++) rows.push([`TX-${i}`, 1_000_000 + (i % 977), i]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Transfers');
  const file = join(dir, 'transfers.xlsx');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  writeFileSync(file, bytes);
  assert.ok(hasLargeSheet(bytes), `the sheet's XML is over ${STREAM_SHEET_BYTES} bytes`);
  const store = new SqliteStore(join(dir, 'store.db'));
  try {
    await store.migrate();
    // Stopped once the first part is stored: the file is not marked done, and the next run stores the rest.
    const controller = new AbortController();
    const stopped = await ingestPaths([file], {
      store, collection: 'c', signal: controller.signal,
      batchDocuments: 1, // a part per batch (several parts of this sheet fit in one batch's 16 MB otherwise)
      onProgress: (e) => { if (e.kind === 'documents' && e.through >= 2) controller.abort(); },
    });
    assert.equal(stopped.interrupted, true);
    assert.equal((await store.listDocuments(ALL_COLLECTIONS, 10, 0)).total, 2, 'the workbook and its first part');
    const summary = await ingestPaths([file], { store, collection: 'c' });
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.interrupted, false);
    const root = (await store.listDocuments(ALL_COLLECTIONS, 10, 0)).items.find((d) => d.parentId === null)!;
    const children = await store.listChildren(root.id, ALL_COLLECTIONS);
    const count = Math.ceil((n + 1) / TABLE_PART_ROWS);
    assert.deepEqual(children.map((c) => c.path).sort(), [`${file}#Transfers`, ...Array.from({ length: count - 1 }, (_, i) => `${file}#Transfers (part ${i + 2})`)].sort());
    const byPart = children.map((c) => c.path).map((p) => Number(/\(part (\d+)\)$/.exec(p)?.[1] ?? 1));
    const texts = (await Promise.all(children.map(async (c) => (await store.getDocument(c.id, ALL_COLLECTIONS))!.text.split('\n'))))
      .map((t, i) => [byPart[i]!, t] as const).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    assert.equal(texts.reduce((sum, t) => sum + t.length, 0) - (count - 1), n + 1, 'every row once, the header in every part');
    for (const t of texts.slice(1)) assert.equal(t[0], 'Reference\tAccount\tAmount');
    assert.equal(texts.at(-1)!.at(-1), `TX-${n}\t${1_000_000 + (n % 977)}\t${n}`);
    // The file counts as done: a second ingest leaves it alone.
    const again = await ingestPaths([file], { store, collection: 'c' });
    assert.equal(again.failed.length, 0);
    assert.equal((await store.listDocuments(ALL_COLLECTIONS, 10, 0)).total, 1 + Math.ceil((n + 1) / TABLE_PART_ROWS));
  } finally {
    await store.close();
  }
});
