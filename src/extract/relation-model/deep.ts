/**
 * The optional hidden layer of the relation model ("wide and deep"): besides the linear scores, each feature row has
 * a small embedding; the embeddings of a pair's features are summed, passed through one tanh layer and projected onto
 * the classes, and those scores are added to the linear ones. So the network can weigh combinations of features
 * (a trigger word together with a path) that a linear model cannot, while the linear part keeps explaining decisions.
 */

/** Weights of the hidden layer (row-major). */
export interface DeepPart {
  hidden: number;
  /** feature rows x hidden. */
  emb: Float32Array;
  /** hidden. */
  bias: Float32Array;
  /** hidden x classes. */
  out: Float32Array;
}

/** Fills `h` with the hidden activations of the rows (tanh of the summed embeddings plus bias; ReLU units died in training). */
export function hiddenOf(deep: DeepPart, rows: ArrayLike<number>, h: Float64Array): void {
  const H = deep.hidden;
  for (let k = 0; k < H; k++) h[k] = deep.bias[k]!;
  for (let n = 0; n < rows.length; n++) {
    const base = rows[n]! * H;
    for (let k = 0; k < H; k++) h[k]! += deep.emb[base + k]!;
  }
  for (let k = 0; k < H; k++) h[k] = Math.tanh(h[k]!);
}

/** Adds the deep part's class scores for the rows to `scores`. */
export function addDeepScores(deep: DeepPart, rows: ArrayLike<number>, scores: Float64Array): void {
  const H = deep.hidden;
  const C = scores.length;
  const h = new Float64Array(H);
  hiddenOf(deep, rows, h);
  for (let k = 0; k < H; k++) {
    const a = h[k]!;
    for (let c = 0; c < C; c++) scores[c]! += a * deep.out[k * C + c]!;
  }
}
