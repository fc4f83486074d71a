/**
 * A learned transliteration model, Arabic script -> Latin: each Arabic letter writes a short Latin string (its
 * consonant or long vowel, possibly doubled or empty), then the short vowels the script leaves unwritten are
 * inserted after it. Both tables are conditioned on the letter and its place in the word and trained by EM on
 * name pairs (scripts/train-translit.ts). A pair is scored by log P(latin | arabic) (a sum over all alignments),
 * and matched by its ratio to a Latin letter-bigram model per letter.
 */
import { followerClass, positionClass } from './letters.js';

/** The model as stored in models/translit-ar.json.gz. */
export interface TranslitModelData {
  version: 1;
  /** Longest Latin string one Arabic letter writes. */
  maxCore: number;
  /** Longest inserted vowel run. */
  maxInsert: number;
  /** P(latin string | letter + position class "I"/"M"/"F"), with "letter" alone as the back-off. */
  emit: Record<string, Record<string, number>>;
  /** P(inserted vowels | letter + follower class "E"/"V"/"C"), with "|class" as the back-off. */
  insert: Record<string, Record<string, number>>;
  /** Latin letter bigrams P(b | a), "^" and "$" for the word's ends. */
  bigram: Record<string, number>;
  /** Per-letter log-likelihood ratio from which a word pair is taken for one name (chosen on dev data). */
  threshold: number;
  /** What the model was trained on, for the model card. */
  trainedOn: string[];
}

const A = 97;
const VOWEL = new Uint8Array(26);
for (const v of 'aeiouy') VOWEL[v.charCodeAt(0) - A] = 1;

/** Integer code of latin[from, to): one number per string of up to three letters (base 27, 0 for ""). */
function codeOf(codes: Uint8Array, from: number, to: number): number {
  let c = 0;
  for (let p = from; p < to; p++) c = c * 27 + (codes[p] ?? 0) + 1;
  return c;
}

/** Encodes a string to the same code as codeOf. */
function encode(s: string): number {
  let c = 0;
  for (let p = 0; p < s.length; p++) c = c * 27 + (s.charCodeAt(p) - A) + 1;
  return c;
}

/** The tables of one Arabic word, looked up once per letter. */
interface WordTables {
  emit: Map<number, number>[];
  insert: Map<number, number>[];
}

/** Probability of an emission the tables never saw: a one-letter string, so a rare spelling lowers a score but does not veto it. */
const UNSEEN = 1e-6;

/** A loaded transliteration model. */
export class TranslitModel {
  private readonly emit = new Map<string, Map<number, number>>();
  private readonly insert = new Map<string, Map<number, number>>();
  private readonly bigram = new Map<string, number>();
  readonly maxCore: number;
  readonly maxInsert: number;
  readonly threshold: number;

  /** Builds the lookup tables from stored data. */
  constructor(readonly data: TranslitModelData) {
    const toMap = (t: Record<string, number>): Map<number, number> => new Map(Object.entries(t).map(([s, p]) => [encode(s), p]));
    for (const [k, t] of Object.entries(data.emit)) this.emit.set(k, toMap(t));
    for (const [k, t] of Object.entries(data.insert)) this.insert.set(k, toMap(t));
    for (const [k, p] of Object.entries(data.bigram)) this.bigram.set(k, p);
    this.maxCore = data.maxCore;
    this.maxInsert = data.maxInsert;
    this.threshold = data.threshold;
  }

  /** The emission and insertion tables for each letter of a word (back-off tables where a context is unseen). */
  tablesFor(letters: readonly string[]): WordTables {
    const n = letters.length;
    const empty = new Map<number, number>();
    return {
      emit: letters.map((l, i) => this.emit.get(`${l}${positionClass(i, n)}`) ?? this.emit.get(l) ?? empty),
      insert: letters.map((l, i) => {
        const f = followerClass(letters, i);
        return this.insert.get(`${l}${f}`) ?? this.insert.get(`|${f}`) ?? empty;
      }),
    };
  }

  /**
   * Visits every alignment step of an Arabic word against a Latin word: letter i writes latin[j, j+k) and then
   * the vowels latin[j+k, j+k+t), with probability p. Used by scoring (forward) and training (forward-backward).
   */
  steps(tables: WordTables, codes: Uint8Array, i: number, j: number, visit: (k: number, t: number, p: number) => void): void {
    const m = codes.length;
    const emit = tables.emit[i]!;
    const insert = tables.insert[i]!;
    for (let k = 0; k <= this.maxCore && j + k <= m; k++) {
      const e = emit.get(codeOf(codes, j, j + k)) ?? (k === 1 ? UNSEEN : 0);
      if (e === 0) continue;
      for (let t = 0; t <= this.maxInsert && j + k + t <= m; t++) {
        if (t > 0 && VOWEL[codes[j + k + t - 1]!] !== 1) break;
        const ins = insert.get(codeOf(codes, j + k, j + k + t)) ?? 0;
        if (ins > 0) visit(k, t, e * ins);
      }
    }
  }

  /** Forward probabilities alpha[i * (m + 1) + j] of a word pair (letters, latin codes); the hot loop of ranking, kept closure-free. */
  forward(tables: WordTables, n: number, codes: Uint8Array): Float64Array {
    const m = codes.length;
    const w = m + 1;
    const alpha = new Float64Array((n + 1) * w);
    alpha[0] = 1;
    for (let i = 0; i < n; i++) {
      const emit = tables.emit[i]!;
      const insert = tables.insert[i]!;
      for (let j = 0; j <= m; j++) {
        const a = alpha[i * w + j]!;
        if (a === 0) continue;
        let core = 0;
        for (let k = 0; k <= this.maxCore && j + k <= m; k++) {
          if (k > 0) core = core * 27 + codes[j + k - 1]! + 1;
          const e = emit.get(core) ?? (k === 1 ? UNSEEN : 0);
          if (e === 0) continue;
          let ins = 0;
          for (let t = 0; t <= this.maxInsert && j + k + t <= m; t++) {
            if (t > 0) {
              const c = codes[j + k + t - 1]!;
              if (VOWEL[c] !== 1) break;
              ins = ins * 27 + c + 1;
            }
            const p = insert.get(ins) ?? 0;
            if (p > 0) alpha[(i + 1) * w + j + k + t]! += a * e * p;
          }
        }
      }
    }
    return alpha;
  }

  /**
   * The likeliest alignment of a word pair: for each Arabic letter, the Latin letters it writes and the vowels
   * inserted after it ("حسین" / "hossein" -> h+o, ss, ei, n). Null when none exists.
   */
  viterbi(letters: readonly string[], latin: string): { core: string; inserted: string }[] | null {
    const codes = latinCodes(latin);
    const n = letters.length;
    const m = codes.length;
    if (n === 0 || m === 0 || m > (this.maxCore + this.maxInsert) * n) return null;
    const tables = this.tablesFor(letters);
    const w = m + 1;
    const best = new Float64Array((n + 1) * w).fill(-Infinity);
    const back = new Int32Array((n + 1) * w).fill(-1);
    best[0] = 0;
    // The same lattice as forward, walked with steps(): not the ranking's hot loop, so a closure is fine here.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= m; j++) {
        const b = best[i * w + j]!;
        if (b === -Infinity) continue;
        this.steps(tables, codes, i, j, (k, t, p) => {
          const at = (i + 1) * w + j + k + t;
          const score = b + Math.log(p);
          if (score > best[at]!) {
            best[at] = score;
            back[at] = j * 16 + k * 4 + t;
          }
        });
      }
    }
    if (best[n * w + m] === -Infinity) return null;
    const path: { core: string; inserted: string }[] = [];
    for (let i = n, j = m; i > 0; i--) {
      const code = back[i * w + j]!;
      const [from, k, t] = [Math.floor(code / 16), Math.floor(code / 4) % 4, code % 4];
      path.unshift({ core: latin.slice(from, from + k), inserted: latin.slice(from + k, from + k + t) });
      j = from;
    }
    return path;
  }

  /** log P(latin | arabic letters); -Infinity when no alignment exists. */
  logProb(letters: readonly string[], latin: string, tables: WordTables = this.tablesFor(letters)): number {
    const codes = latinCodes(latin);
    const n = letters.length;
    if (n === 0 || codes.length === 0 || codes.length > (this.maxCore + this.maxInsert) * n) return -Infinity;
    const alpha = this.forward(tables, n, codes);
    return Math.log(alpha[n * (codes.length + 1) + codes.length]!);
  }

  /** log P(latin) under the Latin letter-bigram model: how likely the spelling is without the Arabic. */
  latinLogProb(latin: string): number {
    let lp = 0;
    let prev = '^';
    for (const ch of `${latin}$`) {
      lp += Math.log(this.bigram.get(`${prev}${ch}`) ?? 1e-4);
      prev = ch;
    }
    return lp;
  }

  /** Per-letter log-likelihood ratio of a word pair: above 0 the Arabic explains the Latin better than chance. */
  ratio(letters: readonly string[], latin: string, tables?: WordTables): number {
    if (latin === '') return -Infinity;
    return (this.logProb(letters, latin, tables) - this.latinLogProb(latin)) / (latin.length + 1);
  }
}

/** Latin letters a-z as 0..25. */
export function latinCodes(latin: string): Uint8Array {
  const out = new Uint8Array(latin.length);
  for (let p = 0; p < latin.length; p++) out[p] = latin.charCodeAt(p) - A;
  return out;
}
