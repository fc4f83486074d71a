// Text decoding and the failures every format shares: empty, too large, binary, corrupt UTF-8, unsupported.
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { loadInputFile } from '../../src/ingest/load-file.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';

const ARABIC = 'قال مسؤولون عراقيون إن الاستخبارات الإيرانية تسيطر على الفصائل المسلحة في بغداد منذ سنوات طويلة، وفق مصادر مطلعة.';
// Windows-1256 has no Persian yeh (U+06CC); Persian files in it use the Arabic yeh, as this sample does.
const PERSIAN = 'گزارش‌ها نشان مي‌دهد که سپاه پاسداران در عراق نفوذ گسترده‌اي دارد و اين موضوع براي دولت چالش است.';
const FRENCH = 'Le ministère des Affaires étrangères a déclaré que la réunion aurait lieu à Genève après les élections.';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

test('reads UTF-8 text with its hash, language and inferred metadata', async () => {
  const text = 'Iran cables reveal spy networks\n\nBy Jane Doe\nPosted on 3 March 2021\n\nThe leaked documents show how the ministry recruited officials over many years.';
  const bytes = utf8(text);
  const doc = await readDocument('notes/a.txt', bytes);
  assert.equal(doc.format, 'text');
  assert.equal(doc.text, text);
  assert.equal(doc.sha256, '' + (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
  assert.equal(doc.original, bytes);
  assert.equal(doc.language, 'en');
  assert.equal(doc.title, 'Iran cables reveal spy networks');
  assert.equal(doc.author, 'Jane Doe');
  assert.equal(doc.published, '2021-03-03');
  assert.equal(doc.source, undefined);
});

for (const [name, text, encoding, language] of [
  ['Arabic in Windows-1256', ARABIC, 'windows-1256', 'ar'],
  ['Persian in Windows-1256', PERSIAN, 'windows-1256', 'fa'],
  ['French in Windows-1252', FRENCH, 'windows-1252', 'fr'],
  ['Latin with smart quotes in Windows-1252', 'The “naïve” café owner said — déjà vu — that Iran’s envoy had met him twice in the summer, and that the officials were worried about the leaked cables.', 'windows-1252', 'en'],
] as const) {
  test(`detects and decodes ${name}`, async () => {
    const doc = await readDocument('legacy.txt', new Uint8Array(iconv.encode(text, encoding)));
    assert.equal(doc.text, text);
    assert.equal(doc.meta?.encoding, encoding);
    assert.equal(doc.language, language);
  });
}

// Encodings whose bytes once read as "damaged UTF-8" (cp866, Shift-JIS, GB18030) or as the wrong Latin table (Mac Roman as
// Windows-1252 gave "LŸbeck").
for (const [encoding, text] of [
  ['cp866', 'Министерство иностранных дел России заявило, что переговоры с Ираном продолжатся в Вене на следующей неделе.'],
  ['koi8-r', 'Министерство иностранных дел России заявило, что переговоры с Ираном продолжатся в Вене на следующей неделе.'],
  ['shift_jis', '外務省は、イランとの交渉が来週ウィーンで続けられると発表した。政府筋によると、新たな制裁が検討されている。'],
  ['gb18030', '外交部表示，与伊朗的谈判将于下周在维也纳继续进行。政府消息人士称，正在考虑新的制裁措施。'],
  ['macintosh', 'Die Stadt Lübeck liegt an der Ostsee. Der Bürgermeister sprach über die Größe des Hafens und die Zukunft der Straßenbahn.'],
] as const) {
  test(`detects and decodes ${encoding}`, async () => {
    const doc = await readDocument('legacy.txt', new Uint8Array(iconv.encode(text, encoding)));
    assert.equal(doc.text, text);
    assert.equal(doc.meta?.encoding, encoding);
  });
}

test('honours UTF-8 and UTF-16 byte order marks', async () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(ARABIC, 'utf8')]);
  assert.equal((await readDocument('bom.txt', withBom)).text, ARABIC);
  const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(PERSIAN, 'utf16le')]);
  assert.equal((await readDocument('le.txt', le)).text, PERSIAN);
  const be = Buffer.from(FRENCH, 'utf16le').swap16();
  assert.equal((await readDocument('be.txt', new Uint8Array([0xfe, 0xff, ...be]))).text, FRENCH);
  // Without a BOM, the NUL in every other byte of mostly-ASCII UTF-16 gives the byte order away.
  assert.equal((await readDocument('le-nobom.txt', new Uint8Array(Buffer.from(FRENCH, 'utf16le')))).text, FRENCH);
  assert.equal((await readDocument('be-nobom', new Uint8Array(be))).text, FRENCH);
  assert.equal((await readDocument('ar-nobom.txt', new Uint8Array(Buffer.from(ARABIC, 'utf16le')))).text, ARABIC);
});

test('refuses UTF-8 with an invalid sequence and names the byte offset', async () => {
  const good = Buffer.from('Tehran’s envoy — ', 'utf8');
  const bytes = new Uint8Array([...good, 0xc3, 0x28, ...Buffer.from(' met officials.', 'utf8')]);
  await rejectsWith(readDocument('bad.txt', bytes), 'invalid-utf8', new RegExp(`byte offset ${good.length}\\b`));
});

test('refuses a binary file named .txt', async () => {
  // An executable (images, GIF included, go to OCR).
  const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  await rejectsWith(readDocument('program.txt', elf), 'binary-file', /program\.txt is not text \(an ELF executable, NUL byte at offset 7\)/);
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  // Named .doc, it is a Word file cut short: its compound-file directory is missing.
  await rejectsWith(readDocument('memo.doc', ole), 'corrupt-office', /memo\.doc is a damaged Office file/);
});

test('refuses an empty file', async () => {
  await rejectsWith(readDocument('empty.txt', new Uint8Array()), 'empty-file', /empty/);
});

test('refuses an unknown binary format', async () => {
  await rejectsWith(readDocument('blob.bin', new Uint8Array([1, 2, 0, 4, 5])), 'unsupported-format', /\.bin/);
});

test('reads a file without extension that looks like text', async () => {
  const doc = await readDocument('README', utf8('Just some notes about the meeting in Baghdad last week with officials.'));
  assert.equal(doc.format, 'text');
});

test('refuses a 200 MB file before reading it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cablegraph-'));
  try {
    const path = join(dir, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, 200 * 1024 * 1024); // sparse: takes no disk space
    await rejectsWith(loadInputFile(path, 200 * 1024 * 1024), 'too-large', /209715200 bytes/);
    await rejectsWith(loadInputFile(join(dir, 'missing.txt'), -1), 'not-found');
    const small = { ...DEFAULT_LIMITS, maxFileBytes: 10 };
    await rejectsWith(readDocument('x.txt', utf8('more than ten bytes'), small), 'too-large', /10-byte limit/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
