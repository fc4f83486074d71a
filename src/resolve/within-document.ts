/**
 * Within-document resolution: which mentions of one document name the same thing. Rules, in order:
 * same normalised name (whatever the recogniser's type), organisation-name variants, acronym definitions,
 * equivalences the text states, uses of defined acronyms and acronyms matching initials, and partial names
 * referring back (or, when unambiguous, forward) to a full name. Every union records its rule.
 */
import type { EntityType } from '../model/index.js';
import { acronymKey, expandsAcronym, isAcronym, parentheticalAfter } from './acronyms.js';
import { initialsOfName, isSameEntity } from './match.js';
import { comparableWords } from './name-key.js';
import { normalizeName, stripPossessive, stripTitles } from './normalize.js';
import { Partition } from './partition.js';
import { OrderedCandidates } from './ordered-candidates.js';
import { isOrgQualifier, NAME_PARTICLES } from './titles.js';

/** A mention as the resolver needs it: offsets into the document text, type and text. */
export interface DocumentMention {
  /** Offset of the first character in the document text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** Type the recogniser gave. */
  type: EntityType;
  /** The mention as written, titles and possessives included ("Gen. Qassem Soleimani's"). */
  text: string;
}

/** Why two mentions were put together. */
export interface ClusterReason {
  /** "same-name" (any type), "org-variant", "acronym-definition", "stated-alias", "surname-other-type", "given-name-other-type", "acronym-alias", "acronym-initials", "partial-name", "partial-name-forward". */
  rule: string;
  /** The mentions involved, quoted, for a human to check. */
  detail: string;
}

/** Mentions of one document that name one entity. */
export interface DocumentCluster {
  /** Best display name: the fullest non-acronym form, titles and possessives removed. */
  canonical: string;
  /** The type most of its mentions carry. */
  type: EntityType;
  /** Indexes into the input mention array, ascending. */
  mentionIndexes: number[];
  /** One reason per union, in the order the rules ran. */
  reasons: ClusterReason[];
}

/** What the rules look at for each mention. */
interface Prepared {
  index: number;
  m: DocumentMention;
  display: string;
  norm: string;
  words: string[];
  acronym: boolean;
}

/** The name as shown: possessive, a leading "the" and (for people) titles removed. */
function displayName(m: DocumentMention): string {
  const bare = stripPossessive(m.text).replace(/^the\s+/i, '');
  return m.type === 'PERSON' ? stripTitles(bare) : bare;
}

// In both helpers words must be equal, not just share a skeleton: one document spells a name one way, and
// "Kadhimi" (the prime minister) and "al-Kadhim" (an imam) share one.

/** True when `part` occurs in `whole` as consecutive words ("revolutionary guard" in "islamic revolutionary guard"). */
function containsRun(whole: string[], part: string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((w, j) => whole[i + j] === w)) return true;
  }
  return false;
}

/** True when every word of `part` is among `whole`'s words, in any order ("Kadhimi" in "Mustafa al-Kadhimi"). */
function containsWords(whole: string[], part: string[]): boolean {
  return part.every((w) => whole.includes(w));
}

/** Whether mention `p` can stand for the longer name `full` of the same type. */
function isPartialOf(p: Prepared, full: Prepared): boolean {
  if (p.m.type !== full.m.type || full.words.length <= p.words.length || p.acronym) return false;
  // "Abu" or "al" alone names nobody.
  if (p.words.every((w) => NAME_PARTICLES.has(w))) return false;
  if (p.m.type === 'PERSON') return containsWords(full.words, p.words);
  if (p.m.type !== 'ORG') return false;
  // "Hezbollah" after "Lebanese Hezbollah", "Ministry of Intelligence" after "Iranian Ministry of Intelligence",
  // "Dawa Party" after "Islamic Dawa Party".
  if (isOrgQualifier(full.words[0] ?? '') && full.words.slice(1).join(' ') === p.words.join(' ')) return true;
  // One word may only stand for an organisation it begins ("Hashd" for "Hashd al-Shaabi"); "Hezbollah" inside
  // "Kataeb Hezbollah" is usually another organisation.
  if (p.words.length === 1) return full.words[0] === p.words[0];
  return containsRun(full.words, p.words);
}

const quote = (p: Prepared): string => `"${p.m.text}"`;

// Text between two names that states they are one: "Hashd al-Shaabi, also known as the Popular Mobilization
// Forces", "Popular Mobilization Forces (Hashd al-Shaabi)", "the Hashd, or Popular Mobilization Units,".
const STATED_ALIAS = [
  /^\s*,?\s*(?:also\s+|better\s+|commonly\s+|widely\s+|formerly\s+)?known\s+as\s+(?:the\s+)?["“']?$/iu,
  /^\s*,?\s*(?:a\.?k\.?a\.?|also\s+called)\s+(?:the\s+)?["“']?$/iu,
  /^\s*\(\s*(?:the\s+)?(?:also\s+known\s+as\s+|a\.?k\.?a\.?\s+)?$/iu,
];

/** Organisation or "other": recognisers confuse the two, and only they are renamed in brackets or with "or". */
const isOrgLike = (t: EntityType): boolean => t === 'ORG' || t === 'MISC';

/**
 * True when the text between two mentions states they are one name, and what follows closes the statement.
 * Brackets and ", or" only join organisations: after a place they usually qualify it ("Iraq (Baghdad)").
 */
function statesAlias(text: string, p: Prepared, q: Prepared): boolean {
  const between = text.slice(p.m.end, q.m.start);
  const after = text.slice(q.m.end, q.m.end + 3);
  const orgs = isOrgLike(p.m.type) && isOrgLike(q.m.type);
  if (between.length > 40 || p.acronym || q.acronym || !(orgs || p.m.type === q.m.type)) return false;
  if (/^\s*\(/.test(between)) return orgs && STATED_ALIAS[2]?.test(between) === true && /^['’]?s?\s*\)/.test(after);
  if (/^\s*,\s*or\s+(?:the\s+)?$/iu.test(between)) return orgs && /^\s*[,)]/.test(after);
  return STATED_ALIAS.slice(0, 2).some((r) => r.test(between));
}

/** Groups the mentions of one document into entities, recording the rule behind every grouping. */
export function resolveWithinDocument(text: string, mentions: DocumentMention[]): { clusters: DocumentCluster[] } {
  const prepared: Prepared[] = mentions.map((m, index) => {
    const norm = normalizeName(m.text, m.type);
    return { index, m, display: displayName(m), norm, words: comparableWords(norm, m.type), acronym: isAcronym(displayName(m)) };
  });
  const byStart = [...prepared].sort((a, b) => a.m.start - b.m.start || a.index - b.index);
  const uf = new Partition<ClusterReason>(mentions.length);
  const longForms = new Map<number, string>(); // mention index -> long form defined in a parenthesis, not itself a mention
  const adopted = new Set<string>(); // norms of lone family or given names that joined a person despite their type

  // 1. Same normalised name, whatever type the recogniser gave each mention (it often types one name two
  // ways in one document), and organisation variants ("Revolutionary Guards Corps" / "the Revolutionary Guard").
  const seen = new Map<string, Prepared>();
  for (const p of byStart) {
    if (p.norm === '') continue;
    const exact = seen.get(p.norm);
    if (exact) uf.union(exact.index, p.index, { rule: 'same-name', detail: `${quote(p)} = ${quote(exact)}` });
    else seen.set(p.norm, p);
    if (p.m.type !== 'ORG' || p.acronym) continue;
    const variant = seen.get(`ORG~${p.words.join(' ')}`);
    if (variant && variant.norm !== p.norm) uf.union(variant.index, p.index, { rule: 'org-variant', detail: `${quote(p)} ~ ${quote(variant)}` });
    else if (!variant) seen.set(`ORG~${p.words.join(' ')}`, p);
  }

  // 2. Definitions: "Islamic Revolutionary Guard Corps (IRGC)" and "PMU (Popular Mobilization Forces)".
  const aliases = new Map<string, Prepared>(); // acronym key -> mention that defined it
  for (const p of byStart) {
    const paren = parentheticalAfter(text, p.m.end);
    if (paren === null) continue;
    // People's names are not defined as acronyms; "Salim al-Jabouri (SDP)" names his party.
    if (p.m.type === 'PERSON') continue;
    // A definition is explicit, so it holds even when the recogniser typed an organisation as "other".
    let inside: Prepared | undefined;
    for (let k = firstAtOrAfter(byStart, paren.start); k < byStart.length && byStart[k]!.m.start <= paren.end && !inside; k++) {
      const q = byStart[k]!;
      if (q.m.end <= paren.end && (q.m.type === p.m.type || (isOrgLike(q.m.type) && isOrgLike(p.m.type)))) inside = q;
    }
    const detail = `${quote(p)} (${paren.text})`;
    if (!p.acronym && isAcronym(paren.text) && expandsAcronym(p.norm, paren.text)) {
      if (!aliases.has(acronymKey(paren.text))) aliases.set(acronymKey(paren.text), p);
      if (inside) uf.union(p.index, inside.index, { rule: 'acronym-definition', detail });
    } else if (p.acronym && !isAcronym(paren.text) && /\s/.test(paren.text) && expandsAcronym(normalizeName(paren.text, p.m.type), p.display)) {
      if (!aliases.has(acronymKey(p.display))) aliases.set(acronymKey(p.display), p);
      if (inside) uf.union(p.index, inside.index, { rule: 'acronym-definition', detail });
      else longForms.set(p.index, paren.text);
    }
  }

  // 2b. Stated equivalences between two full names.
  byStart.forEach((p, k) => {
    const q = byStart[k + 1];
    if (q && statesAlias(text, p, q)) {
      uf.union(p.index, q.index, { rule: 'stated-alias', detail: `"${text.slice(p.m.start, q.m.end)}"` });
    }
  });

  // 3. Every use of a defined acronym, before or after the definition; else an acronym of a unique organisation's initials.
  const byInitials = new Map<string, Prepared[]>(); // initials -> organisations (not acronyms) with them, in text order
  for (const q of byStart) {
    if (q.m.type !== 'ORG' || q.acronym) continue;
    for (const i of initialsOfName(q.display, q.m.type)) {
      const list = byInitials.get(i);
      if (list) list.push(q);
      else byInitials.set(i, [q]);
    }
  }
  const initialsLists = new Map<string, OrderedCandidates<Prepared>>();
  for (const p of byStart.filter((q) => q.acronym)) {
    const definer = aliases.get(acronymKey(p.display));
    if (definer) {
      uf.union(definer.index, p.index, { rule: 'acronym-alias', detail: `${quote(p)} defined at ${quote(definer)}` });
      continue;
    }
    if (p.m.type !== 'ORG') continue;
    const key = acronymKey(p.display);
    let matches = initialsLists.get(key);
    if (!matches) initialsLists.set(key, (matches = new OrderedCandidates(byInitials.get(key) ?? [])));
    const first = matches.items[0];
    if (first && matches.prefixInOneSet(uf, matches.items.length)) uf.union(first.index, p.index, { rule: 'acronym-initials', detail: `${quote(p)} = initials of ${quote(first)}` });
  }

  // 4. Partial names: "Soleimani" after "Qassem Soleimani" joins the nearest earlier full name; with none
  // earlier, a later full name is used only when it is the only candidate.
  // Every word of a partial name is in its full name, so the full names holding its rarest word are the candidates
  // (not those holding its first word: in a ledger of "TX-1" ... "TX-40000" every mention holds "tx", and listing them
  // for each code was quadratic).
  const byWord = new Map<string, Prepared[]>();
  for (const q of byStart) {
    for (const w of new Set(q.words)) {
      const list = byWord.get(w);
      if (list) list.push(q);
      else byWord.set(w, [q]);
    }
  }
  // Mentions of one shape (type, words, acronym or not) have the same candidates: they are listed once per shape.
  const plans = new Map<string, PartialPlan>();
  const people = new FullPeople(prepared, uf);
  for (const p of byStart) {
    const shape = `${p.m.type}|${p.acronym}|${/\s/.test(p.display)}|${p.words.join(' ')}`;
    let plan = plans.get(shape);
    if (!plan) plans.set(shape, (plan = partialPlan(p, rarestHolders(p.words, byWord))));
    const nEarlier = plan.partial.countBefore(p.m.start);
    // A lone family name ("Soleimani") takes the nearest person it ends; any other lone word ("Ali",
    // "Hashd") only an entity it cannot be confused with.
    const nSurname = plan.surname?.countBefore(p.m.start) ?? 0;
    // Recognisers often type a lone family name as an organisation or "other" ("Kadhimi ... Araji told MEE");
    // after a person with that family name it is that person.
    const otherType = nEarlier === 0 && plan.asSurname ? plan.asSurname.items[plan.asSurname.countBefore(p.m.start) - 1] : undefined;
    if (otherType) {
      uf.union(otherType.index, p.index, { rule: 'surname-other-type', detail: `${quote(p)} (${p.m.type}) -> ${quote(otherType)}` });
      adopted.add(p.norm);
      continue;
    }
    // The same for a lone given name ("Jean-Bernard" typed as an organisation after "Jean-Bernard Lévy"), when one
    // person only has that first name: two people sharing it leave it alone.
    const nGiven = nEarlier === 0 && plan.asGiven ? plan.asGiven.countBefore(p.m.start) : 0;
    const given = plan.asGiven?.items[nGiven - 1];
    if (given && plan.asGiven!.prefixInOneSet(uf, nGiven)) {
      uf.union(given.index, p.index, { rule: 'given-name-other-type', detail: `${quote(p)} (${p.m.type}) -> ${quote(given)}` });
      adopted.add(p.norm);
      continue;
    }
    const nearest = nSurname > 0 ? plan.surname!.items[nSurname - 1] : plan.partial.items[nEarlier - 1];
    if (nearest) {
      const unique = p.words.length > 1 || nSurname > 0 || plan.partial.prefixInOneSet(uf, nEarlier);
      if (unique && !people.conflict(nearest.index, p.index)) uf.union(nearest.index, p.index, { rule: 'partial-name', detail: `${quote(p)} -> ${quote(nearest)}` });
      continue;
    }
    const later = plan.partial.firstAfter(p.m.start);
    const first = plan.partial.items[later];
    if (first && plan.partial.suffixInOneSet(uf, later) && !people.conflict(first.index, p.index)) {
      uf.union(first.index, p.index, { rule: 'partial-name-forward', detail: `${quote(p)} -> ${quote(first)}` });
    }
  }

  return { clusters: collect(prepared, uf, longForms, adopted) };
}

/**
 * The full names of people (two words or more) in each set of mentions, to keep two people apart: every lone
 * "Yeltsin" of a text is one set by its spelling, so after "Naina Yeltsin" took it, joining it to "Boris Yeltsin"
 * would make one person of both. Cached per set and its size (sets only grow).
 */
class FullPeople {
  private readonly cache = new Map<string, string[]>();
  constructor(private readonly prepared: readonly Prepared[], private readonly uf: Partition<ClusterReason>) {}

  private of(i: number): string[] {
    const id = `${this.uf.find(i)}:${this.uf.size(i)}`;
    let names = this.cache.get(id);
    if (!names) {
      names = [...new Set(this.uf.members(i).map((j) => this.prepared[j]!).filter((q) => q.m.type === 'PERSON' && q.words.length >= 2).map((q) => q.norm))];
      this.cache.set(id, names);
    }
    return names;
  }

  /** True when joining the sets of `a` and `b` would hold two full names of people that are not one name. */
  conflict(a: number, b: number): boolean {
    if (this.uf.find(a) === this.uf.find(b)) return false;
    const right = this.of(b);
    return right.length > 0 && this.of(a).some((x) => right.some((y) => x !== y && !isSameEntity(x, y, 'PERSON')));
  }
}

/** The candidates of step 4 for every mention of one shape, in text order (see resolveWithinDocument). */
interface PartialPlan {
  /** Longer names `p` can stand for. */
  partial: OrderedCandidates<Prepared>;
  /** Of those, the people whose name `p` ends (`p` a one-word person's name). */
  surname?: OrderedCandidates<Prepared>;
  /** People whose family name `p` is, when `p` is one word typed as an organisation or "other". */
  asSurname?: OrderedCandidates<Prepared>;
  /** People whose given name `p` is, when `p` is one written word typed as an organisation or "other". */
  asGiven?: OrderedCandidates<Prepared>;
}

/** The mentions holding the word of `words` that the fewest mentions hold (each list in text order). */
function rarestHolders(words: readonly string[], byWord: Map<string, Prepared[]>): Prepared[] {
  let best: Prepared[] | undefined;
  for (const w of words) {
    const list = byWord.get(w) ?? [];
    if (best === undefined || list.length < best.length) best = list;
  }
  return best ?? [];
}

/** Lists the candidates of one mention shape among `holders` (the mentions holding one of its words, in text order). */
function partialPlan(p: Prepared, holders: Prepared[]): PartialPlan {
  const partial = holders.filter((q) => isPartialOf(p, q));
  const oneWord = p.words.length === 1;
  const otherType = isOrgLike(p.m.type) && !p.acronym;
  const plan: PartialPlan = { partial: new OrderedCandidates(partial) };
  if (p.m.type === 'PERSON' && oneWord) plan.surname = new OrderedCandidates(partial.filter((q) => q.words.at(-1) === p.words[0]));
  if (oneWord && otherType) {
    plan.asSurname = new OrderedCandidates(holders.filter((q) => q.m.type === 'PERSON' && q.words.length > 1 && q.words.at(-1) === p.words[0]));
  }
  // A given name is one written word, compared by its parts ("Jean-Bernard" = "jean bernard").
  if (!/\s/.test(p.display) && otherType) {
    plan.asGiven = new OrderedCandidates(holders.filter((q) => q.m.type === 'PERSON' && q.words.length > p.words.length && p.words.every((w, k) => q.words[k] === w)));
  }
  return plan;
}

/** Index of the first mention starting at or after `start`, in mentions sorted by start. */
function firstAtOrAfter(byStart: readonly Prepared[], start: number): number {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStart[mid]!.m.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The type most mentions of a cluster carry (lone family names typed otherwise do not vote); ties go to the first. */
function majorityType(members: Prepared[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const p of members) counts.set(p.m.type, (counts.get(p.m.type) ?? 0) + 1);
  let best: EntityType = members[0]?.m.type ?? 'MISC';
  for (const [type, n] of counts) if (n > (counts.get(best) ?? 0)) best = type;
  return best;
}

/** Turns the union-find into clusters ordered by first mention, each with its canonical name. */
function collect(prepared: Prepared[], uf: Partition<ClusterReason>, longForms: Map<number, string>, adopted: Set<string>): DocumentCluster[] {
  const groups = new Map<number, Prepared[]>();
  for (const p of [...prepared].sort((a, b) => a.m.start - b.m.start || a.index - b.index)) {
    const root = uf.find(p.index);
    const group = groups.get(root);
    if (group) group.push(p);
    else groups.set(root, [p]);
  }
  return [...groups.entries()].map(([root, members]) => {
    // Fullest written form wins; a long form only given in brackets beats an acronym.
    const names = members.map((p) => ({ name: p.display, words: p.acronym ? 0 : p.words.length }));
    for (const p of members) {
      const long = longForms.get(p.index);
      if (long !== undefined) names.push({ name: long, words: long.split(/\s+/).length });
    }
    const best = names.reduce((x, y) => (y.words > x.words ? y : x));
    return {
      canonical: best.name,
      type: majorityType(members.filter((p) => !adopted.has(p.norm)).length > 0 ? members.filter((p) => !adopted.has(p.norm)) : members),
      mentionIndexes: members.map((p) => p.index).sort((a, b) => a - b),
      reasons: uf.reasons(root),
    };
  });
}
