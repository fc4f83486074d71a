/**
 * Features of a candidate pair (two mentions of one sentence, in text order): the entity types, the words between
 * and around them, trigger words, negation and hedge cues, the dependency path between their heads when the sentence
 * is parsed, and the rules' verdicts. Strings, so a model can say why it decided ("p:nsubj|obj lca:meet").
 */
import type { SentenceView } from './sentence-view.js';
import { TRIGGER_TYPES, roughLemma } from './triggers.js';
import { countryOf } from '../../resolve/countries.js';
import { normalizeName } from '../../resolve/normalize.js';
import { collapsedPathFeatures } from './path-collapsed.js';
import { EMPTY_LEXICON, type WordLexicon } from './word-lexicon.js';

const countryCache = new Map<string, boolean>();

/** True when a mention's text names a country or its people ("Iraq", "U.S.", "Iranian"); cached per spelling. */
function isCountry(text: string): boolean {
  let yes = countryCache.get(text);
  if (yes === undefined) {
    yes = countryOf(normalizeName(text, 'LOC')) !== null || countryOf(normalizeName(text, 'MISC')) !== null;
    if (countryCache.size > 50_000) countryCache.clear();
    countryCache.set(text, yes);
  }
  return yes;
}

/** Children of every token, computed once per parsed sentence (features ask for them per pair). */
function childrenOf(view: SentenceView): number[][] {
  const cached = childCache.get(view);
  if (cached) return cached;
  const head = view.parse!.head;
  const kids: number[][] = Array.from({ length: head.length }, () => []);
  for (let k = 0; k < head.length; k++) if (head[k]! >= 0) kids[head[k]!]!.push(k);
  childCache.set(view, kids);
  return kids;
}

const childCache = new WeakMap<SentenceView, number[][]>();

const LETTER = { PERSON: 'P', ORG: 'O', LOC: 'L', MISC: 'M' } as const;

const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'deny', 'denied', 'denies', 'denying', 'reject', 'rejected', 'dismissed', 'refused']);
const HEDGES = new Set(['may', 'might', 'could', 'would', 'will', 'should', 'allegedly', 'reportedly', 'possibly', 'likely',
  'try', 'tried', 'trying', 'plan', 'plans', 'planned', 'seek', 'sought', 'want', 'wanted', 'intend', 'intends', 'suspected', 'if']);

/** Buckets a count so near values share a feature. */
function bucket(n: number): string {
  if (n <= 4) return String(n);
  if (n <= 6) return '5-6';
  if (n <= 9) return '7-9';
  if (n <= 14) return '10-14';
  if (n <= 20) return '15-20';
  return '21+';
}

/** Lemma of token k: the parse's when there is one, else a rough one. */
function lemmaAt(view: SentenceView, k: number): string {
  return view.parse?.lemma[k] ?? roughLemma(view.tokens[k]!.text);
}

/** A token as a context word: mentions become their type letter, numbers "#". */
function wordAt(view: SentenceView, k: number): string {
  if (k < 0) return '<s>';
  if (k >= view.tokens.length) return '</s>';
  const m = view.tokenMention[k]!;
  if (m >= 0) return `[${LETTER[view.mentions[m]!.type]}]`;
  const w = lemmaAt(view, k);
  return /^\d/.test(w) ? '#' : w;
}

/** Content words only take soft triggers and clusters: function words' vectors say little about a relation. */
const CONTENT = new Set(['NOUN', 'VERB', 'ADJ']);

/** The soft trigger types (word-lexicon.ts) of token k: a content word close to a type's trigger words. */
function softTypes(view: SentenceView, lex: WordLexicon, k: number): readonly string[] {
  if (lex.soft.size === 0 || view.parse === undefined || !CONTENT.has(view.parse.upos[k]!) || view.tokenMention[k]! >= 0) return [];
  return lex.soft.get(view.lower[k]!) ?? [];
}

/** The vector cluster of token k (content words only), or undefined. */
function clusterOf(view: SentenceView, lex: WordLexicon, k: number): number | undefined {
  if (lex.cluster.size === 0 || view.parse === undefined || !CONTENT.has(view.parse.upos[k]!) || view.tokenMention[k]! >= 0) return undefined;
  return lex.cluster.get(view.lower[k]!);
}

/**
 * Where features go as they are read: a list of strings (pairFeatures), or the hashed scorer (hashed.ts), which
 * scores without building the strings. A feature is the concatenation of its parts (up to six, so no array is made).
 */
export interface FeatureSink {
  add(a: string, b?: string, c?: string, d?: string, e?: string, g?: string): void;
}

/** Collects the features as strings. */
class ListSink implements FeatureSink {
  readonly out: string[] = [];
  add(a: string, b?: string, c?: string, d?: string, e?: string, g?: string): void {
    this.out.push(b === undefined ? a : a + b + (c ?? '') + (d ?? '') + (e ?? '') + (g ?? ''));
  }
}

/**
 * The features of the pair (i, j), i before j; `extra` holds features computed elsewhere (rule verdicts); `lex` the
 * model's word lexicon (soft triggers and vector clusters), empty for a model without one.
 */
export function pairFeatures(view: SentenceView, i: number, j: number, extra: readonly string[] = [], lex: WordLexicon = EMPTY_LEXICON): string[] {
  const sink = new ListSink();
  emitPairFeatures(view, i, j, extra, lex, sink);
  // Once each: training counts a feature once per example, so scoring must too ("bw:the" for two "the"s between).
  return [...new Set(sink.out)];
}

/** pairFeatures' features in the order it reads them, repeats included, into `f`. */
export function emitPairFeatures(view: SentenceView, i: number, j: number, extra: readonly string[], lex: WordLexicon, f: FeatureSink): void {
  const A = view.mentions[i]!;
  const B = view.mentions[j]!;
  const [a0, a1] = view.mentionTokens[i]!;
  const [b0, b1] = view.mentionTokens[j]!;
  const tp = `${LETTER[A.type]}${LETTER[B.type]}`;
  const ptp = `|${tp}`;
  // Whether each end names a country (by name or adjective): countries are not "in" countries, people head them.
  const cty = `cty:${isCountry(A.text) ? 1 : 0}${isCountry(B.text) ? 1 : 0}`;
  f.add('bias');
  f.add('ty:', tp);
  f.add(cty, ptp);
  for (const e of extra) f.add(e);
  for (const e of extra) f.add(e, ptp);
  const gap = Math.max(0, b0 - a1);
  const dist = bucket(gap);
  f.add('dist:', dist);
  f.add('dist:', dist, ptp);
  // Words between, with mentions as type letters; long gaps keep their two ends.
  const between: number[] = [];
  for (let k = a1; k < b0; k++) if (gap <= 12 || k < a1 + 6 || k >= b0 - 6) between.push(k);
  let mentionsBetween = 0;
  let commas = 0;
  for (const k of between) {
    const w = wordAt(view, k);
    if (w.startsWith('[')) {
      if (view.tokenMention[k] !== view.tokenMention[k - 1]) mentionsBetween++;
      continue;
    }
    if (w === ',') commas++;
    f.add('bw:', w);
    f.add('bw:', w, ptp);
    for (const t of TRIGGER_TYPES.get(w) ?? []) {
      f.add('tb:', t);
      f.add('tb:', t, ptp);
    }
    for (const t of softTypes(view, lex, k)) {
      f.add('tb:', t, '|~');
      f.add('tb:', t, ptp, '|~');
    }
    const bc = clusterOf(view, lex, k);
    if (bc !== undefined) f.add('bwk:', String(bc), ptp);
    if (NEGATIONS.has(w)) f.add('neg');
    if (HEDGES.has(w)) f.add('hedge');
  }
  f.add('mb:', String(Math.min(mentionsBetween, 3)));
  f.add('commas:', String(Math.min(commas, 3)), ptp);
  if (gap <= 4) f.add('gap:', between.map((k) => wordAt(view, k)).join('_'), ptp);
  if (gap > 0) {
    f.add('bf:', wordAt(view, a1));
    f.add('bl:', wordAt(view, b0 - 1));
  }
  const am1 = wordAt(view, a0 - 1);
  const bp1 = wordAt(view, b1);
  f.add('a-1:', am1);
  f.add('a-2:', wordAt(view, a0 - 2));
  f.add('b+1:', bp1);
  f.add('b+2:', wordAt(view, b1 + 1));
  f.add('a-1b+1:', am1, '|', bp1);
  for (let k = Math.max(0, a0 - 3); k < a0; k++) for (const t of TRIGGER_TYPES.get(wordAt(view, k)) ?? []) f.add('tw:', t, ptp);
  for (let k = b1; k < Math.min(view.tokens.length, b1 + 3); k++) for (const t of TRIGGER_TYPES.get(wordAt(view, k)) ?? []) f.add('tw:', t, ptp);
  if (view.parse !== undefined) pathFeatures(view, i, j, tp, f, lex);
}

/** The token of a mention whose head lies outside it (the mention's syntactic head). */
export function headToken(view: SentenceView, m: number): number {
  const [s, e] = view.mentionTokens[m]!;
  const head = view.parse!.head;
  for (let k = e - 1; k >= s; k--) if (head[k]! < s || head[k]! >= e) return k;
  return e - 1;
}

/** Ancestors of token k, itself first, up to the root. */
function ancestors(head: Int32Array, k: number): number[] {
  const out: number[] = [];
  for (let x = k; x >= 0 && out.length <= head.length; x = head[x]!) out.push(x);
  return out;
}

/** Dependency path features between the two mentions' heads. */
function pathFeatures(view: SentenceView, i: number, j: number, tp: string, f: FeatureSink, lex: WordLexicon): void {
  const p = view.parse!;
  const ptp = `|${tp}`;
  const hA = headToken(view, i);
  const hB = headToken(view, j);
  collapsedPathFeatures(view, hA, hB, tp, f);
  f.add('dA:', p.deprel[hA]!);
  f.add('dB:', p.deprel[hB]!);
  f.add('dAB:', p.deprel[hA]!, '|', p.deprel[hB]!, ptp);
  const kids = childrenOf(view);
  for (const [name, h] of [['cA:', hA], ['cB:', hB]] as const) {
    for (const k of kids[h]!) if (p.deprel[k] === 'case') f.add(name, p.lemma[k]!, ptp);
  }
  const upA = ancestors(p.head, hA);
  const upB = ancestors(p.head, hB);
  const onB = new Set(upB);
  const lcaAt = upA.findIndex((x) => onB.has(x));
  if (lcaAt < 0) {
    f.add('p:none');
    return;
  }
  const lca = upA[lcaAt]!;
  const armA = upA.slice(0, lcaAt); // hA .. child of lca
  const armB = upB.slice(0, upB.indexOf(lca)); // hB .. child of lca
  const up = armA.map((x) => p.deprel[x]);
  const down = armB.map((x) => p.deprel[x]).reverse();
  const len = up.length + down.length;
  f.add('plen:', bucket(len));
  if (len <= 6) {
    const path = `${up.join('<')}|${down.join('>')}`;
    f.add('p:', path);
    f.add('p:', path, ptp);
  } else {
    f.add('p:long');
    f.add('p:long', ptp);
  }
  // Words on the path (not the two heads), lexicalised path for short ones.
  const inner = [...armA.slice(1), ...(lca !== hA && lca !== hB ? [lca] : []), ...armB.slice(1)];
  if (len <= 4) f.add('pl:', up.join('<'), '|', inner.map((x) => p.lemma[x]).join('_'), '|', down.join('>'));
  for (const x of inner) {
    if (view.tokenMention[x]! >= 0) continue;
    // With its part of speech: "funds" the verb is a payment, "fund" the noun mostly an investment vehicle.
    f.add('pw:', p.lemma[x]!, '_', p.upos[x]!);
    f.add('pw:', p.lemma[x]!, '_', p.upos[x]!, ptp);
    for (const t of TRIGGER_TYPES.get(p.lemma[x]!) ?? []) {
      f.add('tp:', t);
      f.add('tp:', t, ptp);
    }
    for (const t of softTypes(view, lex, x)) {
      f.add('tp:', t, '|~');
      f.add('tp:', t, ptp, '|~');
    }
    const pc = clusterOf(view, lex, x);
    if (pc !== undefined) f.add('pwk:', String(pc), ptp);
  }
  const lemma = view.tokenMention[lca]! >= 0 ? `[${LETTER[view.mentions[view.tokenMention[lca]!]!.type]}]` : `${p.lemma[lca]}_${p.upos[lca]}`;
  const armTop = (arm: number[]): string => (arm.length > 0 ? p.deprel[arm[arm.length - 1]!]! : 'self');
  const arms = `|${armTop(armA)}|${armTop(armB)}`;
  f.add('lca:', lemma);
  f.add('lca:', lemma, ptp);
  f.add('lcap:', p.upos[lca]!, arms);
  f.add('lcad:', lemma, arms);
  for (const t of TRIGGER_TYPES.get(p.lemma[lca]!) ?? []) f.add('tl:', t, arms);
  for (const t of softTypes(view, lex, lca)) f.add('tl:', t, arms, '|~');
  const lc = clusterOf(view, lex, lca);
  if (lc !== undefined) {
    f.add('lcak:', String(lc), arms);
    f.add('lcak:', String(lc), ptp);
  }
  // Coordinated names share their predicate: "Armenia and Azerbaijan held talks", "the war between Iran and Iraq".
  if (len === 1 && p.deprel[armB[0] ?? armA[0]!] === 'conj') {
    const first = armA.length === 0 ? hA : hB;
    const gov = p.head[first]!;
    if (gov >= 0) {
      const g = p.lemma[gov]!;
      const d = p.deprel[first]!;
      f.add('conj:', d, '|', g);
      f.add('conj:', d);
      for (const t of TRIGGER_TYPES.get(g) ?? []) f.add('conjt:', t, '|', d);
      for (const k of kids[gov]!) {
        if (!/^(obj|obl|nmod)/.test(p.deprel[k]!)) continue;
        f.add('conjo:', g, '|', p.lemma[k]!);
        for (const t of TRIGGER_TYPES.get(p.lemma[k]!) ?? []) f.add('conjt:', t, '|', d, '|o');
      }
      for (const k of kids[first]!) if (p.deprel[k] === 'case') f.add('conjc:', p.lemma[k]!, '|', g);
    }
  }
  // Each trigger word on the path, with the relations by which the two arms reach it.
  for (const x of inner) {
    const types = TRIGGER_TYPES.get(p.lemma[x]!);
    if (!types) continue;
    const sideA = armA.includes(x) ? '|A|' : armB.includes(x) ? '|B|' : '|L|';
    for (const t of types) f.add('tpr:', t, sideA, p.deprel[x]!);
  }
  // Negation and modality on the predicate that links the two: "did not meet", "may have paid".
  for (const k of kids[lca]!) {
    if (p.deprel[k] === 'advmod' && NEGATIONS.has(p.lemma[k]!)) f.add('pneg');
    if (p.deprel[k] === 'aux' && HEDGES.has(p.lemma[k]!)) f.add('pmodal');
  }
}
