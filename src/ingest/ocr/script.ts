/**
 * Which Tesseract model suits a page: the script from Tesseract's orientation and script detection (OSD), then Persian
 * or Arabic from a first Persian reading, since OSD calls both "Arabic".
 */

/** Script names OSD reports ("Script: Arabic"), or undefined when it found too few characters to say. */
export function osdScript(stdout: string): string | undefined {
  return stdout.match(/^Script:\s*(\S+)/m)?.[1];
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
