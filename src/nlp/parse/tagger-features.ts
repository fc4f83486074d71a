/**
 * POS-tagger features. Static ones depend on the words only (the spelling itself and its neighbours at -2..+2, which
 * inference caches per spelling); dynamic ones read the tags already predicted to the left (greedy left to right).
 */
import { hashStr, mix } from './hash.js';
import type { WordInfo } from './words.js';

const H = hashStr;
const BIAS = H('t:bias');
const COARSE = H('t:c');
const FINE = H('t:k');
const NOCLUSTER = H('t:nok');
const G_COARSE = H('t:gc');
const G_FINE = H('t:gk');
const G_CASE = H('t:gkcase');
const PUNCT = H('t:punct');
const CAPS = H('t:caps');
/** Salts of the neighbour offsets -2, -1, +1, +2. */
export const OFFSETS = [-2, -1, 1, 2] as const;
const NB = OFFSETS.map((o) => H(`t:nb${o}`));
const G_NB = OFFSETS.map((o) => H(`t:gnb${o}`));
const EDGE = [H('t:edge-2'), H('t:edge-1'), H('t:edge+1'), H('t:edge+2')];
const T1 = H('t:t1');
const T2 = H('t:t2');
const T12 = H('t:t12');
const T1W = H('t:t1w');
const T1S = H('t:t1s');
const T1N = H('t:t1n');
const BI_L = H('t:w-1w');
const BI_R = H('t:ww+1');
const SKIP = H('t:w-1w+1');
const FIRST = H('t:first');
const CAPSLINE = H('t:capsline');
const CAPB = H('t:capb');
const AMB = H('t:amb');
const NB_AMB = OFFSETS.map((o) => H(`t:amb${o}`));
const T1AMB = H('t:t1amb');
const AMB_PAIR = H('t:amb01');
const A0 = H('t:a0');
const A1 = H('t:a1');
const A2 = H('t:a2');
const A12 = H('t:a12');
const A1W = H('t:a1w');
const A1S = H('t:a1s');
const T1A1 = H('t:t1a1');
const A0A1 = H('t:a0a1');
const A0W = H('t:a0w');

/** 0 lower case, 1 capitalised, 2 all caps, 3 no letters or mixed. */
function caseCode(w: WordInfo): number {
  if (w.caps) return 2;
  const c = w.norm.charAt(0);
  if (c !== c.toLowerCase()) return 1;
  return w.hasLower ? 0 : 3;
}

/** Hashes describing the word itself. */
export function ownFeatures(w: WordInfo): number[] {
  const out = [BIAS, w.w, w.form, w.shape, ...w.suffix.filter((h) => h !== 0), ...w.prefix.filter((h) => h !== 0)];
  if (w.fine) out.push(mix(COARSE, w.coarse), mix(FINE, w.fine));
  else out.push(mix(NOCLUSTER, w.shape));
  // GloVe clusters (lower-cased words), with the word's case: a rare capitalised word in a cluster of names is PROPN.
  if (w.gFine) out.push(mix(G_COARSE, w.gCoarse), mix(G_FINE, w.gFine), mix(G_CASE, w.gFine * 4 + caseCode(w)));
  if (w.punct) out.push(PUNCT);
  if (w.caps) out.push(CAPS);
  // "Iran" is capitalised wherever it appears, "Leaked" only at the start of a sentence or a headline.
  out.push(mix(CAPB, w.capBucket * 8 + caseCode(w)));
  if (w.tagClass) out.push(mix(AMB, w.tagClass));
  const n = w.lower.length;
  if (n > 5) out.push(H(`t:s5:${w.lower.slice(n - 5)}`), H(`t:p4:${w.lower.slice(0, 4)}`));
  // Hyphenated words stay whole in Cablegraph's tokens: "U.S.-trained", "well-known", "26-year-old".
  const dash = w.lower.lastIndexOf('-');
  if (dash > 0 && dash < n - 1) out.push(H(`t:-post:${w.lower.slice(dash + 1)}`), H(`t:pre-:${w.lower.slice(0, w.lower.indexOf('-'))}`));
  if (/\d/.test(w.lower)) out.push(H('t:digit'));
  return out;
}

/** Hashes a word contributes as the neighbour at offset OFFSETS[k] of the word being tagged. */
export function neighbourFeatures(w: WordInfo, k: number): number[] {
  const salt = NB[k]!;
  const near = k === 1 || k === 2;
  const out = [mix(salt, w.w), mix(salt, near ? w.fine : w.coarse)];
  if (near) out.push(mix(salt, w.suffix[2] || w.w), mix(salt, w.shape));
  if (w.gFine) out.push(mix(G_NB[k]!, near ? w.gFine : w.gCoarse));
  if (w.tagClass && k !== 0) out.push(mix(NB_AMB[k]!, w.tagClass));
  return out;
}

/** Features of token i that depend on more than one spelling or on the sentence, but not on predicted tags. */
export function pairFeatures(infos: readonly WordInfo[], i: number, capsLine: boolean, out: number[]): void {
  const n = infos.length;
  for (let k = 0; k < 4; k++) {
    const j = i + OFFSETS[k]!;
    if (j < 0 || j >= n) out.push(EDGE[k]!);
  }
  const w = infos[i]!;
  const prev = i > 0 ? infos[i - 1]!.w : 1;
  const next = i + 1 < n ? infos[i + 1]!.w : 2;
  out.push(mix(BI_L, mix(prev, w.w)), mix(BI_R, mix(w.w, next)), mix(SKIP, mix(prev, next)));
  if (i === 0) out.push(mix(FIRST, w.form));
  if (i + 1 < n) out.push(mix(AMB_PAIR, mix(w.tagClass, infos[i + 1]!.tagClass)));
  if (capsLine) out.push(CAPSLINE, mix(CAPSLINE, w.w));
}

/** Features of token i that read the two previous predicted tags (-1 = none). */
export function historyFeatures(infos: readonly WordInfo[], i: number, t1: number, t2: number, out: number[]): void {
  const w = infos[i]!;
  const next = i + 1 < infos.length ? infos[i + 1]!.w : 2;
  out.push(mix(T1, t1 + 1), mix(T2, t2 + 1), mix(T12, (t1 + 1) * 64 + t2 + 1));
  out.push(mix(mix(T1W, t1 + 1), w.w), mix(mix(T1S, t1 + 1), w.suffix[2] || w.w), mix(mix(T1N, t1 + 1), next));
  out.push(mix(mix(T1AMB, t1 + 1), w.tagClass));
}

/**
 * Second-pass features of token i: the first pass's tags of the word itself and of the next two words (-1 = none),
 * alone and with the word, its suffix and the second pass's previous tag (a left-to-right tagger cannot see what
 * follows "remains" or "that" otherwise).
 */
export function aheadFeatures(infos: readonly WordInfo[], i: number, t1: number, ahead: ArrayLike<number>, out: number[]): void {
  const n = infos.length;
  const w = infos[i]!;
  const a0 = ahead[i]! + 1;
  const a1 = i + 1 < n ? ahead[i + 1]! + 1 : 0;
  const a2 = i + 2 < n ? ahead[i + 2]! + 1 : 0;
  out.push(mix(A0, a0), mix(A1, a1), mix(A2, a2), mix(A12, a1 * 64 + a2), mix(mix(A1W, a1), w.w), mix(mix(A1S, a1), w.suffix[2] || w.w));
  out.push(mix(T1A1, (t1 + 1) * 64 + a1), mix(A0A1, a0 * 64 + a1), mix(mix(A0W, a0), w.w));
}
