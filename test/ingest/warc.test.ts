// Web archives: a real crawl by wget --warc-file of a local web server (an article, a PDF behind a URL without an
// extension, a gzip-encoded text, a style sheet, an image, a redirect and a missing page), read plain and compressed;
// resource and revisit records written with warcio's serializer; damaged and fake archives.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { ExtractedDocument } from '../../src/model/index.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { hasBsdtar } from './helpers/bsdtar-writer.js';
import { writePdf } from './helpers/pdf-writer.js';

const hasWget = spawnSync('wget', ['--version']).status === 0;
const skip = hasWget ? false : 'wget not installed (Debian: apt-get install wget)';

const STORY = '<html><head><title>Envoy recalled</title></head><body><h1>Envoy recalled</h1>'
  + '<p>The ministry recalled its envoy from Baghdad on Tuesday, two officials said.</p></body></html>';
const NOTES = 'Field notes: the contractor was paid twice in Basra, the ledger shows.';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Serves the pages the crawl asks for. */
function site(): Server {
  return createServer((req, res) => {
    const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/news/story.html': return send(200, 'text/html; charset=utf-8', STORY);
      case '/old-story': return send(301, 'text/html', 'moved', { location: '/news/story.html' });
      case '/report': return send(200, 'application/pdf', Buffer.from(writePdf([['Annual report of the ministry', 'The ministry paid the militia in 2019.']])));
      case '/notes.txt': return send(200, 'text/plain; charset=utf-8', gzipSync(NOTES), { 'content-encoding': 'gzip' });
      case '/style.css': return send(200, 'text/css', 'body { color: black }');
      case '/logo.png': return send(200, 'image/png', PNG);
      default: return send(404, 'text/html', '<html><body>Not found</body></html>');
    }
  });
}

describe('web archives (WARC)', { skip }, () => {
  let server: Server;
  let dir: string;
  let plain: Uint8Array;
  let compressed: Uint8Array;

  before(async () => {
    server = site();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'cablegraph-warc-'));
    const urls = ['/old-story', '/report', '/notes.txt', '/style.css', '/logo.png', '/missing'].map((p) => base + p);
    // wget exits 8 when the server answered an error (the 404), which is part of the crawl.
    for (const [name, extra] of [['plain', ['--no-warc-compression']], ['compressed', []]] as const) {
      // Asynchronously: the server answering wget runs in this process.
      await new Promise<void>((resolve) => execFile('wget', ['-q', '-O', join(dir, `${name}.out`), `--warc-file=${join(dir, name)}`, ...extra, ...urls], () => resolve()));
    }
    plain = new Uint8Array(readFileSync(join(dir, 'plain.warc')));
    compressed = new Uint8Array(readFileSync(join(dir, 'compressed.warc.gz')));
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const byName = (doc: ExtractedDocument, tail: string) => doc.children?.find((c) => c.path.endsWith(tail));

  it('reads each captured page or file as a child with its URL and capture date, and says what it left out', async () => {
    const doc = await readDocument('crawl.warc', plain);
    assert.equal(doc.format, 'warc');
    assert.deepEqual(doc.warnings, []);
    const names = doc.children!.map((c) => c.path.replace(/^crawl\.warc!\/\d{4} 127\.0\.0\.1_\d+/, ''));
    assert.deepEqual(names, ['/news/story.html', '/report.pdf', '/notes.txt'], 'the redirect, the 404, the style sheet and the image are not documents');
    const story = byName(doc, 'story.html')!;
    assert.equal(story.format, 'html');
    assert.equal(story.title, 'Envoy recalled');
    assert.match(story.text, /recalled its envoy from Baghdad/);
    assert.match(story.meta?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/news\/story\.html$/);
    assert.match(story.meta?.captured ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal(story.meta?.['http-status'], '200');
    assert.match(story.source ?? '', /^127\.0\.0\.1:\d+$/);
    const report = byName(doc, 'report.pdf')!;
    assert.equal(report.format, 'pdf', 'a PDF behind a URL without an extension is read as a PDF');
    assert.match(report.text, /The ministry paid the militia in 2019\./);
    assert.equal(byName(doc, 'notes.txt')?.text.trim(), NOTES, 'the gzip content encoding is undone');
    assert.match(doc.text, /3 captured document\(s\); 2 script\(s\), style sheet\(s\), font\(s\) and image\(s\) left out; 2 redirect\(s\) or error response\(s\) left out\./);
    assert.equal(doc.language, undefined, 'the listing of a container has no language');
  });

  it('reads a compressed .warc.gz the same way, inside the archive handler limits', { skip: hasBsdtar() ? false : 'bsdtar not installed' }, async () => {
    const doc = await readDocument('crawl.warc.gz', compressed);
    const warc = doc.children?.[0];
    assert.equal(warc?.format, 'warc');
    assert.deepEqual(warc?.children?.map((c) => c.text.trim().slice(0, 20)), (await readDocument('crawl.warc', plain)).children?.map((c) => c.text.trim().slice(0, 20)));
  });

  it('keeps the records before a damage and reports the damage; refuses a file that is not a WARC', async () => {
    // Cut inside the PDF's response record, the second capture.
    const cut = plain.subarray(0, Buffer.from(plain).indexOf('%PDF') + 40);
    const whole = await readDocument('cut.warc', plain);
    const doc = await readDocument('cut.warc', cut);
    const kept = doc.children!.length;
    assert.equal(kept, 1, 'the capture before the cut is kept, the cut one is not');
    assert.deepEqual(doc.children!.map((c) => c.text), whole.children!.slice(0, kept).map((c) => c.text), 'no capture is read cut short');
    assert.equal(doc.warnings?.length, 1);
    assert.equal(doc.warnings?.[0]?.code, 'corrupt-warc');
    assert.match(doc.warnings?.[0]?.message ?? '', /cut\.warc ends inside record \d+ \(.+\): \d+ of its \d+ bytes are missing/);
    await rejectsWith(readDocument('fake.warc', new TextEncoder().encode('This is not a web archive at all.\n')), 'corrupt-warc', /fake\.warc/);
  });

  it('is found by its signature whatever the name, and obeys the member limit', async () => {
    assert.equal((await readDocument('download.bin', plain)).format, 'warc');
    const limits = { maxFileBytes: 1e8, maxArchiveBytes: 1e9, maxCompressionRatio: 200, maxDepth: 5, maxArchiveEntries: 2 };
    await rejectsWith(readDocument('crawl.warc', plain, limits), 'too-many-entries', /more than 2 captured documents/);
  });
});

describe('WARC resource and revisit records', () => {
  it('reads resource records (no HTTP message) by their own media type, and leaves revisits out', async () => {
    const records = [
      WARCRecord.create({ url: 'https://example.org/memo.txt', type: 'resource', warcHeaders: { 'Content-Type': 'text/plain' } },
        [new TextEncoder().encode('Memo: the general met the minister in Damascus in March.')]),
      WARCRecord.create({ url: 'https://example.org/memo.txt', type: 'revisit', warcHeaders: { 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' } }, []),
    ];
    const parts: Uint8Array[] = [];
    for (const record of records) parts.push(await WARCSerializer.serialize(record));
    const doc = await readDocument('memo.warc', new Uint8Array(Buffer.concat(parts)));
    assert.deepEqual(doc.children?.map((c) => [c.path, c.text.trim(), c.meta?.url]), [
      ['memo.warc!/0001 example.org/memo.txt', 'Memo: the general met the minister in Damascus in March.', 'https://example.org/memo.txt'],
    ]);
    assert.match(doc.text, /1 revisit record\(s\)/);
  });
});

describe('ARC files (the Internet Archive format before WARC)', () => {
  const record = (header: string, block: string) => `${header} ${Buffer.byteLength(block)}\n${block}\n`;
  const filedesc = '1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n';
  const page = '<html><head><title>Militia statement</title></head><body><p>The militia said its commander met the envoy in Mosul.</p></body></html>';
  const arc = [
    record('filedesc://crawl.arc 0.0.0.0 20050614070144 text/plain', filedesc),
    record('http://news.example.org/statement 10.0.0.1 20050614070151 text/html', `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${page}`),
    record('http://news.example.org/robots.txt 10.0.0.1 20050614070152 text/html', 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nmissing'),
  ].join('');

  it('reads each 2xx capture as a child with its URL and date, and counts what it left out', async () => {
    const doc = await readDocument('crawl.arc', new TextEncoder().encode(arc));
    assert.equal(doc.format, 'arc');
    assert.deepEqual(doc.children?.map((c) => [c.path, c.format, c.title, c.meta?.url, c.meta?.captured]), [
      ['crawl.arc!/0001 news.example.org/statement.html', 'html', 'Militia statement', 'http://news.example.org/statement', '2005-06-14T07:01:51Z'],
    ]);
    assert.match(doc.children![0]!.text, /commander met the envoy in Mosul/);
    assert.match(doc.text, /1 captured document\(s\); 1 redirect\(s\) or error response\(s\) left out\./);
    assert.equal((await readDocument('crawl.bin', new TextEncoder().encode(arc))).format, 'arc', 'sniffed by its filedesc:// record');
  });

  it('keeps the captures before a record cut short, and reports it', async () => {
    const bytes = new TextEncoder().encode(arc);
    // 20 bytes off the end: the newline after the last record and 19 of its own.
    const doc = await readDocument('cut.arc', bytes.subarray(0, bytes.length - 20));
    assert.equal(doc.children?.length, 1);
    assert.match(doc.warnings?.[0]?.message ?? '', /cut\.arc ends inside record 3 \(http:\/\/news\.example\.org\/robots\.txt\): 19 of its \d+ bytes are missing/);
    await rejectsWith(readDocument('bad.arc', new TextEncoder().encode('filedesc://x.arc 0.0.0.0 2005 text/plain many\n')), 'corrupt-warc', /bad\.arc is not a readable ARC file/);
  });
});
