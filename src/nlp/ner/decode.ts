/** Viterbi decoding over a first-order tag chain with learnt transition scores and forbidden BILOU transitions. */
import { allowedTransition, splitTag } from './tags.js';

/** Transition scores plus the hard constraints of the tag scheme. */
export interface TransitionModel {
  tags: readonly string[];
  /** scores[prev * T + next]; learnt. */
  scores: Float32Array;
  /** Score of each tag at the start of a sentence; learnt. */
  start: Float32Array;
}

const NEG = -1e30;
let backBuffer = new Int32Array(4096);
interface Masks {
  trans: Uint8Array;
  first: Uint8Array;
  last: Uint8Array;
  /** For each tag, the tags allowed before it (most pairs are forbidden, so the inner loop skips them). */
  before: Int32Array[];
}
const allowedCache = new Map<string, Masks>();

/** Which transitions, first tags and last tags the scheme allows ("I-PER" cannot start a sentence or follow "O"). */
export function allowedMasks(tags: readonly string[]): Masks {
  const key = tags.join(',');
  let m = allowedCache.get(key);
  if (m) return m;
  const T = tags.length;
  const trans = new Uint8Array(T * T);
  const first = new Uint8Array(T);
  const last = new Uint8Array(T);
  for (let a = 0; a < T; a++) {
    first[a] = allowedTransition('O', tags[a]!) ? 1 : 0;
    const p = splitTag(tags[a]!)[0];
    last[a] = p === 'B' || p === 'I' ? 0 : 1;
    for (let b = 0; b < T; b++) trans[a * T + b] = allowedTransition(tags[a]!, tags[b]!) ? 1 : 0;
  }
  const before = tags.map((_, b) => Int32Array.from(tags.map((_, a) => a).filter((a) => trans[a * T + b])));
  allowedCache.set(key, (m = { trans, first, last, before }));
  return m;
}

/** Best tag sequence for emission scores (n x T); returns tag indices. */
export function viterbi(emissions: Float32Array, n: number, model: TransitionModel): Int32Array {
  const T = model.tags.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  const { first, last, before } = allowedMasks(model.tags);
  let prev = new Float64Array(T);
  let cur = new Float64Array(T);
  // One backpointer buffer, grown as needed: a fresh array per sentence was a tenth of the garbage.
  if (backBuffer.length < n * T) backBuffer = new Int32Array(Math.max(n * T, 2 * backBuffer.length));
  const back = backBuffer;
  for (let t = 0; t < T; t++) prev[t] = first[t] ? emissions[t]! + model.start[t]! : NEG;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = NEG;
      let arg = 0;
      const preds = before[t]!;
      for (let k = 0; k < preds.length; k++) {
        const p = preds[k]!;
        const s = prev[p]! + model.scores[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + emissions[i * T + t]!;
      back[i * T + t] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let best = NEG;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (last[t] && prev[t]! > best) {
      best = prev[t]!;
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]!]!;
  return out;
}
