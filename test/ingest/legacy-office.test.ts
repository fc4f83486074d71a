// Legacy binary Office files (Word 97 .doc, PowerPoint 97 .ppt) read through headless LibreOffice: text, page and
// slide boundaries, summary metadata, encrypted and truncated files, soffice missing or hanging, parallel runs, and
// no web request for a picture linked from a URL. The fixtures are written by LibreOffice itself (CI installs it).
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { readDocument } from '../../src/ingest/read-document.js';
import { convertWithLibreOffice, stopLibreOffice } from '../../src/ingest/office/libreoffice.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { flatPresentation, flatPresentationWithPicture, flatText, flatTextWithLinkedImage, flatTextWithPicture, writeLegacyFixtures } from './helpers/libreoffice-writer.js';
import { writeZip } from './helpers/zip-writer.js';

// A web server standing in for a tracking beacon: it counts the requests a converted document makes.
let beaconHits = 0;
const beacon = createServer((_req, res) => { beaconHits++; res.writeHead(404).end(); });
await new Promise<void>((resolve) => beacon.listen(0, '127.0.0.1', resolve));
after(() => beacon.close());
after(() => stopLibreOffice());
const beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}/pixel.png`;

const PAGE_ONE = [
  'CONFIDENTIAL',
  'SUBJECT: PAYMENTS TO THE PORT AUTHORITY',
  'The deputy minister met the envoy in Zürich on 12 March and agreed to route the harbour fees through a trading company registered in Dubai, the memo says.',
];
const PAGE_TWO = 'Hossein Amiri (حسین امیری) signed the transfer orders, according to the ledger kept by the finance office.';
// Right-to-left text quoting a number and a Latin name: a PDF would hold it in visual order, scrambled.
const PERSIAN = 'وزیر در تاریخ ۱۲ اسفند با فرستاده در زوریخ دیدار کرد و مبلغ 250,000 دلار به شرکت Gulf Trading پرداخت شد.';
// Enough paragraphs for LibreOffice's layout to break pages on its own.
const LONG = Array.from({ length: 150 }, (_, i) => `Entry ${i + 1}. The ledger shows a payment to the contractor through a company in the region, approved by the deputy minister.`);
const SLIDES = [
  ['Quarterly review', 'Prepared for the board'],
  ['The fund paid the contractor in Basra through two shell companies.'],
  ['The auditor reported the missing invoices to the ministry in May.'],
];
// Speaker notes of the last slide: what the presenter was to say, kept with that slide.
const NOTES = [undefined, undefined, 'Do not show this slide to the minister before the audit closes.'];

// A photographed Arabic statement (the OCR fixture): embedded in a .doc and a .ppt, it becomes a child read by OCR.
const STATEMENT = new Uint8Array(readFileSync(new URL('../fixtures/ocr/statement-ar.png', import.meta.url)));

let made: Map<string, Uint8Array> | undefined;
function fixtures(): Map<string, Uint8Array> {
  made ??= writeLegacyFixtures([
    { name: 'memo', as: 'doc', source: flatText([...PAGE_ONE, `\f${PAGE_TWO}`, PERSIAN], { title: 'Payments to the port authority', author: 'J. Whitfield', created: '2009-03-14T10:20:00' }) },
    { name: 'ledger', as: 'doc', source: flatText(LONG) },
    { name: 'secret', as: 'doc', source: flatText(['The account numbers are listed below.']), password: 'harbour' },
    { name: 'deck', as: 'ppt', source: flatPresentation(SLIDES, { title: 'Board review 2011' }, NOTES) },
    { name: 'beacon', as: 'doc', source: flatTextWithLinkedImage('The picture below was linked from a web server.', beaconUrl) },
    { name: 'pictured', as: 'doc', source: flatTextWithPicture('The statement below was photographed at the ministry.', STATEMENT) },
    { name: 'slide-picture', as: 'ppt', source: flatPresentationWithPicture('The statement', STATEMENT) },
    { name: 'pictured-docx', as: 'docx', source: flatTextWithPicture('The statement below was photographed at the ministry.', STATEMENT) },
    { name: 'slide-picture-pptx', as: 'pptx', source: flatPresentationWithPicture('The statement', STATEMENT) },
    { name: 'pictured-odt', as: 'odt', source: flatTextWithPicture('The statement below was photographed at the ministry.', STATEMENT) },
  ]);
  return made;
}
const fixture = (name: string) => fixtures().get(name)!;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

test('reads a Word 97 .doc: text, a page boundary at the page break, title, author and creation date', async () => {
  // An OLE file holding a WordDocument stream is read as Word whatever its name.
  const [doc, unnamed] = await Promise.all([readDocument('cables/memo.doc', fixture('memo')), readDocument('upload.bin', fixture('memo'))]);
  assert.equal(unnamed.format, 'doc');
  assert.equal(unnamed.text, doc.text);
  assert.equal(doc.format, 'doc');
  assert.equal(doc.mimeType, 'application/msword');
  assert.deepEqual(doc.pages?.length, 2);
  assert.equal(doc.pages?.[0], 0);
  const [first, second] = [doc.text.slice(0, doc.pages![1]), doc.text.slice(doc.pages![1])];
  // The PDF lays the long sentence out on several lines; the words and their order are kept.
  assert.equal(flat(first), flat(PAGE_ONE.join(' ')));
  assert.equal(second, `${PAGE_TWO}\n\n${PERSIAN}`, 'the second page starts at its offset; Persian keeps its logical order');
  assert.equal(doc.title, 'Payments to the port authority');
  assert.equal(doc.author, 'J. Whitfield');
  assert.equal(doc.published, '2009-03-14');
  assert.deepEqual(doc.meta, { converter: 'libreoffice', pageCount: '2' });
  assert.equal(doc.language, 'en');
  assert.equal(doc.warnings, undefined);
});

test('pages of a long .doc start where LibreOffice\'s layout breaks them, and no text is lost or repeated', async () => {
  const doc = await readDocument('ledger.doc', fixture('ledger'));
  const pages = doc.pages!.map((start, i) => doc.text.slice(start, doc.pages![i + 1] ?? doc.text.length).trim());
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  assert.equal(doc.meta?.pageCount, String(pages.length));
  assert.deepEqual(pages.join('\n\n').split(/\n\n/), LONG);
  // A break falls between paragraphs here (none is longer than a page): every page starts with an entry.
  for (const page of pages) assert.match(page, /^Entry \d+\. The ledger/);
});

test('reads a PowerPoint 97 .ppt with one page per slide (its speaker notes included), whatever the deck is named', async () => {
  const [ppt, pps, unnamed] = await Promise.all([
    readDocument('board.ppt', fixture('deck')),
    readDocument('board.pps', fixture('deck')),
    readDocument('attachment.bin', fixture('deck')),
  ]);
  for (const doc of [ppt, pps, unnamed]) {
    assert.equal(doc.format, 'ppt', doc.path);
    assert.equal(doc.mimeType, 'application/vnd.ms-powerpoint');
    assert.equal(doc.pages?.length, SLIDES.length);
    const slides = doc.pages!.map((start, i) => flat(doc.text.slice(start, doc.pages![i + 1] ?? doc.text.length)));
    assert.deepEqual(slides, SLIDES.map((s, i) => [...s, NOTES[i] ?? []].flat().join(' ')));
    assert.equal(doc.title, 'Board review 2011');
    assert.equal(doc.meta?.pageCount, '3');
  }
});

test('pictures embedded in Word, PowerPoint and OpenDocument files become children read by OCR, named after the document', async () => {
  const cases = [
    ['scans/statement.doc', 'pictured', 'Pictures'], ['scans/statement.ppt', 'slide-picture', 'Pictures'],
    ['scans/statement.docx', 'pictured-docx', 'word/media'], ['scans/statement.pptx', 'slide-picture-pptx', 'ppt/media'],
    ['scans/statement.odt', 'pictured-odt', 'Pictures'],
  ] as const;
  for (const [path, name, folder] of cases) {
    const doc = await readDocument(path, fixture(name));
    assert.equal(doc.children?.length, 1, `${path}: one picture`);
    const [picture] = doc.children!;
    assert.match(picture!.path, new RegExp(`^${path.replace('.', '\\.')}!/${folder}/[^/]+\\.png$`));
    assert.equal(picture!.format, 'image');
    assert.match(picture!.text, /وزير الخارجية/);
    assert.equal(doc.warnings, undefined);
  }
  const memo = await readDocument('a/memo.doc', fixture('memo'));
  assert.equal(memo.children, undefined, 'a document without pictures has no children');
});

test('a password-protected .doc is refused as encrypted, before LibreOffice is started', async () => {
  const saved = process.env.CABLEGRAPH_SOFFICE;
  process.env.CABLEGRAPH_SOFFICE = '/nonexistent/soffice';
  try {
    await rejectsWith(readDocument('leak/secret.doc', fixture('secret')), 'encrypted', /leak\/secret\.doc is a password-protected Word document; ask for the password/);
  } finally {
    restore('CABLEGRAPH_SOFFICE', saved);
  }
});

test('a truncated or signature-less .doc fails as corrupt-office naming the file', async () => {
  const memo = fixture('memo');
  for (const size of [512, Math.floor(memo.byteLength / 2), memo.byteLength - 700]) {
    await rejectsWith(readDocument('cut/memo.doc', memo.subarray(0, size)), 'corrupt-office', /cut\/memo\.doc is a damaged Office file/);
  }
  const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
  await rejectsWith(readDocument('noise.doc', noise), 'corrupt-office', /noise\.doc is named like a legacy Office file but has no signature/);
});

test('without soffice a .doc fails as tool-missing naming the Debian packages; the rest of a zip is read', async () => {
  const saved = process.env.CABLEGRAPH_SOFFICE;
  process.env.CABLEGRAPH_SOFFICE = '/nonexistent/soffice';
  try {
    const word = minimalWordFile();
    await rejectsWith(readDocument('memo.doc', word), 'tool-missing',
      /memo\.doc needs \/nonexistent\/soffice \(LibreOffice\), which was not found; install it \(Debian: apt-get install --no-install-recommends libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui\)/);
    const zip = await readDocument('mixed.zip', writeZip([{ name: 'memo.doc', data: word }, { name: 'note.txt', data: 'The envoy met the minister in Geneva.' }]));
    assert.deepEqual(zip.children?.map((c) => c.path), ['mixed.zip!/note.txt']);
    assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['mixed.zip!/memo.doc', 'tool-missing']]);
  } finally {
    restore('CABLEGRAPH_SOFFICE', saved);
  }
});

test('a text file named .doc is read as text; a WordPerfect file is sniffed whatever its name and sent to LibreOffice', async () => {
  const note = await readDocument('old/note.doc', new TextEncoder().encode('MEMO\r\nThe envoy met the minister in Geneva.\r\n'));
  assert.equal(note.format, 'text');
  assert.match(note.text, /The envoy met the minister in Geneva\./);
  const saved = process.env.CABLEGRAPH_SOFFICE;
  process.env.CABLEGRAPH_SOFFICE = '/nonexistent/soffice';
  try {
    // The WordPerfect 5+ header: 0xFF "WPC", then the offset of the document area.
    const wpd = new Uint8Array([0xff, 0x57, 0x50, 0x43, 0x10, 0, 0, 0, 1, 10, 2, 1, ...new Array(64).fill(0)]);
    await rejectsWith(readDocument('letters/contract.bin', wpd), 'tool-missing', /letters\/contract\.bin needs \/nonexistent\/soffice/);
  } finally {
    restore('CABLEGRAPH_SOFFICE', saved);
  }
});

test('soffice running past its time limit is killed with its children and the file fails as tool-timeout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-hang-'));
  const saved = [process.env.CABLEGRAPH_SOFFICE, process.env.CABLEGRAPH_SOFFICE_TIMEOUT_MS];
  try {
    // Like /usr/bin/soffice, a script that starts the real work as a child process.
    const script = join(dir, 'soffice');
    writeFileSync(script, `#!/bin/sh\nsleep 60 &\necho $! > ${join(dir, 'child.pid')}\nwait\n`);
    chmodSync(script, 0o755);
    process.env.CABLEGRAPH_SOFFICE = script;
    process.env.CABLEGRAPH_SOFFICE_TIMEOUT_MS = '1500';
    await rejectsWith(readDocument('slow/memo.doc', minimalWordFile()), 'tool-timeout', /slow\/memo\.doc: LibreOffice did not finish converting it within 2 s and was stopped/);
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    assert.equal(isRunning(child), false, 'the child of the script was killed too');
  } finally {
    restore('CABLEGRAPH_SOFFICE', saved[0]);
    restore('CABLEGRAPH_SOFFICE_TIMEOUT_MS', saved[1]);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('conversions at once share one soffice, each gets its own text, and stopping it leaves no folder behind', async () => {
  // A private temporary folder, so folders of other processes on the machine do not count.
  const saved = process.env.TMPDIR;
  const scratch = mkdtempSync(join(tmpdir(), 'cablegraph-test-tmp-'));
  process.env.TMPDIR = scratch;
  try {
    await stopLibreOffice();
    const [memo, deck] = await Promise.all([readDocument('a/memo.doc', fixture('memo')), readDocument('b/deck.ppt', fixture('deck'))]);
    assert.equal(flat(memo.text.slice(memo.pages![1])), flat(`${PAGE_TWO} ${PERSIAN}`));
    assert.equal(deck.pages?.length, SLIDES.length);
    assert.equal(readdirSync(scratch).length, 1, 'one soffice folder while it serves');
    await stopLibreOffice();
    assert.deepEqual(readdirSync(scratch), [], 'temporary folders and profiles are removed');
  } finally {
    restore('TMPDIR', saved);
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('many files go through one soffice start; a file LibreOffice cannot open fails alone with its path and reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-starts-'));
  const saved = process.env.CABLEGRAPH_SOFFICE;
  try {
    // The real soffice behind a script that counts its starts.
    const script = join(dir, 'soffice');
    writeFileSync(script, `#!/bin/sh\necho start >> ${join(dir, 'starts')}\nexec soffice "$@"\n`);
    chmodSync(script, 0o755);
    process.env.CABLEGRAPH_SOFFICE = script;
    await stopLibreOffice();
    const reads = await Promise.allSettled([
      readDocument('x/memo.doc', fixture('memo')),
      readDocument('x/broken.ppt', brokenPowerPoint()),
      readDocument('x/deck.ppt', fixture('deck')),
      readDocument('x/ledger.doc', fixture('ledger')),
    ]);
    const [memo, broken, deck, ledger] = reads;
    assert.equal(memo.status === 'fulfilled' && flat(memo.value.text).startsWith('CONFIDENTIAL'), true);
    assert.equal(deck.status === 'fulfilled' && deck.value.pages?.length, SLIDES.length);
    assert.equal(ledger.status === 'fulfilled' && ledger.value.text.includes('Entry 150.'), true);
    assert.equal(broken.status, 'rejected');
    await rejectsWith(Promise.reject((broken as PromiseRejectedResult).reason), 'corrupt-office', /x\/broken\.ppt could not be opened by LibreOffice \(.+\)/);
    assert.equal(readFileSync(join(dir, 'starts'), 'utf8').trim().split('\n').length, 1, 'one soffice for the four files');
  } finally {
    await stopLibreOffice();
    restore('CABLEGRAPH_SOFFICE', saved);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a conversion that hangs is killed with its soffice; the files queued after it go to a fresh soffice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-spool-'));
  const saved = [process.env.CABLEGRAPH_SOFFICE, process.env.CABLEGRAPH_SOFFICE_TIMEOUT_MS];
  try {
    // A stand-in that speaks the spool protocol (soffice-profile.ts): it answers each job with a real OpenDocument
    // file written by LibreOffice, except a file holding "HANG", on which it waits forever.
    const odt = join(dir, 'reply.odt');
    const made = writeLegacyFixtures([{ name: 'reply', as: 'doc', source: flatText(['A reply.']) }]);
    await stopLibreOffice();
    writeFileSync(odt, await convertWithLibreOffice(made.get('reply')!, 'reply.doc', '.doc', 'odt'));
    const script = join(dir, 'soffice');
    writeFileSync(script, `#!/bin/sh
echo start >> ${join(dir, 'starts')}
for a in "$@"; do case "$a" in -env:UserInstallation=file://*) spool="$(dirname "\${a#-env:UserInstallation=file://}")/spool";; esac; done
while [ ! -e "$spool/stop" ]; do
  for job in "$spool"/*.job; do
    [ -e "$job" ] || continue
    src=\$(sed -n 1p "$job"); dst=\$(sed -n 2p "$job"); id=\$(basename "$job" .job); rm "$job"
    if grep -q HANG "$src"; then sleep 600; fi
    cp ${odt} "$dst"; echo ok > "$spool/$id.tmp"; mv "$spool/$id.tmp" "$spool/$id.done"
  done
  sleep 0.05
done
`);
    chmodSync(script, 0o755);
    process.env.CABLEGRAPH_SOFFICE = script;
    process.env.CABLEGRAPH_SOFFICE_TIMEOUT_MS = '3000';
    const hang = minimalWordFile();
    const marked = new Uint8Array(hang.byteLength + 4);
    marked.set(hang);
    marked.set(new TextEncoder().encode('HANG'), hang.byteLength);
    const reads = await Promise.allSettled(['a', 'hang', 'b', 'c'].map((n) => readDocument(`q/${n}.doc`, n === 'hang' ? marked : minimalWordFile())));
    assert.deepEqual(reads.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    await rejectsWith(Promise.reject((reads[1] as PromiseRejectedResult).reason), 'tool-timeout', /q\/hang\.doc: LibreOffice did not finish converting it within 3 s/);
    for (const r of reads) if (r.status === 'fulfilled') assert.equal(flat(r.value.text), 'A reply.');
    assert.equal(readFileSync(join(dir, 'starts'), 'utf8').trim().split('\n').length, 2, 'a fresh soffice after the hung one');
  } finally {
    await stopLibreOffice();
    restore('CABLEGRAPH_SOFFICE', saved[0]);
    restore('CABLEGRAPH_SOFFICE_TIMEOUT_MS', saved[1]);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a picture linked from a URL is not fetched: converting a leak never calls its author back', async () => {
  const doc = fixture('beacon');
  beaconHits = 0;
  const read = await readDocument('beacon.doc', doc);
  assert.equal(flat(read.text), 'The picture below was linked from a web server.');
  assert.equal(beaconHits, 0);
});

/** An OLE file with a PowerPoint stream of noise: routed to LibreOffice, which cannot open it. */
function brokenPowerPoint(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/PowerPoint Document', Buffer.from(new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24)));
  XLSX.CFB.utils.cfb_add(cfb, '/Current User', Buffer.alloc(64));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** The smallest OLE file ole.ts routes to LibreOffice: a WordDocument stream starting with a Word 97 header. */
function minimalWordFile(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  const fib = Buffer.alloc(1024);
  fib.writeUInt16LE(0xa5ec, 0);
  XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', fib);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

// A killed process whose parent died may stay a zombie where PID 1 does not reap (containers): it is not running.
function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

test('a Word file holding an embedded workbook is read as Word, not as a spreadsheet (only top-level streams decide)', async () => {
  const cfb = XLSX.CFB.utils.cfb_new();
  const fib = Buffer.alloc(1024);
  fib.writeUInt16LE(0xa5ec, 0);
  fib.writeUInt16LE(0x0100, 10); // fEncrypted: refused before LibreOffice starts, which shows the Word route was taken
  XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', fib);
  XLSX.CFB.utils.cfb_add(cfb, '/ObjectPool/_1345470949/Workbook', Buffer.alloc(512, 1));
  XLSX.CFB.utils.cfb_add(cfb, '/ObjectPool/_1345471035/PowerPoint Document', Buffer.alloc(512, 2));
  const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
  await rejectsWith(readDocument('report.doc', bytes), 'encrypted', /report\.doc is a password-protected Word document/);
});
