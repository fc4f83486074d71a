/**
 * The table-like handlers read in time linear in their input (issue 13, item 7): each reads a generated file of about
 * 1 MB and one of about 10 MB in the same test, and the time per input byte of the larger may not be 3x that of the
 * smaller (no wall-clock threshold: a ratio within one run). Files are written by the same libraries or tools that
 * real ones come from: SheetJS (.xls, .xlsx), dbffile (.dbf), LibreOffice (.doc). Access files are not covered:
 * nothing here can write an .mdb (mdbtools only reads), and their rows go through the same table layout as these.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { DBFFile } from 'dbffile';
import { readDocument } from '../../src/ingest/read-document.js';
import { flatText, hasSoffice, writeLegacyFixtures } from './helpers/libreoffice-writer.js';

const MB = 1024 * 1024;
const MAX_RATIO = 3;
const CITIES = ['Tehran', 'Baghdad', 'Beirut', 'Damascus', 'Sanaa', 'Kabul', 'Herat', 'Basra', 'Mosul', 'Erbil'];

/** Row i of a payments ledger: distinct names and amounts, so nothing repeats for a compressor or a string table. */
const row = (i: number) => [`Payer ${i} of ${CITIES[i % 10]} Holdings`, `Account ${(i * 7919) % 1_000_003}`, (i * 37.5) % 10_000, `2019-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, `Transfer ${i} via ${CITIES[(i * 3) % 10]}`];

/** Reads `bytes` once to warm up, then times a second read; returns ms per MB of input. */
async function msPerMb(name: string, bytes: Uint8Array, check: (text: string) => void): Promise<number> {
  const started = performance.now();
  const doc = await readDocument(name, bytes);
  const ms = performance.now() - started;
  check([doc.text, ...(doc.children ?? []).map((c) => c.text)].join('\n'));
  return ms / (bytes.byteLength / MB);
}

/** Builds inputs of about 1 MB and 10 MB with `make(rows)`, sizing the row count from a probe, and compares. */
async function compare(t: TestContext, label: string, name: string, make: (rows: number) => Promise<Uint8Array> | Uint8Array, lastRow: (rows: number) => string): Promise<void> {
  const probe = await make(2000);
  const rowsPerMb = Math.round((2000 * MB) / probe.byteLength);
  const small = await make(rowsPerMb);
  const large = await make(rowsPerMb * 10);
  await readDocument(name, probe); // warm-up: module loading and JIT are not the small file's cost
  const check = (rows: number) => (text: string) => assert.ok(text.includes(lastRow(rows)), `${label}: the last row is read`);
  const a = await msPerMb(name, small, check(rowsPerMb));
  const b = await msPerMb(name, large, check(rowsPerMb * 10));
  const summary = `${label}: ${a.toFixed(0)} ms/MB at ${(small.byteLength / MB).toFixed(1)} MB, ${b.toFixed(0)} ms/MB at ${(large.byteLength / MB).toFixed(1)} MB (ratio ${(b / a).toFixed(2)})`;
  t.diagnostic(summary);
  assert.ok(b < a * MAX_RATIO, summary);
}

function workbook(rows: number, bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.utils.book_new();
  const data = [['Payer', 'Account', 'Amount', 'Date', 'Memo'], ...Array.from({ length: rows }, (_, i) => row(i))];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), 'Ledger');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
}

test('.xls (BIFF8) sheets: time per byte does not grow from 1 MB to 10 MB', async (t) => {
  await compare(t, '.xls', 'ledger.xls', (rows) => workbook(rows, 'biff8'), (rows) => `Transfer ${rows - 1} via`);
});

test('.xlsx sheets: time per byte does not grow from 1 MB to 10 MB', async (t) => {
  await compare(t, '.xlsx', 'ledger.xlsx', (rows) => workbook(rows, 'xlsx'), (rows) => `Transfer ${rows - 1} via`);
});

test('.dbf tables: time per byte does not grow from 1 MB to 10 MB', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-dbf-growth-'));
  try {
    let n = 0;
    await compare(t, '.dbf', 'ledger.dbf', async (rows) => {
      const file = join(dir, `t${n++}.dbf`);
      const dbf = await DBFFile.create(file, [
        { name: 'PAYER', type: 'C', size: 40 }, { name: 'ACCOUNT', type: 'C', size: 20 },
        { name: 'AMOUNT', type: 'N', size: 10, decimalPlaces: 2 }, { name: 'MEMO', type: 'C', size: 40 },
      ]);
      const records = Array.from({ length: rows }, (_, i) => {
        const [payer, account, amount, , memo] = row(i);
        return { PAYER: payer, ACCOUNT: account, AMOUNT: amount, MEMO: memo };
      });
      for (let i = 0; i < records.length; i += 20_000) await dbf.appendRecords(records.slice(i, i + 20_000));
      return new Uint8Array(readFileSync(file));
    }, (rows) => `Transfer ${rows - 1} via`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('legacy Word .doc through LibreOffice: time per byte does not grow from 1 MB to 10 MB', { skip: hasSoffice() ? false : 'LibreOffice not installed', timeout: 900_000 }, async (t) => {
  // LibreOffice writes the three files in one start; rows become paragraphs of a long report.
  const paragraphs = (rows: number) => Array.from({ length: rows }, (_, i) => row(i).join(', ') + '.');
  const probeRows = 2000;
  const probe = writeLegacyFixtures([{ name: 'probe', source: flatText(paragraphs(probeRows)), as: 'doc' }]).get('probe')!;
  const perMb = Math.round((probeRows * MB) / probe.byteLength);
  const files = writeLegacyFixtures([
    { name: 'small', source: flatText(paragraphs(perMb)), as: 'doc' },
    { name: 'large', source: flatText(paragraphs(perMb * 10)), as: 'doc' },
  ]);
  const check = (rows: number) => (text: string) => assert.ok(text.includes(`Transfer ${rows - 1} via`), '.doc: the last paragraph is read');
  await readDocument('probe.doc', probe);
  const a = await msPerMb('report.doc', files.get('small')!, check(perMb));
  const b = await msPerMb('report.doc', files.get('large')!, check(perMb * 10));
  const summary = `.doc: ${a.toFixed(0)} ms/MB at ${(files.get('small')!.byteLength / MB).toFixed(1)} MB, ${b.toFixed(0)} ms/MB at ${(files.get('large')!.byteLength / MB).toFixed(1)} MB (ratio ${(b / a).toFixed(2)})`;
  t.diagnostic(summary);
  assert.ok(b < a * MAX_RATIO, summary);
});
