// The Persian and Arabic models through loadRecognizer('fa' | 'ar'): paragraphs written for this test (news style,
// invented people), names with spans into the original text; a mixed English + Persian document through the stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, loadRecognizer, modelFileFor, type NerSpan } from '../../src/nlp/ner/index.js';
import { splitSentences, readSentences } from '../../src/nlp/sentences.js';
import { mentionsStage } from '../../src/extract/stages/mentions.js';
import type { StoredDocument } from '../../src/model/index.js';

const has = (lang: 'fa' | 'ar'): boolean => existsSync(join(defaultModelDir(), modelFileFor(lang)));
const skipFa = has('fa') ? false : 'no shipped Persian model';
const skipAr = has('ar') ? false : 'no shipped Arabic model';

function found(lang: 'fa' | 'ar', text: string): NerSpan[] {
  const spans = loadRecognizer(lang).recognize(text, splitSentences(text));
  // Every span points into the original text.
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  return spans;
}
const show = (spans: NerSpan[]): string[] => spans.map((s) => `${s.text}/${s.type}`);

test('Persian: a minister, a ministry, a news agency and a city', { skip: skipFa }, () => {
  const text = 'به گزارش خبرگزاری ایسنا، علی رضایی وزیر کشور روز شنبه در شیراز گفت که وزارت کشور برای برگزاری انتخابات آماده است. رضایی همچنین با استاندار فارس دیدار کرد.';
  const names = show(found('fa', text));
  for (const n of ['علی رضایی/PERSON', 'شیراز/LOC', 'وزارت کشور/ORG', 'رضایی/PERSON']) assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
  // The sets disagree on whether "خبرگزاری" (news agency) belongs to the name: either way an ORG ending on the name.
  assert.ok(names.some((n) => /ایسنا\/ORG$/.test(n)), names.join(' | '));
  assert.equal(loadRecognizer('fa'), loadRecognizer('fa'));
  assert.match(loadRecognizer('fa').version, /^cablegraph-ner-fa-/);
});

test('Persian with Arabic letters, diacritics and bidi marks: same names, spans on the original characters', { skip: skipFa }, () => {
  // Arabic yeh and kaf, a damma and an RLM mark: the spans must still cover exactly the original characters.
  const text = 'علي رضايي وزير كشور روز شنبه در \u200fشیراز\u200f گفت.';
  const spans = found('fa', text);
  const per = spans.find((s) => s.type === 'PERSON');
  assert.equal(per?.text, 'علي رضايي');
  assert.ok(spans.some((s) => s.text === 'شیراز' && s.type === 'LOC'), show(spans).join(' | '));
});

test('Arabic: a minister, a capital, an organisation; clitics stay outside the names', { skip: skipAr }, () => {
  const text = 'وقال وزير الخارجية المصري سامح شكري في القاهرة يوم الاثنين إن وزارة الخارجية ستعقد اجتماعا مع ممثلي الأمم المتحدة. وأضاف شكري أن الاجتماع سيعقد في جنيف.';
  const names = show(found('ar', text));
  for (const n of ['سامح شكري/PERSON', 'القاهرة/LOC', 'الأمم المتحدة/ORG', 'جنيف/LOC', 'شكري/PERSON']) assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
});

test('Arabic: "بأبي مهدي المهندس" yields the name without the preposition', { skip: skipAr }, () => {
  const text = 'واتهمت الحكومة العراقية الولايات المتحدة بقتل نائب رئيس هيئة الحشد الشعبي في الضربة التي أودت بأبي مهدي المهندس قرب مطار بغداد.';
  const spans = found('ar', text);
  const per = spans.find((s) => s.type === 'PERSON');
  assert.ok(per, show(spans).join(' | '));
  assert.equal(per.start, text.indexOf('أبي'));
  assert.ok(spans.some((s) => s.text === 'بغداد' && s.type === 'LOC'), show(spans).join(' | '));
});

test('a mixed English + Persian document gets names from both models', { skip: has('fa') ? false : 'no shipped Persian model' }, async () => {
  const text = [
    'Foreign Minister Ali Rezaei met his Omani counterpart in Muscat on Monday, the ministry said in Tehran.',
    '',
    'در بیانیه وزارت امور خارجه آمده است: علی رضایی وزیر امور خارجه روز دوشنبه در مسقط با همتای عمانی خود دیدار کرد.',
    '',
    'Rezaei returned to Tehran on Tuesday.',
  ].join('\n');
  const { sentences } = readSentences(text);
  const doc = { id: 'mixed', collection: 'c', path: 'mixed.txt', sha256: '', format: 'text', language: 'en', text, sentences, pages: [], meta: {}, warnings: [] } as unknown as StoredDocument;
  const out = await mentionsStage().run(doc, { mentions: [] });
  const names = (out.mentions ?? []).map((m) => `${m.text}/${m.type}`);
  for (const n of ['Ali Rezaei/PERSON', 'Muscat/LOC', 'Tehran/LOC', 'علی رضایی/PERSON', 'وزارت امور خارجه/ORG']) assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
  for (const m of out.mentions ?? []) assert.equal(text.slice(m.start, m.end), m.text);
});
