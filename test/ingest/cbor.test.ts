// CBOR: decoded with cbor2 and read like JSON; a crawl dump's page records (Apache Nutch's CommonCrawl format, a JSON
// document inside a CBOR text string) become child documents read as the page; damaged or hostile input refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, Tag } from 'cbor2';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';

const SELF_DESCRIBED = 55799;

/** A page record as Nutch's CommonCrawl dumper writes it: JSON text with the page in response.body. */
function crawlRecord(url: string, body: string, contentType: string, millis: number): string {
  return JSON.stringify({
    url, timestamp: null,
    request: { method: 'GET', headers: [['Accept', 'text/html']] },
    response: { status: '', headers: [['Content-Type', contentType], ['Date', String(millis)]], body },
    key: 'org_example_www_1', imported: String(millis),
  }, null, 2);
}

test('a CBOR map is read as the text of its strings, in order; numbers, byte strings and keys are left out', async () => {
  const value = new Map<unknown, unknown>([
    [1, 'Field report from the border post'],
    ['entries', [{ who: 'Jane Roe', note: 'met the liaison officer' }, 42, new Uint8Array([1, 2, 3])]],
    [2, new Tag(1, 1415042513)],
  ]);
  const doc = await readDocument('feed.cbor', encode(value));
  assert.equal(doc.format, 'cbor');
  assert.equal(doc.mimeType, 'application/cbor');
  assert.equal(doc.text, 'Field report from the border post\nJane Roe\nmet the liaison officer');
});

test('a self-described CBOR file is recognised without its extension', async () => {
  const doc = await readDocument('export.bin', encode(new Tag(SELF_DESCRIBED, { title: 'Minutes of the meeting' })));
  assert.equal(doc.format, 'cbor');
  assert.match(doc.text, /Minutes of the meeting/);
});

test('a crawl record becomes a child page with its URL and capture date; the page\'s text is not garbled by its charset', async () => {
  const millis = Date.UTC(2014, 10, 3, 19, 21, 53);
  const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Café owners protest</title></head>'
    + '<body><p>The café owners of Zürich met the mayor on Monday.</p></body></html>';
  const bytes = encode(new Tag(SELF_DESCRIBED, crawlRecord('https://news.example.org/2014/cafe', html, 'text/html;charset=ISO-8859-1', millis)));
  const doc = await readDocument('NUTCH-dump.cbor', bytes);
  assert.equal(doc.children?.length, 1);
  assert.match(doc.text, /^2014-11-03T19:21:53\.000Z https:\/\/news\.example\.org\/2014\/cafe$/);
  const page = doc.children![0]!;
  assert.equal(page.format, 'html');
  assert.equal(page.title, 'Café owners protest');
  assert.match(page.text, /The café owners of Zürich met the mayor on Monday\./);
  assert.equal(page.meta?.url, 'https://news.example.org/2014/cafe');
  assert.equal(page.meta?.captured, '2014-11-03T19:21:53.000Z');
  assert.equal(page.source, 'news.example.org');
  assert.match(page.path, /^NUTCH-dump\.cbor!\/0001 news\.example\.org\/2014\/cafe\.html$/);
});

test('a CBOR sequence of crawl records gives one child per page; style sheets are listed but not read', async () => {
  const items = [
    encode(crawlRecord('https://a.example/one', '<p>First page about the ministry.</p>', 'text/html', 1_400_000_000_000)),
    encode(crawlRecord('https://a.example/site.css', 'body { color: red }', 'text/css', 1_400_000_000_000)),
    encode(crawlRecord('https://a.example/two.txt', 'Second page, plain text.', 'text/plain', 1_400_000_000_000)),
  ];
  const doc = await readDocument('crawl.cbor', Buffer.concat(items));
  assert.deepEqual(doc.children?.map((c) => c.format), ['html', 'text']);
  assert.match(doc.children![1]!.text, /Second page, plain text\./);
  assert.equal(doc.text.split('\n').length, 3);
});

test('damaged or hostile CBOR is refused as corrupt-cbor with the path, without crashing', async () => {
  const whole = encode({ report: 'The convoy left at dawn and reached the border crossing by noon.' });
  await rejectsWith(readDocument('cut.cbor', whole.subarray(0, whole.length - 10)), 'corrupt-cbor', /cut\.cbor is not readable CBOR/);
  // 100,000 nested one-element arrays (0x81 each), then a 0: deeper than the reader allows.
  const deep = new Uint8Array(100_001).fill(0x81);
  deep[100_000] = 0;
  await rejectsWith(readDocument('deep.cbor', deep), 'corrupt-cbor', /deep\.cbor/);
});
