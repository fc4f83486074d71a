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
