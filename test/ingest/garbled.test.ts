// Which text counts as a garbled text layer: junk characters (controls, private use, U+FFFD) among visible ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGarbled, stripJunk } from '../../src/ingest/ocr/garbled.js';

test('a page with a fifth or more junk characters is garbled; ordinary text, tabs and form feeds are not', () => {
  assert.equal(isGarbled('\u0001\u0002\u0003\u0004 NOPQRSTU \u0005\u0006'), true);
  assert.equal(isGarbled('Book\uE001\uE002 \uE003\uE004ings at the hotel \uFFFD\uFFFD'), true);
  assert.equal(isGarbled('The minister met\tthe envoy.\fPage two\r\nof the cable.'), false);
  assert.equal(isGarbled('Résumé of the Bundesnachrichtendienst report, page 3 — “secret”'), false);
  assert.equal(isGarbled('\u0001\u0002 ab'), false, 'too short to judge');
  assert.equal(isGarbled('One stray \u0007 bell in a long sentence of ordinary words.'), false);
});

test('stripJunk keeps letters, spaces and line breaks', () => {
  assert.equal(stripJunk('\u0001A\tB\nC\uFFFD\u0085D'), 'A\tB\nCD');
});
