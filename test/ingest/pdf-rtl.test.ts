// Persian and Arabic PDFs with a text layer: pdftotext and pdf.js turn lam-alef ligatures round ("اطلاعات" read
// "اطالعات") and leave digits and punctuation between right-to-left words in visual order (src/ingest/pdf-bidi.ts,
// src/nlp/lam-alef.ts). The fixtures are LibreOffice exports of text this project wrote.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDocument } from '../../src/ingest/read-document.js';
import { pdfjsContent } from '../../src/ingest/pdf-text.js';
import { logicalRtlLines } from '../../src/ingest/pdf-bidi.js';
import { mayHaveReversedLamAlef, repairReversedLamAlef, repairReversedLamAlefPages } from '../../src/nlp/lam-alef.js';
import { ROOT } from '../helpers.js';

const skip = spawnSync('pdftotext', ['-v']).error ? 'poppler-utils not installed' : false;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'fixtures/ingest', name)));
const [LRE, RLE, PDF] = ['\u202a', '\u202b', '\u202c'];

test('right-to-left lines: digits and punctuation runs in logical order, a closing stop at the end, a line cut at a non-joiner rejoined', () => {
  const visual = [
    `${RLE}تهران${LRE} ۲۵ ،${PDF}آبان ${LRE} - ۱۳۹۸${PDF}بر اساس اسناد${PDF}`,
    `${RLE}\u200cوزیر عراق${LRE} ،${PDF}دیدار کرد${PDF}`,
    `${RLE}${LRE}.${PDF}عبدالمهدی${LRE} ،${PDF}نخست${PDF}`,
    `${RLE}تاریخ ${LRE}2019/11/20${PDF} و نام ${LRE}Quds Force${PDF}${PDF}`,
    'An English line, untouched.',
  ].join('\n');
  const logical = logicalRtlLines(visual).replace(/[\u202a-\u202e]/gu, '');
  assert.deepEqual(logical.split('\n'), [
    'تهران، ۲۵ آبان ۱۳۹۸ - بر اساس اسناد',
    'عبدالمهدی، نخست\u200cوزیر عراق، دیدار کرد.',
    // A date is one unit; a run with letters is left-to-right text and stays as written.
    'تاریخ 2019/11/20 و نام Quds Force',
    'An English line, untouched.',
  ]);
});

test('reversed lam-alef ligatures are put right only in a text that has none the right way round, and only into known words', () => {
  const known = new Set(['اطلاعات', 'سلام', 'سالم', 'سال', 'الاستخبارات']);
  const damaged = `وزارت اطالعات ${'و سال '.repeat(12)} سالم االستخبارات`;
  assert.equal(mayHaveReversedLamAlef(damaged), true);
  const fixed = repairReversedLamAlef(damaged, (w) => known.has(w));
  // "سالم" is a word as it stands (healthy) and stays; "سال" (year) was never a ligature.
  assert.equal(fixed.text, `وزارت اطلاعات ${'و سال '.repeat(12)} سالم الاستخبارات`);
  assert.equal(fixed.words, 2);
  assert.equal(fixed.text.length, damaged.length, 'offsets do not move');
  // One "لا" the right way round: the ligatures were read right, nothing changes.
  const sound = `${damaged} لا`;
  assert.equal(repairReversedLamAlef(sound, (w) => known.has(w)).text, sound);
  // Pages are judged together: a short page of a damaged document is repaired too.
  assert.deepEqual(repairReversedLamAlefPages([damaged, 'اطالعات'], (w) => known.has(w)).pages[1], 'اطلاعات');
});

test('a Persian PDF reads as written: names whole, commas and dates in place, وزارت اطلاعات searchable', { skip }, async () => {
  const pdf = fixture('persian-report-libreoffice.pdf');
  // The fault, as poppler gives it.
  const raw = spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString('utf8').replace(/[\u202a-\u202e]/gu, '');
  assert.match(raw, /اطالعات/u);
  assert.match(raw, /تهران ۲۵ ،آبان/u);
  const doc = await readDocument('report.pdf', pdf);
  assert.match(doc.text, /وزارت اطلاعات ایران/u);
  assert.doesNotMatch(doc.text, /اطالعات/u);
  assert.match(doc.text, /^تهران، ۲۵ آبان ۱۳۹۸ - بر اساس/mu);
  assert.match(doc.text, /با عادل\nعبدالمهدی، نخست\u200cوزیر عراق، دیدار کرد\.$/mu);
  assert.match(doc.text, /رابطه نزدیک\nداشت\.$/mu);
  assert.equal(doc.meta?.lamAlefRepaired, '2');
  // Arabic: the article before a ligature ("الاستخبارات"), and the dateline.
  const ar = await readDocument('statement.pdf', fixture('arabic-statement-libreoffice.pdf'));
  assert.match(ar.text, /وزارة الاستخبارات/u);
  assert.match(ar.text, /^بغداد، 20 تشرين الثاني 2019 - نفى/mu);
});

test('pdf.js, the reader without poppler, gets the ligatures put right too', async () => {
  const content = await pdfjsContent(fixture('persian-report-libreoffice.pdf'), 'report.pdf');
  assert.match(content.pages.join('\n'), /اطالعات/u, 'pdf.js turns them round as well');
  assert.match(repairReversedLamAlefPages(content.pages).pages.join('\n'), /وزارت اطلاعات ایران/u);
});
