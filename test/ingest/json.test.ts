// JSON Lines of articles (one child per line, hashed on the line's bytes) and other JSON as text.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';

const LINES = [
  JSON.stringify({ title: 'Cables leaked', text: 'The ministry recruited officials in Baghdad over many years, the documents show.', published: '2019-11-18T09:00:00Z', source: 'The Intercept', url: 'https://example.org/a' }),
  '',
  JSON.stringify({ title: 'گزارش', text: 'گزارش‌ها نشان می‌دهد که سپاه پاسداران در عراق نفوذ گسترده‌ای دارد و این موضوع برای دولت چالش است.', published: '2019-11', source: 'BBC Persian' }),
  '{not json',
  JSON.stringify({ title: 'No text here' }),
];

test('reads each JSON Lines record as a child with its own hash, bytes and line path', async () => {
  const bytes = new Uint8Array(Buffer.from(LINES.join('\n') + '\n'));
  const doc = await readDocument('feed.jsonl', bytes);
  assert.equal(doc.format, 'jsonl');
  assert.equal(doc.children?.length, 2);
  const [first, second] = doc.children!;
  assert.equal(first!.path, 'feed.jsonl#L1');
  assert.equal(first!.sha256, createHash('sha256').update(LINES[0]!).digest('hex'));
  assert.equal(Buffer.from(first!.original).toString(), LINES[0]);
  assert.equal(first!.title, 'Cables leaked');
  assert.equal(first!.source, 'The Intercept');
  assert.equal(first!.published, '2019-11-18');
  assert.equal(first!.meta?.url, 'https://example.org/a');
  assert.equal(first!.language, 'en');
  assert.equal(second!.path, 'feed.jsonl#L3');
  assert.equal(second!.published, '2019-11');
  assert.equal(second!.language, 'fa');
  assert.deepEqual(doc.warnings?.map((w) => [w.path, w.code]), [['feed.jsonl#L4', 'invalid-json'], ['feed.jsonl#L5', 'empty-record']]);
});

test('reads JSON Lines in a legacy encoding, keeping each line\'s original bytes', async () => {
  const line = JSON.stringify({ title: 'Réunion', text: 'Le ministère a déclaré que la réunion aurait lieu à Genève après les élections.' });
  const bytes = new Uint8Array(iconv.encode(line + '\n', 'windows-1252'));
  const doc = await readDocument('fr.jsonl', bytes);
  assert.equal(doc.children?.[0]?.title, 'Réunion');
  assert.deepEqual(doc.children?.[0]?.original, bytes.subarray(0, bytes.length - 1));
  assert.equal(doc.children?.[0]?.language, 'fr');
});

test('a record hashes the same with CRLF line endings', async () => {
  const lf = await readDocument('lf.jsonl', new Uint8Array(Buffer.from(LINES[0] + '\n')));
  const crlf = await readDocument('crlf.jsonl', new Uint8Array(Buffer.from(LINES[0] + '\r\n' + LINES[2])));
  assert.equal(crlf.children?.[0]?.sha256, lf.children?.[0]?.sha256);
  assert.equal(crlf.children?.[1]?.path, 'crlf.jsonl#L2');
});

test('a JSON Lines file with no valid record fails as a whole', async () => {
  await rejectsWith(readDocument('bad.jsonl', new Uint8Array(Buffer.from('{oops\n[1,2\n'))), 'invalid-json', /bad\.jsonl/);
});

test('reads other JSON as its string values joined by newlines', async () => {
  const json = JSON.stringify({ id: 7, headline: 'Envoy met minister', body: { paragraphs: ['First paragraph.', 'Second paragraph.'] }, tags: [] });
  const doc = await readDocument('data.json', new Uint8Array(Buffer.from(json)));
  assert.equal(doc.format, 'json');
  assert.equal(doc.text, 'Envoy met minister\nFirst paragraph.\nSecond paragraph.');
  await rejectsWith(readDocument('broken.json', new Uint8Array(Buffer.from('{"a": '))), 'invalid-json', /broken\.json is not valid JSON/);
});

test('reads JSON Lines saved as .json as records, and still refuses a broken single JSON file', async () => {
  const bytes = new Uint8Array(Buffer.from(`${LINES[0]}\n${LINES[2]}\n`));
  const doc = await readDocument('export.json', bytes);
  assert.equal(doc.format, 'jsonl');
  assert.deepEqual(doc.children?.map((c) => c.path), ['export.json#L1', 'export.json#L2']);
  assert.equal(doc.children![1]!.language, 'fa');
  await rejectsWith(readDocument('broken.json', new Uint8Array(Buffer.from('{"a": 1,\n"b": }\n'))), 'invalid-json');
  await rejectsWith(readDocument('cut.json', new Uint8Array(Buffer.from('{"a": "one"}\n{"b": "tw'))), 'invalid-json');
  await rejectsWith(readDocument('junk.json', new Uint8Array(Buffer.from('{"a": "one"}\nnot json\n{"b": "two"}'))), 'invalid-json');
});

test('reads pretty-printed JSON objects written one after another as one document of their strings', async () => {
  const records = [
    { id: 'r-1', note: 'The convoy crossed at Rabia {at dawn}.', parts: ['first "quoted" part', 'a \\ backslash'] },
    { id: 'r-2', note: 'It returned empty [two days later].' },
  ];
  const text = records.map((r) => JSON.stringify(r, null, 2)).join('\n') + '\n\u001e[ "a last array" ]\n';
  const doc = await readDocument('pipes.json', new Uint8Array(Buffer.from(text)));
  assert.equal(doc.format, 'json');
  assert.equal(doc.text, ['r-1', 'The convoy crossed at Rabia {at dawn}.', 'first "quoted" part', 'a \\ backslash', 'r-2', 'It returned empty [two days later].', 'a last array'].join('\n'));
});
