/**
 * ASCII folding with transliteration for the scripts our sources use: Latin diacritics, Arabic, Persian,
 * Urdu and Kurdish, Hebrew, Cyrillic and Greek. Scripts without a mapping (CJK, Thai, Korean ...) pass through lower-cased, so
 * two different names in them never collapse to the same empty string.
 *
 * The tables are written for this project from the standard romanisation conventions (no data copied).
 */

// Letters NFKD does not decompose.
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'ng', ħ: 'h', ŧ: 't',
};

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ј: 'j',
  љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz', қ: 'q', ұ: 'u', ү: 'u', ә: 'a', ғ: 'gh', ң: 'ng', ө: 'o', һ: 'h',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

// Consonants of Arabic, Persian, Urdu and Kurdish in the common English-press romanisation ("قاسم" -> "qasm").
// Short vowels are not written, so only keys that ignore vowels (name-key.ts) can match the Latin form.
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ؤ: 'u', ئ: 'i', ب: 'b', پ: 'p', ت: 't', ث: 'th', ج: 'j',
  چ: 'ch', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', ژ: 'zh', س: 's', ش: 'sh', ص: 's', ض: 'd',
  ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ک: 'k', گ: 'g', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  ة: 'a', ۀ: 'a', ى: 'a', ـ: '', '\u200c': '', '\u200d': '',
  ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ے: 'e', ھ: 'h', ۃ: 'a', // Urdu
  ێ: 'e', ۆ: 'o', ڕ: 'r', ڵ: 'l', ڤ: 'v', // Kurdish (Sorani)
};

// Hebrew, in the same spirit: consonants only, final forms folded.
const HEBREW: Record<string, string> = {
  א: 'a', ב: 'b', ג: 'g', ד: 'd', ה: 'h', ז: 'z', ח: 'kh', ט: 't', כ: 'k', ך: 'kh', ל: 'l', מ: 'm', ם: 'm',
  נ: 'n', ן: 'n', ס: 's', ע: '', פ: 'p', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k', ר: 'r', ש: 'sh', ת: 't',
};

// Letters that write either a consonant or a long vowel: [consonant, vowel].
const VOWEL_LETTERS: Record<string, [string, string]> = { و: ['w', 'u'], ي: ['y', 'i'], ی: ['y', 'i'], ו: ['v', 'u'], י: ['y', 'i'] };
const ABJAD_WORD = /[\u0590-\u05ff\u0600-\u06ff\u200c\u200d]+/gu;
const ABJAD_LETTER = /[\u0590-\u05ff\u0600-\u06ff]/u;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Reads و, ي (and Hebrew ו, י) as a consonant or a long vowel from their place in the word:
 * "وليد" -> "wlid", "حسين" -> "hsin", "أوتس" -> "auts", "يوسف" -> "yusf".
 */
function vowelLetter([consonant, vowel]: [string, string], before: string, last: boolean): string {
  const prev = before.at(-1);
  if (prev === undefined) return consonant;
  // After a word-initial alif the letter carries the vowel ("أو" is "o"), as it does after a consonant or at the end.
  if (last || before === 'a' || !/[aeiou]/.test(prev)) return vowel;
  return consonant;
}

/** Folds one Arabic- or Hebrew-script word. */
function foldAbjadWord(word: string): string {
  // "السيستاني" -> "al sistani": split the article so article stripping sees it.
  const body = word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
  let out = body === word ? '' : 'al ';
  const start = out.length;
  const chars = [...body];
  for (const [i, ch] of chars.entries()) {
    const both = VOWEL_LETTERS[ch];
    if ((ch === 'ع' || ch === 'ע') && out.length === start) out += 'a'; // word-initial ain reads as a vowel: "علي" -> "ali"
    else if (both) out += vowelLetter(both, out.slice(start), i === chars.length - 1);
    else if (/[\u0660-\u0669]/u.test(ch)) out += String(ch.charCodeAt(0) - 0x0660);
    else if (/[\u06f0-\u06f9]/u.test(ch)) out += String(ch.charCodeAt(0) - 0x06f0);
    else out += ARABIC[ch] ?? HEBREW[ch] ?? (ABJAD_LETTER.test(ch) ? '' : ch);
  }
  return out;
}

/** Lower-cases and folds text to ASCII where a mapping exists ("Ǧamāl" -> "gamal", "Путин" -> "putin", "قاسم" -> "qasm"). */
export function foldToAscii(text: string): string {
  // ASCII input (most English text) is unchanged by NFKC/NFKD and has no marks: lower-casing is the whole fold.
  if (ASCII.test(text)) return text.toLowerCase();
  const lower = text.normalize('NFKC').toLowerCase();
  // "نصر الله", "حزب الله": the name of God closes a compound written as one word in Latin ("Nasrallah").
  const abjadDone = ABJAD_LETTER.test(lower)
    ? lower.replace(ABJAD_WORD, (w) => (w === 'الله' ? '\u0000allah' : foldAbjadWord(w))).replace(/\s*\u0000/g, '')
    : lower;
  const bare = abjadDone.normalize('NFKD').replace(/\p{M}/gu, '');
  // Plain ASCII, the common case, needs no table.
  return ASCII.test(bare) ? bare : bare.replace(/[^\x00-\x7f]/gu, (ch) => LATIN_SPECIAL[ch] ?? CYRILLIC[ch] ?? GREEK[ch] ?? ch);
}
