// Database files read as tables: Access (.mdb, .accdb) through mdbtools, one sheet-like child per table; dBase (.dbf)
// through dbffile, one table in the encoding its language driver byte names; damaged files and a missing tool refused.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DBFFile, type FieldDescriptor } from 'dbffile';
import { MAX_TABLE_ROWS } from '../../src/ingest/table-layout.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeZip } from './helpers/zip-writer.js';

const skip = spawnSync('mdb-tables', ['--version']).error ? 'mdbtools not installed (Debian: apt-get install mdbtools)' : false;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

/** Runs `body` with environment variables set, restoring them afterwards. */
async function withEnv(vars: Record<string, string>, body: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('an Access 97 .mdb becomes one sheet-like child per table, header row first (real Jet 3 file)', { skip }, async () => {
  const doc = await readDocument('exports/db.mdb', fixture('jackcess-v1997.mdb'));
  assert.equal(doc.format, 'access');
  assert.equal(doc.text, 'Table1\nTable2\nTable3\nTable4');
  assert.deepEqual(doc.children?.map((c) => [c.path, c.format, c.title]), [1, 2, 3, 4].map((n) => [`exports/db.mdb#Table${n}`, 'sheet', `Table${n}`]));
  const [first, wide] = doc.children ?? [];
  const lines = first?.text.split('\n') ?? [];
  assert.equal(lines[0], 'A\tB\tC\tD\tE\tF\tG\tH\tI', 'the header row comes first');
  assert.equal(lines.length, 3);
  // Dates come out ISO-style, so the date extractor reads them the same way in every locale.
  assert.deepEqual(lines[2]?.split('\t'), ['abcdefg', 'hijklmnop', '2', '222', '333333333', '444.555', '1974-09-21 00:00:00', '3.5000', '1']);
  assert.deepEqual(first?.meta, { table: 'Table1', database: 'exports/db.mdb' });
  // A table with no rows keeps its header: the column names say what it held.
  assert.equal(wide?.text.split('\t').length, 89);
  assert.deepEqual(doc.warnings, []);
});

test('text stored with Access Unicode compression is read as Unicode (Jet 4 file)', { skip }, async () => {
  const doc = await readDocument('unicode.mdb', fixture('jackcess-unicode-v2003.mdb'));
  const [table] = doc.children ?? [];
  assert.equal(table?.path, 'unicode.mdb#Table');
  const rows = table?.text.split('\n') ?? [];
  assert.equal(rows[0], 'ID\tUnicode');
  assert.ok(rows.includes('2\tääkkösiä'), table?.text);
  assert.ok(rows.includes('3\tМир'), table?.text);
  assert.ok(rows.includes('5\t漢字仮名交じり文'), table?.text);
});

test('an .accdb (ACE) is read the same way, and an Access file is recognised by its signature without an extension', { skip }, async () => {
  const accdb = await readDocument('db.accdb', fixture('jackcess-v2007.accdb'));
  assert.equal(accdb.mimeType, 'application/vnd.ms-access');
  assert.equal(accdb.children?.length, 4);
  assert.match(accdb.children?.[0]?.text ?? '', /^A\tB\tC.*\na\tb\t0/s);
  const bare = await readDocument('attachment-1', fixture('jackcess-v1997.mdb'));
  assert.equal(bare.format, 'access');
  assert.equal(bare.children?.[0]?.path, 'attachment-1#Table1');
});

test('an .accdb encrypted with a password is refused as encrypted, asking for the password, before mdbtools runs', async () => {
  // The real ACE file with an encoding key in its header (the masked bytes at 0x3e changed: the key Access writes
  // when a database is encrypted with a password); "Encrypt with Password" then encrypts every page after the first.
  const locked = fixture('jackcess-v2007.accdb').slice();
  for (const [i, b] of [0x12, 0x34, 0x56, 0x78].entries()) locked[0x3e + i] = locked[0x3e + i]! ^ b;
  await withEnv({ CABLEGRAPH_MDB_TABLES: '/nonexistent/mdb-tables' }, async () => {
    await rejectsWith(readDocument('vault/accounts.accdb', locked), 'encrypted', /^vault\/accounts\.accdb is a password-protected Access database \(encrypted\); ask for the password/);
  });
  // The same file without the key, and Jet files (whose key only encodes pages, which mdbtools undoes), are read.
  if (!skip) assert.equal((await readDocument('ok.accdb', fixture('jackcess-v2007.accdb'))).format, 'access');
});

test('a damaged Access file fails as corrupt-database with its path; inside a zip the other members still land', { skip }, async () => {
  const cut = fixture('jackcess-v1997.mdb').subarray(0, 5000);
  await rejectsWith(readDocument('cut.mdb', cut), 'corrupt-database', /^cut\.mdb is a damaged Access database: mdbtools could not read its table list \(.+\)\.$/);
  const zip = await readDocument('leak.zip', writeZip([{ name: 'cut.mdb', data: cut }, { name: 'good.accdb', data: fixture('jackcess-v2007.accdb') }]));
  assert.deepEqual(zip.children?.map((c) => c.path), ['leak.zip!/good.accdb']);
  assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['leak.zip!/cut.mdb', 'corrupt-database']]);
});

test('without mdbtools an Access file fails as tool-missing naming the Debian package', async () => {
  await withEnv({ CABLEGRAPH_MDB_TABLES: '/nonexistent/mdb-tables' }, async () => {
    await rejectsWith(readDocument('db.mdb', fixture('jackcess-v1997.mdb')), 'tool-missing', /^db\.mdb needs \/nonexistent\/mdb-tables, which was not found; install it \(Debian: apt-get install mdbtools\)/);
  });
});

test('mdbtools running past its time limit is stopped and reported as tool-timeout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-mdb-'));
  try {
    const hang = join(dir, 'mdb-tables');
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(hang, 0o755);
    const started = Date.now();
    await withEnv({ CABLEGRAPH_MDB_TABLES: hang, CABLEGRAPH_MDBTOOLS_TIMEOUT_MS: '300' }, async () => {
      await rejectsWith(readDocument('slow.mdb', fixture('jackcess-v1997.mdb')), 'tool-timeout', /^slow\.mdb: mdbtools did not finish/);
    });
    assert.ok(Date.now() - started < 10_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Writes a .dbf with dbffile itself and returns its bytes. */
async function writeDbf(fields: FieldDescriptor[], records: Record<string, unknown>[], encoding = 'cp1252'): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-dbf-'));
  try {
    const file = join(dir, 'table.dbf');
    const dbf = await DBFFile.create(file, fields, { encoding });
    if (records.length > 0) await dbf.appendRecords(records);
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PAYMENTS: FieldDescriptor[] = [
  { name: 'PAYER', type: 'C', size: 30 },
  { name: 'AMOUNT', type: 'N', size: 10, decimalPlaces: 2 },
  { name: 'PAID_ON', type: 'D', size: 8 },
  { name: 'CLEARED', type: 'L', size: 1 },
];

test('a .dbf becomes one table document, header first, Windows-1252 when no language driver is declared', async () => {
  const bytes = await writeDbf(PAYMENTS, [
    { PAYER: 'Société Générale, Zürich', AMOUNT: 12500.5, PAID_ON: new Date('2009-03-17'), CLEARED: true },
    { PAYER: 'Banco\tdel Sur', AMOUNT: 80, PAID_ON: null, CLEARED: false },
  ]);
  assert.equal(bytes[29], 0, 'dbffile declares no language driver');
  const doc = await readDocument('ledger/PAYMENTS.DBF', bytes);
  assert.equal(doc.format, 'dbf');
  assert.equal(doc.text, 'PAYER\tAMOUNT\tPAID_ON\tCLEARED\nSociété Générale, Zürich\t12500.5\t2009-03-17\ttrue\nBanco del Sur\t80\t\tfalse');
  assert.equal(doc.meta?.encoding, 'cp1252');
});

test('a .dbf is decoded in the encoding its language driver byte names (0xC9: Windows-1251)', async () => {
  const bytes = await writeDbf([{ name: 'NAME', type: 'C', size: 20 }], [{ NAME: 'Министерство' }], 'cp1251');
  const declared = bytes.slice();
  declared[29] = 0xc9;
  const doc = await readDocument('names.dbf', declared);
  assert.equal(doc.text, 'NAME\nМинистерство');
  assert.equal(doc.meta?.encoding, 'cp1251');
  // The same bytes without the declaration read as Windows-1252: the byte, not a guess, chose the encoding.
  assert.notEqual((await readDocument('names.dbf', bytes)).text, doc.text);
});

test('a .dbf whose memo file is not beside it keeps its other fields, with a memo-missing warning naming the field', async () => {
  const plain = await writeDbf([{ name: 'NAME', type: 'C', size: 12 }, { name: 'NOTES', type: 'C', size: 10 }], [{ NAME: 'Petro Trade', NOTES: '         1' }]);
  // dbffile writes no memo fields; the second field's type byte is turned into M (memo), its cell a block number.
  const memo = plain.slice();
  memo[32 + 32 + 11] = 'M'.charCodeAt(0);
  memo[0] = 0x83; // dBase III with a memo file
  const doc = await readDocument('firms.dbf', memo);
  assert.equal(doc.text, 'NAME\tNOTES\nPetro Trade');
  assert.deepEqual(doc.warnings?.map((w) => [w.path, w.code]), [['firms.dbf', 'memo-missing']]);
  assert.match(doc.warnings?.[0]?.message ?? '', /long text of NOTES/);
  // A dBase III file that may have a memo file but uses no memo field reads without a warning.
  const noMemo = plain.slice();
  noMemo[0] = 0x83;
  assert.equal((await readDocument('firms.dbf', noMemo)).warnings, undefined);
});

test('a truncated or foreign .dbf fails as corrupt-database with its path', async () => {
  const bytes = await writeDbf(PAYMENTS, [{ PAYER: 'A', AMOUNT: 1, PAID_ON: null, CLEARED: true }, { PAYER: 'B', AMOUNT: 2, PAID_ON: null, CLEARED: false }]);
  await rejectsWith(readDocument('cut.dbf', bytes.subarray(0, bytes.byteLength - 40)), 'corrupt-database', /^cut\.dbf is not a readable dBase\/FoxPro table: its header promises 2 records but the file ends before them/);
  const foreign = new Uint8Array(Buffer.from('\x7fELF this is not a table at all, though it is named like one. '.repeat(4), 'latin1'));
  await rejectsWith(readDocument('odd.dbf', foreign), 'corrupt-database', /^odd\.dbf is not a readable dBase\/FoxPro table: .+/);
});

test('a .dbf with more rows than a sheet may hold is refused as too-large', async () => {
  // One record written by dbffile, repeated past the limit (appending 200 000 records through dbffile takes seconds).
  const one = await writeDbf([{ name: 'F', type: 'C', size: 1 }], [{ F: 'x' }]);
  const header = one.subarray(0, one[8]! | (one[9]! << 8));
  const record = one.subarray(header.byteLength, header.byteLength + 2);
  const count = MAX_TABLE_ROWS + 1;
  const bytes = new Uint8Array(header.byteLength + count * record.byteLength);
  bytes.set(header);
  for (let i = 0; i < count; i++) bytes.set(record, header.byteLength + i * record.byteLength);
  new DataView(bytes.buffer).setUint32(4, count, true);
  await rejectsWith(readDocument('big.dbf', bytes), 'too-large', /^big\.dbf has more than 200000 rows, the limit/);
});
