/**
 * Which Tesseract model suits a page, from a first reading with the Persian model: Latin text comes out of it as
 * digits and stray Latin letters, Arabic text with its own words and letters. (OSD, `--psm 0`, took longer than a
 * whole Persian reading of the same page and cannot tell Persian from Arabic, so it is not used.)
 */

// Arabic-script letters, without the Arabic-Indic and Persian digits (U+0660-0669, U+06F0-06F9) that the Persian
// model writes for Latin letters it cannot place ("۱6 1۳۵01 ۲۱۵۲" for "The cables describe").
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/gu;
const OTHER_CHAR = /[\p{L}\p{N}]/gu;

/** "arabic" when Arabic-script letters make most of the text's letters and digits, "latin" when they do not, "none" for no text. */
export function scriptOfReading(text: string): 'arabic' | 'latin' | 'none' {
  const all = text.match(OTHER_CHAR)?.length ?? 0;
  if (all === 0) return 'none';
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  return arabic >= all * 0.5 ? 'arabic' : 'latin';
}

// Once the Persian model has read a page, Arabic yeh/kaf come out in their Persian forms ("في" as "فی"), so letters
// that survive either model and frequent function words, both with yeh and kaf folded, decide.
// Arabic: "في من على إلى التي الذي أن عن كان هذا مع قال", ta marbuta "ة", and the article "ال" starting words.
const ARABIC_WORDS = new Set(['في', 'على', 'إلى', 'الى', 'التي', 'الذي', 'أن', 'ان', 'عن', 'كان', 'هذا', 'هذه', 'مع', 'قال', 'وقال', 'وفي', 'لم', 'قد']);
// Persian: "که است را این با از می های برای شد بود" and the letters پ چ ژ گ (absent from Arabic).
const PERSIAN_WORDS = new Set(['كه', 'است', 'را', 'اين', 'با', 'از', 'مي', 'هاي', 'براي', 'شد', 'بود', 'آن', 'ما', 'شده', 'كرد', 'نيز']);
const PERSIAN_ONLY_LETTERS = /[\u067E\u0686\u0698\u06AF]/gu;

/** "fas" or "ara" for Arabic-script OCR text; ties go to Persian, the collection's main language. */
export function persianOrArabic(text: string): 'fas' | 'ara' {
  const folded = text.replace(/\u06CC/g, '\u064A').replace(/\u06A9/g, '\u0643').replace(/\u0649/g, '\u064A');
  let arabic = (folded.match(/\u0629/g)?.length ?? 0) * 0.5;
  let persian = (folded.match(PERSIAN_ONLY_LETTERS)?.length ?? 0) * 0.5;
  for (const [word] of folded.matchAll(/[\u0621-\u06FF\u200C]+/gu)) {
    if (ARABIC_WORDS.has(word)) arabic += 1;
    else if (PERSIAN_WORDS.has(word)) persian += 1;
    // The article: common in Persian loans too ("الله", "بین‌المللی"), so it counts for less than a function word.
    if (word.startsWith('ال') || word.startsWith('وال')) arabic += 0.3;
  }
  return arabic > persian * 1.5 ? 'ara' : 'fas';
}
