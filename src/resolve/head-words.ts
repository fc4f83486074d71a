/**
 * Generic words of organisation and place names in Persian, Arabic and English, by concept: how "وزارت اطلاعات" meets
 * "Ministry of Intelligence" and "الحرس الثوري" meets "Revolutionary Guard". Only common vocabulary (no entity's name);
 * name words outside the table are compared by transliteration.
 */

// [concept, English forms, Persian and Arabic forms (without the Arabic article, which is stripped first)].
const TABLE: [string, string[], string[]][] = [
  ['ministry', ['ministry', 'ministries'], ['وزارت', 'وزارة', 'وزاره']],
  ['intelligence', ['intelligence'], ['اطلاعات', 'استخبارات', 'مخابرات']],
  ['security', ['security'], ['امنیت', 'امنيت', 'أمن', 'امن', 'امنیتی', 'أمنية', 'امنية']],
  ['army', ['army'], ['ارتش', 'جيش', 'جیش']],
  ['party', ['party'], ['حزب']],
  ['guard', ['guard', 'guards', 'guardians'], ['سپاه', 'حرس', 'پاسداران', 'پاسدار']],
  ['corps', ['corps'], ['سپاه', 'فيلق']],
  ['revolution', ['revolution', 'revolutionary'], ['انقلاب', 'ثورة', 'ثوري', 'ثورية', 'انقلابی']],
  ['islamic', ['islamic'], ['اسلامی', 'اسلامي', 'إسلامي', 'إسلامية', 'اسلامية']],
  ['defence', ['defence', 'defense'], ['دفاع']],
  ['foreign', ['foreign'], ['خارجه', 'خارجية', 'خارجیه']],
  ['interior', ['interior'], ['کشور', 'داخلية']],
  // "سپاه" and "فيلق" are an army or a force as well as a corps: "سپاه قدس", "فيلق القدس" are the Quds Force.
  ['force', ['force', 'forces'], ['نیروی', 'نیرو', 'نيروي', 'قوة', 'قوات', 'قوه', 'سپاه', 'فيلق', 'فیلق']],
  ['university', ['university'], ['دانشگاه', 'جامعة']],
  ['bank', ['bank'], ['بانک', 'بانك', 'بنك', 'مصرف']],
  ['company', ['company', 'co'], ['شرکت', 'شركت', 'شركة']],
  ['organization', ['organization', 'organisation'], ['سازمان', 'منظمة', 'منظمه']],
  ['parliament', ['parliament'], ['مجلس', 'برلمان']],
  ['council', ['council'], ['شورای', 'شورا', 'مجلس', 'شوری']],
  ['government', ['government'], ['دولت', 'حكومة', 'حکومت']],
  ['police', ['police'], ['پلیس', 'شرطة', 'شرطه']],
  ['court', ['court'], ['دادگاه', 'محكمة', 'محکمه']],
  ['office', ['office'], ['دفتر', 'مكتب']],
  ['command', ['command', 'headquarters'], ['فرماندهی', 'قيادة', 'قرارگاه']],
  ['division', ['division'], ['لشکر', 'فرقة']],
  ['brigade', ['brigade', 'brigades'], ['تیپ', 'لواء', 'كتائب', 'کتائب', 'كتيبة']],
  ['republic', ['republic'], ['جمهوری', 'جمهورية', 'جمهوريه']],
  ['national', ['national'], ['ملی', 'ملي', 'وطني', 'وطنية']],
  ['supreme', ['supreme', 'high'], ['عالی', 'عالي', 'أعلى', 'اعلى', 'علیا']],
  ['oil', ['oil', 'petroleum'], ['نفت', 'نفط']],
  ['embassy', ['embassy'], ['سفارت', 'سفارة']],
  ['consulate', ['consulate'], ['کنسولگری', 'قنصلية']],
  ['agency', ['agency'], ['خبرگزاری', 'وكالة', 'آژانس']],
  ['news', ['news'], ['خبرگزاری', 'أنباء', 'انباء', 'اخبار']],
  ['committee', ['committee', 'commission'], ['کمیته', 'کمیسیون', 'لجنة', 'هیئت', 'هيئة']],
  ['union', ['union'], ['اتحادیه', 'اتحاد']],
  ['front', ['front'], ['جبهه', 'جبهة']],
  ['movement', ['movement'], ['جنبش', 'حركة', 'حرکت']],
  ['center', ['center', 'centre'], ['مرکز', 'مركز']],
  ['popular', ['popular'], ['شعبي', 'شعبية', 'مردمی']],
  ['mobilization', ['mobilization', 'mobilisation'], ['حشد', 'بسیج']],
  ['resistance', ['resistance'], ['مقاومت', 'مقاومة']],
  ['affairs', ['affairs'], ['امور', 'شؤون']],
  ['general', ['general'], ['کل', 'عام', 'العامة', 'عامة']],
  ['staff', ['staff'], ['ستاد', 'أركان', 'اركان']],
  ['armed', ['armed'], ['مسلح', 'مسلحه', 'مسلحة']],
  ['navy', ['navy', 'naval'], ['دریایی', 'نیروی دریایی', 'بحرية']],
  ['air', ['air'], ['هوایی', 'جوية', 'هوائية']],
];

/** Words an organisation name in any of the scripts may carry without meaning: "of", "the", "and", Persian "و". */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'al', 'el', 'و', 'في', 'در', 'به', 'لل']);

const BY_ENGLISH = new Map<string, string>();
const BY_NATIVE = new Map<string, string[]>();
for (const [concept, english, native] of TABLE) {
  for (const e of english) BY_ENGLISH.set(e, concept);
  for (const n of native) BY_NATIVE.set(n, [...(BY_NATIVE.get(n) ?? []), concept]);
}

/** The concept of an English word ("ministries" -> "ministry"), if it is a generic head word. */
export function englishConcept(word: string): string | undefined {
  return BY_ENGLISH.get(word.toLowerCase());
}

/**
 * The concepts a Persian or Arabic word can stand for ("وزارت" -> ["ministry"], "مجلس" -> ["parliament", "council"]);
 * the Arabic article and a Persian ezafe "ی" written on the word are tried off too ("الحرس" -> guard).
 */
export function nativeConcepts(word: string): string[] {
  const bare = word.replace(/[\u064b-\u065f\u0640\u200c]/gu, '').replace(/ي/g, 'ی').replace(/ك/g, 'ک');
  const forms = [word, bare];
  for (const f of [word, bare]) if (f.length > 3 && f.startsWith('ال')) forms.push(f.slice(2));
  for (const f of [...forms]) if (f.length > 3 && (f.endsWith('ی') || f.endsWith('ي'))) forms.push(f.slice(0, -1));
  for (const f of forms) {
    const hit = BY_NATIVE.get(f) ?? BY_NATIVE.get(f.replace(/ی/g, 'ي').replace(/ک/g, 'ك'));
    if (hit) return hit;
  }
  return [];
}
