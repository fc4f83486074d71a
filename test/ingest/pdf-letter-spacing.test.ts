// Letter-spaced PDF text: glyphs placed one by one with a little tracking make pdftotext split words
// ("Book i n gs@T h e dors e t"); the words are rejoined from pdftotext's word boxes, real spaces kept.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { looksLetterSpaced, parseWordBoxes, rejoinLetterSpacing } from '../../src/ingest/pdf-spacing.js';
import { writePdf, writePlacedGlyphsPdf } from './helpers/pdf-writer.js';

const skip = spawnSync('pdftotext', ['-v']).error ? 'poppler-utils not installed' : false;
const pdftotext = (pdf: Uint8Array, ...args: string[]) => spawnSync('pdftotext', [...args, '-', '-'], { input: pdf }).stdout.toString('utf8');

// Runs of three glyphs set tight, then three tracked by 0.12 em: the uneven spacing that makes pdftotext split.
const TRACKING = [0, 0, 0, 0.12, 0.12, 0.12];
const LINES = ['Bookings@Thedorset.co.uk', 'served with house salad and tartare sauce', '01273605423'];

test('letter-spaced words of a real PDF are rejoined, the spaces between words kept', { skip }, async () => {
  const pdf = writePlacedGlyphsPdf(LINES.map((text) => ({ text, gaps: TRACKING })));
  // The PDF reproduces the fault: poppler alone splits the words.
  const raw = pdftotext(pdf);
  assert.ok(!raw.includes('Bookings@Thedorset.co.uk'), raw);
  assert.match(raw, /Book i n gs/u);
  const doc = await readDocument('menu.pdf', pdf);
  assert.deepEqual(doc.text.trim().split('\n'), LINES);
});

test('evenly tracked text and words set with real spaces are left as they are', { skip }, async () => {
  // Single letters with real spaces between them look suspect, but their boxes are a space apart: nothing joins.
  const pdf = writePdf([['Options a b c and d are listed in table 1 2 3.', 'Nothing here is tracked at all.']]);
  const doc = await readDocument('plain.pdf', pdf);
  assert.match(doc.text, /Options a b c and d are listed in table 1 2 3\./u);
  const even = await readDocument('even.pdf', writePlacedGlyphsPdf([{ text: 'served with house salad', gaps: [0.05] }]));
  assert.equal(even.text.trim(), 'served with house salad');
});

test('dot leaders stay spaced, and boxes that do not match the text change nothing', { skip }, () => {
  const tsv = pdftotext(writePlacedGlyphsPdf([{ text: 'Index . . . . 12', gaps: [0.12, 0, 0] }]), '-tsv');
  const words = parseWordBoxes(tsv);
  assert.ok(words.length > 0);
  const page = words.map((w) => w.text).join(' ');
  assert.ok(!rejoinLetterSpacing(page, words).includes('..'), rejoinLetterSpacing(page, words));
  assert.equal(rejoinLetterSpacing('Something else entirely', words), 'Something else entirely');
  assert.ok(looksLetterSpaced('Book i n gs@T'));
  assert.ok(!looksLetterSpaced('An ordinary sentence of text, with a word or two.'));
});
