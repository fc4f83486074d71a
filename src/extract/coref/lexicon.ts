/** What a common noun can stand for (person, organisation, place) and which gender a first name has, from general resources. */
import type { EntityType } from '../../model/index.js';
import nouns from './data/nouns.json' with { type: 'json' };
import forenames from './data/forenames.json' with { type: 'json' };

const LETTER: Record<string, EntityType> = { P: 'PERSON', O: 'ORG', L: 'LOC' };

// WordNet files "group" itself under noun.Tops, so the lexicographer classes miss the commonest collective head.
const EXTRA: Record<string, string> = { group: 'O', side: 'O', former: 'POL', latter: 'POL' };

const TYPES = new Map<string, EntityType[]>();
for (const [letters, words] of Object.entries({ ...(nouns as Record<string, string>) })) {
  const types = [...letters].map((l) => LETTER[l]!);
  for (const w of words.split(' ')) TYPES.set(w, types);
}
for (const [w, letters] of Object.entries(EXTRA)) TYPES.set(w, [...letters].map((l) => LETTER[l]!));

/** A head noun read from the lexicon: its singular form, the types it can stand for, and whether it was plural. */
export interface NounSense {
  lemma: string;
  types: EntityType[];
  plural: boolean;
}

// Irregular plurals the suffix rules below cannot undo.
const IRREGULAR: Record<string, string> = { men: 'man', women: 'woman', people: 'people', police: 'police', children: 'child' };

/** Looks a lower-case noun up, undoing a regular plural ("militias" -> militia, "agencies" -> agency). */
export function nounSense(word: string): NounSense | null {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) {
    const types = TYPES.get(irregular);
    return types ? { lemma: irregular, types, plural: true } : null;
  }
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) {
    const stems = [w.slice(0, -1)];
    if (/(?:s|x|z|ch|sh)es$/.test(w)) stems.unshift(w.slice(0, -2));
    if (w.endsWith('ies')) stems.unshift(w.slice(0, -3) + 'y');
    for (const lemma of stems) {
      const types = TYPES.get(lemma);
      if (types) return { lemma, types, plural: true };
    }
  }
  const types = TYPES.get(w);
  return types ? { lemma: w, types, plural: false } : null;
}

const FORENAMES = forenames as Record<string, string>;

// Titles that say the gender: "Mr. Abadi", "Sheikh ...", "Queen ...".
const MALE_TITLES = new Set('mr mr. sir sheikh sheik king prince lord ayatollah emir sultan brother father pope'.split(' '));
const FEMALE_TITLES = new Set('mrs mrs. ms ms. miss madam madame lady queen princess dame sister mother'.split(' '));

/** 'M', 'F' or null for a title or first name ("Mr" -> M, "Fatima" -> F, "Abadi" -> null). */
export function genderOfWord(word: string): 'M' | 'F' | null {
  const w = word.toLowerCase();
  if (MALE_TITLES.has(w)) return 'M';
  if (FEMALE_TITLES.has(w)) return 'F';
  const g = FORENAMES[w];
  return g === 'M' || g === 'F' ? g : null;
}
