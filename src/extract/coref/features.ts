/** The features the scorer weighs for one reference and one candidate antecedent (an entity or a list of them). */
import type { Reference } from './detect.js';
import type { Appearance } from './context.js';
import type { Profile } from './profiles.js';
import type { NamedList } from './context.js';

/** Names of candidate features, in weight-vector order. */
export const CANDIDATE_FEATURES = [
  'dist', 'dist_definite', 'same_sentence', 'rank', 'subject', 'parallel', 'possessor', 'oblique', 'descriptor',
  'head_only', 'gender_known', 'mentions', 'binding', 'via_reference', 'country_fit', 'country_miss', 'plural_name',
  'they_single', 'list', 'list_exact', 'list_cut', 'list_longer', 'group_people', 'far_descriptor', 'generic_head',
  'recent_set', 'settlement_country', 'list_pronoun', 'list_adjacent', 'set_head_fits', 'place_for_it',
] as const;

/** Names of the features of the "refers to nothing named" option. */
export const NULL_FEATURES = [
  'null_pronoun', 'null_possessive', 'null_definite', 'null_collective', 'null_pleonastic', 'null_it', 'null_they',
  'null_no_descriptor', 'null_candidates',
] as const;

/** Every feature name; weights are stored by name. */
export const FEATURES: readonly string[] = [...CANDIDATE_FEATURES, ...NULL_FEATURES];
const INDEX = new Map(FEATURES.map((f, i) => [f, i]));

/** A sparse feature vector: feature index -> value. */
export type Features = Map<number, number>;

/** Index of a feature by name. */
export function featureIndex(name: string): number {
  return INDEX.get(name)!;
}

/** Sets a feature by name (skipping zeros). */
export function put(f: Features, name: string, value: number | boolean): void {
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  if (v !== 0) f.set(INDEX.get(name)!, v);
}

// Nouns for a government, which the text may leave to its country: "the regime", "the government" after "Syria".
const GOVERNMENT = new Set(['government', 'regime', 'administration', 'authority', 'state', 'country', 'nation', 'republic']);

// Places inside a country: "the city" is not the country named before it.
const SETTLEMENTS = new Set(['city', 'town', 'village', 'capital', 'camp', 'district', 'neighbourhood', 'neighborhood', 'province']);

// The most general nouns of each type fit any entity of it: "the group" for any organisation.
const GENERIC = new Set(['group', 'organisation', 'organization', 'body', 'person', 'place', 'area', 'region', 'team', 'side', 'unit']);

/** The government nouns that may stand for a country named before. */
export function standsForCountry(head: string): boolean {
  return GOVERNMENT.has(head);
}

/** Features of a single-entity candidate, seen last at `last`, for reference `r` in sentence `sentence`. */
export function singleFeatures(r: Reference, sentence: number, last: Appearance, p: Profile, rank: number, binding: boolean): Features {
  const f: Features = new Map();
  const dist = sentence - last.sentence;
  // Pronouns fade fast with distance; a description can reach back further ("The militia" three sentences on).
  const described = r.head !== '' && p.descriptors.has(r.head);
  if (r.kind === 'pronoun' || r.kind === 'possessive') put(f, 'dist', Math.min(dist, 6));
  else put(f, 'dist_definite', Math.log(1 + dist));
  put(f, 'same_sentence', dist === 0);
  put(f, 'rank', Math.min(rank, 5));
  put(f, 'subject', last.subject);
  put(f, 'parallel', last.subject && r.subject);
  put(f, 'possessor', last.possessor);
  put(f, 'oblique', last.oblique);
  put(f, 'descriptor', described);
  put(f, 'far_descriptor', described && dist > 3);
  const generic = GENERIC.has(r.head);
  put(f, 'generic_head', generic && !described);
  put(f, 'head_only', r.head !== '' && !described && !generic && !standsForCountry(r.head));
  put(f, 'gender_known', r.gender !== null && p.gender === r.gender);
  put(f, 'mentions', Math.log(1 + p.mentions));
  put(f, 'binding', binding);
  put(f, 'via_reference', last.viaReference);
  const countryNoun = standsForCountry(r.head);
  put(f, 'country_fit', countryNoun && p.country);
  put(f, 'settlement_country', SETTLEMENTS.has(r.head) && p.country);
  put(f, 'country_miss', countryNoun && !p.country);
  put(f, 'plural_name', r.plural && p.plural);
  put(f, 'they_single', r.plural && !p.plural);
  put(f, 'group_people', p.type === 'MISC');
  // "it"/"its" stand for an organisation more often than for a place.
  put(f, 'place_for_it', p.type === 'LOC' && r.head === '' && !r.plural && r.gender === null);
  return f;
}

/** Features of a list candidate: "Kataib Hezbollah, Asaib Ahl al-Haq and Badr" for "the three" or "they". */
export function listFeatures(r: Reference, sentence: number, list: NamedList, size: number, cut: boolean): Features {
  const f: Features = new Map();
  const dist = sentence - list.sentence;
  // "Adams and Platt are both injured", "X and his wife Y, both 50": the list right before the quantifier.
  put(f, 'list_adjacent', dist === 0 && r.start - list.end <= 12);
  put(f, 'set_head_fits', r.head !== '' && list.types.every((t) => r.types.includes(t)));
  put(f, 'dist', Math.min(dist, 6));
  put(f, 'same_sentence', dist === 0);
  // "they" after a list is often one of its members or none of them; "both"/"the two" after one names it.
  put(f, r.kind === 'pronoun' || r.kind === 'possessive' ? 'list_pronoun' : 'list', 1);
  put(f, 'list_exact', r.count > 0 && r.count === size);
  put(f, 'list_cut', cut);
  put(f, 'list_longer', r.count === 0 && size > 2);
  return f;
}

/** Features of a set of the most recent compatible entities, for "the two leaders" after "Carter met Abadi". */
export function recentSetFeatures(r: Reference, sentence: number, oldest: number, type: Profile['type']): Features {
  const f: Features = new Map();
  put(f, 'set_head_fits', r.head !== '' && r.types.includes(type));
  put(f, 'dist', Math.min(sentence - oldest, 6));
  put(f, 'recent_set', 1);
  put(f, 'generic_head', GENERIC.has(r.head));
  return f;
}

/** Features of the option that the reference names no entity of the text (generic, pleonastic, unnamed). */
export function nullFeatures(r: Reference, candidates: number, anyDescriptor: boolean): Features {
  const f: Features = new Map();
  put(f, `null_${r.kind}`, 1);
  put(f, 'null_pleonastic', r.pleonastic);
  put(f, 'null_it', r.kind === 'pronoun' && !r.plural && r.gender === null);
  put(f, 'null_they', r.kind === 'pronoun' && r.plural);
  put(f, 'null_no_descriptor', r.head !== '' && !anyDescriptor && !standsForCountry(r.head));
  put(f, 'null_candidates', Math.log(1 + candidates));
  return f;
}
