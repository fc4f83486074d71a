/** One left-to-right pass over a document: names update the discourse state, each reference is scored against it. */
import type { Span } from '../../model/index.js';
import type { InputMention } from '../types.js';
import { appearanceAt, namedLists, type Appearance, type NamedList } from './context.js';
import { detectReferences, type Reference } from './detect.js';
import { nonOverlapping } from './mentions.js';
import { featureIndex, listFeatures, nullFeatures, recentSetFeatures, singleFeatures, standsForCountry, type Features } from './features.js';
import { score, softmax } from './model.js';
import { observeMention, type Profile } from './profiles.js';
import { PREPOSITIONS, sentenceItems, type Item } from './sentence.js';

/** A possible antecedent: one entity, or several for a list. */
export interface Option {
  keys: string[];
  spans: Span[];
  type: Profile['type'];
  features: Features;
}

const DESCRIBED = featureIndex('descriptor');
const COUNTRY_FIT = featureIndex('country_fit');

/** What the pass reports for every reference, resolved or not (the trace the fitting script learns from). */
export interface Decision {
  reference: Reference;
  options: Option[];
  nullFeatures: Features;
  /** Probabilities of options[i], then of "nothing named" last. */
  probabilities: number[];
}

/** How many sentences back a name stays a candidate for a pronoun. */
const WINDOW = 3;
/** How many sentences back an entity described with the same noun stays a candidate ("the militia"). */
const DESCRIPTOR_REACH = 15;
/** A runner-up at least this fraction as likely as the best option makes the reference ambiguous. */
const AMBIGUITY = 0.75;
/** At most this many appearances are looked at per reference, however crowded the window: keeps the pass linear. */
const SCAN_LIMIT = 40;

// Clause boundaries: "X said that he ...", "X, who met him": a pronoun past one may name the subject.
const BREAKS = new Set([',', ';', ':', '"', '“', '”', 'that', 'who', 'which', 'when', 'because', 'after', 'before', 'if', 'while', 'although', 'though', 'since', 'until', 'whom', 'whose', 'said', 'says', 'told', 'as']);

/** Runs the pass; `visit` sees every decision in text order. `work.steps` counts appearances looked at. */
export function runPass(
  input: { text: string; sentences: Span[]; mentions: InputMention[] }, w: Float64Array, minConfidence: number,
  visit: (d: Decision, chosen: Option | null, p: number) => void, work: { steps: number },
): void {
  const mentions = nonOverlapping(input.mentions);
  const profiles = new Map<string, Profile>();
  const lastSeen = new Map<string, Appearance>();
  const described = new Map<string, string[]>();
  const recent: Appearance[][] = [];
  const recentLists: NamedList[][] = [];
  let from = 0;
  input.sentences.forEach((span, s) => {
    const { items, next } = sentenceItems(input.text, span, mentions, from);
    from = next;
    const here: Appearance[] = [];
    const lists = namedLists(items, s);
    const breaks = new Int32Array(items.length + 1);
    items.forEach((it, i) => (breaks[i + 1] = breaks[i]! + (BREAKS.has(it.lower) ? 1 : 0)));
    const refs = detectReferences(items);
    let r = 0;
    const resolveNext = (): void => {
      const ref = refs[r++]!;
      const options = candidates(ref, s, items, breaks, here, recent, lists, recentLists, profiles, lastSeen, described, work);
      const anyDescriptor = options.some((o) => o.keys.length === 1 && profiles.get(o.keys[0]!)!.descriptors.has(ref.head));
      const nf = nullFeatures(ref, options.length, anyDescriptor);
      const probabilities = softmax([...options.map((o) => score(w, o.features)), score(w, nf)]);
      let best = -1;
      for (let i = 0; i < options.length; i++) if (best < 0 || probabilities[i]! > probabilities[best]!) best = i;
      const p = best >= 0 ? probabilities[best]! : 0;
      // Two options nearly as likely ("Amiri and Fayyadh met ... He said"): ambiguous, left unresolved.
      const runnerUp = Math.max(0, ...probabilities.filter((_, i) => i !== best && i < options.length));
      const chosen = best >= 0 && p >= minConfidence && p > probabilities[options.length]! && runnerUp < AMBIGUITY * p ? options[best]! : null;
      visit({ reference: ref, options, nullFeatures: nf, probabilities }, chosen, p);
      if (chosen) remember(ref, chosen, s, items, here, lists, profiles, lastSeen);
    };
    for (let i = 0; i < items.length; i++) {
      while (r < refs.length && refs[r]!.item === i) resolveNext();
      const it = items[i]!;
      if (!it.mention) continue;
      const p = observeMention(profiles, items, i);
      for (const noun of p.descriptors) {
        const keys = (described.get(noun) ?? []).filter((k) => k !== p.key);
        keys.push(p.key);
        described.set(noun, keys.slice(-3));
      }
      const a = appearanceAt(items, i, s);
      here.push(a);
      lastSeen.set(a.key, a);
    }
    while (r < refs.length) resolveNext();
    recent.push(here);
    recentLists.push(lists);
    if (recent.length > WINDOW) recent.shift();
    if (recentLists.length > WINDOW) recentLists.shift();
  });
}

/** A resolved reference becomes an appearance of its entity, so "He ... his ... he" keeps the chain salient. */
function remember(ref: Reference, chosen: Option, s: number, items: readonly Item[], here: Appearance[], lists: NamedList[], profiles: Map<string, Profile>, lastSeen: Map<string, Appearance>): void {
  if (chosen.keys.length > 1) {
    lists.push({ keys: chosen.keys, spans: chosen.spans, types: chosen.keys.map((k) => profiles.get(k)!.type), sentence: s, start: ref.start, end: ref.end });
    return;
  }
  const p = profiles.get(chosen.keys[0]!)!;
  if (ref.gender && p.type === 'PERSON' && p.gender === null && !p.genderConflict) p.gender = ref.gender;
  const a: Appearance = {
    key: p.key, type: p.type, start: ref.start, end: ref.end, sentence: s, subject: ref.subject,
    possessor: ref.kind === 'possessive', oblique: PREPOSITIONS.has(items[ref.item - 1]?.lower ?? ''), viaReference: true, item: ref.item,
    name: chosen.spans[0]!,
  };
  here.push(a);
  lastSeen.set(p.key, a);
}

/** True when an entity can be what the reference stands for: type, gender and number allow it. */
function compatible(ref: Reference, p: Profile): boolean {
  if (p.type === 'MISC') return ref.plural && p.plural && ref.types.includes('PERSON');
  if (ref.gender && p.gender && ref.gender !== p.gender) return false;
  // "they" for one entity is an organisation ("the SDF ... they"), not a person or a place.
  if (ref.plural && p.type !== 'ORG') return false;
  // "the Iraqi militia" is not Iraq, nor the U.S.
  if (ref.demonym && (p.type === 'LOC' || p.country)) return false;
  // "the armed factions" names one organisation only if the text called it that ("Syrian Democratic Forces").
  if (ref.kind === 'collective' && !p.descriptors.has(ref.head)) return false;
  if (p.type === 'LOC' && standsForCountry(ref.head)) return p.country;
  return ref.types.includes(p.type) && (ref.count === 0 || !ref.plural);
}

function candidates(
  ref: Reference, s: number, items: readonly Item[], breaks: Int32Array, here: Appearance[], recent: Appearance[][],
  lists: NamedList[], recentLists: NamedList[][], profiles: Map<string, Profile>, lastSeen: Map<string, Appearance>,
  described: Map<string, string[]>, work: { steps: number },
): Option[] {
  const options: Option[] = [];
  const seen = new Set<string>();
  let scanned = 0;
  const consider = (a: Appearance): void => {
    work.steps++;
    scanned++;
    if (seen.has(a.key)) return;
    seen.add(a.key);
    const p = profiles.get(a.key)!;
    if (!compatible(ref, p)) return;
    // "X met him": an object pronoun in X's own clause is someone else.
    const binding = ref.kind === 'pronoun' && !ref.subject && a.sentence === s && a.subject && breaks[ref.item]! === breaks[a.item + 1]!;
    options.push({ keys: [a.key], spans: [a.name], type: p.type, features: singleFeatures(ref, s, a, p, options.length, binding) });
  };
  for (let i = here.length - 1; i >= 0 && scanned < SCAN_LIMIT; i--) if (here[i]!.end <= ref.start) consider(here[i]!);
  for (let j = recent.length - 1; j >= 0; j--) {
    const sentence = recent[j]!;
    for (let i = sentence.length - 1; i >= 0 && scanned < SCAN_LIMIT; i--) consider(sentence[i]!);
  }
  for (const key of ref.head ? (described.get(ref.head) ?? []) : []) {
    const a = lastSeen.get(key);
    if (a && s - a.sentence <= DESCRIPTOR_REACH) consider(a);
  }
  // An entity the text described with this very noun beats a country that a government noun could stand for.
  if (options.some((o) => o.features.has(DESCRIBED))) for (const o of options) o.features.delete(COUNTRY_FIT);
  // "the latter" / "the former": the last or first member of the most recent list.
  if (!ref.plural && ref.order && (ref.head === 'latter' || ref.head === 'former')) {
    options.length = 0;
    const list = [...lists].reverse().find((l) => l.end <= ref.start) ?? recentLists[recentLists.length - 1]?.[recentLists[recentLists.length - 1]!.length - 1];
    work.steps++;
    if (list) {
      const i = ref.order === 'last' ? list.keys.length - 1 : 0;
      options.push({ keys: [list.keys[i]!], spans: [list.spans[i]!], type: list.types[i]!, features: listFeatures(ref, s, list, list.keys.length, true) });
    }
    return options;
  }
  if (ref.plural) {
    const pool = [...lists.filter((l) => l.end <= ref.start)].reverse();
    for (let j = recentLists.length - 1; j >= 0; j--) pool.push(...[...recentLists[j]!].reverse());
    for (const list of pool) {
      work.steps++;
      const option = listOption(ref, s, list);
      if (option && !options.some((o) => o.keys.join() === option.keys.join())) options.push(option);
    }
  }
  if (ref.count >= 2) {
    // "the two leaders" after "Carter met Abadi": the most recent entities of the right type, not named as a list.
    const set: Appearance[] = [];
    const keys = new Set<string>();
    const take = (a: Appearance): void => {
      if (set.length < ref.count && !keys.has(a.key) && ref.types.includes(a.type) && (a.sentence < s || a.end <= ref.start)) {
        keys.add(a.key);
        set.push(a);
      }
    };
    for (let i = here.length - 1; i >= 0; i--) take(here[i]!);
    for (let j = recent.length - 1; j >= 0 && set.length < ref.count; j--) for (let i = recent[j]!.length - 1; i >= 0; i--) take(recent[j]![i]!);
    work.steps += set.length;
    if (set.length === ref.count && !options.some((o) => o.keys.length === set.length && set.every((a) => o.keys.includes(a.key)))) {
      set.reverse();
      options.push({ keys: set.map((a) => a.key), spans: set.map((a) => a.name), type: set[0]!.type, features: recentSetFeatures(ref, s, set[0]!.sentence, set[0]!.type) });
    }
  }
  return options;
}

/** The part of a list a collective names: all of it, "the last three", "the first two"; null when it cannot fit. */
function listOption(ref: Reference, s: number, list: NamedList): Option | null {
  if (!list.types.every((t) => ref.types.includes(t))) return null;
  const n = list.keys.length;
  if (ref.count > n) return null;
  let from = 0;
  let to = n;
  if (ref.count > 0 && ref.count < n) {
    if (ref.order === 'first') to = ref.count;
    else if (ref.order === 'last') from = n - ref.count;
    else return null;
  }
  return {
    keys: list.keys.slice(from, to), spans: list.spans.slice(from, to), type: list.types[from]!,
    features: listFeatures(ref, s, list, n, to - from < n),
  };
}
