/**
 * Parser features in the style of Zhang & Nivre (2011), adapted to arc-hybrid (s1 plays the part of s0's head):
 * words, tags and clusters of s0-s2 and b0-b2, leftmost/rightmost children and their labels, valency, distance,
 * label sets, and punctuation between s0 and b0. Everything is a 32-bit hash built from per-word integer ids.
 */
import { combine, hashStr } from './hash.js';
import { applyTemplates, compileTemplates, type TemplateDef } from './templates.js';
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
  /** Coarse and fine cluster ids (0 = none); read by the action features only when `clusters` is set. */
  c: Int32Array;
  f: Int32Array;
  /** The model has clusters of our own text (a model without them skips the action features that read c and f). */
  clusters: boolean;
  /** GloVe coarse and fine cluster ids (0 = none); read only when `glove` is set (a model trained with them). */
  gc: Int32Array;
  gf: Int32Array;
  glove: boolean;
  /** Lemma hash. */
  l: Uint32Array;
  /** Number of punctuation words before position i (prefix sums, length n + 1). */
  punct: Int32Array;
}

const T = (name: string): number => hashStr(`pf:${name}`);
// Templates in output order, named as in the paper (S0wp = word and tag of s0); the salt of output k is SALT[k].
const BUFFER_NAMES = ['B0wp', 'B0w', 'B0p', 'B1wp', 'B1w', 'B1p', 'B2wp', 'B2w', 'B2p', 'B0pB1p', 'B0pB1pB2p', 'B0c', 'B0f', 'B1f', 'B0x', 'B1x', 'B0pB0a', 'B1pB1a'];
const STACK_NAMES = [['S0wp', 'S0w', 'S0p', 'S0c', 'S0f', 'S0x', 'S0pS0a'], ['S1wp', 'S1w', 'S1p', 'S1f', 'S1x', 'S1pS1a'], ['S2w', 'S2p']];
const BSALT = Uint32Array.from(BUFFER_NAMES, T);
const SSALT = STACK_NAMES.map((names) => Uint32Array.from(names, T));
// GloVe cluster features (g = fine, G = coarse), only for a model trained with them (SentenceView.glove).
const GLOVE_BUFFER = Uint32Array.from(['B0g', 'B0G', 'B0gp', 'B1g'], T);
const GLOVE_STACK = [['S0g', 'S0G', 'S0gp'], ['S1g'], []].map((names) => Uint32Array.from(names, T));
const GLOVE_CONFIG = Uint32Array.from(['S0gB0g', 'S0GB0G', 'S1gS0g', 'S0gB0p', 'S0pB0g', 'S1GS0GB0G'], T);
/** Number of features of the buffer front (b0-b2 words, tags, clusters), a function of b alone. */
export const BUFFER_FEATURES = BUFFER_NAMES.length + GLOVE_BUFFER.length;
/** Number of features of s0, s1, s2 alone (word, tag, clusters), a function of the word in that position. */
export const STACK_FEATURES = STACK_NAMES.map((n, i) => n.length + GLOVE_STACK[i]!.length);

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
  if (v.clusters) {
    out[k++] = m(Q[11]!, v.c[b0]!);
    out[k++] = m(Q[12]!, v.f[b0]!);
    out[k++] = m(Q[13]!, v.f[b1]!);
  }
  out[k++] = m(Q[14]!, v.x[b0]!);
  out[k++] = m(Q[15]!, v.x[b1]!);
  out[k++] = m3(Q[16]!, b0p, v.a[b0]!);
  out[k++] = m3(Q[17]!, b1p, v.a[b1]!);
  if (v.glove) {
    const G = GLOVE_BUFFER;
    out[k++] = m(G[0]!, v.gf[b0]!);
    out[k++] = m(G[1]!, v.gc[b0]!);
    out[k++] = m3(G[2]!, v.gf[b0]!, b0p);
    out[k++] = m(G[3]!, v.gf[b1]!);
  }
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
    if (v.clusters) {
      out[k++] = m(Q[3]!, v.c[i]!);
      out[k++] = m(Q[4]!, v.f[i]!);
    }
    out[k++] = m(Q[5]!, v.x[i]!);
    out[k++] = m3(Q[6]!, p, v.a[i]!);
  } else if (pos === 1) {
    out[k++] = m(Q[0]!, m(w, p));
    out[k++] = m(Q[1]!, w);
    out[k++] = m(Q[2]!, p);
    if (v.clusters) out[k++] = m(Q[3]!, v.f[i]!);
    out[k++] = m(Q[4]!, v.x[i]!);
    out[k++] = m3(Q[5]!, p, v.a[i]!);
  } else {
    out[k++] = m(Q[0]!, w);
    out[k++] = m(Q[1]!, p);
  }
  if (v.glove && pos < 2) {
    const G = GLOVE_STACK[pos]!;
    out[k++] = m(G[0]!, v.gf[i]!);
    if (pos === 0) {
      out[k++] = m(G[1]!, v.gc[i]!);
      out[k++] = m3(G[2]!, v.gf[i]!, p);
    }
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

// Attributes of a configuration that the templates chain (indices into the vector `configAttributes` fills):
// words (w), tags (p), word-tag pairs (wp), clusters (c, f), finer tags (x), runner-up tags (a) of s0-s2 and b0-b1;
// the leftmost (l), second leftmost (l2), rightmost (r) and second rightmost (r2) children of s0, s1, b0 with their
// words, tags and labels (ll = label); distances, punctuation counts, valencies (nl, nr) and label sets (ls, rs).
let attrCount = 0;
const at = (): number => attrCount++;
const S0W = at(), S0P = at(), S0WP = at(), S0C = at(), S0F = at(), S0X = at(), S0A = at(), S1W = at(), S1P = at(), S1WP = at(), S1C = at(), S1F = at(), S1X = at(), S1A = at(), S2P = at();
const B0W = at(), B0P = at(), B0WP = at(), B0C = at(), B0F = at(), B0X = at(), B0A = at(), B1P = at(), B1C = at(), B1X = at();
const S0LW = at(), S0LP = at(), S0LL = at(), S0LX = at(), S0RW = at(), S0RP = at(), S0RL = at(), S0L2W = at(), S0L2P = at(), S0L2L = at(), S0R2W = at(), S0R2P = at(), S0R2L = at();
const B0LW = at(), B0LP = at(), B0LL = at(), B0LX = at(), B0L2W = at(), B0L2P = at(), B0L2L = at(), S1LP = at(), S1LL = at(), S1RW = at(), S1RP = at(), S1RL = at(), S1R2P = at(), S1R2L = at();
const D = at(), D1 = at(), PB = at(), PS = at(), S0NR = at(), S0NL = at(), B0NL = at(), S1NR = at(), S1NL = at(), S0RS = at(), S0LS = at(), B0LS = at(), S1RS = at(), S1LS = at();
const CONFIG_ATTRS = at();

// Templates named as in the paper (S0wp = word and tag of s0; d = distance s0-b0 or, with s1, s1-s0; Punct = the
// punctuation count between the two; vl/vr = valency; sl/sr = label sets). Output k is template k: training reads
// them in this order.
const CONFIG: TemplateDef[] = [
  ['S0wpB0wp', S0WP, B0WP], ['S0wpB0w', S0WP, B0W], ['S0wB0wp', S0W, B0WP], ['S0wpB0p', S0WP, B0P], ['S0pB0wp', S0P, B0WP],
  ['S0wB0w', S0W, B0W], ['S0pB0p', S0P, B0P], ['S1wS0w', S1W, S0W], ['S1pS0p', S1P, S0P], ['S1wpS0p', S1WP, S0P],
  ['S1pS0wp', S1P, S0WP], ['S1pB0p', S1P, B0P], ['S1wB0p', S1W, B0P], ['S1pB0w', S1P, B0W], ['S0pB0pB1p', S0P, B0P, B1P],
  ['S1pS0pB0p', S1P, S0P, B0P], ['S0pS0lpB0p', S0P, S0LP, B0P], ['S0pS0rpB0p', S0P, S0RP, B0P], ['S0pB0pB0lp', S0P, B0P, B0LP],
  ['S2pS1pS0p', S2P, S1P, S0P], ['S1pS1rpS0p', S1P, S1RP, S0P], ['S1pS1lpS0p', S1P, S1LP, S0P],
  ['S0wd', S0W, D], ['S0pd', S0P, D], ['B0wd', B0W, D], ['B0pd', B0P, D], ['S0wB0wd', S0W, B0W, D], ['S0pB0pd', S0P, B0P, D],
  ['S1pS0pd', S1P, S0P, D1], ['S1wS0wd', S1W, S0W, D1],
  ['S0wvr', S0W, S0NR], ['S0pvr', S0P, S0NR], ['S0wvl', S0W, S0NL], ['S0pvl', S0P, S0NL], ['B0wvl', B0W, B0NL],
  ['B0pvl', B0P, B0NL], ['S1pvr', S1P, S1NR], ['S1wvr', S1W, S1NR], ['S1pvl', S1P, S1NL],
  ['S0lw', S0LW], ['S0lp', S0LP], ['S0ll', S0LL], ['S0rw', S0RW], ['S0rp', S0RP], ['S0rl', S0RL], ['B0lw', B0LW],
  ['B0lp', B0LP], ['B0ll', B0LL], ['S1lp', S1LP], ['S1ll', S1LL], ['S1rw', S1RW], ['S1rp', S1RP], ['S1rl', S1RL],
  ['S0l2w', S0L2W], ['S0l2p', S0L2P], ['S0l2l', S0L2L], ['S0r2w', S0R2W], ['S0r2p', S0R2P], ['S0r2l', S0R2L],
  ['B0l2w', B0L2W], ['B0l2p', B0L2P], ['B0l2l', B0L2L], ['S1r2p', S1R2P], ['S1r2l', S1R2L],
  ['S0pS0lpS0l2p', S0P, S0LP, S0L2P], ['S0pS0rpS0r2p', S0P, S0RP, S0R2P], ['B0pB0lpB0l2p', B0P, B0LP, B0L2P],
  ['S1pS1rpS1r2p', S1P, S1RP, S1R2P], ['S0wsr', S0W, S0RS], ['S0psr', S0P, S0RS], ['S0wsl', S0W, S0LS],
  ['S0psl', S0P, S0LS], ['B0wsl', B0W, B0LS], ['B0psl', B0P, B0LS], ['S1psr', S1P, S1RS], ['S1psl', S1P, S1LS],
  ['S0fB0f', S0F, B0F], ['S0cB0c', S0C, B0C], ['S0cB0p', S0C, B0P], ['S0pB0c', S0P, B0C], ['S1cS0c', S1C, S0C],
  ['S1fS0p', S1F, S0P], ['S1pS0f', S1P, S0F], ['S0cB0cB1c', S0C, B0C, B1C], ['S0pB0pPunct', S0P, B0P, PB],
  ['S1pS0pPunct', S1P, S0P, PS], ['S0pS1pB0pB1p', S0P, S1P, B0P, B1P], ['S0xB0x', S0X, B0X], ['S1xS0x', S1X, S0X],
  ['S0xB0xB1x', S0X, B0X, B1X], ['S1xS0xB0x', S1X, S0X, B0X], ['S0xS0lx', S0X, S0LX], ['B0xB0lx', B0X, B0LX],
  ['S0aB0p', S0A, B0P], ['S0pB0a', S0P, B0A], ['S1aS0p', S1A, S0P], ['S1pS0a', S1P, S0A],
] as TemplateDef[];
const CONFIG_TEMPLATES = compileTemplates('pf:', CONFIG);
const CLUSTER_ATTRS = new Set([S0C, S0F, S1C, S1F, B0C, B0F, B1C]);
/** The templates without those that read clusters of our own text, for a model that has none (same salts). */
const NO_CLUSTER_TEMPLATES = compileTemplates('pf:', CONFIG.filter(([, ...a]) => !a.some((x) => CLUSTER_ATTRS.has(x))));
/** Number of features that read the configuration beyond single positions (what `configFeatures` fills). */
export const CONFIG_FEATURES = CONFIG.length;
/** Number of unlabelled features in all (the size of the buffer `unlabelled` fills). */
export const UNLABELLED_FEATURES = CONFIG_FEATURES + GLOVE_CONFIG.length + BUFFER_FEATURES + STACK_FEATURES.reduce((a, b) => a + b, 0);

/** Attribute values of a configuration, written to `a` (see the attribute list above). */
function configAttributes(st: ParseState, v: SentenceView, a: Int32Array): void {
  const n = v.n;
  const none = n + 1;
  const { sp, stack, lc1, lc2, rc1, rc2 } = st;
  const s0 = sp > 0 ? stack[sp - 1]! : none;
  const s1 = sp > 1 ? stack[sp - 2]! : none;
  const s2 = sp > 2 ? stack[sp - 3]! : none;
  const b0 = st.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : none;
  const { w: W, p: P, c: C, f: F, x: X, a: R } = v;
  a[S0W] = W[s0]!;
  a[S0P] = P[s0]!;
  a[S0WP] = m(W[s0]!, P[s0]!);
  a[S0C] = C[s0]!;
  a[S0F] = F[s0]!;
  a[S0X] = X[s0]!;
  a[S0A] = R[s0]!;
  a[S1W] = W[s1]!;
  a[S1P] = P[s1]!;
  a[S1WP] = m(W[s1]!, P[s1]!);
  a[S1C] = C[s1]!;
  a[S1F] = F[s1]!;
  a[S1X] = X[s1]!;
  a[S1A] = R[s1]!;
  a[S2P] = P[s2]!;
  a[B0W] = W[b0]!;
  a[B0P] = P[b0]!;
  a[B0WP] = m(W[b0]!, P[b0]!);
  a[B0C] = C[b0]!;
  a[B0F] = F[b0]!;
  a[B0X] = X[b0]!;
  a[B0A] = R[b0]!;
  a[B1P] = P[b1]!;
  a[B1C] = C[b1]!;
  a[B1X] = X[b1]!;
  let k = kid(lc1, s0, n, none);
  a[S0LW] = W[k]!;
  a[S0LP] = P[k]!;
  a[S0LL] = lab(st, k, n);
  a[S0LX] = X[k]!;
  k = kid(rc1, s0, n, none);
  a[S0RW] = W[k]!;
  a[S0RP] = P[k]!;
  a[S0RL] = lab(st, k, n);
  k = kid(lc2, s0, n, none);
  a[S0L2W] = W[k]!;
  a[S0L2P] = P[k]!;
  a[S0L2L] = lab(st, k, n);
  k = kid(rc2, s0, n, none);
  a[S0R2W] = W[k]!;
  a[S0R2P] = P[k]!;
  a[S0R2L] = lab(st, k, n);
  k = kid(lc1, b0, n, none);
  a[B0LW] = W[k]!;
  a[B0LP] = P[k]!;
  a[B0LL] = lab(st, k, n);
  a[B0LX] = X[k]!;
  k = kid(lc2, b0, n, none);
  a[B0L2W] = W[k]!;
  a[B0L2P] = P[k]!;
  a[B0L2L] = lab(st, k, n);
  k = kid(lc1, s1, n, none);
  a[S1LP] = P[k]!;
  a[S1LL] = lab(st, k, n);
  k = kid(rc1, s1, n, none);
  a[S1RW] = W[k]!;
  a[S1RP] = P[k]!;
  a[S1RL] = lab(st, k, n);
  k = kid(rc2, s1, n, none);
  a[S1R2P] = P[k]!;
  a[S1R2L] = lab(st, k, n);
  a[D] = s0 < n ? distBucket(b0 - s0) : 0;
  a[D1] = s0 < n && s1 < n ? distBucket(s0 - s1) : 0;
  a[PB] = s0 < n ? Math.min(3, v.punct[b0 < n ? b0 : n]! - v.punct[s0 + 1]!) : 4;
  a[PS] = s0 < n && s1 < n ? Math.min(3, v.punct[s0]! - v.punct[s1 + 1]!) : 4;
  a[S0NR] = count(st.nr, s0, n);
  a[S0NL] = count(st.nl, s0, n);
  a[B0NL] = count(st.nl, b0, n);
  a[S1NR] = count(st.nr, s1, n);
  a[S1NL] = count(st.nl, s1, n);
  a[S0RS] = set(st.rsetLo, st.rsetHi, s0, n);
  a[S0LS] = set(st.lsetLo, st.lsetHi, s0, n);
  a[B0LS] = set(st.lsetLo, st.lsetHi, b0, n);
  a[S1RS] = set(st.rsetLo, st.rsetHi, s1, n);
  a[S1LS] = set(st.lsetLo, st.lsetHi, s1, n);
}

const attrs = new Int32Array(CONFIG_ATTRS);

/** Fills `out` with the features that read more than one position of the configuration; returns their number. */
export function configFeatures(st: ParseState, v: SentenceView, out: Uint32Array | Int32Array): number {
  configAttributes(st, v, attrs);
  const k = applyTemplates(v.clusters ? CONFIG_TEMPLATES : NO_CLUSTER_TEMPLATES, attrs, out);
  return v.glove ? gloveConfigFeatures(st, v, out, k) : k;
}

/** GloVe cluster pairs of s0, s1 and b0 (a model trained with GloVe clusters); writes at out[k..], returns the end. */
function gloveConfigFeatures(st: ParseState, v: SentenceView, out: Uint32Array | Int32Array, k: number): number {
  const none = v.n + 1;
  const s0 = st.sp > 0 ? st.stack[st.sp - 1]! : none;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : none;
  const b0 = st.b;
  const { gf: F, gc: C, p: P } = v;
  const G = GLOVE_CONFIG;
  out[k++] = m3(G[0]!, F[s0]!, F[b0]!);
  out[k++] = m3(G[1]!, C[s0]!, C[b0]!);
  out[k++] = m3(G[2]!, F[s1]!, F[s0]!);
  out[k++] = m3(G[3]!, F[s0]!, P[b0]!);
  out[k++] = m3(G[4]!, P[s0]!, F[b0]!);
  out[k++] = m4(G[5]!, C[s1]!, C[s0]!, C[b0]!);
  return k;
}
