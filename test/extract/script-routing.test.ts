// Which model reads which sentence: Arabic-script paragraphs go to fa or ar, the rest to English; stub recognizers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeByScript, sentencesByLanguage } from '../../src/extract/stages/script-routing.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { NerLanguage, Recognizer } from '../../src/nlp/ner/index.js';

const TEXT = [
  'The ministry issued a statement on Monday.',
  '',
  'وزیر امور خارجه روز دوشنبه در مسقط با همتای خود دیدار کرد و درباره همکاری‌های منطقه‌ای گفت‌وگو کرد.',
  '',
  'وقال وزير الخارجية في مؤتمر صحفي إن المحادثات كانت مثمرة وإن الجانبين اتفقا على مواصلة الحوار.',
  '',
  'The talks will resume next month.',
].join('\n');

test('paragraphs are grouped by script and language', () => {
  const sentences = splitSentences(TEXT);
  const groups = sentencesByLanguage(TEXT, sentences, 'en');
  const texts = (l: NerLanguage): string[] => (groups.get(l) ?? []).map((s) => TEXT.slice(s.start, s.end));
  assert.deepEqual(texts('en'), ['The ministry issued a statement on Monday.', 'The talks will resume next month.']);
  assert.equal(texts('fa').length, 1);
  assert.match(texts('fa')[0]!, /^وزیر امور خارجه/);
  assert.equal(texts('ar').length, 1);
  assert.match(texts('ar')[0]!, /^وقال وزير/);
});

test('a document without Arabic script never asks for the fa or ar recognizer', () => {
  const asked: NerLanguage[] = [];
  const stub = (lang: NerLanguage): Recognizer => {
    asked.push(lang);
    return { version: lang, recognize: () => [] };
  };
  const text = 'Only English here. Nothing else.';
  recognizeByScript(text, splitSentences(text), stub, 'en');
  assert.deepEqual(asked, ['en']);
  asked.length = 0;
  recognizeByScript(TEXT, splitSentences(TEXT), stub, 'en');
  assert.deepEqual([...asked].sort(), ['ar', 'en', 'fa']);
});

test('names from each recognizer come back in text order', () => {
  const stub = (lang: NerLanguage): Recognizer => ({
    version: lang,
    recognize: (text, sentences) => sentences.map((s) => ({ start: s.start, end: s.start + 3, type: 'ORG' as const, text: text.slice(s.start, s.start + 3) })),
  });
  const spans = recognizeByScript(TEXT, splitSentences(TEXT), stub, 'en');
  assert.equal(spans.length, 4);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start > spans[i - 1]!.start);
});
