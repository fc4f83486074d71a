// HTML pages: Readability's article body without navigation, metadata from the page's tags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readDocument } from '../../src/ingest/read-document.js';

const PARAGRAPH = 'Iranian intelligence officers met Iraqi officials in Baghdad on several occasions, according to the leaked cables, which describe payments, recruitment and the careful handling of sources across the country.';

const PAGE = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Leaked cables show Iran's reach | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-18T10:00:00Z">
<link rel="canonical" href="https://news.example/iran-cables">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<article>
<h1>Leaked cables show Iran's reach</h1>
<p>${PARAGRAPH}</p>
<p>${PARAGRAPH.replace('Baghdad', 'Basra')}</p>
<p>${PARAGRAPH.replace('Baghdad', 'Karbala')}</p>
</article>
<footer>Copyright Example News. Subscribe to our newsletter.</footer>
</body></html>`;

test('extracts the article body, title, byline, outlet and date', async () => {
  const doc = await readDocument('page.html', new Uint8Array(Buffer.from(PAGE)));
  assert.equal(doc.format, 'html');
  assert.match(doc.text, /Baghdad on several occasions/);
  assert.match(doc.text, /Karbala/);
  assert.doesNotMatch(doc.text, /Sign in|Subscribe/);
  assert.match(doc.text, /occasions[^\n]*\n\n[^\n]*Basra/, 'paragraphs stay apart');
  assert.match(doc.title ?? '', /Leaked cables show Iran's reach/);
  assert.equal(doc.author, 'Jane Doe');
  assert.equal(doc.source, 'Example News');
  assert.equal(doc.published, '2019-11-18');
  assert.equal(doc.language, 'en');
  assert.equal(doc.meta?.url, 'https://news.example/iran-cables');
});

test('sniffs HTML saved with a .txt name and honours a declared legacy charset', async () => {
  const arabic = 'قال مسؤولون عراقيون إن الاستخبارات الإيرانية تسيطر على الفصائل المسلحة في بغداد منذ سنوات طويلة.';
  const html = `<!doctype html><html><head><meta charset="windows-1256"><title>تقرير</title></head><body><p>${arabic}</p></body></html>`;
  const doc = await readDocument('saved.txt', new Uint8Array(iconv.encode(html, 'windows-1256')));
  assert.equal(doc.format, 'html');
  assert.match(doc.text, /الاستخبارات الإيرانية/);
  assert.equal(doc.language, 'ar');
});

test('a page too short for Readability keeps its body text, with <br> and table cells apart', async () => {
  const html = '<html><head><title>Memo</title></head><body><p>Line one<br>Line two</p><table><tr><td>Name</td><td>Role</td></tr></table><script>var x = 1;</script></body></html>';
  const doc = await readDocument('memo.htm', new Uint8Array(Buffer.from(html)));
  assert.match(doc.text, /Line one\nLine two/);
  assert.match(doc.text, /Name\tRole/);
  assert.doesNotMatch(doc.text, /var x/);
});

test('a fragment that starts with a <div> (a mail body saved as .html) is read, not refused with a library error', async () => {
  const fragment = `<div class="helper"><style>td{font-size:13px}</style><table><tr><td><b>Dear applicant,</b><br>${PARAGRAPH}<br>` +
    `Companies that viewed your CV: <a href="http://example.org/c/1">Basra Logistics</a></td></tr></table></div>`;
  const doc = await readDocument('resume.html', new Uint8Array(Buffer.from(fragment, 'utf8')));
  assert.equal(doc.format, 'html');
  assert.match(doc.text, /Dear applicant/);
  assert.match(doc.text, /Iranian intelligence officers met Iraqi officials/);
  assert.doesNotMatch(doc.text, /font-size|<div/);
});

test('a data table is one line a row, cells by tab, rows without blank lines between; a letter laid out in a table keeps its lines', async () => {
  const html = '<html><body><p>Officials present:</p><table><tr><th>Name</th><th>Post</th></tr><tr><td><p>Adel</p> <p>Mansouri</p></td><td>Commander</td></tr>\n<tr><td></td><td>Adviser</td></tr></table><p>After.</p></body></html>';
  const doc = await readDocument('roster.htm', new Uint8Array(Buffer.from(html)));
  assert.match(doc.text, /Officials present:\n\nName\tPost\nAdel Mansouri\tCommander\n\tAdviser\n\nAfter\./u);
  const letter = '<html><body><table><tr><td><b>Dear colleague,</b><br>The envoy arrives on Monday.<br>Regards</td></tr></table></body></html>';
  assert.match((await readDocument('letter.htm', new Uint8Array(Buffer.from(letter)))).text, /Dear colleague,\nThe envoy arrives on Monday\.\nRegards/u);
});
