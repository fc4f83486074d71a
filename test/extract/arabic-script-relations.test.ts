/**
 * Persian and Arabic relation frames: the common constructions for posts, meetings, successions, control, membership
 * and attacks give typed edges with their sentence; negations are marked; spelling variants (Arabic/Persian yeh and
 * kaf, half-spaces, harakat) match; mixed documents send each sentence to the extractor of its script.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byScript, extractArabicScriptRelations, isArabicScript } from '../../src/extract/relations/arabic-script.js';
import { extractRelations } from '../../src/extract/relations.js';
import { extractEvents } from '../../src/extract/events.js';
import { extract } from '../../src/extract/index.js';
import type { ExtractedRelation, ExtractionInput } from '../../src/extract/types.js';
import { markedInput } from './marked-input.js';


const edges = (rels: ExtractedRelation[]): string[] => rels.map((r) => `${r.type}:${r.source}>${r.target}${r.negated ? ' (negated)' : ''}`).sort();
const run = (marked: string): string[] => edges(extractArabicScriptRelations(markedInput(marked)));

describe('Persian relation frames', () => {
  it('reads posts from an apposition and from a title before the name', () => {
    assert.deepEqual(run('[[PERSON:حسین امیری]]، فرمانده [[ORG:سپاه منطقه]] روز شنبه وارد شد.'), ['role_in:حسین امیری>سپاه منطقه']);
    const rel = extractArabicScriptRelations(markedInput('سخنگوی [[ORG:وزارت نیرو]] [[PERSON:مریم کاظمی]] گفت که برق قطع نمی‌شود.'));
    assert.deepEqual(edges(rel), ['role_in:مریم کاظمی>وزارت نیرو']);
    assert.equal(rel[0]!.role, 'سخنگوی');
    assert.equal(rel[0]!.evidence.text, markedInput('سخنگوی [[ORG:وزارت نیرو]] [[PERSON:مریم کاظمی]] گفت که برق قطع نمی‌شود.').text);
  });

  it('reads meetings, successions, control, membership and attacks', () => {
    assert.deepEqual(run('[[PERSON:علی رضایی]] روز دوشنبه در تهران با [[PERSON:احمد کریمی]] دیدار و گفت‌وگو کرد.'), ['met:علی رضایی>احمد کریمی']);
    // A post in commas after the subject, and a named place before the verb.
    assert.deepEqual(run('[[PERSON:علی رضایی]]، فرمانده [[ORG:لشکر ده]]، روز دوشنبه در [[LOC:شیراز]] با [[PERSON:احمد کریمی]] دیدار کرد.'), [
      'met:علی رضایی>احمد کریمی', 'role_in:علی رضایی>لشکر ده',
    ]);
    assert.deepEqual(run('[[PERSON:رضا نوری]] جانشین [[PERSON:مهدی صالحی]] شد.'), ['succeeded:رضا نوری>مهدی صالحی']);
    assert.deepEqual(run('[[LOC:این شهر]] تحت کنترل [[ORG:گروه مسلح]] است.'), ['controls:گروه مسلح>این شهر']);
    assert.deepEqual(run('[[ORG:گردان شمال]]، وابسته به [[ORG:ارتش ملی]] است.'), ['part_of:گردان شمال>ارتش ملی']);
    assert.deepEqual(run('[[ORG:گروه شورشی]] به [[LOC:پایگاه مرزی]] حمله کرد.'), ['attacked:گروه شورشی>پایگاه مرزی']);
  });

  it('reads a meeting whose second name has a post in commas and a place after it, and a visit to meet someone', () => {
    assert.deepEqual(run('[[PERSON:علی رضایی]] نیز با [[PERSON:احمد کریمی]]، معاون [[ORG:سازمان بنادر]]، در [[LOC:تبریز]] دیدار کرد.'), [
      'met:علی رضایی>احمد کریمی', 'role_in:احمد کریمی>سازمان بنادر',
    ]);
    assert.deepEqual(run('[[PERSON:علی رضایی]] پس از چهل روز به دیدار [[PERSON:احمد کریمی]] رفت.'), ['met:علی رضایی>احمد کریمی']);
  });

  it('reads payments both ways round, and spying for an agency', () => {
    // "X received money from Y": Y paid X.
    assert.deepEqual(run('[[PERSON:علی رضایی]] از [[ORG:شرکت آلفا]] مبلغ زیادی پول دریافت کرد.'), ['paid:شرکت آلفا>علی رضایی']);
    assert.deepEqual(run('[[ORG:شرکت آلفا]] به [[PERSON:علی رضایی]] ده هزار دلار پرداخت کرد.'), ['paid:شرکت آلفا>علی رضایی']);
    assert.deepEqual(run('[[PERSON:علی رضایی]] سال‌ها برای [[ORG:سازمان بتا]] جاسوسی می‌کرد.'), ['informant_for:علی رضایی>سازمان بتا']);
    // No money word: receiving a letter is no payment.
    assert.deepEqual(run('[[PERSON:علی رضایی]] از [[ORG:شرکت آلفا]] نامه‌ای دریافت کرد.'), []);
  });

  it('reads "وی" (he) as the one person named just before, and nothing when two were', () => {
    const rels = extractArabicScriptRelations(markedInput('[[PERSON:علی رضایی]] روز شنبه به [[LOC:تبریز]] رفت. وی با [[PERSON:احمد کریمی]] دیدار کرد.'));
    assert.deepEqual(rels.map((r) => [r.type, r.source, r.target, r.rule]), [['met', 'علی رضایی', 'احمد کریمی', 'fa:met:pronoun']]);
    assert.deepEqual(run('[[PERSON:علی رضایی]] و [[PERSON:مهدی صالحی]] به تبریز رفتند. وی با [[PERSON:احمد کریمی]] دیدار کرد.'), []);
    // Arabic "او" is "أو" (or) written without its hamza: no pronoun there.
    assert.deepEqual(run('وصل [[PERSON:سمير حداد]] أمس. والتقى بـ[[PERSON:نبيل يوسف]] او بمساعده.').filter((e) => e.includes('pronoun')), []);
    assert.ok(!extractArabicScriptRelations(markedInput('وصل [[PERSON:سمير حداد]] أمس. ثم التقى او [[PERSON:نبيل يوسف]] في بغداد.')).some((r) => r.rule.endsWith(':pronoun')));
  });

  it('does not read a meeting from a sentence that only names two people', () => {
    assert.deepEqual(run('[[PERSON:علی رضایی]] و [[PERSON:احمد کریمی]] هر دو در تهران زندگی می‌کنند.'), []);
  });
});

describe('Arabic relation frames', () => {
  it('reads posts, verb-first meetings with a preposition written onto the name, and successions', () => {
    assert.deepEqual(run('[[PERSON:خالد العمري]]، قائد [[ORG:اللواء الخامس]]، وصل أمس.'), ['role_in:خالد العمري>اللواء الخامس']);
    assert.deepEqual(run('التقى [[PERSON:سمير حداد]] ب[[PERSON:نبيل يوسف]] في بغداد.'), ['met:سمير حداد>نبيل يوسف']);
    assert.deepEqual(run('عُيّن [[PERSON:فادي سليم]] رئيسا للهيئة خلفاً ل[[PERSON:عمر ناصر]].'), ['succeeded:فادي سليم>عمر ناصر']);
    assert.deepEqual(run('شنت [[ORG:القوات الجوية]] غارات عنيفة على [[LOC:مواقع الجماعة]].'), ['attacked:القوات الجوية>مواقع الجماعة']);
    assert.deepEqual(run('[[ORG:كتيبة الشهداء]] التابعة ل[[ORG:الجبهة الوطنية]] أعلنت مسؤوليتها.'), ['part_of:كتيبة الشهداء>الجبهة الوطنية']);
  });

  it('reads a verb-first clause whose verb carries the conjunction ("والتقى", "وقصفت"), a post between preposition and name', () => {
    assert.deepEqual(run('والتقى [[PERSON:سمير حداد]] برئيس الوزراء [[PERSON:نبيل يوسف]] في بغداد.'), ['met:سمير حداد>نبيل يوسف']);
    assert.deepEqual(run('وقصفت [[ORG:القوات الجوية]] مواقع [[ORG:الجبهة الوطنية]] ليلا.'), ['attacked:القوات الجوية>الجبهة الوطنية']);
    // A word that only begins with waw is no conjunction before a verb: "وصل" (arrived) is not "و" + "صل".
    assert.deepEqual(run('وصل [[PERSON:سمير حداد]] إلى [[LOC:بغداد]] أمس.'), []);
  });

  it('marks a denied meeting as negated, also when the conjunction is written onto the denial ("ونفى")', () => {
    assert.deepEqual(run('نفى المكتب أن يكون [[PERSON:سمير حداد]] التقى ب[[PERSON:نبيل يوسف]].'), ['met:سمير حداد>نبيل يوسف (negated)']);
    assert.deepEqual(run('ونفى [[PERSON:سمير حداد]] تلقي أي أموال من [[ORG:الشركة العامة]].'), ['paid:الشركة العامة>سمير حداد (negated)']);
  });

  it('reads payments and spying', () => {
    assert.deepEqual(run('وتلقى [[PERSON:سمير حداد]] أموالا طائلة من [[ORG:الشركة العامة]].'), ['paid:الشركة العامة>سمير حداد']);
    assert.deepEqual(run('دفعت [[ORG:الشركة العامة]] مبالغ كبيرة ل[[PERSON:سمير حداد]].'), ['paid:الشركة العامة>سمير حداد']);
    assert.deepEqual(run('وكان [[PERSON:سمير حداد]] يعمل مخبرا لصالح [[ORG:جهاز الأمن]].'), ['informant_for:سمير حداد>جهاز الأمن']);
  });

  it('matches spelling variants: Arabic yeh and kaf in a Persian word, harakat, tatweel', () => {
    assert.deepEqual(run('[[PERSON:علي رضايي]] با [[PERSON:احمد كريمي]] ديدار كرد.'), ['met:علي رضايي>احمد كريمي']);
    assert.deepEqual(run('اِلْتَقَى [[PERSON:سمير حداد]] بـ[[PERSON:نبيل يوسف]].'), ['met:سمير حداد>نبيل يوسف']);
  });
});

describe('documents that mix scripts', () => {
  it('sends each sentence to the extractor of its script', () => {
    const doc = markedInput('[[PERSON:John Smith]] met [[PERSON:Peter Brown]] in Paris. [[PERSON:علی رضایی]] با [[PERSON:احمد کریمی]] دیدار کرد.');
    assert.equal(isArabicScript(doc.text, doc.sentences[1]!), true);
    assert.equal(isArabicScript(doc.text, doc.sentences[0]!), false);
    const seen: number[] = [];
    const english = (i: ExtractionInput): ExtractedRelation[] => {
      seen.push(i.sentences.length);
      return extractRelations(i);
    };
    const rels = byScript(english)(doc);
    assert.deepEqual(seen, [1], 'the English extractor saw only the English sentence');
    assert.deepEqual(edges(rels), ['met:John Smith>Peter Brown', 'met:علی رضایی>احمد کریمی']);
  });
});

describe('Persian and Arabic events', () => {
  it('reads a dated killing with its place, and a meeting with a preposition written onto the verb phrase', () => {
    const doc = markedInput('در حمله پهپادی [[ORG:ارتش آمریکا]] در [[LOC:فرودگاه بغداد]] [[PERSON:حسین امیری]] کشته شد. والاجتماع عقد امس.');
    const date = (text: string) => {
      const start = doc.text.indexOf(text);
      return { start, end: start + text.length, value: '2020-01-03', precision: 'day' as const, relative: false, text };
    };
    const events = extractEvents({ ...doc, dates: [date('حمله'), date('عقد')] });
    const byType = new Map(events.map((e) => [e.type, e]));
    assert.deepEqual([...byType.keys()].sort(), ['killing', 'meeting', 'strike']);
    assert.equal(byType.get('strike')!.place, 'فرودگاه بغداد');
    assert.deepEqual(byType.get('killing')!.participants.sort(), ['ارتش آمریکا', 'حسین امیری'].sort());
  });

  it('gives a meeting both parties of the meeting read in its sentence, however far the subject stands from the verb', () => {
    const doc = markedInput('[[PERSON:علی رضایی]]، فرمانده [[ORG:لشکر ده]]، در مهر گذشته در سفری دو روزه و بدون هیچ اطلاع قبلی به [[LOC:بغداد]] رفت و در دفتر نخست‌وزیری با [[PERSON:احمد کریمی]] دیدار کرد. پس از کشته شدن [[PERSON:مهدی صالحی]] در دی ماه جانشین شد.');
    const date = (text: string, value: string) => {
      const start = doc.text.indexOf(text);
      return { start, end: start + text.length, value, precision: 'month' as const, relative: false, text };
    };
    const result = extract({ ...doc, dates: [date('مهر گذشته', '2019-10'), date('دی ماه', '2020-01')] }, extractArabicScriptRelations);
    const meeting = result.events.find((e) => e.type === 'meeting')!;
    assert.deepEqual(meeting.participants.slice(0, 2).sort(), ['احمد کریمی', 'علی رضایی'], 'the parties first');
    // "کشته شدن" (being killed) is a killing as "کشته شد" is.
    assert.deepEqual(result.events.filter((e) => e.type === 'killing').map((e) => [e.date, e.participants]), [['2020-01', ['مهدی صالحی']]]);
  });

  it('does not take a trigger inside a longer word', () => {
    const doc = markedInput('حملهور شد.');
    assert.deepEqual(extractEvents({ ...doc, dates: [{ start: 0, end: 2, value: '2020', precision: 'year', relative: false, text: 'حم' }] }), []);
  });
});
