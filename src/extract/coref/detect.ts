/** Finds referring expressions in a sentence: personal pronouns, possessive determiners, definite descriptions, collectives. */
import type { EntityType } from '../../model/index.js';
import { FUNCTION_WORDS } from '../relations/lexicon.js';
import { nounSense } from './lexicon.js';
import { isPleonastic } from './pleonastic.js';
import { isSubjectPosition, PREPOSITIONS, type Item } from './sentence.js';

/** The kinds of reference the resolver reports. */
export type ReferenceKind = 'pronoun' | 'possessive' | 'definite' | 'collective';

/** A referring expression before resolution, with what its form says about the entity it stands for. */
export interface Reference {
  start: number;
  end: number;
  kind: ReferenceKind;
  /** Types it can stand for, most likely first. */
  types: EntityType[];
  /** 'M' or 'F' for he/she; null when the form does not say. */
  gender: 'M' | 'F' | null;
  plural: boolean;
  /** Head noun of a description, singular ("militia" for "the Iraqi militias"); "" for pronouns. */
  head: string;
  /** How many entities a collective names ("the two", "all four groups", "both"): 0 when the form does not say. */
  count: number;
  /** "the last three" -> 'last', "the first two" / "the former" -> 'first'. */
  order: 'first' | 'last' | null;
  /** Opens its clause (a likely subject). */
  subject: boolean;
  /** "it is likely that ..." and the like: refers to nothing. */
  pleonastic: boolean;
  /** A nationality sits inside the description ("the Iraqi militia"): it is not that country itself. */
  demonym: boolean;
  /** Index of its first item in the sentence. */
  item: number;
}

type PronounInfo = [ReferenceKind, EntityType[], 'M' | 'F' | null, boolean];
const PERSON: EntityType[] = ['PERSON'];
const THING: EntityType[] = ['ORG', 'LOC'];
const GROUP: EntityType[] = ['ORG', 'PERSON', 'LOC'];
// Null-prototype tables: they are indexed by any word of the text, and "constructor" or "toString" must not find
// Object.prototype's members (that crashed the facts stage on a sentence saying "a constructor").
const PRONOUNS: Record<string, PronounInfo> = Object.assign(Object.create(null) as Record<string, PronounInfo>, {
  he: ['pronoun', PERSON, 'M', false], him: ['pronoun', PERSON, 'M', false], himself: ['pronoun', PERSON, 'M', false],
  his: ['possessive', PERSON, 'M', false], she: ['pronoun', PERSON, 'F', false], her: ['pronoun', PERSON, 'F', false],
  herself: ['pronoun', PERSON, 'F', false],
  it: ['pronoun', THING, null, false], itself: ['pronoun', THING, null, false], its: ['possessive', THING, null, false],
  they: ['pronoun', GROUP, null, true], them: ['pronoun', GROUP, null, true], themselves: ['pronoun', GROUP, null, true],
  their: ['possessive', GROUP, null, true],
} satisfies Record<string, PronounInfo>);

const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those']);
const NUMBERS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, both: 2 });
const ORDER: Record<string, 'first' | 'last'> = Object.assign(Object.create(null) as Record<string, 'first' | 'last'>, { last: 'last', latter: 'last', first: 'first', former: 'first' } as const);

/** Every referring expression of one sentence, in text order. */
export function detectReferences(items: readonly Item[]): Reference[] {
  const out: Reference[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.mention) continue;
    const pronoun = PRONOUNS[it.lower];
    if (pronoun) {
      const [formKind, types, gender, plural] = pronoun;
      // "her" is a determiner before a noun ("her ministry"), an object otherwise ("told her").
      const kind = it.lower === 'her' ? (isNounAhead(items, i + 1) ? 'possessive' : 'pronoun') : formKind;
      const pleonastic = it.lower === 'it' && isPleonastic(items, i);
      out.push({ start: it.start, end: it.end, kind, types, gender, plural, head: '', count: 0, order: null, subject: isSubjectPosition(items, i), pleonastic, demonym: false, item: i });
      continue;
    }
    const described = DETERMINERS.has(it.lower) || it.lower === 'both' || it.lower === 'all' ? description(items, i) : null;
    if (described) {
      out.push(described);
      // Skip to the description's last item (searched from here: items are in text order).
      while (i + 1 < items.length && items[i]!.end !== described.end) i++;
    }
  }
  return out;
}

/** True when a noun phrase continues at `i` ("her ministry", "her first visit"), not a verb, a preposition or the end. */
function isNounAhead(items: readonly Item[], i: number): boolean {
  const next = items[i];
  if (next === undefined) return false;
  if (next.mention) return next.mention.type === 'MISC';
  return /^[a-z]/.test(next.lower) && !FUNCTION_WORDS.has(next.lower) && !/ly$/.test(next.lower);
}

/**
 * A description opened by a determiner: "the militia", "the Iraqi militia", "the two men", "the last three",
 * "both agencies", "all four groups", "these factions". Null when no head from the lexicon closes it, when a name
 * follows ("the militia Kataib Hezbollah" is a name with its description) or when "of" anchors it ("the head of X").
 */
function description(items: readonly Item[], at: number): Reference | null {
  const opener = items[at]!.lower;
  let count = NUMBERS[opener] ?? 0;
  let order: 'first' | 'last' | null = null;
  let headIndex = -1;
  let demonym = false;
  let j = at + 1;
  for (; j < items.length && j <= at + 5; j++) {
    const it = items[j]!;
    if (it.mention) {
      if (it.mention.type === 'MISC') {
        demonym = true;
        continue;
      }
      if (headIndex >= 0 && j === headIndex + 1) return null;
      break;
    }
    const w = it.lower;
    if (!/^[a-z][a-z-]*$/.test(w) || it.cap || FUNCTION_WORDS.has(w) || PRONOUNS[w] || NOT_HEADS.has(w)) break;
    if (ORDER[w] && j === at + 1) order = ORDER[w]!;
    if (NUMBERS[w] && opener !== 'both' && (j === at + 1 || (order && j === at + 2))) {
      count = NUMBERS[w]!;
      continue;
    }
    const sense = nounSense(w);
    if (sense && !NOT_HEADS.has(sense.lemma)) headIndex = j;
    else if (headIndex >= 0) break;
  }
  if (opener === 'all' && count === 0) return null;
  const next = items[headIndex + 1];
  // "the head of X" is anchored by its complement; "the military campaign": the noun goes on past the lexicon word.
  if (headIndex >= 0 && next && (next.lower === 'of' || isNounContinuation(next, nounSense(items[headIndex]!.lower)!.plural))) return null;
  if (headIndex < 0) {
    // "the two", "the last three", "both": a collective without a noun.
    if (count < 2) return null;
    const end = items[at + (order ? 2 : 1)]!;
    if (opener !== 'both' && end.lower !== Object.keys(NUMBERS).find((k) => NUMBERS[k] === count) && !/^\d+$/.test(end.lower)) return null;
    // "the first six months", "the eight mines": the number counts a plural noun the lexicon does not know
    // ("The last three answer to X" goes on with a verb).
    const after = items[at + (order ? 3 : opener === 'both' ? 1 : 2)];
    if (after?.mention || after?.cap || after?.lower === 'of' || after?.lower === 'and' || after?.lower === 'the') return null;
    if (after && isNounContinuation(after, true)) return null;
    const last = opener === 'both' ? items[at]! : end;
    return make(items, at, last.end, 'collective', GROUP, true, '', count, order);
  }
  const sense = nounSense(items[headIndex]!.lower)!;
  if (opener === 'both' && !sense.plural) return null;
  // "both Iraqi troops and KDP forces", "both June and July": a coordination, not a reference.
  if (opener === 'both' && isCoordinated(items, headIndex + 1)) return null;
  // "this"/"that" take a singular head, "these"/"those" a plural one; "that" after a noun opens a relative clause.
  if ((opener === 'this' || opener === 'that') && sense.plural) return null;
  if ((opener === 'these' || opener === 'those') && !sense.plural) return null;
  if (opener === 'that' && at > 0 && !PREPOSITIONS.has(items[at - 1]!.lower) && items[at - 1]!.lower !== ',') return null;
  // "the Iranian government", "the Syrian regime": the nationality names the country itself, nothing to resolve.
  if (demonym && GOVERNMENT_HEADS.has(sense.lemma)) return null;
  if (sense.lemma === 'latter' || sense.lemma === 'former') order = sense.lemma === 'latter' ? 'last' : 'first';
  const collective = count >= 2 || sense.plural;
  return { ...make(items, at, items[headIndex]!.end, collective ? 'collective' : 'definite', sense.types, collective, sense.lemma, count, order), demonym };
}

// Heads a nationality turns into the country's own institution: "the Iraqi government" is Iraq's.
const GOVERNMENT_HEADS = new Set(['government', 'regime', 'administration', 'authority', 'state', 'leadership', 'cabinet', 'presidency']);

// Words the lexicon lists as people or groups that, after "the", rarely refer: "the same", "the following", "the rest".
const NOT_HEADS = new Set(['same', 'following', 'rest', 'next', 'right', 'left', 'public', 'whole', 'majority', 'minority', 'year', 'month', 'week', 'day', 'session', 'time', 'period', 'season', 'quarter', 'goal', 'end']);

// Past tenses without -ed, so "the leader told" ends the noun phrase at "leader".
const IRREGULAR_VERBS = new Set(
  ('said told met took made gave went came led left held sent paid fought won lost ran saw began became brought kept spoke ' +
    'wrote got put set built sought thought knew heard found stood fled struck hit shot says tells meets takes makes gives goes ' +
    'comes leads holds sends pays fights wins runs sees begins becomes brings keeps speaks writes gets puts sets builds seeks ' +
    'knows hears finds stands flees strikes has had have is was are were will would can could may might must shall should does did ' +
    'now also still then already never often later once soon today yesterday again just even only').split(' '),
);

/**
 * True when the lower-case word after a head noun is more likely a further noun than a verb: after a singular head a
 * verb ends in -s or -ed ("the militia answers", "the group killed"; "the military campaign" goes on), after a plural
 * head a further plural noun is the noun ("the factions answer"; "the first six months").
 */
function isNounContinuation(it: Item, pluralHead: boolean): boolean {
  const w = it.lower;
  if (it.mention || it.cap || !/^[a-z][a-z-]*$/.test(w) || FUNCTION_WORDS.has(w) || IRREGULAR_VERBS.has(w)) return false;
  return pluralHead ? /[^s]s$/.test(w) : !/(?:s|ed|ing|ly)$/.test(w);
}

/** An "and" before the clause goes on: "both Iraqi troops and Kurdish forces" (not "both agencies said, and ..."). */
function isCoordinated(items: readonly Item[], from: number): boolean {
  for (let i = from; i < items.length && i < from + 5; i++) {
    const w = items[i]!.lower;
    if (w === 'and') return true;
    if (w === ',' || w === ';' || w === '.' || IRREGULAR_VERBS.has(w) || /(?:ed)$/.test(w)) return false;
  }
  return false;
}

function make(items: readonly Item[], at: number, end: number, kind: ReferenceKind, types: EntityType[], plural: boolean, head: string, count: number, order: 'first' | 'last' | null): Reference {
  return { start: items[at]!.start, end, kind, types, gender: null, plural, head, count, order, subject: isSubjectPosition(items, at), pleonastic: false, demonym: false, item: at };
}
