/**
 * Persian and Arabic claims: reported speech, sourcing and denials with their speaker, named or not, and relations
 * read inside a claim resting on it (a denial's relations denied).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims } from '../../src/extract/claims.js';
import { extract } from '../../src/extract/index.js';
import { extractArabicScriptRelations } from '../../src/extract/relations/arabic-script.js';
import { markedInput } from './marked-input.js';

const claims = (marked: string) => extractClaims(markedInput(marked)).map((c) => ({ speaker: c.speakerText, named: c.speakerKey !== null, text: c.text, stance: c.stance, anonymous: c.anonymous === true }));

describe('Persian claims', () => {
  it('reads "according to" with an unnamed source, and a named speaker before the verb of saying', () => {
    assert.deepEqual(claims('به گفته یک مقام محلی، [[PERSON:علی رضایی]] از [[ORG:شرکت آلفا]] پول دریافت کرد.'), [
      { speaker: 'یک مقام محلی', named: false, text: '[[PERSON:علی رضایی]] از [[ORG:شرکت آلفا]] پول دریافت کرد'.replace(/\[\[\w+:|\]\]/g, ''), stance: 'asserts', anonymous: true },
    ]);
    assert.deepEqual(claims('[[PERSON:مریم کاظمی]] روز دوشنبه در گفت و گو با خبرنگاران گفت : این طرح تا پایان سال اجرا می‌شود.'), [
      { speaker: 'مریم کاظمی', named: true, text: 'این طرح تا پایان سال اجرا می‌شود', stance: 'asserts', anonymous: false },
    ]);
  });

  it('reads a denial, and what the speaker said after it', () => {
    assert.deepEqual(claims('سخنگوی [[ORG:وزارت نیرو]] دیروز این گزارش را رد کرد و گفت این اسناد ساختگی است.'), [
      { speaker: 'سخنگوی وزارت نیرو', named: true, text: 'این گزارش', stance: 'denies', anonymous: false },
      { speaker: 'سخنگوی وزارت نیرو', named: true, text: 'این اسناد ساختگی است', stance: 'asserts', anonymous: false },
    ]);
  });

  it('gives the payment read inside a claim the claim as its ground', () => {
    const input = markedInput('به گفته یک مقام محلی، [[PERSON:علی رضایی]] از [[ORG:شرکت آلفا]] پول دریافت کرد.');
    const result = extract(input, extractArabicScriptRelations);
    assert.equal(result.relations.length, 1);
    assert.equal(result.relations[0]!.type, 'paid');
    assert.equal(result.claims[result.relations[0]!.claimIndex!]!.anonymous, true);
  });
});

describe('Arabic claims', () => {
  it('reads a verb-first statement after a dateline, a pronoun written onto "that", and a denial whose relations are denied', () => {
    assert.deepEqual(claims('بغداد، 20 تشرين الثاني 2019 - قال [[PERSON:سمير حداد]] إنه لم يلتق أحدا.'), [
      { speaker: 'سمير حداد', named: true, text: 'لم يلتق أحدا', stance: 'asserts', anonymous: false },
    ]);
    assert.deepEqual(claims('وقال مصدر أمني لفرانس برس إن الهجوم وقع فجرا.'), [
      { speaker: 'مصدر أمني', named: false, text: 'الهجوم وقع فجرا', stance: 'asserts', anonymous: true },
    ]);
    const input = markedInput('ونفى [[ORG:المكتب]] أن يكون [[PERSON:سمير حداد]] التقى ب[[PERSON:نبيل يوسف]].');
    const result = extract(input, extractArabicScriptRelations);
    assert.equal(result.claims[0]!.stance, 'denies');
    assert.deepEqual(result.relations.map((r) => [r.type, r.negated]), [['met', true]]);
  });

  it('takes no adverbial for a speaker: "قال خلال مؤتمر صحافي إن ..." names none', () => {
    assert.deepEqual(claims('وقال خلال مؤتمر صحافي إن الحكومة ستستقيل.'), []);
  });
});
