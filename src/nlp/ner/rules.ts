/** Rules applied to one sentence's chunks after the statistical model, in order: abbreviations, span edges, titles, coordination, types, numbered sources. */
import type { Token } from '../tokenize.js';
import type { Chunk } from './tags.js';
import { gazetteerKey, gazetteerMask, type Gazetteer } from './gazetteer.js';
import type { Lexicon } from './features.js';
import { splitCompound } from '../compounds.js';

// Titles and ranks that precede a name but are not part of it (CoNLL-2003 convention):
// "Grand Ayatollah Ali al-Sistani" -> "Ali al-Sistani", "Lt. Gen. Abdulamir Yarallah" -> "Abdulamir Yarallah"; and
// the greetings of a letter or e-mail: "Hi Jean-Bernard," -> "Jean-Bernard".
const TITLES = new Set(
  `gen. gen general lt. lt lieutenant col. col colonel maj. maj major brig. brig brigadier capt. capt captain sgt. sgt
  adm. adm admiral cmdr. cmdr commander grand ayatollah hojatoleslam sheikh shaikh imam mullah president vice prime
  minister deputy mr. mr mrs. mrs ms. ms dr. dr prof. prof sir king queen prince emir judge senator sen. rep. gov. governor
  mayor ambassador secretary chairman chief field marshal supreme foreign defence defense interior dear hi hello hey`.split(/\s+/),
);

/** Drops leading title tokens from PERSON chunks, and chunks that are a title alone ("the Ambassador said"). */
export function stripTitles(chunks: Chunk[], tokens: readonly Token[]): Chunk[] {
  return chunks.filter((c) => c.end - c.start > 1 || !TITLES.has(tokens[c.start]!.text.toLowerCase())).map((c) => {
    if (c.type !== 'PER') return c;
    let start = c.start;
    while (start < c.end - 1 && TITLES.has(tokens[start]!.text.toLowerCase())) start++;
    return start === c.start ? c : { ...c, start };
  });
}

// "Source 134992", "Agent 47", "informant No. 12": a numbered human source is a person the document names by number.
const NUMBERED = /^(?:Source|Agent|Informant|Asset|Officer)$/;

/** Adds PERSON chunks for numbered human sources where the model found nothing. */
export function numberedSources(chunks: Chunk[], tokens: readonly Token[]): Chunk[] {
  const out = [...chunks];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!NUMBERED.test(tokens[i]!.text)) continue;
    let j = i + 1;
    if (tokens[j]!.text === 'No.' && j + 1 < tokens.length) j++;
    if (!/^\d{2,}$/.test(tokens[j]!.text)) continue;
    if (out.some((c) => c.start <= j && c.end > i)) continue;
    out.push({ start: i, end: j + 1, type: 'PER' });
  }
  return out.sort((a, b) => a.start - b.start);
}

const ORG_START = gazetteerMask('ORGWORD');
const ORG_PHRASE = gazetteerMask('ORG');

/**
 * Splits an ORG chunk that coordinates two names: "Kataeb Hezbollah and Asaib Ahl al-Haq" -> two ORGs when each side
 * starts with an organisation word or is a listed organisation; "The Intercept and the New York Times" -> two at
 * "and the". "Ministry of Intelligence and National Security" stays whole: its right side is neither.
 */
export function splitCoordinated(chunks: Chunk[], tokens: readonly Token[], gazetteer: Gazetteer): Chunk[] {
  const key = (i: number): string => gazetteerKey(tokens[i]!.text);
  const orgLike = (from: number, to: number): boolean =>
    (gazetteer.lookup([key(from)]) & ORG_START) !== 0 ||
    (gazetteer.lookup(Array.from({ length: to - from }, (_, k) => key(from + k))) & ORG_PHRASE) !== 0;
  return chunks.flatMap((c) => {
    if (c.type !== 'ORG') return [c];
    for (let i = c.start + 1; i < c.end - 1; i++) {
      const t = tokens[i]!.text;
      if (t !== 'and' && t !== '&') continue;
      const next = tokens[i + 1]!.text;
      // "Islamic State of Iraq and the Levant" stays whole: a one-word right side is rarely a name of its own.
      if (next === 'the' && i + 3 < c.end) return [{ ...c, end: i }, { ...c, start: i + 2 }];
      if (i - c.start >= 2 && c.end - i - 1 >= 2 && orgLike(c.start, i) && orgLike(i + 1, c.end)) {
        return [{ ...c, end: i }, { ...c, start: i + 1 }];
      }
    }
    return [c];
  });
}

/** Retypes a multi-token PERSON chunk that opens with an organisation word as ORG ("Hashd al-Shaabi", "Kataeb Hezbollah"). */
export function retypeOrgHeaded(chunks: Chunk[], tokens: readonly Token[], gazetteer: Gazetteer): Chunk[] {
  return chunks.map((c) =>
    c.type === 'PER' && c.end - c.start > 1 && (gazetteer.lookup([gazetteerKey(tokens[c.start]!.text)]) & ORG_START) !== 0
      ? { ...c, type: 'ORG' }
      : c,
  );
}

/**
 * Drops a one-word name opening a sentence when unlabelled text never capitalises that word mid-sentence:
 * "Likewise, officials ..." is not a person. `capBuckets` maps lower-cased words to 0 (never capitalised) .. 4.
 */
export function dropCommonOpeners(chunks: Chunk[], tokens: readonly Token[], capBuckets: ReadonlyMap<string, number>): Chunk[] {
  return chunks.filter((c) => {
    if (c.start !== 0 || c.end !== 1) return true;
    const w = tokens[0]!.text.toLowerCase();
    return capBuckets.get(w) !== 0 && !OPENERS.has(w);
  });
}

// Sentence adverbs, too rare mid-sentence for the unlabelled-text statistics to know them.
const OPENERS = new Set(
  `likewise moreover however meanwhile nevertheless nonetheless furthermore additionally similarly consequently
  thus hence therefore accordingly instead otherwise still yet indeed notably separately elsewhere later earlier
  previously subsequently initially finally overall ultimately regardless`.split(/\s+/),
);

const MONTH_OR_DAY = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

// An auxiliary opening a question ("Did Karimov meet him?"). In CoNLL-2003 and Wikigold (train and dev) a sentence
// opens with one of these 26 times and never with a name ("May" and "Will", which can be names, are not listed).
const QUESTION_OPENERS = new Set(['Did', 'Does', 'Do', 'Is', 'Was', 'Were', 'Are', 'Am', 'Has', 'Have', 'Had', 'Can', 'Could', 'Would', 'Should', 'Shall', 'Must']);

/**
 * Trims words that open a chunk without belonging to it: a month or weekday ("August National Association of
 * Purchasing Management"), a sentence-initial word unlabelled text never capitalises ("Three African") or an auxiliary opening a question, and a
 * compound adjective, which becomes its own MISC ("Iran-backed Kataeb Hezbollah" -> MISC + ORG).
 */
export function trimChunkStarts(chunks: Chunk[], tokens: readonly Token[], capBuckets: ReadonlyMap<string, number>): Chunk[] {
  return chunks.flatMap((c) => {
    if (c.end - c.start < 2) return [c];
    const first = tokens[c.start]!.text;
    // "Ontario-based", "Iran-backed": a compound adjective before a name is MISC of its own (CoNLL), not part of the name.
    if (splitCompound(first)) return [{ start: c.start, end: c.start + 1, type: 'MISC' }, { ...c, start: c.start + 1 }];
    if (c.type !== 'MISC' && MONTH_OR_DAY.test(first)) return [{ ...c, start: c.start + 1 }];
    if (c.start === 0 && (capBuckets.get(first.toLowerCase()) === 0 || QUESTION_OPENERS.has(first))) return [{ ...c, start: c.start + 1 }];
    return [c];
  });
}

/** Extends an ORG chunk over a capitalised organisation word just before it: "Harakat" + "Hezbollah al-Nujaba". */
export function extendOrgHeads(chunks: Chunk[], tokens: readonly Token[], gazetteer: Gazetteer): Chunk[] {
  return chunks.map((c, k) => {
    if (c.type !== 'ORG') return c;
    let start = c.start;
    const floor = k > 0 ? chunks[k - 1]!.end : 0;
    while (start > floor && /^\p{Lu}/u.test(tokens[start - 1]!.text) && (gazetteer.lookup([gazetteerKey(tokens[start - 1]!.text)]) & ORG_START) !== 0) start--;
    return start === c.start ? c : { ...c, start };
  });
}

// CoNLL-2003 tags "U.S." LOC even before a noun ("U.S. troops": 309 LOC against 38 MISC in its training set).
const COUNTRY_ABBREVIATIONS = new Set(['US', 'U.S.', 'UK', 'U.K.']);

/**
 * A country abbreviation standing alone is LOC: retyped from MISC, and added where the model left it untagged ("a 26
 * February US air strike"; the document's label history then carried the miss to every later "US"). In CoNLL-2003 and
 * Wikigold, train and dev, "U.S.", "US", "UK" and "U.K." are a name every time (545 of 545). Directly before an ORG
 * the abbreviation joins it ("U.S. Central Command"). "US" inside an all-caps line may be the pronoun ("LET US PRAY")
 * and is left to the model there.
 */
export function countryAbbreviations(chunks: Chunk[], tokens: readonly Token[]): Chunk[] {
  const out = chunks.map((c) => (c.type === 'MISC' && c.end - c.start === 1 && COUNTRY_ABBREVIATIONS.has(tokens[c.start]!.text) ? { ...c, type: 'LOC' } : c));
  const covered = new Uint8Array(tokens.length);
  for (const c of out) covered.fill(1, c.start, c.end);
  const capsWord = (i: number): boolean => /^\p{Lu}{2,}$/u.test(tokens[i]?.text ?? '') && !COUNTRY_ABBREVIATIONS.has(tokens[i]!.text);
  const added: Chunk[] = [];
  tokens.forEach((t, i) => {
    if (covered[i] || !COUNTRY_ABBREVIATIONS.has(t.text)) return;
    if (t.text === 'US' && (capsWord(i - 1) || capsWord(i + 1))) return;
    // Directly before an organisation it is part of its name: "U.S. Central Command", "UK Border Agency".
    const next = out.findIndex((c) => c.start === i + 1);
    if (next >= 0 && out[next]!.type === 'ORG') out[next] = { ...out[next]!, start: i };
    else added.push({ start: i, end: i + 1, type: 'LOC' });
  });
  return added.length === 0 ? out : [...out, ...added].sort((a, b) => a.start - b.start);
}

const NATIONALITY = gazetteerMask('NAT');

/**
 * A capitalised nationality adjective the model left untagged before a lower-case word ("the most prominent Iraqi armed
 * factions", "an anonymous Iraqi source") is MISC: CoNLL-2003 tags nationalities MISC, and the gazetteer's NAT list
 * (CountryInfo nationalities) says the word is one. Never inside or beside another name.
 */
export function nationalityAdjectives(chunks: Chunk[], tokens: readonly Token[], gazetteer: Gazetteer): Chunk[] {
  const covered = new Uint8Array(tokens.length + 1);
  for (const c of chunks) covered.fill(1, Math.max(0, c.start - 1), c.end + 1);
  const added: Chunk[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i]!.text;
    if (covered[i] || !/^\p{Lu}\p{Ll}+$/u.test(word) || !/^\p{Ll}/u.test(tokens[i + 1]!.text)) continue;
    if ((gazetteer.lookup([gazetteerKey(word)]) & NATIONALITY) !== 0) added.push({ start: i, end: i + 1, type: 'MISC' });
  }
  return added.length === 0 ? chunks : [...chunks, ...added].sort((a, b) => a.start - b.start);
}

// Closed-class words and reporting verbs that do not continue a name when capitalised after an abbreviation.
const FUNCTION_WORDS = new Set(
  `is are was were be been being am has have had do does did will would can could might must shall should says said
  say tells told plans wants i you he she it we they his its their this that these those who which what and or but
  nor so yet if because while although though to of in on at by for with from into about after before against
  during not also then now still just only even again already never`.split(/\s+/),
);

/** True for a closed-class word or reporting verb ("was", "the", "said"), lower-cased. */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

/** True when a capitalised word reads as a common word: a function word, or one unlabelled text never capitalises mid-sentence. */
export function isCommonWord(word: string, capBuckets: ReadonlyMap<string, number>): boolean {
  const w = word.toLowerCase();
  return FUNCTION_WORDS.has(w) || capBuckets.get(w) === 0;
}

const ABBREVIATION_NAME = /^(?:\p{Lu}\.){2,}$/u;

/**
 * Splits a chunk where a capitalised common word follows an abbreviation-name: "U.S. Was", "U.S. Attacks Militia",
 * "U.N. Says" keep the abbreviation ("U.S." a place, like a lone "U.S.") and what follows the common word; "U.S.
 * Army", "U.N. Security Council" and "O.J. Simpson" stay whole.
 */
export function splitAfterAbbreviations(chunks: Chunk[], tokens: readonly Token[], capBuckets: ReadonlyMap<string, number>): Chunk[] {
  return chunks.flatMap((c) => {
    for (let i = c.start; i + 1 < c.end; i++) {
      if (!ABBREVIATION_NAME.test(tokens[i]!.text) || !isCommonWord(tokens[i + 1]!.text, capBuckets)) continue;
      const head = tokens[i]!.text;
      const out: Chunk[] = [{ start: c.start, end: i + 1, type: i === c.start && COUNTRY_ABBREVIATIONS.has(head) ? 'LOC' : c.type }];
      let rest = i + 2;
      while (rest < c.end && isCommonWord(tokens[rest]!.text, capBuckets)) rest++;
      if (rest < c.end) out.push({ start: rest, end: c.end, type: c.type });
      return out;
    }
    return [c];
  });
}

/** Applies every rule of this file to one sentence's chunks, in order. */
export function applyRules(chunks: Chunk[], tokens: readonly Token[], lexicon: Lexicon): Chunk[] {
  const { gazetteer, capBuckets } = lexicon;
  let out = splitAfterAbbreviations(chunks, tokens, capBuckets);
  out = dropCommonOpeners(out, tokens, capBuckets);
  out = trimChunkStarts(out, tokens, capBuckets);
  out = stripTitles(out, tokens);
  out = splitCoordinated(out, tokens, gazetteer);
  out = retypeOrgHeaded(out, tokens, gazetteer);
  out = extendOrgHeads(out, tokens, gazetteer);
  out = countryAbbreviations(out, tokens);
  out = nationalityAdjectives(out, tokens, gazetteer);
  return numberedSources(out, tokens);
}
