/**
 * Coordinated names: is "A and B" inside one predicted chunk one name ("Securities and Exchange Commission",
 * "Trinidad and Tobago", "Duff & Phelps") or two ("Banc One and First Chicago", "Rangers and Celtic")?
 *
 * A small logistic model decides (weights in `ner-en-coord.json` beside the NER model, trained by
 * `npm run train:coord` on the NER's labelled training documents: gold chunks that span "and"/"&" are one name,
 * two gold chunks joined by "and"/"&" are two). Its features are general: the length of each side, function words
 * inside a side, how often the words around the conjunction are capitalised in unlabelled text (common nouns
 * "Security and Cooperation" against names "Hezbollah and Kataeb"), the gazetteer, and whether each side occurs
 * on its own elsewhere in the same document. It is asked about one shape only (splitCoordinations).
 */
import type { Token } from '../tokenize.js';
import type { Lexicon } from './features.js';
import { gazetteerKey, gazetteerMask } from './gazetteer.js';
import type { Chunk } from './tags.js';

/**
 * The trained decision: weights of named features and a bias; P(two names) = sigmoid(bias + sum of weights). A
 * chunk is split when P exceeds `threshold`, chosen on held-out tune documents: the model is trained on gold pairs
 * (most "A and B" in text are two names), but it is asked only about chunks the NER already read as one name.
 */
export interface CoordModel {
  version: string;
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

/** File name of the coordination model inside a model folder. */
export const COORD_FILE = 'ner-en-coord.json';

const CONJ = new Set(['and', '&']);
const ORG_START = gazetteerMask('ORGWORD');
const MASKS: Array<[string, number]> = [
  ['org', gazetteerMask('ORG', 'WORG')],
  ['loc', gazetteerMask('LOC', 'WLOC')],
  ['per', gazetteerMask('PER', 'WPER')],
];
// How many places of one first word are looked at when asking whether a side occurs alone elsewhere (keeps the
// document index linear whatever the document's size).
const MAX_PLACES = 64;

/**
 * Where each word occurs in a document (sentence, token), for the "occurs alone elsewhere" features. Built once per
 * document, and only when some chunk has the shape splitCoordinations judges (coordinationShape).
 */
export class DocumentWords {
  private readonly places = new Map<string, Array<[number, number]>>();
  constructor(private readonly sentences: ReadonlyArray<readonly string[]>) {
    sentences.forEach((ws, s) =>
      ws.forEach((w, i) => {
        let list = this.places.get(w);
        if (!list) this.places.set(w, (list = []));
        if (list.length < MAX_PLACES) list.push([s, i]);
      }),
    );
  }

  /** True when `words` occur somewhere other than at (`sentence`, `at`) as a whole name: not joined to capitalised words or a conjunction on either side. */
  occursAlone(words: readonly string[], sentence: number, at: number): boolean {
    for (const [s, i] of this.places.get(words[0]!) ?? []) {
      if (s === sentence && Math.abs(i - at) < words.length + 2) continue;
      const ws = this.sentences[s]!;
      if (i + words.length > ws.length || !words.every((w, k) => ws[i + k] === w)) continue;
      const before = ws[i - 1];
      const after = ws[i + words.length];
      if (joins(before) || joins(after)) continue;
      return true;
    }
    return false;
  }
}

const joins = (w: string | undefined): boolean => w !== undefined && (CONJ.has(w) || /^\p{Lu}/u.test(w));

const bucket = (n: number): string => (n >= 4 ? '4+' : String(n));

/** Feature names of one candidate: left side words [start, conj), right side (conj, end). */
export function coordFeatures(
  words: readonly string[],
  start: number,
  conj: number,
  end: number,
  lexicon: Pick<Lexicon, 'capBuckets' | 'gazetteer'>,
  doc?: { words: DocumentWords; sentence: number },
): string[] {
  const left = words.slice(start, conj);
  const right = words.slice(conj + 1, end);
  const cap = (word: string | undefined): string => {
    if (word === undefined) return 'none';
    // "al-Shuhada" reads as "Shuhada".
    const w = word.replace(/^\p{Ll}{1,3}-(?=\p{Lu})/u, '');
    if (!/^\p{Lu}/u.test(w)) return 'lower';
    const b = lexicon.capBuckets.get(w.toLowerCase());
    return b === undefined ? 'unk' : String(b);
  };
  const fn = (side: string[]): boolean => side.some((w) => /^\p{Ll}+$/u.test(w));
  const gaz = (side: string[]): string[] => {
    const mask = lexicon.gazetteer.lookup(side.map(gazetteerKey));
    const out = MASKS.filter(([, m]) => (mask & m) !== 0).map(([n]) => n);
    if ((lexicon.gazetteer.lookup([gazetteerKey(side[0]!)]) & ORG_START) !== 0) out.push('orgword');
    return out;
  };
  const f = [
    `ll:${bucket(left.length)}`,
    `rl:${bucket(right.length)}`,
    `lr:${bucket(left.length)}:${bucket(right.length)}`,
    `conj:${words[conj]}`,
    `lcap:${cap(left[left.length - 1])}`,
    `rcap:${cap(right[0])}`,
    `lfirst:${cap(left[0])}`,
    `rlast:${cap(right[right.length - 1])}`,
    `around:${cap(left[left.length - 1])}:${cap(right[0])}`,
  ];
  if (fn(left)) f.push('lfn');
  if (fn(right)) f.push('rfn');
  if (right[0] === 'the' || right[0] === 'The') f.push('rthe');
  for (const g of gaz(left)) f.push(`lgaz:${g}`);
  for (const g of gaz(right)) f.push(`rgaz:${g}`);
  for (const g of gaz(words.slice(start, end))) if (g !== 'orgword') f.push(`wgaz:${g}`);
  if (doc) {
    const l = doc.words.occursAlone(left, doc.sentence, start);
    const r = doc.words.occursAlone(right, doc.sentence, conj + 1);
    if (l) f.push('lalone');
    if (r) f.push('ralone');
    if (l && r) f.push('bothalone');
    if (doc.words.occursAlone(words.slice(start, end), doc.sentence, start)) f.push('wholealone');
  }
  return f;
}

/** P(two names) of a feature list. */
export function coordProbability(model: CoordModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Where chunk `k` has the shape "[A and B] [C D]" (its last word follows a conjunction and the next chunk starts right
 * after it), the conjunction's token index; else -1.
 */
export function coordinationShape(chunks: readonly Chunk[], k: number, words: readonly string[]): number {
  const c = chunks[k]!;
  const next = chunks[k + 1];
  const conj = c.end - 2;
  return next && next.start === c.end && conj > c.start && CONJ.has(words[conj]!) ? conj : -1;
}

/**
 * Repairs "[A and B] [C D]": a chunk whose last word follows a conjunction, directly followed by another chunk. In
 * the labelled data this shape is almost never right (2 times in 401,570 tokens of CoNLL-2003, Wikigold, re3d, WikiANN and
 * WNUT-17, train and dev: `COORD_SHAPES=1 npm run train:coord`), and the usual reading is "[A] and [B C D]" ("[Kataeb Hezbollah and Kataeb] [Sayyid
 * al-Shuhada]"). The model judges "A" against "B C D": when P(two names) exceeds its threshold the chunks become
 * "A" and "B C D", with the first chunk's type; otherwise they are left as they are ("Minister of [Trade and
 * Industry] [Tungky Ariwibowo]"). Other chunks spanning a conjunction are never split here: on the tune documents
 * splitting them cost F1 at every threshold (models/MODEL_CARD.md).
 */
export function splitCoordinations(
  chunks: Chunk[],
  tokens: readonly Token[],
  lexicon: Pick<Lexicon, 'capBuckets' | 'gazetteer'>,
  model: CoordModel,
  doc?: { words: DocumentWords; sentence: number },
): Chunk[] {
  const words = tokens.map((t) => t.text);
  const out: Chunk[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    const conj = coordinationShape(chunks, k, words);
    if (conj < 0) {
      out.push(c);
      continue;
    }
    const next = chunks[k + 1]!;
    const p = coordProbability(model, coordFeatures(words, c.start, conj, next.end, lexicon, doc));
    if (p <= model.threshold) {
      out.push(c);
      continue;
    }
    out.push({ ...c, end: conj }, { ...c, start: conj + 1, end: next.end });
    k++;
  }
  return out;
}
