/** Features for labelling an arc: head and dependent words, lemmas, tags, clusters, their children and labels. */
import { combine as m, hashStr } from './hash.js';
import { distBucket, kid, lab, m3, m4, set, type SentenceView } from './parser-features.js';
import { LEFT, type ParseState } from './transitions.js';

const L = (name: string): number => hashStr(`lf:${name}`);
const LABEL_NAMES = [
  'bias', 'hw', 'hp', 'dw', 'dp', 'hwhp', 'dwdp', 'hpdp', 'hwdp', 'hpdw', 'hwdw', 'hldl', 'hpdl', 'hldp', 'dist', 'dlw', 'dll',
  'dlp', 'drw', 'drl', 'drp', 'dset', 'hset', 'hnear', 'dfhp', 'hfdp', 'hcdc', 'dlwhp', 'dlldrl', 'ctx', 'dwdphp', 'dprev',
  'dxhx', 'hxhset',
];
const LSALT = Uint32Array.from(LABEL_NAMES, L);
const GLOVE = Uint32Array.from(['dghp', 'hgdp', 'hGdG'], L);
/** Number of label feature templates (at most: the GloVe ones only for a model trained with them). */
export const LABEL_FEATURES = LABEL_NAMES.length + GLOVE.length;

/** Fills `out` with the features for labelling the arc an arc action would add (dependent s0); returns their number. */
export function labelFeatures(st: ParseState, v: SentenceView, action: number, out: Uint32Array): number {
  const n = v.n;
  const none = n + 1;
  const d = st.stack[st.sp - 1]!;
  const left = action === LEFT;
  const h = left ? st.b : st.stack[st.sp - 2]!;
  const dir = left ? 1 : 2;
  const W = v.w;
  const P = v.p;
  const hp = P[h]! * 4 + dir;
  const hw = m(W[h]!, dir);
  const dp = P[d]!;
  const dw = W[d]!;
  const dl = kid(st.lc1, d, n, none);
  const dr = kid(st.rc1, d, n, none);
  // The head's nearest child on the dependent's side so far (its leftmost for LEFT, rightmost for RIGHT).
  const near = kid(left ? st.lc1 : st.rc1, h, n, none);
  const hset = h >= n ? 0 : m(set(st.lsetLo, st.lsetHi, h, n), set(st.rsetLo, st.rsetHi, h, n));
  const dset = m(set(st.lsetLo, st.lsetHi, d, n), set(st.rsetLo, st.rsetHi, d, n));
  // The word beyond the pair: after the head for LEFT, after the dependent for RIGHT.
  const beyond = left ? (h + 1 <= n ? h + 1 : none) : d + 1;
  const prev = d > 0 ? d - 1 : none;
  const Q = LSALT;
  let k = 0;
  out[k] = m(Q[k]!, dir); k++;
  out[k] = m(Q[k]!, hw); k++;
  out[k] = m(Q[k]!, hp); k++;
  out[k] = m3(Q[k]!, dw, dir); k++;
  out[k] = m3(Q[k]!, dp, dir); k++;
  out[k] = m3(Q[k]!, hw, hp); k++;
  out[k] = m4(Q[k]!, dw, dp, dir); k++;
  out[k] = m3(Q[k]!, hp, dp); k++;
  out[k] = m3(Q[k]!, hw, dp); k++;
  out[k] = m3(Q[k]!, hp, dw); k++;
  out[k] = m3(Q[k]!, hw, dw); k++;
  out[k] = m4(Q[k]!, v.l[h]!, v.l[d]!, dir); k++;
  out[k] = m3(Q[k]!, hp, v.l[d]!); k++;
  out[k] = m3(Q[k]!, m(v.l[h]!, dir), dp); k++;
  out[k] = m4(Q[k]!, hp, dp, distBucket(h > d ? h - d : d - h)); k++;
  out[k] = m3(Q[k]!, W[dl]!, dp); k++;
  out[k] = m3(Q[k]!, lab(st, dl, n), dp); k++;
  out[k] = m3(Q[k]!, P[dl]!, dp); k++;
  out[k] = m3(Q[k]!, W[dr]!, dp); k++;
  out[k] = m3(Q[k]!, lab(st, dr, n), dp); k++;
  out[k] = m3(Q[k]!, P[dr]!, dp); k++;
  out[k] = m4(Q[k]!, dset, dp, dir); k++;
  out[k] = m3(Q[k]!, hset, hp); k++;
  out[k] = m4(Q[k]!, lab(st, near, n), hp, dp); k++;
  out[k] = m3(Q[k]!, v.f[d]!, hp); k++;
  out[k] = m3(Q[k]!, m(v.f[h]!, dir), dp); k++;
  out[k] = m4(Q[k]!, v.c[h]!, v.c[d]!, dir); k++;
  out[k] = m4(Q[k]!, W[dl]!, hp, dp); k++;
  out[k] = m4(Q[k]!, lab(st, dl, n), lab(st, dr, n), m(hp, dp)); k++;
  out[k] = m4(Q[k]!, P[beyond]!, hp, dp); k++;
  out[k] = m4(Q[k]!, dw, dp, hp); k++;
  out[k] = m4(Q[k]!, P[prev]!, hp, dp); k++;
  out[k] = m4(Q[k]!, v.x[d]!, v.x[h]!, dir); k++;
  out[k] = m4(Q[k]!, v.x[h]!, hset, dir); k++;
  if (v.glove) {
    out[k++] = m3(GLOVE[0]!, v.gf[d]!, hp);
    out[k++] = m3(GLOVE[1]!, m(v.gf[h]!, dir), dp);
    out[k++] = m4(GLOVE[2]!, v.gc[h]!, v.gc[d]!, dir);
  }
  return k;
}
