/** A sentence as the relation model reads it: tokens, the mentions inside it mapped to tokens, and its parse. */
import type { Span } from '../../model/index.js';
import { tokenize, type Token } from '../../nlp/tokenize.js';
import { flattenMentions } from '../masked.js';
import type { InputMention } from '../types.js';
import { COMPOUND_PARTICIPLES } from '../../nlp/compounds.js';

/** POS tags, lemmas and a dependency tree over a sentence's tokens (src/nlp/parse produces this shape). */
export interface ParseLike {
  upos: readonly string[];
  lemma: readonly string[];
  /** Index of each token's head, -1 for the root. */
  head: Int32Array;
  deprel: readonly string[];
}

/** One sentence with at least two mentions of different entities. */
export interface SentenceView {
  span: Span;
  tokens: Token[];
  /** Lower-cased token texts. */
  lower: string[];
  /** Mentions inside the sentence, in text order, overlaps reduced to the longest. */
  mentions: InputMention[];
  /** Token range [first, last + 1) of each mention. */
  mentionTokens: [number, number][];
  /** The mention covering each token, or -1. */
  tokenMention: Int32Array;
  parse?: ParseLike;
}

// A MISC name is a relation end only when it names a country's people or a group by adjective ("Iraqi", "Kurds"),
// not an event or a product ("Euro 96").
const DEMONYM = /^(?:\p{Lu}[\p{L}'-]*(?:an|ans|ian|ians|ese|ish|i|is|ic|ics|ch|ite|ites|ist|ists|ds|rab|rabs|ims|ems|iss)|Shia|Shi'a)$/u;

// "U.S.-led", "Serb-held", "Toronto-based": a name joined to a participle states a relation of that name.
const NAME_PARTICIPLE = new RegExp(`-(?:${COMPOUND_PARTICIPLES.join('|')})$`, 'iu');

/** True when a mention can be a relation end: any PERSON, ORG or LOC, and MISC demonyms ("Bosnian Serb": the last word). */
export function canBeRelationEnd(m: InputMention): boolean {
  if (m.type !== 'MISC' || DEMONYM.test(m.text)) return true;
  if (NAME_PARTICIPLE.test(m.text)) return true;
  const last = m.text.slice(m.text.lastIndexOf(' ') + 1);
  return last !== m.text && DEMONYM.test(last);
}

/** Builds the views of the sentences that hold two or more relation-capable mentions of different entities. */
export function sentenceViews(text: string, sentences: readonly Span[], mentions: readonly InputMention[]): SentenceView[] {
  return [...eachSentenceView(text, sentences, mentions)];
}

/** The views of sentenceViews one at a time, so a long document's tokens and parses are never all held at once. */
export function* eachSentenceView(text: string, sentences: readonly Span[], mentions: readonly InputMention[]): Generator<SentenceView> {
  const flat = flattenMentions(mentions).filter(canBeRelationEnd);
  let m = 0;
  for (const span of sentences) {
    while (m < flat.length && flat[m]!.start < span.start) m++;
    let e = m;
    while (e < flat.length && flat[e]!.end <= span.end) e++;
    const inside = flat.slice(m, e).filter((x) => x.start >= span.start);
    m = e;
    if (inside.length < 2 || new Set(inside.map((x) => x.entityKey)).size < 2) continue;
    yield buildView(text, span, inside);
  }
}

/** Tokenizes the sentence and maps each mention onto the tokens it overlaps. */
function buildView(text: string, span: Span, mentions: InputMention[]): SentenceView {
  const tokens = tokenize(text, span.start, span.end);
  const tokenMention = new Int32Array(tokens.length).fill(-1);
  const mentionTokens: [number, number][] = [];
  let t = 0;
  mentions.forEach((mention, k) => {
    while (t < tokens.length && tokens[t]!.end <= mention.start) t++;
    let u = t;
    while (u < tokens.length && tokens[u]!.start < mention.end) u++;
    const range: [number, number] = u > t ? [t, u] : [Math.min(t, tokens.length - 1), Math.min(t, tokens.length - 1) + 1];
    mentionTokens.push(range);
    for (let i = range[0]; i < range[1]; i++) if (tokenMention[i] === -1) tokenMention[i] = k;
  });
  return { span, tokens, lower: tokens.map((x) => x.text.toLowerCase()), mentions, mentionTokens, tokenMention };
}

/** Mention pairs (i < j, different entities) worth scoring: each mention with the next MAX_AHEAD mentions. */
export function candidatePairs(view: SentenceView): [number, number][] {
  const out: [number, number][] = [];
  const n = view.mentions.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < Math.min(n, i + 1 + MAX_AHEAD); j++) {
      if (view.mentions[i]!.entityKey !== view.mentions[j]!.entityKey) out.push([i, j]);
    }
  }
  return out;
}

/** How many following mentions each mention is paired with: bounds the work on long lists to linear. */
export const MAX_AHEAD = 8;
