// Zip archives: members as children with "archive.zip!/path" names, nesting, and every hostile-archive refusal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import iconv from 'iconv-lite';
import { writeZip } from './helpers/zip-writer.js';

const STORY = 'Leaked cables name officials\n\nBy Jane Doe\n\nThe ministry recruited officials in Baghdad over many years, the documents show.';

test('reads members as children named after their path inside the archive', async () => {
  const zip = writeZip([
    { name: 'docs/', data: '', deflate: false },
    { name: 'docs/story.txt', data: STORY },
    { name: 'notes.md', data: '# Notes\n\nThe envoy met the minister twice in Tehran during the autumn.', deflate: false },
  ]);
  const doc = await readDocument('leak.zip', zip);
  assert.equal(doc.format, 'zip');
  assert.deepEqual(doc.children?.map((c) => c.path), ['leak.zip!/docs/story.txt', 'leak.zip!/notes.md']);
  assert.equal(doc.children?.[0]?.text, STORY);
  assert.equal(doc.children?.[0]?.author, 'Jane Doe');
  assert.equal(doc.children?.[0]?.language, 'en');
  assert.deepEqual(doc.warnings, []);
  assert.equal(doc.language, undefined, 'an archive listing has no language');
});

test('reads nested archives and sniffs a zip whatever its name', async () => {
  const inner = writeZip([{ name: 'deep.txt', data: STORY }]);
  const outer = writeZip([{ name: 'inner.bin', data: inner }]);
  const doc = await readDocument('outer.zip', outer);
  const innerDoc = doc.children?.[0];
  assert.equal(innerDoc?.format, 'zip');
  assert.equal(innerDoc?.children?.[0]?.path, 'outer.zip!/inner.bin!/deep.txt');
});

test('a failing member becomes a warning and the others are still read', async () => {
  const zip = writeZip([
    { name: 'empty.txt', data: '' },
    { name: 'image.txt', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) },
    { name: 'story.txt', data: STORY },
  ]);
  const doc = await readDocument('mixed.zip', zip);
  assert.deepEqual(doc.children?.map((c) => c.path), ['mixed.zip!/story.txt']);
  assert.deepEqual(doc.warnings?.map((w) => [w.path, w.code]), [['mixed.zip!/empty.txt', 'empty-file'], ['mixed.zip!/image.txt', 'binary-file']]);
});

test('refuses archives nested deeper than the limit, as a warning on the last level read', async () => {
  let zip = writeZip([{ name: 'story.txt', data: STORY }]);
  for (let i = 0; i < 3; i++) zip = writeZip([{ name: `level${i}.zip`, data: zip }]);
  const doc = await readDocument('top.zip', zip, { ...DEFAULT_LIMITS, maxDepth: 2 });
  const level1 = doc.children?.[0]?.children?.[0];
  assert.equal(level1?.warnings?.[0]?.code, 'too-deep');
  assert.match(level1?.warnings?.[0]?.message ?? '', /limit of 2/);
});

test('an encrypted member becomes a warning', async () => {
  const doc = await readDocument('locked.zip', writeZip([{ name: 'secret.txt', data: STORY, encrypted: true }, { name: 'open.txt', data: STORY }]));
  assert.deepEqual(doc.children?.map((c) => c.path), ['locked.zip!/open.txt']);
  assert.deepEqual(doc.warnings?.map((w) => [w.path, w.code]), [['locked.zip!/secret.txt', 'encrypted']]);
});

test('refuses entries that climb out with ../ or are absolute', async () => {
  await rejectsWith(readDocument('win.zip', writeZip([{ name: '..\\..\\evil.txt', data: 'x' }])), 'zip-slip', /evil\.txt/);
  await rejectsWith(readDocument('slip.zip', writeZip([{ name: 'ok.txt', data: STORY }, { name: '../../etc/evil.txt', data: 'x' }])), 'zip-slip', /\.\.\/\.\.\/etc\/evil\.txt/);
  await rejectsWith(readDocument('abs.zip', writeZip([{ name: '/etc/passwd', data: 'x' }])), 'zip-slip', /\/etc\/passwd/);
});

test('refuses a member whose declared size is far larger than its compressed size', async () => {
  const zeros = new Uint8Array(4 * 1024 * 1024); // deflates about 1000-fold
  await rejectsWith(readDocument('bomb.zip', writeZip([{ name: 'zeros.txt', data: zeros }])), 'zip-bomb', /expands \d+-fold \(limit 200\)/);
});

test('refuses a member that inflates past the size its header declares', async () => {
  const zeros = new Uint8Array(2 * 1024 * 1024);
  const liar = writeZip([{ name: 'liar.txt', data: zeros, declaredSize: 1000 }]);
  await rejectsWith(readDocument('liar.zip', liar), 'zip-bomb', /more than the 1000 bytes its header declares/);
});

test('refuses an archive whose declared total exceeds the archive limit', async () => {
  const zip = writeZip([{ name: 'a.txt', data: STORY }, { name: 'b.txt', data: STORY }]);
  await rejectsWith(readDocument('big.zip', zip, { ...DEFAULT_LIMITS, maxArchiveBytes: STORY.length + 10 }), 'zip-bomb', /more than \d+ bytes/);
});

test('nested archives share one unpacking budget', async () => {
  const inner = writeZip([{ name: 'story.txt', data: STORY, deflate: false }]);
  const outer = writeZip([{ name: 'a.zip', data: inner, deflate: false }, { name: 'b.zip', data: inner, deflate: false }]);
  // Enough for the two inner archives and one story, not for both stories as well.
  const limits = { ...DEFAULT_LIMITS, maxArchiveBytes: 2 * inner.length + STORY.length + 10 };
  const doc = await readDocument('outer.zip', outer, limits);
  assert.equal(doc.children?.[0]?.children?.length, 1);
  assert.deepEqual(doc.warnings?.map((w) => [w.path, w.code]), [['outer.zip!/b.zip', 'zip-bomb']]);
});

test('skips a member larger than the file limit and reads the others', async () => {
  const big = 'x'.repeat(5000);
  const doc = await readDocument('big-member.zip', writeZip([{ name: 'big.txt', data: big }, { name: 'story.txt', data: STORY }]),
    { ...DEFAULT_LIMITS, maxFileBytes: 4096 });
  assert.deepEqual(doc.children?.map((c) => c.path), ['big-member.zip!/story.txt']);
  assert.deepEqual(doc.warnings?.map((w) => [w.path, w.code]), [['big-member.zip!/big.txt', 'too-large']]);
});

test('refuses too many entries and damaged archives', async () => {
  const zip = writeZip([{ name: 'a.txt', data: STORY }, { name: 'b.txt', data: STORY }]);
  await rejectsWith(readDocument('many.zip', zip, { ...DEFAULT_LIMITS, maxArchiveEntries: 1 }), 'too-many-entries');
  await rejectsWith(readDocument('cut.zip', zip.subarray(0, 40)), 'corrupt-archive', /cut\.zip/);
});

test('decodes member names written without the UTF-8 flag: Shift-JIS, GBK, UTF-8, IBM PC, Windows and DOS Cyrillic, Windows backslashes', async () => {
  const raw = (name: string, encoding: string) => ({ name: '', rawName: new Uint8Array(iconv.encode(name, encoding)), data: STORY });
  const zip = writeZip([
    raw('報告書/外務省の会議.txt', 'shift_jis'),
    raw('外交部/会议记录.txt', 'gbk'),
    raw('Téhéran/réunion.txt', 'utf8'),
    raw('Köln/Bericht.txt', 'cp437'),
    raw('folder\\memo.txt', 'cp437'),
    raw('Отчеты/Переговоры в Вене.txt', 'windows-1251'),
    raw('Архив/Протокол.txt', 'cp866'),
  ]);
  const doc = await readDocument('names.zip', zip);
  assert.deepEqual(doc.children?.map((c) => c.path), [
    'names.zip!/報告書/外務省の会議.txt', 'names.zip!/外交部/会议记录.txt', 'names.zip!/Téhéran/réunion.txt', 'names.zip!/Köln/Bericht.txt', 'names.zip!/folder/memo.txt',
    'names.zip!/Отчеты/Переговоры в Вене.txt', 'names.zip!/Архив/Протокол.txt',
  ]);
  await rejectsWith(readDocument('evil.zip', writeZip([raw('..\\..\\evil.txt', 'cp437')])), 'zip-slip');
});

test('an OpenDocument package of a kind not read as a document (a formula) is read as an archive, and the read ends', async () => {
  const formula = writeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.formula', deflate: false },
    { name: 'content.xml', data: '<?xml version="1.0"?><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
  ]);
  for (const name of ['formula.odf', 'formula.zip']) {
    const doc = await readDocument(name, formula);
    assert.equal(doc.format, 'zip');
    assert.deepEqual(doc.children?.map((c) => c.path.split('!/')[1]), ['mimetype', 'content.xml', 'META-INF/manifest.xml']);
  }
});
