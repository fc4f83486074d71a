// Arabic-script normalisation (offsets kept) and tokenisation with clitic splitting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arabicScriptShare, guessPersianOrArabic, normalizeArabicScript, normalizeWithOffsets, originalSpan } from '../../src/nlp/arabic-script.js';
import { CliticSplitter, tokenizeArabicScript } from '../../src/nlp/arabic-tokenize.js';

test('letter variants, alef forms, digits, harakat, tatweel and bidi marks normalise; ZWNJ stays', () => {
  assert.equal(normalizeArabicScript('علي'), normalizeArabicScript('علی'));
  assert.equal(normalizeArabicScript('كتاب'), 'کتاب');
  assert.equal(normalizeArabicScript('أحمد'), 'احمد');
  assert.equal(normalizeArabicScript('إيران'), normalizeArabicScript('ایران'));
  assert.equal(normalizeArabicScript('آمريكا'), 'امریکا');
  assert.equal(normalizeArabicScript('مُحَمَّد'), 'محمد');
  assert.equal(normalizeArabicScript('ســـلام'), 'سلام');
  assert.equal(normalizeArabicScript('۱۸ آبان ۱۳۹۸'), '18 ابان 1398');
  assert.equal(normalizeArabicScript('٢٠١٩'), '2019');
  assert.equal(normalizeArabicScript('\u200fتهران\u200e'), 'تهران');
  assert.equal(normalizeArabicScript('می\u200cشود'), 'می\u200cشود');
  assert.equal(normalizeArabicScript('مدرسة'), 'مدرسة');
  assert.equal(normalizeArabicScript('مدرسة', { tehMarbutaAsHeh: true }), 'مدرسه');
  assert.equal(normalizeArabicScript('Soleimani'), 'Soleimani');
});

test('normalised offsets map a match back to the original span, diacritics and marks included', () => {
  const original = 'قال \u200fمُحَمَّد\u200f جواد ظریف';
  const n = normalizeWithOffsets(original);
  assert.equal(n.text, 'قال محمد جواد ظریف');
  const at = n.text.indexOf('محمد جواد');
  const span = originalSpan(n, at, at + 'محمد جواد'.length);
  // The span starts on the first letter (the mark before it stays outside) and ends after the last letter of "جواد".
  assert.equal(original.slice(span.start, span.end), 'مُحَمَّد\u200f جواد');
  assert.equal(normalizeArabicScript(original.slice(span.start, span.end)), 'محمد جواد');
});

test('script share and the Persian/Arabic guess', () => {
  assert.ok(arabicScriptShare('وزیر امور خارجه ایران') > 0.99);
  assert.equal(arabicScriptShare('The minister said'), 0);
  assert.ok(arabicScriptShare('Zarif (ظریف) said') < 0.5);
  assert.equal(guessPersianOrArabic('وزیر امور خارجه'), 'fa');
  assert.equal(guessPersianOrArabic('وزير الخارجية'), 'ar');
});

test('Arabic punctuation and bidi marks: punctuation apart, marks dropped, offsets into the original', () => {
  const text = 'قال ظريف، «إن طهران» لن تتراجع؟\u200f';
  const toks = tokenizeArabicScript(text);
  assert.deepEqual(toks.map((t) => t.text), ['قال', 'ظریف', '،', '«', 'ان', 'طهران', '»', 'لن', 'تتراجع', '؟']);
  for (const t of toks) assert.equal(normalizeArabicScript(text.slice(t.start, t.end), { tehMarbutaAsHeh: true }), t.text);
});

test('ZWNJ keeps a Persian word whole', () => {
  const toks = tokenizeArabicScript('این طرح اجرا می\u200cشود.');
  assert.deepEqual(toks.map((t) => t.text), ['این', 'طرح', 'اجرا', 'می\u200cشود', '.']);
});

// Counts as the unlabelled text of a training set would give them (normalised spellings).
const counts = new Map<string, number>([
  ['ابی', 12], ['بابی', 1], ['بریطانیا', 30], ['وبریطانیا', 9], ['لبنان', 40], ['بنان', 1], ['العراق', 50], ['الامم', 20],
  ['قال', 80], ['بغداد', 25], ['غداد', 0], ['بوش', 20],
]);

test('clitics split where the rest is a frequent word, never off a word that is itself frequent', () => {
  const sp = new CliticSplitter(counts);
  assert.deepEqual(sp.split('وبریطانیا'), { cut: 1, stem: 'بریطانیا' });
  assert.deepEqual(sp.split('بابی'), { cut: 1, stem: 'ابی' });
  assert.equal(sp.split('لبنان'), null);
  assert.equal(sp.split('بغداد'), null);
  assert.equal(sp.split('بوش'), null);
  // "وبالعراق": wa + bi split off, the article stays on the name.
  assert.deepEqual(sp.split('وبالعراق'), { cut: 2, stem: 'العراق' });
  // "للامم": li + the article whose alef is not written; the stem gets it back.
  assert.deepEqual(sp.split('للامم'), { cut: 1, stem: 'الامم' });
  // A word never seen, after "و": split (a name unseen in training).
  assert.deepEqual(sp.split('وسلیمانی'), { cut: 1, stem: 'سلیمانی' });
});

test('"بأبي مهدي المهندس": the clitic is a token of its own, the name tokens start after it', () => {
  const text = 'اغتيال بأبي مهدي المهندس';
  const toks = tokenizeArabicScript(text, 0, text.length, new CliticSplitter(counts));
  const clitic = toks.find((t) => t.clitic)!;
  assert.equal(text.slice(clitic.start, clitic.end), 'ب');
  const abi = toks[toks.indexOf(clitic) + 1]!;
  assert.equal(text.slice(abi.start, toks.at(-1)!.end), 'أبي مهدي المهندس');
  // With harakat on the clitic, the marks stay with it.
  const voc = 'بِأَبِي';
  const t2 = tokenizeArabicScript(voc, 0, voc.length, new CliticSplitter(counts));
  assert.equal(voc.slice(t2[0]!.start, t2[0]!.end), 'بِ');
  assert.equal(voc.slice(t2[1]!.start, t2[1]!.end), 'أَبِي');
});
