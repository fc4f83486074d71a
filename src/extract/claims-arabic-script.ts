/**
 * Attributed statements in Persian and Arabic sentences: reported speech ("X گفت که ...", "قال X إن ..."), sourcing
 * ("به گفته X، ...", "بحسب X، ...") and denials ("X این گزارش را رد کرد", "نفى X أن ..."), with the speaker and whether
 * the statement asserts or denies. Relations read inside the claimed text rest on the speaker's word (linkClaims), and
 * a relation inside a denial is denied. Words are matched in every spelling the script allows (`w`).
 */
import type { Span } from '../model/index.js';
import { isArabicScript } from './relations/arabic-script.js';
import { w } from './relations/arabic-script-frames.js';
import { insideSorted } from './span-lookup.js';
import type { ExtractedClaim, ExtractionInput, InputMention } from './types.js';

/** A shape of attribution: the pattern over one sentence and which groups hold the speaker and the claim. */
interface Shape {
  rule: string;
  pattern: RegExp;
  stance: 'asserts' | 'denies';
}

// A speaker: one to eight words, no clause punctuation, no quotation mark (as few as the rest of the pattern allows).
const WORD = String.raw`[^\s،,.:؛;«»"]+`;
const SPEAKER = String.raw`(?<speaker>${WORD}(?: ${WORD}){0,7}?)`;
// A Persian subject ends where an adverbial of time or place begins ("سخنگوی وزارت خارجه دیروز ...", "... در تهران").
const ADVERBIAL_FA = w('روز|دیروز|امروز|امشب|دیشب|شب|صبح|عصر|ظهر|بامداد|در|با|به|طی|پس|پیش|ضمن|هفته|سال|ماه|نیز|هم|همچنین|سپس|بار|این|آن|را|که|و');
const SPEAKER_FA = String.raw`(?<speaker>(?!${ADVERBIAL_FA} )${WORD}(?: (?!${ADVERBIAL_FA} )${WORD}){0,7})`;
// What is claimed: the rest of the sentence.
const CLAIM = String.raw`(?<claim>.{6,})`;
// Persian verbs of saying, at the end of the speaker's clause (the verb closes a Persian clause).
// ("گفت" of "گفت و گو", a conversation, is no verb of saying.)
const SAY_FA = String.raw`(?:${w('گفت|گفته است|اظهار کرد|اظهار داشت|اعلام کرد|اعلام کرده است|افزود|تاکید کرد|تأکید کرد|مدعی شد|ادعا کرد|فاش کرد|نوشت|تصریح کرد|خاطرنشان کرد|گزارش داد|می‌گوید|می‌گویند|گفتند|اعلام کردند|معتقد است')})(?!\u200c?\s?${w('و')}\s?${w('گو')})`;
// Arabic verbs of saying, opening their clause (the conjunction may be written onto them).
const SAY_AR = w('قال|قالت|يقول|تقول|أضاف|أضافت|أكد|أكدت|يؤكد|أعلن|أعلنت|أفاد|أفادت|صرح|صرحت|ذكر|ذكرت|كشف|كشفت|زعم|زعمت|أوضح|أوضحت|اعتبر|اعتبرت|رأى|رأت|أشار|أشارت');
const DENY_AR = w('نفى|نفت|ينفي|تنفي|نفي|رفض|رفضت|كذب|كذبت');
// "that": Arabic إن / أن / بأن with a pronoun written on ("أنه"); Persian که.
// (Longest first: "إنه" must not be read as "إن" and a claim opening with "ه".)
const THAT_AR = w('إنهم|أنهم|إنها|أنها|بأنها|إنه|أنه|بأنه|إن|أن|بأن');
// Where an Arabic speaker phrase ends: what follows is how or to whom it was said ("أنان في تصريحات بالأردن",
// "مصدر أمني لفرانس برس", "نصر الله في مقابلة مع الجزيرة").
const SPEAKER_TAIL_AR = new RegExp(` (?:${w('في|إلى|الى|عن|مع|خلال|لدى|أمام|امام|لوكالة|لصحيفة|لمجلة|لقناة|لتلفزيون|لفرانس|لرويترز')})(?: .*)?$`, 'u');

// A dateline before the first sentence's statement: "بغداد، 20 تشرين الثاني 2019 - نفى ...", "تهران - ایرنا - ...".
const DATELINE = String.raw`(?:[^.:«»]{2,40}? [-–—ـ] ){0,2}`;

const SHAPES: Shape[] = [
  // "به گفته یک مقام عراقی، ..." (according to an Iraqi official), "به نقل از X، ...", "بنا بر اعلام X، ...".
  { rule: 'reported:according-to', stance: 'asserts', pattern: new RegExp(String.raw`^${DATELINE}(?:${w('و')} )?(?:${w('به گفته|به نقل از|بنا بر اعلام|بنابر اعلام|طبق اعلام|به ادعای|به اعتقاد')}) ${SPEAKER}[،,] ${CLAIM}$`, 'u') },
  // "بحسب X، ...", "وفقا لـX، ...", "نقلا عن X، ...".
  { rule: 'reported:according-to', stance: 'asserts', pattern: new RegExp(String.raw`^${DATELINE}[وف]?(?:${w('بحسب|حسب|وفقا ل|وفقاً ل|وفقا لـ|وفقاً لـ|نقلا عن|نقلاً عن|طبقا ل|طبقاً ل')}) ?${SPEAKER}[،,] ${CLAIM}$`, 'u') },
  // "X این گزارش را رد کرد" (X rejected the report), "X ادعای ... را تکذیب کرد و گفت ...".
  { rule: 'reported:denial', stance: 'denies', pattern: new RegExp(String.raw`^${DATELINE}${SPEAKER_FA}(?:[،,] [^،,.:«»]{1,60}[،,])?(?: [^.:«»،,]{1,40}?)?? (?<claim>${w('این|آن')} [^.:«»]{2,60}?|${w('ادعای|ادعاهای|گزارش|خبر|اتهام|اتهامات|شایعه')}[^.:«»]{0,60}?) ${w('را')} ${w('رد|تکذیب|انکار')} ${w('کرد|کردند|کرده است|کرده‌اند|نمود')}(?: ${w('و')} .*)?[.!]?$`, 'u') },
  // "X گفت: ...", "X روز دوشنبه گفت که ...", "X در گفتگو با ایسنا اعلام کرد ...": the speaker opens the sentence.
  { rule: 'reported:speaker-claim', stance: 'asserts', pattern: new RegExp(String.raw`^${DATELINE}${SPEAKER_FA}(?:[،,] [^،,.:«»]{1,60}[،,])?(?: [^.:«»،,]{1,60}?)?? ${SAY_FA}(?: ${w('که')})?(?: ?[:،])? ${CLAIM}$`, 'u') },
  // "قال X إن ...", "وأضاف X أن ...", "وقال X: ..." (verb first).
  { rule: 'reported:verb-speaker', stance: 'asserts', pattern: new RegExp(String.raw`^${DATELINE}[وف]?${SAY_AR} ${SPEAKER}(?: ${THAT_AR} |[:،] ?)${CLAIM}$`, 'u') },
  // "نفى X أن يكون ...", "ونفت الوزارة ما نشرته الصحيفة ...": the speaker runs to the word that opens what is denied.
  {
    rule: 'reported:verb-speaker', stance: 'denies',
    pattern: new RegExp(String.raw`^${DATELINE}[وف]?${DENY_AR} ${SPEAKER} (?<claim>${w('أن|ان|ما|الأنباء|التقارير|تقارير|الاتهامات|اتهامات|صحة|وجود|تلقي|تلقيه|أي|قيام|علمه|معرفته|أنباء')} .{4,})$`, 'u'),
  },
];

// Words of an unnamed source: "a source", "an official", "sources", "officials", "an informed person".
const ANONYMOUS = new RegExp(`(?<![\\p{L}\\p{M}])(?:${w('منبع|منابع|مقام|مقامات|مسئول|مسئولان|مسؤول|فرد|فردی|مصدر|مصادر|مسؤولون|مسؤولين|مطلع|مطلعة|مطلعون|دبلوماسي|دبلوماسيون|دیپلمات|دیپلمات‌ها')})(?![\\p{L}\\p{M}])`, 'u');
// A speaker phrase that is a clause's word, not a speaker: "وی" (he) and "او" are speakers, these are not.
const NOT_SPEAKER = new RegExp(`^(?:${w('این|آن|که|اما|ولی|همچنین|هذا|هذه|ذلك|التي|الذي|كما|لكن')})$`, 'u');
// A phrase that opens with a preposition or a time word is an adverbial, the speaker being the verb's pronoun: "وقال
// خلال مؤتمر صحافي إن ..." (he said during a press conference that ...).
const ADVERBIAL_START = new RegExp(`^(?:${w('خلال|في|على|من|عن|أمس|اليوم|بعد|قبل|لدى|عند|أثناء|در|از|با|به|طی|پس|پیش|روز|دیروز|امروز')})(?: |$)`, 'u');

/** Claims of the Persian and Arabic sentences of a document. */
export function arabicScriptClaims(input: ExtractionInput, mentions: readonly InputMention[]): ExtractedClaim[] {
  const out: ExtractedClaim[] = [];
  for (const sent of input.sentences) {
    if (!isArabicScript(input.text, sent)) continue;
    const raw = input.text.slice(sent.start, sent.end);
    // Patterns read single spaces; a line break inside a sentence (a wrapped line) reads as one.
    const s = raw.replace(/\s/gu, ' ').trimEnd();
    for (const shape of SHAPES) {
      const m = shape.pattern.exec(s);
      const speaker = m?.groups?.speaker;
      const claim = m?.groups?.claim;
      if (!m || speaker === undefined || claim === undefined || NOT_SPEAKER.test(speaker) || ADVERBIAL_START.test(speaker)) continue;
      const speakerStart = sent.start + s.indexOf(speaker);
      const speakerSpan = trimSpeaker(speaker.replace(SPEAKER_TAIL_AR, ''), speakerStart, mentions);
      const speakerText = input.text.slice(speakerSpan.start, speakerSpan.end);
      const claimText = claim.replace(/[.!؟?]+$/u, '').replace(/^[\s:،,«"]+|[»"\s]+$/gu, '').trim();
      // A statement of one word is a fragment, except the object of a denial ("گزارش": the report).
      if (claimText.split(' ').length < (shape.stance === 'denies' ? 1 : 2)) continue;
      const claimStart = sent.start + s.indexOf(claimText, speakerStart - sent.start + speaker.length);
      const head = speakerHead(mentions, speakerSpan);
      const c: ExtractedClaim = {
        speakerKey: head?.entityKey ?? null,
        speakerText,
        speakerSpan,
        text: claimText,
        stance: shape.stance,
        evidence: { documentId: input.documentId, start: sent.start, end: sent.end, text: raw },
        rule: shape.rule,
        span: { start: claimStart, end: claimStart + claimText.length },
      };
      if (head === undefined && ANONYMOUS.test(speakerText)) c.anonymous = true;
      out.push(c);
      // A denial may go on with what the speaker said instead ("... را رد کرد و گفت این اسناد ساختگی است").
      if (shape.stance !== 'denies') break;
    }
  }
  return out;
}

/**
 * A Persian subject read up to the verb may run on into the clause ("اهرابی تعداد بیمه شدگان شهری ... گفت"): a phrase
 * with two words or more after its last name ends at that name.
 */
function trimSpeaker(phrase: string, start: number, mentions: readonly InputMention[]): Span {
  const span = { start, end: start + phrase.length };
  const last = insideSorted(mentions as InputMention[], span).filter((m) => m.type !== 'MISC').at(-1);
  if (last !== undefined && phrase.slice(last.end - start).trim().split(/\s+/u).length >= 2) return { start, end: last.end };
  return span;
}

/**
 * The named speaker of a phrase: its one person, or else the name it ends with ("سخنگوی وزارت خارجه ایران": the
 * ministry speaks through its spokesman); undefined for "یک مقام عراقی" (an Iraqi official: the country is not the speaker).
 */
function speakerHead(mentions: readonly InputMention[], speaker: Span): InputMention | undefined {
  const inside = insideSorted(mentions as InputMention[], speaker).filter((m) => m.type !== 'MISC');
  const people = inside.filter((m) => m.type === 'PERSON');
  if (people.length === 1) return people[0];
  const last = inside.at(-1);
  return last !== undefined && last.end === speaker.end && last.type !== 'LOC' ? last : undefined;
}
