// XML that no other handler reads (feeds, KML, DITA, FictionBook, data exports): its words, one line per element with
// text of its own, never its tags; recognised by its declaration whatever the name; HTML and SVG roots left to theirs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readDocument } from '../../src/ingest/read-document.js';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { rejectsWith } from './helpers/assert-failure.js';

const read = (name: string, text: string | Uint8Array) =>
  readDocument(name, typeof text === 'string' ? new Uint8Array(Buffer.from(text, 'utf8')) : text, DEFAULT_LIMITS, 0);

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY org "Port Authority">]>
<!-- exported 2019-11-20 -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Basra Wire &amp; Cables</title>
    <item>
      <title>Contract paid twice</title>
      <dc:creator>R. Dubois</dc:creator>
      <description><![CDATA[<p>The <b>deputy minister</b> met the director of the &org; in Basra.</p>]]></description>
      <enclosure url="http://example.org/a.mp3" length="1" type="audio/mpeg"/>
    </item>
  </channel>
</rss>
`;

test('an RSS feed is read as its words, one line per element, with the first title as title', async () => {
  const doc = await read('feed.rss', FEED);
  assert.equal(doc.format, 'xml');
  assert.equal(doc.title, 'Basra Wire & Cables');
  const lines = doc.text.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['Basra Wire & Cables', 'Contract paid twice', 'R. Dubois']);
  assert.match(lines[3]!, /^The deputy minister met the director of the .* in Basra\.$/, 'CDATA markup removed, inline words kept together');
  assert.doesNotMatch(doc.text, /<|>|xmlns|enclosure|audio\/mpeg|exported/);
});

test('XML is recognised by its declaration whatever the name; styles and base64 pictures are left out', async () => {
  const book = `<?xml version="1.0" encoding="windows-1251"?><FictionBook><stylesheet type="text/css">.p{margin:0}</stylesheet>` +
    `<body><p>Лев Толстой, <emphasis>Война и мир</emphasis>.</p></body><binary id="c.jpg">${'QUJD'.repeat(60)}</binary></FictionBook>`;
  const doc = await read('book', new Uint8Array(iconv.encode(book, 'windows-1251')));
  assert.equal(doc.format, 'xml');
  assert.equal(doc.text, 'Лев Толстой, Война и мир.');
});

test('XHTML goes to the HTML reader and SVG to its own; a file named .xml that is not XML is refused', async () => {
  const xhtml = await read('page.html', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Memo</title></head><body><p>The envoy met the minister in Basra on Monday.</p></body></html>');
  assert.equal(xhtml.format, 'html');
  const svg = await read('chart.xml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>Payments 2019</text></svg>');
  assert.equal(svg.format, 'svg');
  await rejectsWith(read('notes.xml', 'Just notes, named .xml by mistake.'), 'corrupt-xml', /notes\.xml is named \.xml but is not XML/);
});

test('XML with markup only is stored with a no-text warning', async () => {
  const doc = await read('points.kml', '<?xml version="1.0"?><kml><Placemark><Point id="a"/></Placemark></kml>');
  assert.equal(doc.text, '');
  assert.deepEqual(doc.warnings?.map((w) => w.code), ['no-text']);
});
