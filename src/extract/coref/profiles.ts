/** What the document has said so far about each entity: how often it was named, its gender, the nouns it was described with. */
import type { EntityType } from '../../model/index.js';
import { countryOf } from '../../resolve/countries.js';
import { normalizeName } from '../../resolve/index.js';
import { FUNCTION_WORDS } from '../relations/lexicon.js';
import { genderOfWord, nounSense } from './lexicon.js';
import type { Item } from './sentence.js';

/** One entity as the document has presented it up to the current sentence. */
export interface Profile {
  key: string;
  type: EntityType;
  mentions: number;
  gender: 'M' | 'F' | null;
  /** Singular head nouns the text used for it: "militia" from "Kataib Hezbollah, an Iraqi militia" or "the militia X". */
  descriptors: Set<string>;
  /** Named as a country ("Iraq", "the United States"): what "the country" stands for. */
  country: boolean;
  /** A plural name ("Syrian Democratic Forces", "Iraqis"): fits "they". */
  plural: boolean;
  /** Gender evidence disagreed (two people merged under one key, "Yeltsin visits wife Naina"): gender stays unknown. */
  genderConflict: boolean;
}

/** Records gender evidence; contradicting evidence leaves the gender unknown for good. */
export function noteGender(p: Profile, g: 'M' | 'F' | null): void {
  if (g === null || p.genderConflict || p.gender === g) return;
  if (p.gender === null) p.gender = g;
  else {
    p.gender = null;
    p.genderConflict = true;
  }
}

// Nouns that say the gender of the person they describe: "his wife Naina", "the spokeswoman".
const GENDERED: Record<string, 'M' | 'F'> = {
  man: 'M', husband: 'M', father: 'M', son: 'M', brother: 'M', king: 'M', spokesman: 'M', chairman: 'M', boy: 'M', uncle: 'M',
  woman: 'F', wife: 'F', mother: 'F', daughter: 'F', sister: 'F', queen: 'F', spokeswoman: 'F', chairwoman: 'F', girl: 'F', aunt: 'F', lady: 'F',
};

// "X, his deputy": a possessive determiner, then the describing noun.
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their']);
const POSSESSIVE = /^['’]s?$/;

// Nouns a place name may be followed by as its own class.
const PLACE_CLASSES = new Set(['city', 'town', 'village', 'province', 'governorate', 'region', 'district', 'country', 'state', 'island', 'camp']);

/** Creates or updates the profile of the mention at `index` of a sentence's items. */
export function observeMention(profiles: Map<string, Profile>, items: readonly Item[], index: number): Profile {
  const m = items[index]!.mention!;
  let p = profiles.get(m.entityKey);
  if (!p) {
    p = { key: m.entityKey, type: m.type, mentions: 0, gender: null, descriptors: new Set(), country: false, plural: false, genderConflict: false };
    profiles.set(m.entityKey, p);
  }
  p.mentions++;
  const words = m.text.split(/\s+/);
  // "Syrian Democratic Forces", "Iraqis" are plural; "US" and "Hezbollah's" are not.
  const last = words[words.length - 1]!;
  if (m.type !== 'PERSON' && /[a-z]s$/.test(last) && !/ss$/.test(last)) p.plural = true;
  // Once per entity: the first name that is a country's makes it one ("Iraq" after "the Iraqi government" keeps its key).
  if (!p.country && m.type !== 'PERSON' && p.mentions <= 3) p.country = countryOf(normalizeName(m.text, 'LOC'))?.demonym === false;
  for (const noun of describingNouns(items, index)) {
    p.descriptors.add(noun);
    if (m.type === 'PERSON') noteGender(p, GENDERED[noun] ?? null);
  }
  if (m.type === 'PERSON') {
    // "Mr. Abadi", "President Boris Yeltsin", "Fatima al-Zahra": a title or first name says the gender.
    const before = items[index - 1];
    noteGender(p, (before && !before.mention ? genderOfWord(before.lower.replace(/\.$/, '')) : null)
      ?? words.map((w) => genderOfWord(w.replace(/[.,]$/, ''))).find((g) => g !== null) ?? null);
  }
  return p;
}

/** "U.S. forces", "Iraqi officials": after a country's name a noun names something of the country, not the country. */
function namesCountry(text: string): boolean {
  return countryOf(normalizeName(text, 'LOC')) !== null;
}

/** The noun is a fitting description of an entity of this type ("militia" for an ORG, "general" for a PERSON). */
function fits(noun: string, type: EntityType): boolean {
  return nounSense(noun)?.types.includes(type) ?? false;
}

/**
 * Nouns that describe the mention at `index`: inside the name ("Interior Ministry", "Defense Secretary Ash Carter"),
 * right before it ("the Iraqi militia Kataib Hezbollah", "security chief Alexander Lebed"), right after it ("the
 * Kataib Hezbollah militia") and in an apposition ("Kataib Hezbollah, an Iraqi militia,", "Votel, commander of ...").
 */
export function describingNouns(items: readonly Item[], index: number): string[] {
  const m = items[index]!.mention!;
  const out: string[] = [];
  const add = (word: string, anyType = false): void => {
    const lemma = nounSense(word)?.lemma;
    if (lemma && (anyType || fits(lemma, m.type)) && !out.includes(lemma)) out.push(lemma);
  };
  // The name's own nouns describe it whatever WordNet files them under: "Camp Hurriya" is a camp.
  for (const w of m.text.toLowerCase().split(/[\s-]+/)) add(w.replace(/[.,']/g, ''), m.type !== 'PERSON');
  // "the strategically vital town of Tavildara", "the port city of Tartus".
  if (items[index - 1]?.lower === 'of' && items[index - 2] && !items[index - 2]!.mention) add(items[index - 2]!.lower);
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    const it = items[i]!;
    if (it.mention) {
      if (it.mention.type === 'MISC') continue;
      break;
    }
    if (FUNCTION_WORDS.has(it.lower) || !/^[a-z-]+$/.test(it.lower)) break;
    add(it.lower);
  }
  // "the Kataib Hezbollah militia", "Idlib province"; but "the Jerusalem centre" is a centre in Jerusalem.
  const after = items[index + 1];
  if (after && !after.mention && !after.cap && (m.type !== 'LOC' || PLACE_CLASSES.has(after.lower)) && !namesCountry(m.text)) add(after.lower);
  if (after?.lower === ',') {
    let head = '';
    for (let i = index + 2; i < items.length && i <= index + 8; i++) {
      const it = items[i]!;
      if (it.mention?.type === 'MISC' || it.lower === 'a' || it.lower === 'an' || it.lower === 'the' || POSSESSIVE_DETERMINERS.has(it.lower)) continue;
      // A possessor opens the apposition: "Danaeifar, Iran's ambassador to Iraq", "Fayyadh, the group's leader".
      if (POSSESSIVE.test(items[i + 1]?.lower ?? '') && (it.mention || /^[a-z-]+$/.test(it.lower))) {
        i++;
        continue;
      }
      if (it.mention || it.cap || !/^[a-z-]+$/.test(it.lower) || FUNCTION_WORDS.has(it.lower)) break;
      if (nounSense(it.lower)) head = it.lower;
    }
    if (head) add(head);
  }
  return out;
}
