/**
 * Names across scripts: a Persian or Arabic name against a Latin one ("قاسم سلیمانی" / "Qassem Soleimani",
 * "ایران" / "Iran", "وزارت اطلاعات" / "Ministry of Intelligence"). People and the words of names are compared by the
 * learned transliteration model (translit/), countries through the country table, organisation head words through
 * their translations (head-words.ts). Every decision carries the rule "cross-script" (a country clash is "guard-place").
 */
import type { EntityType } from '../model/index.js';
import { latinCountry, nativeCountry } from './countries-native.js';
import { englishConcept, FUNCTION_WORDS, nativeConcepts } from './head-words.js';
import { normalizeName } from './normalize.js';
import { arabicLetters, isArabicScript, latinLetters, loadTranslitModel, type TranslitModel } from './translit/index.js';
import { arabicSkeletons, latinSkeletons } from './translit/prefilter.js';
import type { NameScore } from './types.js';

/** The rule name merges across scripts carry. */
export const CROSS_SCRIPT_RULE = 'cross-script';

// A word pair is one name when the model's per-letter ratio is at least HIGH, or at least LOW with one consonant
// skeleton (measured on the names-* dev splits with scripts/eval-names.ts: hard negatives are near spellings).
const HIGH = 1.3;
const LOW = 0.6;
// An organisation or place compared as one string when its words break differently in the two scripts.
const WHOLE_NAME_RATIO = 1.5;

// Titles before Persian and Arabic names ("سردار قاسم سلیمانی", "آیت‌الله علی خامنه‌ای", "اللواء ..."): generic words.
const NATIVE_TITLES = new Set([
  'سردار', 'سرلشکر', 'سرتیپ', 'سرهنگ', 'سرلشگر', 'ژنرال', 'آیت‌الله', 'آیت\u200cالله', 'آیتالله', 'حجت‌الاسلام', 'دکتر', 'دكتور', 'الدكتور',
  'شیخ', 'الشيخ', 'اللواء', 'العميد', 'الفريق', 'العقيد', 'الرئيس', 'رئیس‌جمهور', 'آقای', 'خانم', 'السيد', 'السيدة', 'الجنرال', 'سيد',
  'حاج', 'الحاج', 'امام', 'الإمام',
]);
// Arabic articles as Latin spellings write them, joined to the next word ("al-Muhandis" is one word: "المهندس").
const LATIN_ARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ed', 'er', 'es', 'ez']);

/** A word of a Latin name against one of an Arabic-script name: the ratio and whether it counts as one spelling. */
function wordScore(model: TranslitModel, letters: readonly string[], latin: string, bare?: string): { ratio: number; ok: boolean } {
  const ratio = model.ratio(letters, latin);
  const ok = (ratio >= HIGH || (ratio >= LOW && sameSkeleton(model, letters, latin))) && vowelsAligned(model, letters, latin);
  if (ok) return { ratio, ok };
  // Persian writes Arab family names without the article Latin keeps ("جعفری" / "al-Jaafari", "مالکی" / "al-Maliki").
  const article = letters[0] === 'ا' && letters[1] === 'ل';
  if (bare !== undefined && !article) {
    const other = wordScore(model, letters, bare);
    if (other.ok) return other;
  }
  // And Latin writes Arab place names without the Arabic article ("البصرة" / "Basra", "الأعظمية" / "Adhamiya"); the
  // stronger ratio asked, as near spellings ("الحكيم" / "Akeem") pass the weaker one.
  if (article && letters.length > 4 && !/^(?:al|el)/.test(latin)) {
    const other = wordScore(model, letters.slice(2), latin);
    if (other.ok && other.ratio >= HIGH) return other;
  }
  // A final ya Persian writes for the alif maqsura it reads as "a" ("مصطفی" for "مصطفى", Mustafa; "موسی", Musa).
  if (PERSIAN_FINAL_YEH.has(letters)) {
    const other = wordScore(model, [...letters.slice(0, -1), 'ى'], latin, bare);
    if (other.ok) return other;
  }
  return { ratio, ok };
}

// Words written with a Persian final yeh (ی), which may stand for the alif maqsura (an Arabic ى read as "a").
const PERSIAN_FINAL_YEH = new WeakSet<readonly string[]>();

/** An Arabic-script word as the model's letters, marked when Persian ends it with ی. */
function wordLetters(word: string): string[] {
  const letters = arabicLetters(word);
  if (word.endsWith('ی') && letters.length > 2) PERSIAN_FINAL_YEH.add(letters);
  return letters;
}

/** Whether the consonant-class skeletons of the two words can be one ("جواد" / "Javad", "خامنه‌ای" / "Khamenei"). */
function sameSkeleton(model: TranslitModel, letters: readonly string[], latin: string): boolean {
  const latinSet = latinSkeletons(latin);
  return arabicSkeletons(model, letters).some((s) => latinSet.includes(s));
}

// What a long-vowel letter after the first must write in Latin: "و" a back vowel or w/v, "ي" a front vowel or y, "ا" a
// vowel, "ى" (alif maqsura) a or i.
const LONG_VOWEL_SPELLING: Record<string, RegExp> = { و: /[ouwv]/, ي: /[iey]/, ا: /[aeo]/, ى: /[aiy]/ };
// Letters that may write a vowel: a Latin diphthong or long vowel ("ei", "ou", "ee") needs one of them.
const VOWEL_WRITING = new Set(['ا', 'أ', 'إ', 'آ', 'و', 'ي', 'ى', 'ة', 'ئ', 'ؤ', 'ع', 'ء', 'ه']);

/**
 * Checks the likeliest alignment for the long vowels: a long vowel the Arabic writes after its first letter shows in
 * the Latin ("محمود" is not "Mohammad": و would write "a"), and a Latin run of two vowels ("ei", "ou", "ee") has a
 * letter behind it, not only vowels inserted between consonants ("حسن" is not "Hussein").
 */
function vowelsAligned(model: TranslitModel, letters: readonly string[], latin: string): boolean {
  const path = model.viterbi(letters, latin);
  if (!path) return false;
  let origin = '';
  for (const [i, step] of path.entries()) {
    const l = letters[i]!;
    const spelling = LONG_VOWEL_SPELLING[l];
    if (i > 0 && spelling && !spelling.test(step.core)) return false;
    origin += (VOWEL_WRITING.has(l) ? 'L' : 'c').repeat(step.core.length) + 'c'.repeat(step.inserted.length);
  }
  for (const m of latin.matchAll(/[aeiouy]{2,}/g)) {
    if (!origin.slice(m.index, m.index + m[0].length).includes('L')) return false;
  }
  return true;
}

/** Arabic-script name words as letters, leading titles removed while two words remain. */
function arabicWords(name: string): string[][] {
  const words = name.split(/[\s،,\-_]+/u).filter((w) => w !== '');
  // English "The" written out ("ذا إنترسبت", "ذا غارديان" for The Intercept, The Guardian), as Latin's "the" is left out.
  if (words.length > 1 && words[0] === 'ذا') words.shift();
  while (words.length > 2 && NATIVE_TITLES.has(words[0]!)) words.shift();
  // "نصر الله", "عبد الله": Latin writes a name ending in the name of God as one word ("Nasrallah", "Abdullah").
  const joined: string[] = [];
  for (const w of words) {
    // "عبد المهدي" is one name, "Abdul Mahdi" in Latin (the article goes with "Abd"): compared as one word.
    // A kunya is written apart in Arabic ("أبو مهدي") and often joined in Persian ("ابومهدی"): always one word here.
    if ((w === 'الله' || joined.at(-1) === 'عبد' || KUNYA_ARABIC.has(joined.at(-1)!)) && joined.length > 0) joined[joined.length - 1] += w;
    else joined.push(w);
  }
  return joined.map(wordLetters).filter((w) => w.length > 0);
}

// Latin spellings of "Abd" ("servant of"), with or without the article written onto it.
const ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdu', 'abdoul', 'abdil']);
// "Father of" / "mother of" opening a kunya ("Abu Mahdi", "Umm Kulthum"), joined to the next word on both sides.
const KUNYA_ARABIC = new Set(['أبو', 'ابو', 'أبي', 'ابي', 'ابی', 'أبا', 'ابا', 'أم', 'ام']);
const KUNYA_LATIN = new Set(['abu', 'abou', 'abo', 'abi', 'aba', 'umm', 'um', 'oum', 'om']);

/** Latin name words as a-z, English titles removed (normalizeName), articles joined to the word after them. */
function latinWords(name: string, type: EntityType, articled?: Map<string, string>): string[] {
  const words = normalizeName(name, type).split(' ').map(latinLetters).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (LATIN_ARTICLES.has(w) && i + 1 < words.length && (type === 'PERSON' || w === 'al' || w === 'el')) {
      out.push(`${w}${words[i + 1]}`);
      // The word without its article ("al-Jaafari" -> "jaafari"), for Persian spellings that leave it out.
      if (w === 'al' || w === 'el') articled?.set(`${w}${words[i + 1]}`, words[i + 1]!);
      i++;
    } else out.push(w);
  }
  // "Abdul Mahdi", "Abd al-Mahdi", "Abdel Mahdi": one name, as the Arabic side joins "عبد المهدي".
  // The article is written "al" most often, so "Abdul" and "Abdel" are compared as "abdal".
  for (let i = out.length - 2; i >= 0; i--) if (ABD.has(out[i]!)) out.splice(i, 2, `${out[i] === 'abd' ? 'abd' : 'abdal'}${out[i + 1]}`);
  if (type === 'PERSON') for (let i = out.length - 2; i >= 0; i--) if (KUNYA_LATIN.has(out[i]!)) out.splice(i, 2, `${out[i]}${out[i + 1]}`);
  return out;
}

/** Maps the smallest ratio of matched words to a score at or above 0.86, the stronger the ratio the higher. */
const fromRatio = (ratio: number): number => 0.86 + 0.12 * Math.max(0, Math.min(1, (ratio - LOW) / (2 - LOW)));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * People, places and other names by transliteration, word for word in order; an extra given or middle name on
 * either side is allowed for people (at a small cost), as long as the family names (last words) match.
 */
function byTransliteration(model: TranslitModel, arabic: string, latin: string, type: EntityType): NameScore {
  const ar = arabicWords(arabic);
  const articled = new Map<string, string>();
  const la = latinWords(latin, type, articled);
  if (ar.length === 0 || la.length === 0) return { score: 0, rule: CROSS_SCRIPT_RULE };
  // One word on one side and several on the other: compare as one string ("حزب الله" / "Hezbollah").
  if ((ar.length === 1) !== (la.length === 1)) {
    const s = wordScore(model, ar.flat(), la.join(''));
    // A one-word Persian or Arabic person against a longer Latin name is a family name alone, not the person.
    return s.ok && (ar.length > 1 || type !== 'PERSON')
      ? { score: round3(fromRatio(s.ratio) - 0.02), rule: CROSS_SCRIPT_RULE }
      : { score: round3(Math.min(0.6, Math.max(0, 0.3 + s.ratio / 5))), rule: CROSS_SCRIPT_RULE };
  }
  const [short, long, arabicShort] = ar.length <= la.length ? [ar, la, true] : [la, ar, false];
  const pair = (s: number, l: number) => (arabicShort
    ? wordScore(model, short[s] as string[], long[l] as string, articled.get(long[l] as string))
    : wordScore(model, long[l] as string[], short[s] as string, articled.get(short[s] as string)));
  // Order-preserving alignment of every short word to a long word; the last words must pair up.
  const extra = long.length - short.length;
  // Word breaks differ between the scripts in transliterated names ("نيويورك تايمز" / "New York Times"): compared whole.
  // Loanwords write vowels loosely ("تايمز": ا and ي for the "i" of "Times"), so the long-vowel check is left out and a
  // stronger ratio asked instead.
  const whole = (): NameScore => {
    const ratio = model.ratio(ar.flat(), la.filter((w) => w !== 'the').join(''));
    return { score: ratio >= WHOLE_NAME_RATIO ? round3(fromRatio(ratio) - 0.02) : 0.5, rule: CROSS_SCRIPT_RULE };
  };
  if (extra > 0 && type !== 'PERSON') return whole();
  let best: number[] | null = null;
  let bestMin = -Infinity;
  const choose = (s: number, from: number, picked: number[], worst: number): void => {
    if (s === short.length) {
      if (picked.at(-1) === long.length - 1 && worst > bestMin) [best, bestMin] = [picked, worst];
      return;
    }
    for (let l = from; l <= long.length - (short.length - s); l++) {
      const r = pair(s, l);
      if (r.ok) choose(s + 1, l + 1, [...picked, l], Math.min(worst, r.ratio));
    }
  };
  choose(0, 0, [], Infinity);
  if (best === null) return type === 'PERSON' ? { score: 0.5, rule: CROSS_SCRIPT_RULE } : whole();
  let score = fromRatio(bestMin) - 0.03 * extra;
  // A lone word against a longer name is a partial name, not evidence across documents (as in match.ts).
  if (short.length === 1 && extra > 0) score = Math.min(score, 0.75);
  return { score: round3(score), rule: CROSS_SCRIPT_RULE };
}

/** Kuhn's augmenting paths: whether every left word finds its own right word among those it may pair with. */
function perfectMatching(edges: number[][], right: number): boolean {
  const owner = new Array<number>(right).fill(-1);
  const tryLeft = (l: number, seen: boolean[]): boolean => {
    for (const r of edges[l] ?? []) {
      if (seen[r]) continue;
      seen[r] = true;
      if (owner[r] === -1 || tryLeft(owner[r]!, seen)) {
        owner[r] = l;
        return true;
      }
    }
    return false;
  };
  return edges.every((_, l) => tryLeft(l, new Array<boolean>(right).fill(false))) && owner.every((o) => o !== -1);
}

/**
 * Organisations (and places with generic words): every word on each side pairs with one on the other, head words
 * by translation ("وزارت" / "Ministry"), the others by transliteration ("قدس" / "Quds"). Null when the Persian or
 * Arabic name has no head word, so it is compared by transliteration alone.
 */
function byHeadWords(model: TranslitModel, arabic: string, latin: string, type: EntityType): NameScore | null {
  const ar = arabic.split(/[\s،,]+/u).filter((w) => w !== '' && !FUNCTION_WORDS.has(w));
  const la = normalizeName(latin, type).split(' ').filter((w) => w !== '' && !FUNCTION_WORDS.has(w));
  const concepts = ar.map(nativeConcepts);
  if (concepts.every((c) => c.length === 0) || ar.length !== la.length) return concepts.some((c) => c.length > 0) ? { score: 0.4, rule: CROSS_SCRIPT_RULE } : null;
  let worst = 2;
  const edges = ar.map((w, i) => {
    const cs = concepts[i]!;
    const out: number[] = [];
    la.forEach((l, j) => {
      const concept = englishConcept(l);
      if (concept !== undefined) {
        if (cs.includes(concept)) out.push(j);
        return;
      }
      if (cs.length > 0) return;
      const s = wordScore(model, arabicLetters(w.startsWith('ال') && w.length > 3 ? w.slice(2) : w), latinLetters(l));
      if (s.ok) {
        out.push(j);
        worst = Math.min(worst, s.ratio);
      }
    });
    return out;
  });
  return perfectMatching(edges, la.length) ? { score: round3(Math.max(0.88, fromRatio(worst))), rule: CROSS_SCRIPT_RULE } : { score: 0.4, rule: CROSS_SCRIPT_RULE };
}

/**
 * Scores a Persian or Arabic name against a Latin one; null when the pair is not one of each script (or no model
 * is installed), so the ordinary rules apply.
 */
export function scoreCrossScript(a: string, b: string, type: EntityType): NameScore | null {
  const [aArabic, bArabic] = [isArabicScript(a), isArabicScript(b)];
  if (aArabic === bArabic) return null;
  const [arabic, latin] = aArabic ? [a, b] : [b, a];
  if (!/[A-Za-z]/.test(latin) || isArabicScript(latin)) return null;
  const model = loadTranslitModel();
  if (!model) return null;
  if (type !== 'PERSON') {
    const [na, la] = [nativeCountry(arabic), latinCountry(latin)];
    if (na !== null && la !== null) return na === la ? { score: 1, rule: CROSS_SCRIPT_RULE } : { score: 0, rule: type === 'LOC' ? 'guard-place' : CROSS_SCRIPT_RULE };
    if (na !== null || la !== null) return { score: 0, rule: CROSS_SCRIPT_RULE };
    const heads = byHeadWords(model, arabic, latin, type);
    // A name whose generic word is part of a transliterated whole ("حزب الله" / "Hezbollah") is tried as spelled too.
    if (heads && heads.score >= 0.85) return heads;
    const spelled = byTransliteration(model, arabic, latin, type);
    return heads && heads.score > spelled.score ? heads : spelled;
  }
  return byTransliteration(model, arabic, latin, type);
}

/**
 * Blocking keys that let a Persian or Arabic name meet its Latin spellings: the consonant-class skeleton of the whole
 * name ("قاسم سلیمانی" and "Qassem Soleimani" -> "xs:KSMSLMN"), the country ("xc:Iran") and, for organisations,
 * the sorted head-word concepts and skeletons of the other words ("xo:intelligence ministry").
 */
export function crossScriptKeys(name: string, type: EntityType): string[] {
  const model = loadTranslitModel();
  if (!model) return [];
  const arabic = isArabicScript(name);
  const keys: string[] = [];
  if (type !== 'PERSON') {
    const country = arabic ? nativeCountry(name) : latinCountry(name);
    if (country !== null) return [`xc:${country}`];
  }
  // Word by word, then every combination of the words' variants (two at most per word, rarely more than one).
  const variants = arabic
    ? arabicWords(name).map((w) => arabicSkeletons(model, w.length > 3 && w[0] === 'ا' && w[1] === 'ل' ? w.slice(2) : w))
    : latinWords(name, type).map((w) => latinSkeletons(/^(?:al|el)(?=\w{3})/.test(w) ? w.slice(2) : w));
  let skeletons = [''];
  for (const v of variants.slice(0, 6)) skeletons = skeletons.flatMap((s) => v.map((x) => `${s}${x}`)).slice(0, 4);
  for (const s of skeletons) if (s.length >= 2) keys.push(`xs:${s}`);
  if (type !== 'PERSON') {
    // Each word gives its concepts (a Persian or Arabic word may have two: "سپاه" is guard or corps), or its skeleton;
    // a key is one choice per word, as a sorted set, so "سپاه پاسداران انقلاب اسلامی" meets "Islamic Revolutionary Guard Corps".
    const options = arabic
      ? name.split(/[\s،,]+/u).filter((w) => w !== '' && !FUNCTION_WORDS.has(w)).map((w) => {
        const concepts = nativeConcepts(w);
        return concepts.length > 0 ? concepts : [arabicSkeletons(model, arabicLetters(w.replace(/^ال(?=..)/u, '')))[0]!];
      })
      : normalizeName(name, type).split(' ').filter((w) => w !== '' && !FUNCTION_WORDS.has(w)).map((w) => [englishConcept(w) ?? latinSkeletons(latinLetters(w))[0]!]);
    let choices: string[][] = [[]];
    for (const o of options) choices = choices.flatMap((c) => o.map((x) => [...c, x])).slice(0, 4);
    for (const c of choices) if (c.some((w) => /^[a-z]/.test(w))) keys.push(`xo:${[...new Set(c)].sort().join(' ')}`);
  }
  return keys;
}

/** True for a blocking key that only pairs names across scripts (see crossScriptKeys). */
export function isCrossScriptKey(key: string): boolean {
  return /\|x[sco]:/.test(key);
}
