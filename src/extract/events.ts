/** Dated events: a trigger word, the date stated in the same sentence, the people and groups involved, and the place. */
import type { DateMention } from '../model/index.js';
import { withPronouns } from './pronouns.js';
import { insideSorted, SpanIndex } from './span-lookup.js';
import type { ExtractedEvent, ExtractionInput, InputMention } from './types.js';
import { w } from './relations/arabic-script-frames.js';

// Arabic script has no \b: a trigger is a word of its own, perhaps with a conjunction, preposition or article written
// onto it ("والانتخابات", "بالهجوم"); `w` accepts the spellings the script allows.
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const AR = (words: string): RegExp => new RegExp(`(?<![\\p{L}\\p{M}])(?:${w('و|ف|ب|ل|ال|وال|بال|لل|فال')})?${w(words)}(?![\\p{L}\\p{M}])`, 'gu');

/** Trigger words per event type; the first matching type in a sentence position wins. */
const TRIGGERS: { type: string; words: RegExp; arabicScript?: true }[] = [
  // "Soleimani ... killed in a January 2020 US drone strike", "Soleimani's assassination"
  { type: 'killing', words: /\b(?:killed|killing|kills|assassinated|assassination|assassinations|murdered|murder|executed|execution|slain|died|death of)\b/gi },
  // "a 26 February US air strike on Kataeb Hezbollah"
  // ("observed a strike on Thursday" is a walkout, so "strike on" needs a target, not a day)
  { type: 'strike', words: /\b(?:air ?strikes?|drone strikes?|missile strikes?|strikes? (?:on|against) (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d)|bombing|bombed|shelling|shelled|missile attack|rocket attack)\b/gi },
  // "a missile attack on 3 March targeting the Ain al-Assad military base", "the consulate in Karbala was set ablaze"
  { type: 'attack', words: /\b(?:attacks?|attacked|raids?|raided|ambush(?:ed)?|invasion|invaded|stormed|set ablaze|set on fire|burned down|offensive)\b/gi },
  // "both meetings were held at roughly the same time on 28 February", "met ... in Dec 2014"
  { type: 'meeting', words: /\b(?:met|meeting|meetings|talks|summit|visited|visit)\b/gi },
  // "Qaani, who succeeded Soleimani", "was appointed head of"
  { type: 'appointment', words: /\b(?:appointed|appointment|named|nominated|nomination|succeeded|sworn in|took over|installed)\b/gi },
  // "its withdrawal from Syria", "When U.S. troops began pulling out in 2011"
  { type: 'withdrawal', words: /\b(?:withdrawals?|withdrew|withdrawn|withdrawing|pulled out|pulling out|pull out|pulled back|pull back|retreat(?:ed)?)\b/gi },
  // "the 2018 parliamentary elections", "was elected president in 2014"
  { type: 'election', words: /\b(?:elections?|elected|re-elected|vote|voted|polls)\b/gi },
  // The same events in Persian and Arabic news: "در حمله پهپادی ... کشته شد", "اغتيال", "التقى", "عُيّن", "الانتخابات".
  { type: 'killing', arabicScript: true, words: AR('کشته شد|کشته شدند|کشته شدن|ترور|به قتل رسید|به شهادت رسید|اغتيال|اغتال|مقتل|قتل|استشهاد') },
  { type: 'strike', arabicScript: true, words: AR('حمله هوایی|حمله پهپادی|حمله موشکی|بمباران|غارة|غارات|قصف|ضربة جوية') },
  { type: 'attack', arabicScript: true, words: AR('حمله|حملات|هجوم|یورش|هاجم|هاجمت|هجمات|هجوما') },
  { type: 'meeting', arabicScript: true, words: AR('دیدار|ملاقات|نشست|التقى|التقت|لقاء|اجتماع|اجتمع|زيارة') },
  { type: 'appointment', arabicScript: true, words: AR('منصوب شد|منصوب|انتصاب|تعیین|عين|تعيين|تنصيب|خلفا') },
  { type: 'withdrawal', arabicScript: true, words: AR('خروج|عقب‌نشینی|انسحاب|انسحبت|انسحب') },
  { type: 'election', arabicScript: true, words: AR('انتخابات|انتخاب شد|انتخب|اقتراع') },
];

/** Extracts one event per (type, sentence, date) when the sentence states a date. */
export function extractEvents(input: ExtractionInput): ExtractedEvent[] {
  const mentions = withPronouns(input.text, input.mentions, input.within); // in text order
  const datesBySpan = new SpanIndex(input.dates);
  const out: ExtractedEvent[] = [];
  for (const sent of input.sentences) {
    const dates = datesBySpan.inside(sent);
    if (dates.length === 0) continue;
    const inSentence = insideSorted(mentions, sent);
    const seen = new Set<string>();
    const used: [number, number][] = []; // "missile attack" is one strike, not also an attack
    const slice = input.text.slice(sent.start, sent.end);
    const arabicScript = ARABIC_LETTER.test(slice);
    for (const { type, words, arabicScript: needsArabic } of TRIGGERS) {
      if (needsArabic && !arabicScript) continue;
      words.lastIndex = 0;
      for (let m = words.exec(slice); m !== null; m = words.exec(slice)) {
        const at = sent.start + m.index;
        if (inSentence.some((x) => x.start <= at && at < x.end)) continue; // "Summit Hotel", a name, not a trigger
        if (used.some(([a, b]) => at < b && a < at + m![0].length)) continue;
        used.push([at, at + m[0].length]);
        const date = nearest(dates, at);
        const key = `${type}|${date.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const place = findPlace(input.text, inSentence, at);
        // Names near the trigger take part; the rest of a long sentence is usually another clause.
        const near = inSentence.filter((x) => x !== place && Math.abs(x.start - at) < WINDOW && isParticipant(input.text, x));
        const participants = [...new Set(near.map((x) => x.entityKey))];
        const ev: ExtractedEvent = {
          type,
          date: date.value,
          precision: date.precision,
          participants: place === undefined ? participants : participants.filter((k) => k !== place.entityKey),
          evidence: { documentId: input.documentId, start: sent.start, end: sent.end, text: slice },
          rule: `trigger:${type}`,
        };
        if (place !== undefined) ev.place = place.entityKey;
        out.push(ev);
      }
    }
  }
  return out;
}

/** The date closest to the trigger: "killed in a January 2020 US drone strike" takes "January 2020". */
function nearest(dates: DateMention[], at: number): DateMention {
  return [...dates].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]!;
}

/** The place named after "in", "near" or "at", preferring the one closest after the trigger ("meeting in Tehran"). */
function findPlace(text: string, mentions: InputMention[], at: number): InputMention | undefined {
  const places = mentions.filter((m) => m.type === 'LOC' && AFTER_PLACE_WORD.test(text.slice(Math.max(0, m.start - 40), m.start)));
  const after = places.filter((m) => m.start >= at);
  return after[0] ?? places[places.length - 1];
}

// "meeting in Tehran", "strike near the Iraqi border": the place follows a locative word ("prime minister of Kurdistan" is no place).
const AFTER_PLACE_WORD = /\b(?:in|near|at|inside|outside|over) (?:the )?(?:[a-z]+ ){0,3}$|(?:^|\s)(?:در|في|فی|قرب|نزدیک|داخل|بالقرب من)\s(?:[^\s⟦]+\s){0,2}$|(?:^|\s)ب$/u;

/** How far from the trigger (in characters) a name still counts as a participant. */
const WINDOW = 100;

/** People, organisations and acting states take part; a demonym qualifying a noun ("Iranian officials") or a place after "in" does not. */
function isParticipant(text: string, m: InputMention): boolean {
  if (m.type === 'MISC') return /s$/.test(m.text);
  if (m.type === 'LOC') return !/\b(?:in|near|at|inside|outside|over|of|from|to|into) (?:the )?(?:[a-z]+ ){0,3}$|(?:^|\s)(?:در|في|فی|قرب|نزدیک|داخل|از|من|إلى|الى|به)\s(?:[^\s]+\s){0,2}$/u.test(text.slice(Math.max(0, m.start - 40), m.start));
  return true;
}
