/**
 * Relation frames for Persian and Arabic sentences: the common constructions of news and reports for role_in, met,
 * succeeded, controls, part_of and attacked, over the same masked sentences as the English frames. Words are written
 * once and matched in every spelling Arabic script allows (see `w`): Arabic and Persian yeh and kaf, alef forms,
 * teh marbuta and heh, harakat and tatweel, the half-space (ZWNJ) or a space or nothing.
 *
 * The frames' own confidences sit below the English frames'. Where the trained model reads these sentences, a frame is
 * a feature and a hit the model does not return is shown with its type's precision measured on the labelled Persian
 * and Arabic train sentences (annotations/*-relations; docs/relations.md, "Persian and Arabic sentences").
 */
import type { Frame } from './frame.js';

// Marks that may follow any letter: harakat, superscript alef, tatweel.
const MARKS = '[\\u064B-\\u065F\\u0670\\u0640]*';
const CLASSES: Record<string, string> = {
  'ی': '[یيى]', 'ي': '[یيى]', 'ى': '[یيى]', 'ک': '[کك]', 'ك': '[کك]', 'ا': '[اأإآٱ]', 'أ': '[اأإآٱ]', 'إ': '[اأإآٱ]',
  'آ': '[اأإآٱ]', 'ة': '[ةه]', 'ه': '[هة]', 'ؤ': '[ؤو]', 'ئ': '[ئی]',
};

/** A word or phrase of Arabic script as a pattern that accepts its spelling variants; `|` separates alternatives. */
export function w(words: string): string {
  return `(?:${words.split('|').map(one).join('|')})`;
}

function one(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === ' ') out += ' ';
    else if (ch === '\u200c') out += '[\\u200c ]?';
    else out += (CLASSES[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')) + MARKS;
  }
  return out;
}

/**
 * An Arabic verb that opens its clause, with the conjunction news prose writes onto it ("والتقى", "وهاجمت", "فقصفت"):
 * a verb-first sentence after the first mostly begins so.
 */
function verbFirst(words: string): string {
  return `(?:[وف]${MARKS})?${w(words)}`;
}

// Up to a few words that are neither a name nor the end of a clause.
const GAP = (max: number): string => `(?: [^⟦.!?؟،,؛;]{1,${max}})?`;
// The same, where a place may be named: "روز دوشنبه در بغداد" (on Monday in Baghdad) before the verb.
const GAP_PLACE = (max: number): string => `(?: (?:[^⟦.!?؟،,؛;]|⟦[Ll]\\d+⟧){1,${max}})?`;
const COMMA = '[،,]';
// A post set off by commas after the subject: "X، فرمانده Y، ..." (the post's organisation named inside, or not).
const APPOS = `(?:${COMMA} [^⟦.،,]{1,40}(?:⟦[OLol]\\d+⟧(?: [^⟦.،,]{1,20})?)?${COMMA})?`;
// A posessive/ezafe ending on a Persian role noun ("سخنگوی", "فرمانده‌ی").
const EZAFE = '(?:\\u200c?[یي])?';

// Money words: "پول" (money), "مبلغ" (a sum), currencies, "رشوه" (a bribe), "کمک مالی" (financial aid).
const MONEY_FA = w('پول|پولی|مبلغ|مبالغ|مبلغی|دلار|تومان|ریال|یورو|رشوه|کمک مالی|کمک‌های مالی|حقوق|دستمزد|وجه|وجوه');
const MONEY_AR = w('أموالا|أموال|اموالا|اموال|مالا|مبالغ|مبلغا|مبلغ|رشوة|رشاوى|تمويلا|تمويل|دعما ماليا|دعم مالي|رواتب|دولار|دولارا|دينار|يورو');

const ROLE_FA = w('نامزد|فرمانده|فرماندهی|رئیس|رییس|رئیس‌جمهور|رئیس جمهور|نخست‌وزیر|وزیر|دبیرکل|دبیر کل|دبیر|سخنگو|معاون|عضو|نماینده|سفیر|رهبر|مدیرعامل|مدیر|مشاور|دادستان|استاندار|شهردار|مسئول|رئیس ستاد|جانشین فرمانده');
const ROLE_AR = w('قائد|القائد|رئيس|الرئيس|رئيس الوزراء|وزير|الوزير|الأمين العام|أمين عام|المتحدث باسم|متحدث باسم|الناطق باسم|نائب|عضو|ممثل|سفير|زعيم|الزعيم|مدير|مستشار|محافظ|آمر|مسؤول|قيادي في|القيادي في|مؤسس');
// A role noun with up to two words that belong to the post ("وزیر امور خارجه", "رئيس هيئة الأركان").
// (No braces inside a slot: the frame compiler reads a slot up to its first closing brace.)
const ROLE = (nouns: string): string => `{role:=${nouns}${EZAFE}(?: [^\\s⟦.،,]+)??(?: [^\\s⟦.،,]+)??(?: [^\\s⟦.،,]+)??}`;
// A name's post and organisation between a verb and the name: "met the Secretary-General of the UN, Kofi Annan".
const POST_BEFORE = (nouns: string): string => `(?:${nouns}(?: [^\\s⟦.،,]+)??(?: [^\\s⟦.،,]+)?? (?:${w('ل')}ـ?)?⟦[OL]\\d+⟧${COMMA}? )?`;

const PERSIAN: Frame[] = [
  // "قاسم سلیمانی، فرمانده نیروی قدس" (X, commander of Y).
  // Persian news often leaves the comma out: "بهزاد رشیدی رییس جهاد دانشگاهی".
  { rule: 'fa:appos-role', pattern: `{a:P}(?:${COMMA})? ${ROLE(ROLE_FA)} {b:OL}`, emit: [{ type: 'role_in', source: 'a', target: 'b', role: 'role' }], confidence: 0.7 },
  // "فرمانده نیروی قدس، قاسم سلیمانی", "وزیر امور خارجه ایران محمدجواد ظریف" (the post of Y, X).
  { rule: 'fa:role-name', pattern: `${ROLE(ROLE_FA)} {b:OL}${COMMA}? {a:P}`, emit: [{ type: 'role_in', source: 'a', target: 'b', role: 'role' }], confidence: 0.65 },
  // "X با Y دیدار کرد", "X روز دوشنبه در تهران با Y دیدار و گفتگو کرد", "X با Y، معاون Z، در تهران دیدار کرد".
  {
    rule: 'fa:met', pattern: `{a:PO}${APPOS}${GAP_PLACE(120)} ${w('با')} {b:PO}${APPOS}${GAP_PLACE(40)} ${w('دیدار|ملاقات|گفتگو|گفت‌وگو|مذاکره|رایزنی')}(?: ${w('و')} ${w('گفتگو|گفت‌وگو|رایزنی|تبادل نظر')})? ${w('کرد|کردند|نمود|نمودند|داشت|داشتند|کرده است|کرده‌اند')}`,
    emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.7,
  },
  // "دیدار X با Y" (the meeting of X with Y).
  { rule: 'fa:meeting-of', pattern: `${w('دیدار|ملاقات|نشست')} {a:PO} ${w('با')} {b:PO}`, emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X در حاشیه دیدار و گفتگو با Y" (X, meeting with Y); people only, since "دیدار" is also a football match.
  { rule: 'fa:meeting-with', pattern: `{a:P}${GAP(40)} ${w('دیدار|ملاقات')}(?: ${w('و')} ${w('گفتگو|گفت‌وگو|رایزنی')})? ${w('با')} {b:P}`, emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.6 },
  // "X به دیدار Y رفت" (X went to meet Y).
  {
    rule: 'fa:went-to-meet', pattern: `{a:P}${APPOS}${GAP_PLACE(40)} ${w('به دیدار|به ملاقات')} {b:PO}${APPOS}${GAP_PLACE(30)} ${w('رفت|رفتند|شتافت|شتافتند|آمد|آمدند|رفته است|رفته بود')}`,
    emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "X از Y پول دریافت کرد" (X received money from Y): the payer is Y.
  {
    rule: 'fa:received-money', pattern: `{a:PO}${APPOS}${GAP_PLACE(40)} ${w('از')} {b:PO}${APPOS}${GAP(30)} ${MONEY_FA}${GAP(30)} ${w('دریافت|گرفت|گرفتند|گرفته|دریافت کرد|دریافت کردند|دریافت کرده')}`,
    emit: [{ type: 'paid', source: 'b', target: 'a' }], confidence: 0.65,
  },
  // "Y به X پول پرداخت کرد", "Y به X ده میلیون دلار داد" (Y paid X).
  {
    rule: 'fa:paid-to', pattern: `{a:PO}${APPOS}${GAP_PLACE(40)} ${w('به')} {b:PO}${APPOS}${GAP(30)} ${MONEY_FA}${GAP(30)} ${w('پرداخت|داد|دادند|داده|واریز|اهدا')}`,
    emit: [{ type: 'paid', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "Y هزینه‌های X را تأمین می‌کرد" (Y paid X's costs).
  { rule: 'fa:funds', pattern: `{a:PO}${APPOS}${GAP_PLACE(40)} ${w('هزینه|هزینه‌های|بودجه|بودجه‌ی|حقوق|مخارج')} {b:PO} ${w('را')}${GAP(20)} ${w('تامین|پرداخت')}`, emit: [{ type: 'paid', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X برای Y جاسوسی می‌کرد" (X spied for Y), "X جاسوس Y بود" (X was Y's spy).
  { rule: 'fa:spied-for', pattern: `{a:P}${APPOS}${GAP_PLACE(40)} ${w('برای|به نفع|به سود')} {b:OL}${GAP(20)} ${w('جاسوسی|خبرچینی')}`, emit: [{ type: 'informant_for', source: 'a', target: 'b' }], confidence: 0.65 },
  { rule: 'fa:spy-of', pattern: `{a:P}${COMMA}? ${w('جاسوس|خبرچین|منبع|مامور مخفی')}${EZAFE} {b:OL}`, emit: [{ type: 'informant_for', source: 'a', target: 'b' }], confidence: 0.6 },
  // "Y، X را به عنوان منبع استخدام کرد" (Y recruited X as a source).
  {
    rule: 'fa:recruited-as', pattern: `{b:OL}${APPOS}${GAP_PLACE(40)} {a:P}${APPOS} ${w('را')}${GAP(20)} ${w('به عنوان|بعنوان')} ${w('منبع|جاسوس|خبرچین|مامور|مأمور|نفوذی')}${GAP(20)} ${w('استخدام|جذب|به خدمت')}`,
    emit: [{ type: 'informant_for', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "X جانشین Y شد", "X به عنوان جانشین Y منصوب شد".
  { rule: 'fa:successor', pattern: `{a:P}${GAP(40)} (?:${w('به عنوان')} )?${w('جانشین')} {b:P}`, emit: [{ type: 'succeeded', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X به جای Y منصوب شد" (X was appointed in place of Y).
  { rule: 'fa:in-place-of', pattern: `{a:P}${GAP(30)} ${w('به جای')} {b:P}${GAP(30)} ${w('منصوب|انتخاب|برگزیده|معرفی')}`, emit: [{ type: 'succeeded', source: 'a', target: 'b' }], confidence: 0.65 },
  // "Y تحت کنترل X", "Y زیر فرمان X" (Y under the control of X).
  { rule: 'fa:under-control', pattern: `{b:OL}${GAP(20)} ${w('تحت|زیر')} ${w('کنترل|فرمان|فرماندهی|رهبری|سلطه|هدایت|نظارت')}${EZAFE} {a:POL}`, emit: [{ type: 'controls', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X فرماندهی Y را بر عهده دارد" (X holds the command of Y).
  { rule: 'fa:holds-command', pattern: `{a:PO}${GAP(20)} ${w('کنترل|رهبری|فرماندهی|هدایت|ریاست')} {b:OL} ${w('را')}${GAP(20)} ${w('در دست|بر عهده|به دست|به عهده')}`, emit: [{ type: 'controls', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X، وابسته به Y", "X که زیرمجموعه Y است", "X، شاخه نظامی Y".
  { rule: 'fa:part-of', pattern: `{a:O}${COMMA}? (?:${w('که')} )?(?:${w('وابسته به|زیرمجموعه|زیر مجموعه|بخشی از|بازوی|شاخه|یکی از شاخه‌های|یکی از گروه‌های')})${EZAFE}(?: ${w('نظامی|سیاسی|اطلاعاتی|مسلح|برون‌مرزی')})? {b:O}`, emit: [{ type: 'part_of', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X به Y حمله کرد", "X به مواضع Y حمله موشکی کرد".
  {
    rule: 'fa:attacked', pattern: `{a:POLM}${APPOS}${GAP_PLACE(40)} ${w('به')} (?:[^⟦.،,\\s]+ ){0,2}{b:POL}${GAP(30)} ${w('حمله|هجوم|یورش')}(?: ${w('موشکی|هوایی|پهپادی|نظامی')})? ${w('کرد|کردند|نمود|نمودند|برد|بردند|کرده است|کرده‌اند')}`,
    emit: [{ type: 'attacked', source: 'a', target: 'b' }], confidence: 0.7,
  },
  // "حمله X به Y" (the attack of X on Y).
  { rule: 'fa:attack-of', pattern: `${w('حمله|حملات|هجوم')}(?: ${w('موشکی|هوایی|پهپادی|نظامی')})?${EZAFE} {a:POLM} ${w('به')} {b:POL}`, emit: [{ type: 'attacked', source: 'a', target: 'b' }], confidence: 0.65 },
];

// Arabic puts the verb first (VSO) as often as the subject (SVO); a preposition may be written onto the name ("بأبي").
const PREP = (p: string): string => `(?:${w(p)} |${w(p)}ـ?)`;

const ARABIC: Frame[] = [
  // "قاسم سليماني، قائد فيلق القدس", "حسن نصر الله الأمين العام لحزب الله" (X, leader of Y; the comma is often left out).
  { rule: 'ar:appos-role', pattern: `{a:P}(?:${COMMA})? ${ROLE(ROLE_AR)} ${PREP('ل')}?{b:OL}`, emit: [{ type: 'role_in', source: 'a', target: 'b', role: 'role' }], confidence: 0.7 },
  // "قائد فيلق القدس قاسم سليماني" (the leader of Y, X).
  { rule: 'ar:role-name', pattern: `${ROLE(ROLE_AR)} ${PREP('ل')}?{b:OL}${COMMA}? {a:P}`, emit: [{ type: 'role_in', source: 'a', target: 'b', role: 'role' }], confidence: 0.65 },
  // "التقى X بـY", "اجتمع X مع Y", "استقبل X Y" (verb first).
  {
    rule: 'ar:met-vso', pattern: `${verbFirst('التقى|التقت|يلتقي|تلتقي|اجتمع|اجتمعت|يجتمع|تجتمع|استقبل|استقبلت|يستقبل|تستقبل|بحث|بحثت')} {a:PO}${GAP(30)} (?:${PREP('ب')}|${PREP('مع')})?{b:PO}`,
    emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "X التقى بـY", "X يجتمع مع Y" (subject first).
  { rule: 'ar:met-svo', pattern: `{a:PO} ${w('التقى|التقت|يلتقي|تلتقي|اجتمع|اجتمعت|يجتمع|تجتمع|استقبل|استقبلت')}${GAP(30)} (?:${PREP('ب')}|${PREP('مع')})?{b:PO}`, emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X عقد اجتماعا مع أمين عام الأمم المتحدة Y" (X held a meeting with Y; the post before Y is skipped).
  {
    rule: 'ar:held-meeting', pattern: `{a:PO}${GAP(30)} ${w('عقد|عقدت|يعقد|تعقد|أجرى|أجرت|يجري|تجري')} ${w('اجتماعا|اجتماعاً|لقاء|لقاءً|محادثات|مباحثات')}${GAP(20)} (?:${PREP('مع')}|${PREP('ب')})${POST_BEFORE(ROLE_AR)}{b:P}`,
    emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "لقاء X مع Y", "اجتماع X وY".
  { rule: 'ar:meeting-of', pattern: `${w('لقاء|اجتماع|محادثات')} (?:${w('بين')} )?{a:PO} (?:${PREP('مع')}|${PREP('ب')}|${w('و')})?{b:PO}`, emit: [{ type: 'met', source: 'a', target: 'b' }], confidence: 0.6 },
  // "X ... خلفا لـY" (X, as successor to Y).
  { rule: 'ar:successor', pattern: `{a:P}${GAP(40)} ${w('خلفا|خلفاً')} ${PREP('ل')}?{b:P}`, emit: [{ type: 'succeeded', source: 'a', target: 'b' }], confidence: 0.65 },
  { rule: 'ar:successor-noun', pattern: `{a:P}${COMMA}? ${w('خليفة|خلف')} {b:P}`, emit: [{ type: 'succeeded', source: 'a', target: 'b' }], confidence: 0.6 },
  // "تلقى X أموالا من Y" (X received money from Y), verb first or subject first: the payer is Y.
  {
    rule: 'ar:received-money', pattern: `(?:${verbFirst('تلقى|تلقت|يتلقى|تتلقى|تسلم|تسلمت|استلم|استلمت|قبض|قبضت')} {a:PO}|{a:PO}${APPOS} ${verbFirst('تلقى|تلقت|يتلقى|تتلقى|تسلم|تسلمت|استلم|استلمت|قبض|قبضت')})${GAP(20)} ${MONEY_AR}${GAP(30)} ${PREP('من')}{b:PO}`,
    emit: [{ type: 'paid', source: 'b', target: 'a' }], confidence: 0.65,
  },
  // "دفع Y مبالغ لـX", "قدم Y أموالا إلى X" (Y paid X).
  {
    rule: 'ar:paid-to', pattern: `(?:${verbFirst('دفع|دفعت|يدفع|تدفع|قدم|قدمت|يقدم|تقدم|حول|حولت|سلم|سلمت')} {a:PO}|{a:PO}${APPOS} ${verbFirst('دفع|دفعت|يدفع|تدفع|قدم|قدمت|حول|حولت|سلم|سلمت')})${GAP(20)} ${MONEY_AR}${GAP(20)} (?:${PREP('ل')}|${PREP('إلى')}){b:PO}`,
    emit: [{ type: 'paid', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "مول Y X" / "Y يمول X" (Y funds X).
  { rule: 'ar:funds', pattern: `(?:${verbFirst('مول|مولت|يمول|تمول')} {a:PO}|{a:PO}${APPOS} ${verbFirst('مول|مولت|يمول|تمول')}) {b:PO}`, emit: [{ type: 'paid', source: 'a', target: 'b' }], confidence: 0.6 },
  // "X يتجسس لصالح Y", "X عميل لـY" (X spies for Y, X is Y's agent).
  {
    rule: 'ar:spied-for', pattern: `{a:P}${APPOS}${GAP(30)} ${w('يتجسس|تجسس|يعمل جاسوسا|جاسوس|جاسوسا|عميل|عميلا|مخبر|مخبرا|كان يتجسس')} (?:${w('لصالح|لحساب')} |${PREP('ل')}){b:OL}`,
    emit: [{ type: 'informant_for', source: 'a', target: 'b' }], confidence: 0.65,
  },
  // "جندت Y X" (Y recruited X).
  { rule: 'ar:recruited', pattern: `${verbFirst('جند|جندت|يجند|تجند')} {b:OL}${GAP(20)} {a:P}`, emit: [{ type: 'informant_for', source: 'a', target: 'b' }], confidence: 0.6 },
  // "يسيطر X على Y", "X يسيطر على Y".
  { rule: 'ar:controls-vso', pattern: `${verbFirst('يسيطر|تسيطر|سيطر|سيطرت|يقود|تقود|قاد|قادت')} {a:PO}${GAP(20)} ${w('على')} {b:OL}`, emit: [{ type: 'controls', source: 'a', target: 'b' }], confidence: 0.65 },
  { rule: 'ar:controls-svo', pattern: `{a:PO} ${w('يسيطر|تسيطر|سيطر|سيطرت')} ${w('على')} {b:OL}`, emit: [{ type: 'controls', source: 'a', target: 'b' }], confidence: 0.65 },
  // "Y الخاضعة لسيطرة X", "Y تحت قيادة X".
  { rule: 'ar:under-control', pattern: `{b:OL}${GAP(20)} (?:${w('الخاضعة|الخاضع')} ${PREP('ل')}?|${w('تحت')} )${w('سيطرة|قيادة|إمرة')} {a:PO}`, emit: [{ type: 'controls', source: 'a', target: 'b' }], confidence: 0.65 },
  // "X التابعة لـY", "X، ذراع Y العسكري".
  { rule: 'ar:part-of', pattern: `{a:O}${COMMA}? (?:${w('التابعة|التابع|المرتبطة|المرتبط|المنضوية|المنضوي')} (?:${PREP('ل')}|${PREP('ب')}|${w('تحت')} )?|${w('ذراع|جناح|فرع|إحدى فصائل|أحد فصائل|جزء من')} ){b:O}`, emit: [{ type: 'part_of', source: 'a', target: 'b' }], confidence: 0.65 },
  // "هاجم X Y", "شن X هجوما على Y" (verb first).
  { rule: 'ar:attacked-vso', pattern: `${verbFirst('هاجم|هاجمت|يهاجم|تهاجم|استهدف|استهدفت|يستهدف|تستهدف|قصف|قصفت|يقصف|تقصف')} {a:POLM}${GAP(20)} {b:POL}`, emit: [{ type: 'attacked', source: 'a', target: 'b' }], confidence: 0.6 },
  { rule: 'ar:launched-attack', pattern: `${verbFirst('شن|شنت|يشن|تشن')} {a:POLM}${GAP(30)} ${w('هجوما|هجوماً|هجمات|غارة|غارات|هجوم')}${GAP(20)} ${w('على|ضد')} {b:POL}`, emit: [{ type: 'attacked', source: 'a', target: 'b' }], confidence: 0.7 },
  { rule: 'ar:attacked-svo', pattern: `{a:POLM} ${w('هاجم|هاجمت|يهاجم|تهاجم|استهدف|استهدفت|قصف|قصفت')}${GAP(20)} {b:POL}`, emit: [{ type: 'attacked', source: 'a', target: 'b' }], confidence: 0.6 },
];

/** Every Persian and Arabic frame; a sentence is matched against both (the two share few words). */
export const ARABIC_SCRIPT_FRAMES: Frame[] = [...PERSIAN, ...ARABIC];
