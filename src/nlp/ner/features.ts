/** Feature extraction: per-word attributes cached by spelling, combined with context, lists and document history as 32-bit hashes. */
import { hashString, mixHash } from './hash.js';
import { CaseClass } from './word-shape.js';
import { GAZETTEER_CLASSES, type Gazetteer } from './gazetteer.js';
import { trainNameFeatures } from './train-names.js';
import { SpellingCache } from '../spelling-cache.js';
import { ARABIC_LETTER, computeWordInfo, neighbourFeatures, SALT, type WordInfo } from './word-features.js';

/** Word-level resources learnt from unlabelled text and lists, shipped inside the model. */
export interface Lexicon {
  /** Spelling -> cluster ids at several granularities (distributional clusters computed by scripts/ner-clusters.ts). */
  clusters: Map<string, number[]>;
  /**
   * Lower-cased word -> cluster ids of its GloVe vector, coarsest first (scripts/glove-clusters.ts; features
   * `g<level>:<id>`). Absent or empty: no GloVe features at all (models before -6).
   */
  glove?: Map<string, number[]>;
  /** Whether each GloVe cluster feature of the word itself also fires conjoined with its case class ("iraqi" and "armed" share a cluster). */
  gloveCase?: boolean;
  /** Lower-cased word -> how often it is capitalised mid-sentence in unlabelled text, bucketed 0 (never) .. 4 (always). */
  capBuckets: Map<string, number>;
  gazetteer: Gazetteer;
  /** Lower-cased word -> bits of the (type, position) roles it mostly takes in silver-labelled names (see nameTokenBit). */
  nameTokens?: Map<string, number>;
  /** 'arabic' for Persian and Arabic models: caseless words, document features for every word (absent: English). */
  script?: 'arabic';
  /** Normalised word -> count in unlabelled text (Arabic script: decides clitic splits, see arabic-tokenize.ts). */
  wordCounts?: Map<string, number>;
  /** Names of the labelled training text with their types and reliability (see train-names.ts; absent: English). */
  trainNames?: Gazetteer;
}

/** Bit of a name-token role: type PER/ORG/LOC (0-2) and position in the name B/I/L/U (0-3). */
export const nameTokenBit = (type: number, position: number): number => 1 << (type * 4 + position);

/** Per-document state: which spellings occur where, and what the model predicted for them earlier in the document. */
export interface DocState {
  /** Lower-cased forms seen written in lower case. */
  seenLower: Set<string>;
  /** Lower-cased forms seen capitalised in a non-initial position of a mixed-case sentence. */
  seenCapMid: Set<string>;
  /** Spelling -> counts of labels predicted so far in this document: PER, ORG, LOC, MISC, O. */
  history: Map<string, Int32Array>;
  /** Capitalised spelling -> hashes of the words around all its occurrences in the document (context aggregation). */
  contexts: Map<string, Set<number>>;
  /** The train-name list this document reads instead of the lexicon's (training: the list of the other folds). */
  trainNames?: Gazetteer;
}

const NO_FEATURES: number[] = [];
const H = (s: string): number => hashString(s);
const BIAS = H('bias');
const CASE_SALT = H('case3');
const BIGRAM_L = H('bi-1');
const BIGRAM_R = H('bi+1');
const SHAPE3 = H('shape3');
const LEFT_SHAPE = H('l-1:shape');
const RIGHT_SHAPE = H('shape:l+1');
const FIRST = H('first');
const CAPS_LINE = H('capsline');
const GAZ = GAZETTEER_CLASSES.map((c) => ['B', 'I', 'L', 'U'].map((p) => H(`gz:${c}:${p}`)));
const GAZ_CTX = [H('gzctx-1'), H('gzctx+1')];
const DOC_LOWER = H('doc:lower');
const AGG_L = H('agg-1');
const AGG_R = H('agg+1');
const DOC_CAPMID = H('doc:capmid');
const HIST = ['PER', 'ORG', 'LOC', 'MISC', 'O'].map((t) => [H(`hist:${t}:all`), H(`hist:${t}:most`)]);

/** Turns sentences of tokens into feature hashes; one extractor per model, its word cache shared across calls. */
export class FeatureExtractor {
  private readonly cache = new SpellingCache<WordInfo>();
  private readonly featBuffer: number[] = [];
  private readonly startBuffer: number[] = [];
  constructor(private readonly lexicon: Lexicon) {}

  /** True for a caseless-script model, whose document history covers every word. */
  get caseless(): boolean {
    return this.lexicon.script === 'arabic';
  }

  /** Attributes of one spelling (cached, see SpellingCache). */
  word(w: string): WordInfo {
    return this.cache.get(w, (x) => computeWordInfo(x, this.lexicon));
  }

  /** Fills the document state's spelling sets from all sentences of a document (before any tagging); `infos` saves lookups. */
  scanDocument(sentences: readonly (readonly string[])[], infos?: readonly (readonly WordInfo[])[], skip?: readonly boolean[]): DocState {
    const doc: DocState = { seenLower: new Set(), seenCapMid: new Set(), history: new Map(), contexts: new Map() };
    sentences.forEach((s, k) => {
      if (skip?.[k]) return;
      const ws = infos?.[k] ?? s.map((t) => this.word(t));
      const caps = isCapsLine(ws);
      for (let i = 0; i < s.length; i++) {
        const info = ws[i]!;
        if (info.caseClass === CaseClass.Lower) doc.seenLower.add(info.lower);
        else if (i > 0 && !caps && info.caseClass === CaseClass.InitCap && !/^["'(\-:]/.test(s[i - 1]!)) doc.seenCapMid.add(info.lower);
        if (!caps && info.caseClass !== CaseClass.Lower && info.caseClass !== CaseClass.NoLetters) {
          // "Leeds beat", "shares of Mobil": the words around every occurrence vote on the type of each one.
          let set = doc.contexts.get(s[i]!);
          if (!set) doc.contexts.set(s[i]!, (set = new Set()));
          if (set.size < 12) {
            set.add(mixHash(AGG_L, i > 0 ? ws[i - 1]!.lowerHash : 1));
            set.add(mixHash(AGG_R, i + 1 < s.length ? ws[i + 1]!.lowerHash : 2));
          }
        }
      }
    });
    return doc;
  }

  /** Feature hashes for every token of a sentence: token i's features are feats[starts[i] .. starts[i+1]). */
  sentence(tokens: readonly string[], doc: DocState): { feats: number[]; starts: number[] } {
    const infos = tokens.map((t) => this.word(t));
    const dyn = this.contextFeatures(tokens, infos, doc);
    const feats: number[] = [];
    const starts: number[] = [];
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      starts.push(feats.length);
      for (const h of infos[i]!.own) feats.push(h);
      for (const o of [-2, -1, 1, 2]) {
        const j = i + o;
        if (j >= 0 && j < n) for (const h of neighbourFeatures(infos[j]!, o)) feats.push(h);
      }
      for (let f = dyn.starts[i]!; f < dyn.starts[i + 1]!; f++) feats.push(dyn.feats[f]!);
    }
    starts.push(feats.length);
    return { feats, starts };
  }

  /**
   * The features that depend on more than one word's spelling: bigrams, shapes around the token, lists, sentence
   * position, document sets and history. The rest (own and neighbour attributes) the tagger caches per spelling.
   * The returned arrays are reused by the next call.
   */
  contextFeatures(tokens: readonly string[], infos: readonly WordInfo[], doc: DocState): { feats: number[]; starts: number[] } {
    const n = tokens.length;
    const caps = isCapsLine(infos);
    const gaz = this.gazetteerFeatures(infos);
    const names = doc.trainNames ?? this.lexicon.trainNames;
    const tn = names ? trainNameFeatures(names, infos.map((x) => x.key)) : null;
    // Reused between calls (the result is consumed before the next call): fewer short-lived arrays to collect.
    const feats = this.featBuffer;
    const starts = this.startBuffer;
    feats.length = 0;
    starts.length = 0;
    for (let i = 0; i < n; i++) {
      starts.push(feats.length);
      const w = infos[i]!;
      feats.push(BIAS);
      // Offsets that fall outside the sentence: "nothing before" / "nothing after" at that distance.
      if (i < 2) for (let o = -2; o < -i; o++) feats.push(mixHash(SALT[o + 2]!, 1));
      if (i >= n - 2) for (let o = n - i; o <= 2; o++) feats.push(mixHash(SALT[o + 2]!, 2));
      const prev = i > 0 ? infos[i - 1]! : null;
      const next = i + 1 < n ? infos[i + 1]! : null;
      feats.push(mixHash(BIGRAM_L, mixHash(prev?.lowerHash ?? 1, w.lowerHash)));
      feats.push(mixHash(BIGRAM_R, mixHash(w.lowerHash, next?.lowerHash ?? 2)));
      feats.push(mixHash(SHAPE3, mixHash(mixHash(prev?.shapeHash ?? 1, w.shapeHash), next?.shapeHash ?? 2)));
      // "Mr. <Xx>", "<Xx> said": the neighbouring word with this token's shape generalises to unseen names.
      feats.push(mixHash(LEFT_SHAPE, mixHash(prev?.lowerHash ?? 1, w.shapeHash)));
      feats.push(mixHash(RIGHT_SHAPE, mixHash(w.shapeHash, next?.lowerHash ?? 2)));
      feats.push(mixHash(CASE_SALT, (prev?.caseClass ?? 7) * 64 + w.caseClass * 8 + (next?.caseClass ?? 7)));
      if (i === 0) feats.push(mixHash(FIRST, w.shapeHash), mixHash(FIRST, w.lowerHash));
      if (caps) feats.push(mixHash(CAPS_LINE, w.lowerHash), mixHash(CAPS_LINE, 1));
      for (const g of gaz[i]!) feats.push(g, mixHash(g, w.caseClass));
      if (i > 0) for (const g of gaz[i - 1]!) feats.push(mixHash(g, GAZ_CTX[0]!));
      if (i + 1 < n) for (const g of gaz[i + 1]!) feats.push(mixHash(g, GAZ_CTX[1]!));
      if (tn) for (const g of tn[i]!) feats.push(g);
      if (w.caseClass !== CaseClass.Lower && w.caseClass !== CaseClass.NoLetters) {
        const initial = i === 0 || caps ? 1 : 0;
        if (doc.seenLower.has(w.lower)) feats.push(mixHash(DOC_LOWER, initial));
        if (doc.seenCapMid.has(w.lower)) feats.push(mixHash(DOC_CAPMID, initial));
        const hist = doc.history.get(tokens[i]!);
        if (hist) feats.push(historyFeature(hist));
        const agg = doc.contexts.get(tokens[i]!);
        if (agg) for (const h of agg) feats.push(h);
      }
    }
    starts.push(feats.length);
    return { feats, starts };
  }

  private gazetteerFeatures(infos: readonly WordInfo[]): ReadonlyArray<readonly number[]> {
    const matches = this.lexicon.gazetteer.match(infos.map((x) => x.key), infos.map((x) => x.startsPhrase));
    // Most sentences match few phrases: share one empty list instead of allocating one per token.
    const out: number[][] = new Array<number[]>(infos.length).fill(NO_FEATURES);
    const push = (i: number, h: number): void => {
      if (out[i] === NO_FEATURES) out[i] = [];
      out[i]!.push(h);
    };
    for (const m of matches) {
      const c = 31 - Math.clz32(m.mask);
      const row = GAZ[c]!;
      if (m.end - m.start === 1) push(m.start, row[3]!);
      else {
        push(m.start, row[0]!);
        for (let k = m.start + 1; k < m.end - 1; k++) push(k, row[1]!);
        push(m.end - 1, row[2]!);
      }
    }
    return out;
  }
}

/** "All of the label history agrees" vs "this label is the most frequent": the extended prediction history feature. */
function historyFeature(hist: Int32Array): number {
  let best = 0;
  let total = 0;
  for (let k = 0; k < hist.length; k++) {
    total += hist[k]!;
    if (hist[k]! > hist[best]!) best = k;
  }
  return HIST[best]![hist[best] === total ? 0 : 1]!;
}

/** Records predicted labels for capitalised tokens of a sentence: `tags` are tag indices, `labelOf` maps them to PER, ORG, LOC, MISC, O (0-4). */
export function recordHistory(doc: DocState, tokens: readonly string[], tags: Int32Array, labelOf: Int32Array, caseless = false): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = t.charCodeAt(0);
    // Only capitalised spellings carry history (any Arabic-script word when `caseless`); the cheap test covers ASCII, the regex the rest.
    if (caseless ? !ARABIC_LETTER.test(t) : c < 128 ? !(c >= 65 && c <= 90) : !/^\P{L}*\p{Lu}/u.test(t)) continue;
    let h = doc.history.get(t);
    if (!h) doc.history.set(t, (h = new Int32Array(5)));
    h[labelOf[tags[i]!]!]!++;
  }
}

/** A headline or all-caps line ("BRUSSELS 1996-08-22"), where capitalisation says nothing. */
export function isCapsLine(infos: readonly WordInfo[]): boolean {
  let upper = 0;
  for (const w of infos) {
    if (w.caseClass === CaseClass.Lower || w.caseClass === CaseClass.InitCap || w.caseClass === CaseClass.Mixed) {
      if (w.caseClass !== CaseClass.InitCap || w.lower.length > 1) return false;
    } else if (w.caseClass === CaseClass.AllCaps && w.lower.length > 1) upper++;
  }
  return upper > 0;
}

/** A title-case headline ("Leaked Spy Cables Reveal How Iran Dominates the Government of Iraq"): every word of four or more letters capitalised, at least four of them, not all caps. */
export function isTitleCaseLine(infos: readonly WordInfo[]): boolean {
  let capitalised = 0;
  for (const w of infos) {
    if (w.lower.length < 4 || w.caseClass === CaseClass.NoLetters) continue;
    if (w.caseClass === CaseClass.InitCap) capitalised++;
    else if (w.caseClass !== CaseClass.AllCaps) return false;
  }
  return capitalised >= 4;
}
