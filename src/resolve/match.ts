/**
 * Pairwise name matching: a score in [0, 1] with the rule that decided it, and guards that veto pairs
 * fuzzy similarity would wrongly join (two different "Abu ..." people, Iran and Iraq, "Brigade 1" and "Brigade 2").
 */
import type { EntityType } from '../model/index.js';
import { scoreCrossScript } from './cross-script.js';
import { arabicVowelsFit, comparableWords, looseKey, tokenKey, vowelsCompatible } from './name-key.js';
import { normalizeName } from './normalize.js';
import { editDistance, isSubsequence, jaroWinkler } from './similarity.js';
import { isOrgQualifier, KUNYA_PARTICLES, LEGAL_FORM_PHRASES, NUMBER_WORDS } from './titles.js';
import type { NameScore } from './types.js';

/** Scores at or above this count as the same entity; measured on the OpenSanctions name bench (scripts/eval-names.ts). */
export const MATCH_THRESHOLD = 0.85;

// Below this, two words are different names, not spellings of one ("Octavian" / "Olaf").
const WORD_FLOOR = 0.82;

// Scripts that write no short vowels: Arabic (with Persian, Urdu, Kurdish) and Hebrew.
const ABJAD_SCRIPT = /[\u0590-\u05ff\u0600-\u06ff]/u;

/** A word of a name as compared: a kunya such as "abu mahdi" is one unit, because "abu" alone says nothing. */
interface Unit {
  word: string;
  key: string;
  /** Folded particle ("abu", "umm", "bin") when the unit is a kunya or patronymic, else "". */
  particle: string;
  /** False when the name came from a script that writes no short vowels (Arabic, Persian, Hebrew). */
  vowelled: boolean;
}

const PARTICLE_FOLD: Record<string, string> = { abou: 'abu', abo: 'abu', um: 'umm', ben: 'bin', ibn: 'bin', bn: 'bin' };

/** Groups name words into units, joining a kunya particle to the word after it. */
function toUnits(words: string[], vowelled: boolean): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if (KUNYA_PARTICLES.has(w) && next !== undefined) {
      units.push({ word: next, key: tokenKey(next), particle: PARTICLE_FOLD[w] ?? w, vowelled });
      i++;
    } else {
      units.push({ word: w, key: tokenKey(w), particle: '', vowelled });
    }
  }
  return units;
}

/** Similarity of two units: equal, same skeleton, initial of, or Jaro-Winkler (capped for short words). */
function unitSimilarity(x: Unit, y: Unit): number {
  if (x.particle !== y.particle) return 0.3;
  if (x.word === y.word) return 1;
  if (x.word.length === 1 || y.word.length === 1) return x.word[0] === y.word[0] ? 0.9 : 0;
  // Arabic script against Latin: the script writes no short vowels and has no p, v or ch, so consonants are
  // compared loosely and the long vowels it does write must be in the Latin spelling.
  if (x.vowelled !== y.vowelled) {
    const [arabic, latin] = x.vowelled ? [y, x] : [x, y];
    const fits = arabicVowelsFit(arabic.word, latin.word);
    if (fits && x.key.length >= 2 && looseKey(x.key) === looseKey(y.key)) return 0.95;
    if (!fits) return Math.min(0.6, jaroWinkler(x.word, y.word));
  }
  // The nisba ending makes another name: "Hussein" / "Husseini", "Hashem" / "Hashemi".
  if (x.word === `${y.word}i` || y.word === `${x.word}i`) return 0.6;
  // Skeletons of one- and two-letter words say nothing ("is" / "us"); in short words they need a near-identical
  // spelling too ("Iraq" / "Irak"), or only added letters (Arabic script writes no short vowels: "qasm" / "qassem"),
  // but not "Olga" / "Oleg".
  const shortest = Math.min(x.word.length, y.word.length);
  const close = (): boolean => editDistance(x.word, y.word) <= 1 || isSubsequence(x.word, y.word) || isSubsequence(y.word, x.word);
  // One skeleton is a spelling variant unless the vowels are ones no romanisation swaps ("Hassan" / "Hussein",
  // "Mahmoud" / "Mohammad"); those pairs are left to plain string similarity, which a typo still passes.
  const vowelsAgree = !x.vowelled || !y.vowelled || vowelsCompatible(x.word, y.word);
  if (x.key === y.key && shortest > 2 && (shortest > 4 || close()) && vowelsAgree) return 0.95;
  // Jaro-Winkler alone rewards a shared start too much ("Zuckermann" / "Zuckerberg" 0.88); averaging with
  // edit similarity keeps one-letter spelling variants high and different names with one stem low.
  const edit = 1 - editDistance(x.word, y.word) / Math.max(x.word.length, y.word.length);
  const sim = (jaroWinkler(x.word, y.word) + edit) / 2;
  // "Iran" / "Iraq", "Ali" / "Adi": in short words one letter is a different name, not a spelling variant.
  return Math.min(x.word.length, y.word.length) <= 4 ? Math.min(sim, 0.7) : sim;
}

/** Reads "Smith, John" as "John Smith" (list order) and "JC Juncker" as "J C Juncker" for people. */
function personOrder(name: string, type: EntityType): string {
  if (type !== 'PERSON') return name;
  // Joined initials are capitals without a vowel ("JC", "JFK"), and only in mixed-case names: in
  // "KIM JONG UN" or "AL BEN ALI" every word is capitals.
  const initials = /\b(?![AEIOUY])(\p{Lu})(?![AEIOUY])(\p{Lu})(?:(?![AEIOUY])(\p{Lu}))?\b/gu;
  const spread = /\p{Ll}/u.test(name) ? name.replace(initials, (_, a, b, c) => [a, b, c].filter(Boolean).join(' ')) : name;
  const parts = spread.split(',');
  return parts.length === 2 ? `${parts[1] ?? ''} ${parts[0] ?? ''}`.trim() : spread;
}

const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Spelled and ordinal numbers as digits: "forty four" -> "44", "1st" -> "1", "third" -> "3". */
function digitsFor(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const tens = TENS[w];
    const unit = NUMBER_WORDS[words[i + 1] ?? ''] ?? (/^\d$/.test(words[i + 1] ?? '') ? words[i + 1] : undefined);
    if (tens !== undefined && unit !== undefined) {
      out.push(String(tens + Number(unit)));
      i++;
    } else out.push(tens !== undefined ? String(tens) : NUMBER_WORDS[w] ?? w.replace(/^(\d+)(st|nd|rd|th)$/, '$1'));
  }
  return out;
}

// Clustering compares each name with many others; preparing it once saves most of the work. Bounded, so a
// long-running server does not grow without limit.
const PREPARED = new Map<string, { norm: string; words: string[] }>();
const PREPARED_LIMIT = 50_000;

/** Normalised words with spelled-out numbers as digits and multi-word legal forms folded (memoised). */
function prepare(name: string, type: EntityType): { norm: string; words: string[] } {
  const id = `${type}\u0000${name}`;
  const hit = PREPARED.get(id);
  if (hit) return hit;
  if (PREPARED.size >= PREPARED_LIMIT) PREPARED.clear();
  const fresh = prepareUncached(name, type);
  PREPARED.set(id, fresh);
  return fresh;
}

/** The work behind prepare(). */
function prepareUncached(name: string, type: EntityType): { norm: string; words: string[] } {
  let norm = normalizeName(personOrder(name, type), type);
  if (type !== 'PERSON') {
    for (const [phrase, short] of LEGAL_FORM_PHRASES) norm = norm.replace(new RegExp(`\\b${phrase}\\b`, 'g'), short);
  }
  norm = digitsFor(norm.split(' ')).join(' ');
  return { norm, words: comparableWords(norm, type) };
}

/** True when the raw name looks like an acronym ("IRGC", "U.S.", "PMU"). */
function acronymOf(raw: string): string | null {
  const compact = raw.trim().replace(/\./g, '');
  return /^[A-Z][A-Z&]{1,7}$/.test(compact) ? compact.toLowerCase().replace('&', '') : null;
}

/** Initials of a normalised long form, with and without function words ("islamic revolutionary guard corps" -> "irgc"). */
export function initialsOf(norm: string): string[] {
  const words = norm.split(' ').filter((w) => w !== '');
  const content = words.filter((w) => !['of', 'and', 'the', 'for', 'in', 'al', 'el'].includes(w));
  return [...new Set([words, content].map((ws) => ws.map((w) => w[0] ?? '').join('')))];
}

/**
 * Initials of a name as written: a dotted initialism gives all its letters, since it stands for as many words
 * ("U.S. Navy" -> "usn", not "un": the acronym of "U.S. Navy" is not "U.N.").
 */
export function initialsOfName(name: string, type: EntityType): string[] {
  return initialsOf(normalizeName(name.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ' ')), type));
}

/**
 * Spells out a short word of one name that the other name writes in full: "us department of state" against
 * "united states department of state" reads "united states department of state".
 */
function expandInitialisms(words: string[], other: string[]): string[] {
  return words.flatMap((w) => {
    if (w.length < 2 || w.length > 4 || other.includes(w)) return [w];
    for (let i = 0; i + w.length <= other.length; i++) {
      const run = other.slice(i, i + w.length);
      if (run.every((o, j) => o.length > 1 && o[0] === w[j])) return run;
    }
    return [w];
  });
}

/** Counts pairs of aligned words whose order differs between the two names. */
function crossings(pairs: [number, number][]): number {
  let n = 0;
  for (const [i, [a1, b1]] of pairs.entries()) {
    for (const [a2, b2] of pairs.slice(i + 1)) if ((a1 - a2) * (b1 - b2) < 0) n++;
  }
  return n;
}

const LEGAL_FORMS = new Set(['ag', 'gmbh', 'llc', 'ltd', 'plc', 'inc', 'jsc', 'sa', 'srl', 'spa', 'bv', 'nv', 'lp', 'llp', 'ab', 'as', 'oy', 'kg']);

/** Penalty when both names carry a legal form and they differ ("Deutsche Bank AG" / "Deutsche Bank GmbH"). */
function legalFormClash(a: string, b: string): number {
  const fa = a.split(' ').filter((w) => LEGAL_FORMS.has(w));
  const fb = b.split(' ').filter((w) => LEGAL_FORMS.has(w));
  return fa.length > 0 && fb.length > 0 && !fa.some((f) => fb.includes(f)) ? 0.2 : 0;
}

/** Scores are reported to three decimals, which also makes them exactly symmetric despite float sums. */
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Digits of a name, sorted, so "Brigade 44" and "Brigade 45" can be told apart. */
const numbersOf = (words: string[]): string => words.filter((w) => /^\d+$/.test(w)).sort().join(' ');

/**
 * The numbers of a name as scoreNames compares them ("Brigade 44" -> "44", "the Forty-Fourth Brigade" -> "44", none ->
 * ""): two names whose numbers differ never match, so blocking keys carry them (groups.ts) and such names are not
 * even compared. A ledger of "TX-1" to "TX-20000" is 20,000 blocks of one, not one block of 20,000 (200 million pairs).
 */
export function nameNumbers(name: string, type: EntityType): string {
  return numbersOf(prepare(name, type).words);
}

/**
 * Scores how likely two names of one type name the same entity, with the rule that decided.
 * ("Qassem Soleimani", "Qasem Soleimani") -> 0.975 translit-key; ("Abu Mahdi al-Muhandis", "Abu Fadak") -> 0 guard-kunya;
 * ("Iran", "Iraq") -> 0 guard-place.
 */
export function scoreNames(a: string, b: string, type: EntityType): NameScore {
  const pa = prepare(a, type);
  const pb = prepare(b, type);
  if (pa.norm === '' || pb.norm === '') return { score: 0, rule: 'empty' };
  if (numbersOf(pa.words) !== numbersOf(pb.words)) return { score: 0, rule: 'guard-number' };
  if (pa.norm === pb.norm) return { score: 1, rule: 'exact-norm' };
  // A Persian or Arabic name against a Latin one: the learned transliteration model and translated head words.
  const cross = scoreCrossScript(a, b, type);
  if (cross) return cross;
  if (pa.norm.replace(/ /g, '') === pb.norm.replace(/ /g, '') && pa.norm.length >= 6) return { score: 0.95, rule: 'compact-equal' };
  // Acronyms are compared letter for letter: "ISIS" is not "IS", "IRGC" is not "IRG".
  if (acronymOf(a) !== null && acronymOf(b) !== null) return { score: 0, rule: 'acronym-mismatch' };
  if (type !== 'PERSON' && type !== 'LOC') {
    const [acr, long, longName] = acronymOf(a) !== null ? [acronymOf(a), pb.norm, b] : [acronymOf(b), pa.norm, a];
    // An all-capitals word that the other name contains is a name, not an acronym ("SIEMENS" / "Siemens AG").
    if (acr !== null && long.includes(' ') && !long.split(' ').includes(acr)) {
      return initialsOfName(longName, type).includes(acr) ? { score: 0.88, rule: 'acronym-initials' } : { score: 0, rule: 'acronym-mismatch' };
    }
  }
  const [wa, wb] = type === 'PERSON' ? [pa.words, pb.words] : [expandInitialisms(pa.words, pb.words), expandInitialisms(pb.words, pa.words)];
  const ua = toUnits(wa, !ABJAD_SCRIPT.test(a));
  const ub = toUnits(wb, !ABJAD_SCRIPT.test(b));
  const [short, long] = ua.length <= ub.length ? [ua, ub] : [ub, ua];
  if (short.length === 0) return { score: 0, rule: 'empty' };

  // Greedy alignment on the best pairs first; names are short, so all pairs are cheap to score.
  const all: { i: number; j: number; s: number }[] = [];
  short.forEach((x, i) => long.forEach((y, j) => all.push({ i, j, s: unitSimilarity(x, y) })));
  all.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  const usedShort = new Map<number, number>();
  const usedLong = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j, s } of all) {
    if (usedShort.has(i) || usedLong.has(j)) continue;
    usedShort.set(i, s);
    usedLong.add(j);
    pairs.push([i, j]);
  }
  const sims = short.map((_, i) => usedShort.get(i) ?? 0);
  const minSim = Math.min(...sims);
  const mean = sims.reduce((x, y) => x + y, 0) / sims.length;

  if (minSim < WORD_FLOOR) {
    const kunyaClash = short.some((x) => x.particle !== '' && long.some((y) => y.particle === x.particle && y.word !== x.word));
    if (kunyaClash && minSim < 0.9) return { score: 0, rule: 'guard-kunya' };
    if (type === 'LOC') return { score: 0, rule: 'guard-place' };
    return { score: round3(Math.min(mean, 0.6)), rule: 'word-mismatch' };
  }
  // One-word names of any type ("Austria" / "Australia" typed as organisations) get little benefit of the
  // doubt: with nothing else to compare, a different skeleton more than one letter away is a different name.
  const [onlyA, onlyB] = [short[0], long[0]];
  if (short.length === 1 && long.length === 1 && onlyA && onlyB && minSim < 0.95 && editDistance(onlyA.word, onlyB.word) > 1) {
    return { score: round3(Math.min(mean, 0.7)), rule: 'guard-single-word' };
  }
  // Places: only spelling variants with one skeleton, ending alike ("Niger" / "Nigeria" share "nkr").
  const endsInVowel = (u: Unit | undefined): boolean => /[aeiouy]$/.test(u?.word ?? '');
  if (type === 'LOC' && (minSim < 0.95 || pairs.some(([i, j]) => endsInVowel(short[i]) !== endsInVowel(long[j])))) {
    return { score: 0, rule: 'guard-place' };
  }

  const extra = long.length - short.length;
  // A person's extra middle name is common; an organisation's extra word is usually a different branch or
  // fund ("Banco Santander Mexico"), unless it is a qualifier the name is often given without ("Islamic", "Iraqi").
  const extraCost = long.reduce((sum, u, j) => {
    if (usedLong.has(j)) return sum;
    return sum + (type === 'PERSON' ? 0.03 : isOrgQualifier(u.word) ? 0.06 : 0.16);
  }, 0);
  let score = mean - extraCost - legalFormClash(pa.norm, pb.norm);
  // "Friedrich Hans" / "Hans Friedrich": swapped given and family name without a comma is another person.
  if (type === 'PERSON' && crossings(pairs) > 0 && !a.includes(',') && !b.includes(',')) score -= 0.16;
  let rule = minSim === 1 ? 'same-words' : minSim >= 0.95 ? 'translit-key' : 'fuzzy-words';
  if (extra > 0) rule = short.length === 1 ? 'partial-name' : `${rule}+extra`;
  // A lone word inside a longer name ("Soleimani" / "Qassem Soleimani") is a back-reference inside one document,
  // not evidence across documents, where the same family name belongs to many people.
  if (short.length === 1 && extra > 0) score = Math.min(score, 0.75);
  return { score: round3(Math.max(0, Math.min(1, score))), rule };
}

/** True when two names of one type score at or above MATCH_THRESHOLD. */
export function isSameEntity(a: string, b: string, type: EntityType): boolean {
  return scoreNames(a, b, type).score >= MATCH_THRESHOLD;
}
