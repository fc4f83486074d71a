/** Sentence boundaries: abbreviations, initials, acronyms, quotes, headlines and paragraphs. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/nlp/sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  const cases: [string, string[]][] = [
    ['Gen. Qassem Soleimani met Lt. Col. Smith. They talked.', ['Gen. Qassem Soleimani met Lt. Col. Smith.', 'They talked.']],
    ['In this Sept. 18, 2016 photo, he smiled.', ['In this Sept. 18, 2016 photo, he smiled.']],
    ['George W. Bush spoke. Then he left.', ['George W. Bush spoke.', 'Then he left.']],
    ['The U.S. Central Command said so. It denied it.', ['The U.S. Central Command said so.', 'It denied it.']],
    ['He left the U.S. The report said so.', ['He left the U.S.', 'The report said so.']],
    ['“Let the world know,” he said. “Now.”', ['“Let the world know,” he said.', '“Now.”']],
    ['Headline Without A Period\nThe body starts here. Second sentence.', ['Headline Without A Period', 'The body starts here.', 'Second sentence.']],
    ['A hard-wrapped line\ncontinues here.\n\nNew paragraph.', ['A hard-wrapped line\ncontinues here.', 'New paragraph.']],
    ['It cost $3.5 million. Really?  Yes!', ['It cost $3.5 million.', 'Really?', 'Yes!']],
    ['قاسم سلیمانی کشته شد. او فرمانده بود؟ بله', ['قاسم سلیمانی کشته شد.', 'او فرمانده بود؟', 'بله']],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text.slice(0, 40)), () => assert.deepEqual(split(text), expected));
  }

  it('gives spans whose slices never start or end with whitespace', () => {
    const text = '  First one.   Second one.\n\n  Third one.  ';
    for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
  });
});
