// CSV and TSV (handlers/csv.ts): within the table limits one document as written; past them parts of rows, each later
// part headed by the header record, quoted line breaks kept inside their record, the file's encoding honoured, and a
// table past 200,000 rows stored in parts through the ingest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ExtractedDocument } from '../../src/model/index.js';
import { DEFAULT_LIMITS, type HandlerInput } from '../../src/ingest/handler.js';
import { readCsv, sniffDelimiter } from '../../src/ingest/handlers/csv.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { TABLE_PART_ROWS } from '../../src/ingest/table-layout.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

const input = (path: string, bytes: Uint8Array): HandlerInput => ({
  path, bytes, depth: 0, limits: DEFAULT_LIMITS, readChild: () => Promise.reject(new Error('no members here')),
});
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function parts(doc: ExtractedDocument): Promise<ExtractedDocument[]> {
  const out: ExtractedDocument[] = [];
  for await (const child of doc.streamedChildren?.() ?? []) out.push(child);
  return out;
}

test('a CSV within the limits is one document holding the file as written', async () => {
  const text = 'name,post,city\r\nHadi Karimi,commander,Baghdad\r\n"Saleh, Omar",deputy,Basra\r\n';
  const doc = await readDocument('people.csv', utf8(text));
  assert.equal(doc.text, text);
  assert.equal(doc.mimeType, 'text/csv');
  assert.equal(doc.streamedChildren, undefined);
  assert.equal((await readDocument('people.tsv', utf8('a\tb\n1\t2\n'))).mimeType, 'text/tab-separated-values');
});

test('a long CSV comes in parts of at most the row limit, each later part headed by the header record', async () => {
  const lines = ['Id,Name,Note'];
  for (let i = 1; i <= 25; i++) lines.push(i === 12 ? `12,"Omar ""the clerk"" Saleh","line one\r\nline two"` : `${i},Person ${i},`);
  const doc = readCsv(input('ledger.csv', utf8(`${lines.join('\r\n')}\r\n`)), { rows: 10, cells: 1_000_000 });
  assert.equal(doc.format, 'csv');
  assert.equal(doc.text, 'Id,Name,Note');
  const got = await parts(doc);
  assert.deepEqual(got.map((p) => p.path), ['ledger.csv#part 1', 'ledger.csv#part 2', 'ledger.csv#part 3']);
  assert.deepEqual(got.map((p) => p.meta?.firstRow), ['1', '11', '21']);
  const records = got.map((p) => p.text.split('\r\n'));
  for (const r of records) assert.equal(r[0], 'Id,Name,Note');
  // The quoted line break stays inside its record, in the part that holds the record.
  assert.match(got[1]!.text, /12,"Omar ""the clerk"" Saleh","line one\r\nline two"\r\n13,/);
  // Every record once, in order, with the repeated headers taken out.
  assert.deepEqual([...records[0]!, ...records[1]!.slice(1), ...records[2]!.slice(1)].join('\r\n'), lines.join('\r\n'));
  assert.deepEqual(doc.warnings, []);
});

test('parts are cut by cells too, the delimiter is sniffed, and a legacy encoding is decoded in every part', async () => {
  assert.equal(sniffDelimiter('a;b;c\n"1,5";2;3\n4;5;6\n'), ';');
  assert.equal(sniffDelimiter('a,b\n1,2\n'), ',');
  assert.equal(sniffDelimiter('a|b|c\n1|2|3\n'), '|');
  const rows = ['Ort;Betrag;Empfänger'];
  for (let i = 1; i <= 9; i++) rows.push(`Zürich;${i},50;Müller ${i}`);
  const bytes = new Uint8Array(iconv.encode(`${rows.join('\n')}\n`, 'windows-1252'));
  const doc = readCsv(input('zahlungen.csv', bytes), { rows: 1000, cells: 12 });
  assert.equal(doc.meta?.encoding, 'windows-1252');
  assert.equal(doc.meta?.delimiter, ';');
  const got = await parts(doc);
  // 12 cells a part: the header and 3 rows, then the header again and 3 more.
  assert.deepEqual(got.map((p) => p.text.split('\n').length), [4, 4, 4]);
  assert.equal(got[2]!.text, 'Ort;Betrag;Empfänger\nZürich;7,50;Müller 7\nZürich;8,50;Müller 8\nZürich;9,50;Müller 9');
});

test('past a quote never closed the rest is read line by line, with a warning: no row is lost', async () => {
  const lines = ['a,b'];
  for (let i = 1; i <= 6; i++) lines.push(`${i},x`);
  lines.push('7,"never closed');
  lines.push('8,y');
  const doc = readCsv(input('broken.csv', utf8(lines.join('\n'))), { rows: 3, cells: 1000 });
  const got = await parts(doc);
  assert.deepEqual(got.map((p) => p.text), ['a,b\n1,x\n2,x', 'a,b\n3,x\n4,x\n5,x', 'a,b\n6,x\n7,"never closed\n8,y']);
  assert.equal(doc.warnings!.length, 1);
  assert.equal(doc.warnings![0]!.path, 'broken.csv');
  assert.equal(doc.warnings![0]!.code, 'corrupt-csv');
  assert.match(doc.warnings![0]!.message, /^broken\.csv: Quote Not Closed.*read line by line, quotes ignored/);
});

test('a CSV longer than one part (10,000 rows) is stored through the ingest as parts, every row once', async () => {
  const dir = tempDir();
  const n = TABLE_PART_ROWS + 5_000;
  const lines = ['Reference,Account,Amount'];
  for (let i = 1; i <= n; i++) lines.push(`TX-${i},${1_000_000 + (i % 977)},${i}`);
  const file = join(dir, 'transfers.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const store = new SqliteStore(join(dir, 'store.db'));
  try {
    await store.migrate();
    const summary = await ingestPaths([file], { store, collection: 'c', stages: [] });
    assert.deepEqual(summary.failed, []);
    const root = (await store.listDocuments(ALL_COLLECTIONS, 10, 0)).items.find((d) => d.parentId === null)!;
    const children = await store.listChildren(root.id, ALL_COLLECTIONS);
    assert.deepEqual(children.map((c) => c.path), [`${file}#part 1`, `${file}#part 2`]);
    const texts = await Promise.all(children.map(async (c) => (await store.getDocument(c.id, ALL_COLLECTIONS))!.text.split('\n')));
    assert.deepEqual(texts.map((t) => t.length), [TABLE_PART_ROWS, n + 2 - TABLE_PART_ROWS]);
    assert.equal(texts[1]![0], 'Reference,Account,Amount');
    assert.equal(texts[1]!.at(-1), `TX-${n},${1_000_000 + (n % 977)},${n}`);
  } finally {
    await store.close();
  }
});
