// Rich Text Format files: text with paragraphs, code-page bytes and \u escapes decoded, fonts, pictures and fields
// skipped, title/author/date from \info; a file that is not RTF or is cut short fails with its path and reason.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { DEFAULT_LIMITS } from '../../src/ingest/handler.js';
import { rejectsWith } from './helpers/assert-failure.js';

// The shape WordPad and Word write: header tables, an \info group, then the body; \'e9 is é in cp1252, Persian via \u.
const MEMO = String.raw`{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset178 Arial;}}
{\colortbl ;\red0\green0\blue255;}
{\*\generator Riched20 10.0.19041}{\info{\title Memo on the port contract}{\author Ren\'e9 Dubois}{\creatim\yr2019\mo11\dy19\hr8\min25}}
\viewkind4\uc1\pard\sa200\sl276\slmult1\f0\fs22\lang9 CONFIDENTIAL\par
The deputy minister, Ali Rezaei, met the director of the port authority in Bandar Abbas on 12 March.\par
He said the contract was paid through a caf\'e9 owner in Dubai.\par
{\pict\wmetafile8\picw100\pich100 0100090000036e00000000004500000000000400}
Name in Persian: \f1\u1593?\u1604?\u1740?\f0\par
{\field{\*\fldinst{HYPERLINK "http://example.org/"}}{\fldrslt{\ul\cf1 example.org}}}\par
}
`;

const read = (name: string, text: string) => readDocument(name, new Uint8Array(Buffer.from(text, 'latin1')), DEFAULT_LIMITS, 0);

test('an RTF memo becomes its text, with title, author and date from its info group', async () => {
  const doc = await read('memo.rtf', MEMO);
  assert.equal(doc.format, 'rtf');
  assert.match(doc.text, /^CONFIDENTIAL\nThe deputy minister, Ali Rezaei, met the director of the port authority in Bandar Abbas on 12 March\.\n/);
  assert.match(doc.text, /paid through a café owner in Dubai/);
  assert.match(doc.text, /Name in Persian: علی/);
  assert.match(doc.text, /example\.org/, 'a field shows its result');
  assert.doesNotMatch(doc.text, /Calibri|Riched20|wmetafile|0100090000|HYPERLINK|Memo on the port/);
  assert.equal(doc.title, 'Memo on the port contract');
  assert.equal(doc.author, 'René Dubois');
  assert.equal(doc.published, '2019-11-19');
});

test('RTF is recognised by its signature whatever the name; a Cyrillic code page is decoded', async () => {
  const doc = await read('letter.doc', String.raw`{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2 from Moscow.\par}`);
  assert.equal(doc.format, 'rtf');
  assert.equal(doc.text, 'Привет from Moscow.');
});

test('a file named .rtf that is not RTF, or is cut short, fails with its path and reason', async () => {
  await rejectsWith(read('fake.rtf', 'Just some text, named .rtf by mistake.'), 'corrupt-rtf', /fake\.rtf.*does not start/);
  await rejectsWith(read('cut.rtf', MEMO.slice(0, 400)), 'corrupt-rtf', /cut\.rtf is truncated/);
});

test('page headers and footers are text; \\* marks a destination only at the start of a group; lone surrogates', async () => {
  // Some writers put the whole letter in the page header (a clinic's record card, a letterhead).
  const card = await read('card.rtf', String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\header\qc\b Animal Hospital\par (555) 555-1212\par}{\footer Page 1\par}Anna Smith\par}`);
  assert.equal(card.text, 'Animal Hospital\n(555) 555-1212\nPage 1\nAnna Smith');
  // LibreOffice writes "\*\cs7" in the middle of a run's group: a character style, not a destination to skip.
  const styled = await read('fox.rtf', String.raw`{\rtf1\ansi{\*\generator Writer}\pard{\loch\f2\i0\*\cs7\cf0 The quick brown fox}\par}`);
  assert.equal(styled.text, 'The quick brown fox');
  const odd = await read('odd.rtf', String.raw`{\rtf1\ansi\uc0 hi \u-10240  lo \u-9216  pair \u-10179\u-8694 .}`);
  assert.equal(odd.text, 'hi \ufffd lo \ufffd pair \u{1F60A}.');
});

test('bytes after the closing brace are ignored; \\bin data is skipped whatever bytes it holds', async () => {
  const padded = await read('padded.rtf', `{\\rtf1\\ansi Body\\par}\n\u00ef\u00bf\u00bd8\u0011$DM\u00ef\u00bf\u00bd`);
  assert.equal(padded.text, 'Body');
  const binary = await read('bin.rtf', `{\\rtf1\\ansi Before {\\*\\blipuid x}{\\pict\\bin4 }}{{}\\par After.}`);
  assert.equal(binary.text, 'Before\nAfter.');
  await rejectsWith(read('open.rtf', `{\\rtf1\\ansi {\\b Body\\par} More`), 'corrupt-rtf', /open\.rtf is truncated/);
  // One closing brace short, but ending with one: read (the text is all there).
  assert.equal((await read('short.rtf', `{\\rtf1\\ansi {\\b Body\\par}`)).text, 'Body');
});

test('list definitions outside a list table are not text (their level templates are control bytes)', async () => {
  const doc = await read('list.rtf', String.raw`{\rtf1\ansi{\fonttbl{\f0 Calibri;}}{\par}{\list\listtemplateid6{\listlevel\levelnfc0{\leveltext \'02\'00.}{\levelnumbers \'01}}{\listname List1382206859_1;}\listid19}
{\pntext 1.\tab}Payments to the port authority\par}`);
  assert.equal(doc.text, '1.\tPayments to the port authority');
});
