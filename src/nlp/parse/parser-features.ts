/**
 * Parser features in the style of Zhang & Nivre (2011), adapted to arc-hybrid (s1 plays the part of s0's head):
 * words, tags and clusters of s0-s2 and b0-b2, leftmost/rightmost children and their labels, valency, distance,
 * label sets, and punctuation between s0 and b0. Everything is a 32-bit hash built from per-word integer ids.
 */
import { combine, hashStr } from './hash.js';
import type { ParseState } from './transitions.js';

/** Per-sentence integer attributes of every word; index n is the root, n + 1 stands for "no word". */
export interface SentenceView {
  n: number;
  /** Lower-cased word hash. */
  w: Uint32Array;
  /** UPOS id + 1 (root and none get their own ids). */
  p: Int32Array;
  /** The tagger's runner-up tag id + 1 when it was close (+ 32 when very close), else 0. */
  a: Int32Array;
  /** UPOS id * 8 + inflection class (morphClass): a finer tag. */
  x: Int32Array;
  /** Coarse and fine cluster ids (0 = none). */
  c: Int32Array;
  f: Int32Array;
  /** Lemma hash. */
  l: Uint32Array;
  /** Number of punctuation words before position i (prefix sums, length n + 1). */
  punct: Int32Array;
}

const T = (name: string): number => hashStr(`pf:${name}`);
// Templates in output order, named as in the paper (S0wp = word and tag of s0); the salt of output k is SALT[k].
const BUFFER_NAMES = ['B0wp', 'B0w', 'B0p', 'B1wp', 'B1w', 'B1p', 'B2wp', 'B2w', 'B2p', 'B0pB1p', 'B0pB1pB2p', 'B0c', 'B0f', 'B1f', 'B0x', 'B1x', 'B0pB0a', 'B1pB1a'];
const STACK_NAMES = [['S0wp', 'S0w', 'S0p', 'S0c', 'S0f', 'S0x', 'S0pS0a'], ['S1wp', 'S1w', 'S1p', 'S1f', 'S1x', 'S1pS1a'], ['S2w', 'S2p']];
const NAMES = [
  'S0wpB0wp', 'S0wpB0w', 'S0wB0wp', 'S0wpB0p', 'S0pB0wp', 'S0wB0w', 'S0pB0p', 'S1wS0w', 'S1pS0p', 'S1wpS0p', 'S1pS0wp',
  'S1pB0p', 'S1wB0p', 'S1pB0w', 'S0pB0pB1p', 'S1pS0pB0p', 'S0pS0lpB0p', 'S0pS0rpB0p', 'S0pB0pB0lp', 'S2pS1pS0p',
  'S1pS1rpS0p', 'S1pS1lpS0p', 'S0wd', 'S0pd', 'B0wd', 'B0pd', 'S0wB0wd', 'S0pB0pd', 'S1pS0pd', 'S1wS0wd',
  'S0wvr', 'S0pvr', 'S0wvl', 'S0pvl', 'B0wvl', 'B0pvl', 'S1pvr', 'S1wvr', 'S1pvl',
  'S0lw', 'S0lp', 'S0ll', 'S0rw', 'S0rp', 'S0rl', 'B0lw', 'B0lp', 'B0ll', 'S1lp', 'S1ll', 'S1rw', 'S1rp', 'S1rl',
  'S0l2w', 'S0l2p', 'S0l2l', 'S0r2w', 'S0r2p', 'S0r2l', 'B0l2w', 'B0l2p', 'B0l2l', 'S1r2p', 'S1r2l',
  'S0pS0lpS0l2p', 'S0pS0rpS0r2p', 'B0pB0lpB0l2p', 'S1pS1rpS1r2p', 'S0wsr', 'S0psr', 'S0wsl', 'S0psl', 'B0wsl', 'B0psl', 'S1psr', 'S1psl',
  'S0fB0f', 'S0cB0c', 'S0cB0p', 'S0pB0c', 'S1cS0c', 'S1fS0p', 'S1pS0f', 'S0cB0cB1c',
  'S0pB0pPunct', 'S1pS0pPunct', 'S0pS1pB0pB1p', 'S0xB0x', 'S1xS0x', 'S0xB0xB1x', 'S1xS0xB0x', 'S0xS0lx', 'B0xB0lx',
  'S0aB0p', 'S0pB0a', 'S1aS0p', 'S1pS0a',
];
const SALT = Uint32Array.from(NAMES, T);
const BSALT = Uint32Array.from(BUFFER_NAMES, T);
const SSALT = STACK_NAMES.map((names) => Uint32Array.from(names, T));
/** Number of features that read the configuration beyond single positions (what `configFeatures` fills). */
export const CONFIG_FEATURES = NAMES.length;
/** Number of features of the buffer front (b0-b2 words, tags, clusters), a function of b alone. */
export const BUFFER_FEATURES = BUFFER_NAMES.length;
/** Number of features of s0, s1, s2 alone (word, tag, clusters), a function of the word in that position. */
export const STACK_FEATURES = STACK_NAMES.map((n) => n.length);
/** Number of unlabelled features in all (the size of the buffer `unlabelled` fills). */
export const UNLABELLED_FEATURES = CONFIG_FEATURES + BUFFER_FEATURES + STACK_FEATURES.reduce((a, b) => a + b, 0);

/** Distance bucket: 1, 2, 3, 4, 5-6, 7-10, 11+. */
export function distBucket(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

const m = combine;
/** Hash of three values. */
export function m3(a: number, b: number, c: number): number {
  return combine(combine(a, b), c);
}
/** Hash of four values. */
export function m4(a: number, b: number, c: number, d: number): number {
  return combine(combine(combine(a, b), c), d);
}
/** A child index from one of the state's child arrays, or `none` (the root and "no word" have no children). */
export function kid(a: Int32Array, i: number, n: number, none: number): number {
  if (i >= n) return none;
  const c = a[i]!;
  return c < 0 ? none : c;
}
/** Label id + 2 of an attached word, 0 for none. */
export function lab(st: ParseState, i: number, n: number): number {
  return i >= n ? 0 : st.label[i]! + 2;
}
function count(a: Int32Array, i: number, n: number): number {
  return i >= n ? 0 : a[i]!;
}
/** Hash of a word's label set (0 for the root and none). */
export function set(lo: Int32Array, hi: Int32Array, i: number, n: number): number {
  return i >= n ? 0 : combine(lo[i]!, hi[i]!);
}

/** Writes the features of the buffer front b0, b1, b2 at out[k..]; returns the next free index. */
export function bufferFeatures(v: SentenceView, b0: number, out: Uint32Array, k: number): number {
  const n = v.n;
  const none = n + 1;
  const b1 = b0 + 1 <= n ? b0 + 1 : none;
  const b2 = b0 + 2 <= n ? b0 + 2 : none;
  const W = v.w;
  const P = v.p;
  const Q = BSALT;
  const b0p = P[b0]!, b1p = P[b1]!, b2p = P[b2]!, b1w = W[b1]!;
  out[k++] = m(Q[0]!, m(W[b0]!, b0p));
  out[k++] = m(Q[1]!, W[b0]!);
  out[k++] = m(Q[2]!, b0p);
  out[k++] = m3(Q[3]!, b1w, b1p);
  out[k++] = m(Q[4]!, b1w);
  out[k++] = m(Q[5]!, b1p);
  out[k++] = m3(Q[6]!, W[b2]!, b2p);
  out[k++] = m(Q[7]!, W[b2]!);
  out[k++] = m(Q[8]!, b2p);
  out[k++] = m3(Q[9]!, b0p, b1p);
  out[k++] = m4(Q[10]!, b0p, b1p, b2p);
  out[k++] = m(Q[11]!, v.c[b0]!);
  out[k++] = m(Q[12]!, v.f[b0]!);
  out[k++] = m(Q[13]!, v.f[b1]!);
  out[k++] = m(Q[14]!, v.x[b0]!);
  out[k++] = m(Q[15]!, v.x[b1]!);
  out[k++] = m3(Q[16]!, b0p, v.a[b0]!);
  out[k++] = m3(Q[17]!, b1p, v.a[b1]!);
  return k;
}

/** Writes the features of word i in stack position `pos` (0-2) at out[k..]; returns the next free index. */
export function stackFeatures(v: SentenceView, i: number, pos: number, out: Uint32Array, k: number): number {
  const Q = SSALT[pos]!;
  const w = v.w[i]!;
  const p = v.p[i]!;
  if (pos === 0) {
    out[k++] = m(Q[0]!, m(w, p));
    out[k++] = m(Q[1]!, w);
    out[k++] = m(Q[2]!, p);
    out[k++] = m(Q[3]!, v.c[i]!);
    out[k++] = m(Q[4]!, v.f[i]!);
    out[k++] = m(Q[5]!, v.x[i]!);
    out[k++] = m3(Q[6]!, p, v.a[i]!);
  } else if (pos === 1) {
    out[k++] = m(Q[0]!, m(w, p));
    out[k++] = m(Q[1]!, w);
    out[k++] = m(Q[2]!, p);
    out[k++] = m(Q[3]!, v.f[i]!);
    out[k++] = m(Q[4]!, v.x[i]!);
    out[k++] = m3(Q[5]!, p, v.a[i]!);
  } else {
    out[k++] = m(Q[0]!, w);
    out[k++] = m(Q[1]!, p);
  }
  return k;
}

/** Fills `out` with every unlabelled feature of the configuration; returns their number. */
export function unlabelled(st: ParseState, v: SentenceView, out: Uint32Array): number {
  const none = v.n + 1;
  let k = configFeatures(st, v, out);
  k = bufferFeatures(v, st.b, out, k);
  for (let pos = 0; pos < 3; pos++) k = stackFeatures(v, st.sp > pos ? st.stack[st.sp - 1 - pos]! : none, pos, out, k);
  return k;
}

/** Fills `out` with the features that read more than one position of the configuration; returns their number. */
export function configFeatures(st: ParseState, v: SentenceView, out: Uint32Array): number {
  const n = v.n;
  const none = n + 1;
  const sp = st.sp;
  const stack = st.stack;
  const s0 = sp > 0 ? stack[sp - 1]! : none;
  const s1 = sp > 1 ? stack[sp - 2]! : none;
  const s2 = sp > 2 ? stack[sp - 3]! : none;
  const b0 = st.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : none;
  const W = v.w;
  const P = v.p;
  const C = v.c;
  const F = v.f;
  const { lc1, lc2, rc1, rc2 } = st;
  const s0l = kid(lc1, s0, n, none), s0l2 = kid(lc2, s0, n, none), s0r = kid(rc1, s0, n, none), s0r2 = kid(rc2, s0, n, none);
  const s1l = kid(lc1, s1, n, none), s1r = kid(rc1, s1, n, none), s1r2 = kid(rc2, s1, n, none);
  const b0l = kid(lc1, b0, n, none), b0l2 = kid(lc2, b0, n, none);
  const s0w = W[s0]!, s0p = P[s0]!, b0w = W[b0]!, b0p = P[b0]!, b1p = P[b1]!;
  const s1w = W[s1]!, s1p = P[s1]!, s2p = P[s2]!;
  const s0wp = m(s0w, s0p), b0wp = m(b0w, b0p), s1wp = m(s1w, s1p);
  const d = s0 < n ? distBucket(b0 - s0) : 0;
  const d1 = s0 < n && s1 < n ? distBucket(s0 - s1) : 0;
  const s0nl = count(st.nl, s0, n), s0nr = count(st.nr, s0, n), b0nl = count(st.nl, b0, n), s1nl = count(st.nl, s1, n), s1nr = count(st.nr, s1, n);
  const s0ls = set(st.lsetLo, st.lsetHi, s0, n), s0rs = set(st.rsetLo, st.rsetHi, s0, n), b0ls = set(st.lsetLo, st.lsetHi, b0, n);
  const s1ls = set(st.lsetLo, st.lsetHi, s1, n), s1rs = set(st.rsetLo, st.rsetHi, s1, n);
  const pb = s0 < n ? Math.min(3, v.punct[b0 < n ? b0 : n]! - v.punct[s0 + 1]!) : 4;
  const ps = s0 < n && s1 < n ? Math.min(3, v.punct[s0]! - v.punct[s1 + 1]!) : 4;
  const Q = SALT;
  let k = 0;
  out[k] = m3(Q[k]!, s0wp, b0wp); k++;
  out[k] = m3(Q[k]!, s0wp, b0w); k++;
  out[k] = m3(Q[k]!, s0w, b0wp); k++;
  out[k] = m3(Q[k]!, s0wp, b0p); k++;
  out[k] = m3(Q[k]!, s0p, b0wp); k++;
  out[k] = m3(Q[k]!, s0w, b0w); k++;
  out[k] = m3(Q[k]!, s0p, b0p); k++;
  out[k] = m3(Q[k]!, s1w, s0w); k++;
  out[k] = m3(Q[k]!, s1p, s0p); k++;
  out[k] = m3(Q[k]!, s1wp, s0p); k++;
  out[k] = m3(Q[k]!, s1p, s0wp); k++;
  out[k] = m3(Q[k]!, s1p, b0p); k++;
  out[k] = m3(Q[k]!, s1w, b0p); k++;
  out[k] = m3(Q[k]!, s1p, b0w); k++;
  out[k] = m4(Q[k]!, s0p, b0p, b1p); k++;
  out[k] = m4(Q[k]!, s1p, s0p, b0p); k++;
  out[k] = m4(Q[k]!, s0p, P[s0l]!, b0p); k++;
  out[k] = m4(Q[k]!, s0p, P[s0r]!, b0p); k++;
  out[k] = m4(Q[k]!, s0p, b0p, P[b0l]!); k++;
  out[k] = m4(Q[k]!, s2p, s1p, s0p); k++;
  out[k] = m4(Q[k]!, s1p, P[s1r]!, s0p); k++;
  out[k] = m4(Q[k]!, s1p, P[s1l]!, s0p); k++;
  out[k] = m3(Q[k]!, s0w, d); k++;
  out[k] = m3(Q[k]!, s0p, d); k++;
  out[k] = m3(Q[k]!, b0w, d); k++;
  out[k] = m3(Q[k]!, b0p, d); k++;
  out[k] = m4(Q[k]!, s0w, b0w, d); k++;
  out[k] = m4(Q[k]!, s0p, b0p, d); k++;
  out[k] = m4(Q[k]!, s1p, s0p, d1); k++;
  out[k] = m4(Q[k]!, s1w, s0w, d1); k++;
  out[k] = m3(Q[k]!, s0w, s0nr); k++;
  out[k] = m3(Q[k]!, s0p, s0nr); k++;
  out[k] = m3(Q[k]!, s0w, s0nl); k++;
  out[k] = m3(Q[k]!, s0p, s0nl); k++;
  out[k] = m3(Q[k]!, b0w, b0nl); k++;
  out[k] = m3(Q[k]!, b0p, b0nl); k++;
  out[k] = m3(Q[k]!, s1p, s1nr); k++;
  out[k] = m3(Q[k]!, s1w, s1nr); k++;
  out[k] = m3(Q[k]!, s1p, s1nl); k++;
  out[k] = m(Q[k]!, W[s0l]!); k++;
  out[k] = m(Q[k]!, P[s0l]!); k++;
  out[k] = m(Q[k]!, lab(st, s0l, n)); k++;
  out[k] = m(Q[k]!, W[s0r]!); k++;
  out[k] = m(Q[k]!, P[s0r]!); k++;
  out[k] = m(Q[k]!, lab(st, s0r, n)); k++;
  out[k] = m(Q[k]!, W[b0l]!); k++;
  out[k] = m(Q[k]!, P[b0l]!); k++;
  out[k] = m(Q[k]!, lab(st, b0l, n)); k++;
  out[k] = m(Q[k]!, P[s1l]!); k++;
  out[k] = m(Q[k]!, lab(st, s1l, n)); k++;
  out[k] = m(Q[k]!, W[s1r]!); k++;
  out[k] = m(Q[k]!, P[s1r]!); k++;
  out[k] = m(Q[k]!, lab(st, s1r, n)); k++;
  out[k] = m(Q[k]!, W[s0l2]!); k++;
  out[k] = m(Q[k]!, P[s0l2]!); k++;
  out[k] = m(Q[k]!, lab(st, s0l2, n)); k++;
  out[k] = m(Q[k]!, W[s0r2]!); k++;
  out[k] = m(Q[k]!, P[s0r2]!); k++;
  out[k] = m(Q[k]!, lab(st, s0r2, n)); k++;
  out[k] = m(Q[k]!, W[b0l2]!); k++;
  out[k] = m(Q[k]!, P[b0l2]!); k++;
  out[k] = m(Q[k]!, lab(st, b0l2, n)); k++;
  out[k] = m(Q[k]!, P[s1r2]!); k++;
  out[k] = m(Q[k]!, lab(st, s1r2, n)); k++;
  out[k] = m4(Q[k]!, s0p, P[s0l]!, P[s0l2]!); k++;
  out[k] = m4(Q[k]!, s0p, P[s0r]!, P[s0r2]!); k++;
  out[k] = m4(Q[k]!, b0p, P[b0l]!, P[b0l2]!); k++;
  out[k] = m4(Q[k]!, s1p, P[s1r]!, P[s1r2]!); k++;
  out[k] = m3(Q[k]!, s0w, s0rs); k++;
  out[k] = m3(Q[k]!, s0p, s0rs); k++;
  out[k] = m3(Q[k]!, s0w, s0ls); k++;
  out[k] = m3(Q[k]!, s0p, s0ls); k++;
  out[k] = m3(Q[k]!, b0w, b0ls); k++;
  out[k] = m3(Q[k]!, b0p, b0ls); k++;
  out[k] = m3(Q[k]!, s1p, s1rs); k++;
  out[k] = m3(Q[k]!, s1p, s1ls); k++;
  out[k] = m3(Q[k]!, F[s0]!, F[b0]!); k++;
  out[k] = m3(Q[k]!, C[s0]!, C[b0]!); k++;
  out[k] = m3(Q[k]!, C[s0]!, b0p); k++;
  out[k] = m3(Q[k]!, s0p, C[b0]!); k++;
  out[k] = m3(Q[k]!, C[s1]!, C[s0]!); k++;
  out[k] = m3(Q[k]!, F[s1]!, s0p); k++;
  out[k] = m3(Q[k]!, s1p, F[s0]!); k++;
  out[k] = m4(Q[k]!, C[s0]!, C[b0]!, C[b1]!); k++;
  out[k] = m4(Q[k]!, s0p, b0p, pb); k++;
  out[k] = m4(Q[k]!, s1p, s0p, ps); k++;
  out[k] = m(m4(Q[k]!, s0p, s1p, b0p), b1p); k++;
  const X = v.x;
  out[k] = m3(Q[k]!, X[s0]!, X[b0]!); k++;
  out[k] = m3(Q[k]!, X[s1]!, X[s0]!); k++;
  out[k] = m4(Q[k]!, X[s0]!, X[b0]!, X[b1]!); k++;
  out[k] = m4(Q[k]!, X[s1]!, X[s0]!, X[b0]!); k++;
  out[k] = m3(Q[k]!, X[s0]!, X[s0l]!); k++;
  out[k] = m3(Q[k]!, X[b0]!, X[b0l]!); k++;
  const A = v.a;
  out[k] = m3(Q[k]!, A[s0]!, b0p); k++;
  out[k] = m3(Q[k]!, s0p, A[b0]!); k++;
  out[k] = m3(Q[k]!, A[s1]!, s0p); k++;
  out[k] = m3(Q[k]!, s1p, A[s0]!); k++;
  return k;
}
