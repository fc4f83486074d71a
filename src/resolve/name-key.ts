/**
 * Transliteration-aware keys for blocking candidate pairs: consonant skeletons in which the spellings a
 * name takes in English, French and German romanisations of Arabic and Persian fold together
 * ("Qassem", "Qasem", "Ghasem" -> "ksm"; "Kataeb", "Kataib" -> "ktb"; "Nechervan", "Nechirvan" -> "nCrvn").
 */
import type { EntityType } from '../model/index.js';
import { normalizeName } from './normalize.js';
import { ORG_DESIGNATORS } from './titles.js';
import { memoizeString } from './memo.js';

// Applied in order, so longer spellings are rewritten before their parts ("sch" before "sh" before "h").
const CONSONANT_FOLDS: [RegExp, string][] = [
  [/x/g, 'ks'], // "Alexander" / "Aleksandr"
  [/sch/g, 'sh'], // German "Schah" / "Shah"
  [/tch/g, 'ch'],
  [/dj/g, 'j'], // French "Djafar" / "Jafar"
  [/zh/g, 'j'],
  [/kh/g, 'x'], // "Khamenei": keep apart from plain k
  [/gh|ck|q|g|c(?!h)/g, 'k'], // "Ghasem" / "Qasem" / "Kasem"; "Iraq" / "Irak"; "Baghdad" / "Bagdad"
  [/ph/g, 'f'],
  [/dh/g, 'z'], // "Kadhimi" / "Kazimi"
  [/th/g, 't'], // "Othman" / "Otman"
  [/sh/g, 'S'], // "sh" and "ch" are one consonant each; upper case keeps them apart from s + h
  [/ch/g, 'C'],
  [/w/g, 'v'], // Persian "Nechirvan", Arabic "Walid" / "Valid"
];

// After the consonant folds: vowels dropped, doubled letters single.
const VOWEL_FOLDS: [RegExp, string][] = [
  [/(?<=[aeiouy])h$/g, ''], // "Abdullah" / "Abdulla", "Hamzah" / "Hamza"
  [/^y(?=[aeiou])/g, 'Y'], // "Yasin": initial y before a vowel is a consonant
  [/^[aeiouy]+/g, 'A'], // "Omar" / "Umar": keep that the name starts with a vowel, not which
  [/[aeiouy]/g, ''],
  [/(.)\1+/g, '$1'], // "Qassem" / "Qasem", "Hezbollah" / "Hezbolah"
];
const ALL_FOLDS = [...CONSONANT_FOLDS, ...VOWEL_FOLDS];

/** Consonant skeleton of one lower-case ASCII word ("qassem" -> "ksm", "soleimani" -> "slmn", "iraq" -> "ark"). */
export const tokenKey: (word: string) => string = memoizeString((word) => {
  if (/^\d+$/.test(word)) return word;
  let key = word;
  for (const [pattern, replacement] of ALL_FOLDS) key = key.replace(pattern, replacement);
  return key;
});

// Definite articles of Arabic in their romanised forms, including the sun-letter assimilations ("ash-Shami").
const PLAIN_ARTICLES = new Set(['al', 'el', 'ul', 'il']);
const SUN_ARTICLES = new Set(['ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'adh', 'ath', 'ez', 'es', 'ed', 'er', 'en']);
// "Abdul-Mahdi", "Abdel Mahdi", "Abd al-Mahdi" are one name: the "servant of" particle in its spellings.
// "Abdullah" itself stays whole.
const ABD_FORMS = /^(abdul|abdel|abdol|abdal|abdoul|abdil)(?=\w{3,})(?!l?lah$)/;

/** Name words without articles, "abd" particles split off, for person and place names. */
export function nameWords(norm: string, type: EntityType | undefined): string[] {
  const words = norm.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  words.forEach((w, i) => {
    const isLast = i === words.length - 1;
    // Sun-letter articles are also English words ("as", "at", "an"); only drop them inside person names.
    if (!isLast && PLAIN_ARTICLES.has(w)) return;
    if (!isLast && type === 'PERSON' && SUN_ARTICLES.has(w)) return;
    if (/^(abdul|abdel|abdol|abdal|abdoul|abdil)$/.test(w)) return void out.push('abd');
    const m = ABD_FORMS.exec(w);
    if (m) out.push('abd', w.slice(m[0].length));
    else out.push(w);
  });
  return out;
}

/** Organisation words with designators dropped and plurals folded ("revolutionary guards corps" -> ["revolutionary", "guard"]). */
export function orgWords(norm: string): string[] {
  const words = norm.split(' ').filter((w) => w !== '' && !ORG_DESIGNATORS.has(w));
  return words.map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Words of a normalised name as the matcher compares them, by type. */
export function comparableWords(norm: string, type: EntityType | undefined): string[] {
  // Only the plain article: sun-letter forms ("as", "an", "at") are words or legal forms in company names.
  const words = type === 'ORG' ? orgWords(norm).filter((w) => !PLAIN_ARTICLES.has(w)) : nameWords(norm, type);
  const joined = joinAllah(words);
  return joined.length > 0 ? joined : norm.split(' ').filter((w) => w !== '');
}

/** Writes "X Allah" as one word, as Latin spellings usually do: "Hizb Allah" -> "hizballah", "Abd Allah" -> "abdallah". */
function joinAllah(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const prev = out.at(-1);
    if (prev !== undefined && /^(?:allah|ullah|ollah)$/.test(w)) out[out.length - 1] = `${prev}${w}`;
    else out.push(w);
  }
  return out;
}

/** Skeleton key of a whole name, word order kept ("Qassem Soleimani" -> "ksm slmn"). */
export function nameKey(name: string, type?: EntityType): string {
  return comparableWords(normalizeName(name, type), type).map(tokenKey).join(' ');
}

/**
 * Keys under which a name is filed for candidate-pair blocking: the ordered skeleton, the sorted skeleton
 * (reordered names), the joined skeleton ("VladimirPutin"), a loose skeleton for Arabic script and, for
 * people, the family-name skeleton.
 * Pairs sharing no key are never compared.
 */
export function blockingKeys(name: string, type?: EntityType): string[] {
  const keys = comparableWords(normalizeName(name, type), type).map(tokenKey).filter((k) => k !== '');
  if (keys.length === 0) return [];
  // The loose key pairs Arabic-script spellings with Latin ones ("نيجيرفان" / "Nechirvan").
  const out = new Set([keys.join(' '), [...keys].sort().join(' '), keys.join(''), `loose:${looseKey(keys.join(''))}`]);
  const last = keys.at(-1);
  if (type === 'PERSON' && last !== undefined && last.length >= 3) out.add(`last:${last}`);
  return [...out];
}

// Vowel classes of romanised Arabic and Persian: "o" and "u" write one vowel (damma), "i", "ee" and "y"
// another (kasra), diphthongs "ai", "ay", "ei" a third; "e" stands for any of them (Persian and French
// spellings), so it is compatible with every class.
const VOWEL_CLASS: [RegExp, string][] = [
  [/^(?:ai|ay|ei|ey|ae|aye|ie|ea)$/, 'D'],
  [/^(?:o|u|oo|ou|uu|ow|oe)$/, 'U'],
  [/^(?:i|ee|ii|y|iy|yi)$/, 'I'],
  [/^(?:a|aa|ah)$/, 'A'],
  [/^e+$/, '*'],
];

/**
 * Where a word's vowels sit among its consonants, as C/V runs after the consonant folds ("hamdi" -> "CVCCV",
 * "hamid" -> "CVCVC", "qassem" and "qasem" -> "CVCVC"): spellings of one name keep it, different names with
 * one skeleton often do not.
 */
export const vowelShape: (word: string) => string = memoizeString((word) => {
  let w = word;
  for (const [pattern, replacement] of CONSONANT_FOLDS) w = w.replace(pattern, replacement);
  w = w.replace(/^y(?=[aeiou])/, 'Y').replace(/(.)\1+/g, '$1');
  return w.replace(/[aeiouy]+/g, 'V').replace(/[^V]/g, 'C');
});

/** Vowel groups of a word as classes ("hassan" -> "AA", "hussein" -> "UD", "hosein" -> "UD"). */
export const vowelPattern: (word: string) => string = memoizeString((word) => {
  const groups = word.replace(/^y(?=[aeiou])/, '').match(/[aeiouy]+/g) ?? [];
  return groups.map((g) => VOWEL_CLASS.find(([r]) => r.test(g))?.[1] ?? '*').join('');
});

/**
 * Whether two words with one consonant skeleton can be spellings of one name: vowel groups pair up by
 * class, one clash allowed per three groups ("Hezbollah" / "Hizballah"), in the same places among the
 * consonants. Keeps "Hassan" apart from "Hussein", "Mahmoud" from "Mohammad" and "Hamdi" from "Hamid",
 * which share skeletons.
 */
export function vowelsCompatible(a: string, b: string): boolean {
  // A silent final "e" of French and English spellings is no vowel ("Poutine" / "Putin").
  const silent = (x: string, y: string): string => (/[^aeiouy]e$/.test(x) && /[^aeiouy]$/.test(y) ? x.slice(0, -1) : x);
  [a, b] = [silent(a, b), silent(b, a)];
  const [pa, pb] = [vowelPattern(a), vowelPattern(b)];
  if (pa.length !== pb.length || vowelShape(a) !== vowelShape(b)) return false;
  let clashes = 0;
  for (let i = 0; i < pa.length; i++) {
    const [x, y] = [pa[i], pb[i]];
    const ok = x === y || x === '*' || y === '*' || (x === 'D' && y === 'I') || (x === 'I' && y === 'D');
    if (!ok) clashes++;
  }
  return clashes <= Math.floor(pa.length / 3);
}

/**
 * A looser skeleton for comparing an Arabic-script name with a Latin one: Arabic writes "p" as b, "v" as f,
 * "ch" as tsh and English "s" often stands for z ("أندروز" / "Andrews", "أبسون" / "Upson").
 */
export function looseKey(key: string): string {
  return key.replace(/p/g, 'b').replace(/v/g, 'f').replace(/z/g, 's').replace(/tS|C|j/g, 'k');
}

const ARABIC_VOWEL_SPELLINGS: Record<string, string> = { a: 'ae', i: 'iey', u: 'uo' };

/**
 * Whether the long vowels an Arabic-script spelling writes (alif, waw, ya) appear, in order, among a Latin
 * spelling's vowels: "حسين" ("hsin") fits "Hussein" but not "Hassan". The first letter is skipped, since a
 * word-initial alif or ain carries any vowel ("عمر" / "Omar").
 */
export function arabicVowelsFit(arabicFolded: string, latin: string): boolean {
  const written = (arabicFolded.slice(1).match(/[aiu]/g) ?? []).filter((v, i, all) => v !== all[i - 1]);
  const vowels = latin.match(/[aeiouy]/g) ?? [];
  let j = 0;
  for (const v of written) {
    while (j < vowels.length && !(ARABIC_VOWEL_SPELLINGS[v] ?? '').includes(vowels[j] ?? '')) j++;
    if (j >= vowels.length) return false;
    j++;
  }
  return true;
}
