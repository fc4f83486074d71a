// Archives read through bsdtar: 7z, rar, tar and compressed tars, iso, single compressed files; the zip handler's
// protections (names and links outside, bombs, member count); encrypted and damaged archives; bsdtar missing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { hasBsdtar, writeArchive, type ArchiveFile } from './helpers/bsdtar-writer.js';
import { writeZip } from './helpers/zip-writer.js';

const skip = hasBsdtar() ? false : 'bsdtar not installed (Debian: apt-get install libarchive-tools)';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

const STORY = 'Leaked cables name officials\n\nBy Jane Doe\n\nThe ministry recruited officials in Baghdad over many years, the documents show.';
const FILES: ArchiveFile[] = [
  { name: 'cables/story.txt', data: STORY },
  { name: 'cables/نامه ها.txt', data: 'The envoy met the minister twice in Tehran during the autumn, the notes say.' },
  { name: 'inner.zip', data: writeZip([{ name: 'deep.txt', data: 'The contractor was paid in Basra, the ledger shows.' }]) },
];

for (const [label, args, format] of [
  ['7z', ['--format', '7zip'], '7z'],
  ['tar', ['--format', 'pax'], 'tar'],
  ['tar.gz', ['-z'], 'tar'],
  ['tar.bz2', ['-j'], 'tar'],
  ['tar.xz', ['-J'], 'tar'],
  ['iso', ['--format', 'iso9660'], 'iso'],
] as const) {
  test(`reads a ${label} archive: members as children, nested archives too, non-ASCII names kept`, { skip }, async () => {
    const doc = await readDocument(`leak.${label}`, writeArchive(FILES, [...args]));
    assert.equal(doc.format, format);
    const paths = doc.children?.map((c) => c.path).sort();
    assert.deepEqual(paths, [`leak.${label}!/cables/story.txt`, `leak.${label}!/cables/نامه ها.txt`, `leak.${label}!/inner.zip`]);
    const story = doc.children?.find((c) => c.path.endsWith('story.txt'));
    assert.equal(story?.text, STORY);
    assert.equal(story?.author, 'Jane Doe');
    const inner = doc.children?.find((c) => c.path.endsWith('inner.zip'));
    assert.equal(inner?.children?.[0]?.path, `leak.${label}!/inner.zip!/deep.txt`);
    assert.deepEqual(doc.warnings, []);
    assert.equal(doc.language, undefined, 'an archive listing has no language');
    assert.match(doc.text, /cables\/story\.txt/);
  });
}

test('sniffs archives whatever their name, and reads a file compressed on its own as one child', { skip }, async () => {
  assert.equal((await readDocument('upload.bin', writeArchive(FILES, ['--format', '7zip']))).format, '7z');
  const gz = await readDocument('notes/story.txt.gz', new Uint8Array(gzipSync(STORY)));
  assert.equal(gz.format, 'gzip');
  assert.deepEqual(gz.children?.map((c) => [c.path, c.text]), [['notes/story.txt.gz!/story.txt', STORY]]);
});

test('reads a RAR archive (libarchive test file) and skips the link inside it', { skip }, async () => {
  const doc = await readDocument('sample.rar', fixture('libarchive-rar4.rar'));
  assert.equal(doc.format, 'rar');
  assert.deepEqual(doc.children?.map((c) => [c.path, c.text.trim()]), [
    ['sample.rar!/test.txt', 'test text document'],
    ['sample.rar!/testdir/test.txt', 'test text document'],
  ]);
});

test('refuses names and links that point outside the archive', { skip }, async () => {
  const climbing = writeArchive([{ name: 'notes.txt', data: STORY }], ['-P', '-s', ',^,../,']);
  await rejectsWith(readDocument('climb.tar', climbing), 'zip-slip', /climb\.tar contains an entry that points outside the archive \("\.\.\/notes\.txt"\)/);
  const absolute = writeArchive([{ name: 'notes.txt', data: STORY }], ['-P', '-s', ',^,/tmp/,']);
  await rejectsWith(readDocument('abs.tar', absolute), 'zip-slip', /"\/tmp\/notes\.txt"/);
  const linked = writeArchive([{ name: 'passwd', link: '/etc/passwd' }, { name: 'notes.txt', data: STORY }], []);
  await rejectsWith(readDocument('link.tar', linked), 'zip-slip', /a link "passwd" that points outside/);
  const up = writeArchive([{ name: 'docs/up', link: '../../secret' }], []);
  await rejectsWith(readDocument('up.tar', up), 'zip-slip', /a link "docs\/up"/);
  // A link to a member inside the archive is harmless: it is skipped and the member read once.
  const inside = await readDocument('ok.tar', writeArchive([{ name: 'notes.txt', data: STORY }, { name: 'copy.txt', link: 'notes.txt' }], []));
  assert.deepEqual(inside.children?.map((c) => c.path), ['ok.tar!/notes.txt']);
});

test('refuses archive bombs, too many members and members past the budget; skips a member over the file limit', { skip }, async () => {
  const zeros = new Uint8Array(4 * 1024 * 1024);
  await rejectsWith(readDocument('bomb.tar.gz', writeArchive([{ name: 'zeros.txt', data: zeros }], ['-z'])), 'zip-bomb', /expands \d+-fold/);
  await rejectsWith(readDocument('bomb.txt.gz', new Uint8Array(gzipSync(zeros))), 'zip-bomb', /bomb\.txt\.gz decompresses to more than the archive limits allow/);
  const three = writeArchive([{ name: 'a.txt', data: STORY }, { name: 'b.txt', data: STORY }, { name: 'c.txt', data: STORY }], ['--format', '7zip']);
  await rejectsWith(readDocument('many.7z', three, { ...DEFAULT_LIMITS, maxArchiveEntries: 2 }), 'too-many-entries', /many\.7z has more than 2 entries/);
  await rejectsWith(readDocument('budget.7z', three, { ...DEFAULT_LIMITS, maxArchiveBytes: 2 * STORY.length }), 'zip-bomb', /budget\.7z!\/c\.txt/);
  const big = await readDocument('big.tgz', writeArchive([{ name: 'big.txt', data: 'x'.repeat(5000) }, { name: 'story.txt', data: STORY }], ['-z']), { ...DEFAULT_LIMITS, maxFileBytes: 4000 });
  assert.deepEqual(big.children?.map((c) => c.path), ['big.tgz!/story.txt']);
  assert.deepEqual(big.warnings?.map((w) => [w.path, w.code]), [['big.tgz!/big.txt', 'too-large']]);
});

test('encrypted 7z and RAR archives fail as encrypted (libarchive test files)', { skip }, async () => {
  await rejectsWith(readDocument('locked.7z', fixture('libarchive-7z-encrypted.7z')), 'encrypted', /locked\.7z is an encrypted 7z archive; ask for the password/);
  await rejectsWith(readDocument('locked.rar', fixture('libarchive-rar4-encrypted.rar')), 'encrypted', /locked\.rar is an encrypted rar archive/);
});

test('a damaged archive fails with its path and reason, and the other files of the ingest land', { skip }, async () => {
  const good = writeArchive(FILES, ['--format', '7zip']);
  const truncated = good.subarray(0, Math.floor(good.length / 2));
  await rejectsWith(readDocument('cut.7z', truncated), 'corrupt-archive', /^cut\.7z is a damaged 7z archive: .+/);
  await rejectsWith(readDocument('cut.txt.gz', new Uint8Array(gzipSync(STORY)).subarray(0, 20)), 'corrupt-archive', /^cut\.txt\.gz is a damaged gzip file: /);
  await rejectsWith(readDocument('fake.7z', new Uint8Array(Buffer.from('/set type=file\n./passwd contents=/etc/passwd\n'))), 'corrupt-archive', /not a 7z, rar, tar, iso or compressed file/);
  // An mtree listing dressed as an ISO image (volume descriptor at 0x8001) never reaches bsdtar.
  const mtree = Buffer.alloc(0x8010, 0x0a);
  mtree.write('#mtree\n./passwd type=file contents=/etc/passwd\n', 0);
  mtree.write('\x01CD001', 0x8000, 'latin1');
  await rejectsWith(readDocument('fake.iso', new Uint8Array(mtree)), 'corrupt-archive', /not a 7z, rar, tar, iso or compressed file/);
  const zip = await readDocument('upload.zip', writeZip([{ name: 'cut.7z', data: truncated }, { name: 'good.7z', data: good }]));
  assert.deepEqual(zip.children?.map((c) => c.path), ['upload.zip!/good.7z']);
  assert.equal(zip.children?.[0]?.children?.length, 3);
  assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['upload.zip!/cut.7z', 'corrupt-archive']]);
});

test('without bsdtar an archive fails as tool-missing naming the Debian package; the rest is read', async () => {
  const saved = process.env.CABLEGRAPH_BSDTAR;
  process.env.CABLEGRAPH_BSDTAR = '/nonexistent/bsdtar';
  try {
    const sevenZip = new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...new Array(40).fill(0)]);
    await rejectsWith(readDocument('x.7z', sevenZip), 'tool-missing', /x\.7z needs \/nonexistent\/bsdtar, which was not found; install it \(Debian: apt-get install libarchive-tools\)/);
    const zip = await readDocument('mixed.zip', writeZip([{ name: 'x.7z', data: sevenZip }, { name: 'story.txt', data: STORY }]));
    assert.deepEqual(zip.children?.map((c) => c.path), ['mixed.zip!/story.txt']);
    assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['mixed.zip!/x.7z', 'tool-missing']]);
  } finally {
    if (saved === undefined) delete process.env.CABLEGRAPH_BSDTAR;
    else process.env.CABLEGRAPH_BSDTAR = saved;
  }
});
