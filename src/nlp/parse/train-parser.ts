/**
 * Parser training: averaged perceptron over arc-hybrid configurations with the dynamic oracle (Goldberg & Nivre
 * 2012/2013). After the first epoch the trainer follows its own (possibly wrong) predictions most of the time, so it
 * learns to act well in the configurations its mistakes lead to; updates go towards the best zero-cost action.
 */
import { seededRandom } from '../random.js';
import { AveragedWeights } from './perceptron.js';
import { unlabelled, type SentenceView } from './parser-features.js';
import { labelFeatures } from './label-features.js';
import { bestValid, candidateKey, ParserScratch, type ParserModel } from './parser.js';
import { ACTIONS, LEFT, SHIFT } from './transitions.js';

/** One training sentence: its view (predicted tags) and projective gold heads (n = root) and labels. */
export interface ParseExample {
  view: SentenceView;
  gold: Int32Array;
  goldLabel: Int32Array;
}

/** Training settings. */
export interface ParserTraining {
  epochs: number;
  seed: number;
  /** Probability of following the model's own prediction after the first epoch. */
  explore: number;
  deprels: string[];
  onEpoch?: (epoch: number, model: () => ParserModel) => void;
  log?: (line: string) => void;
}

/** Trains the action and label models. */
export function trainParser(data: readonly ParseExample[], opts: ParserTraining): ParserModel {
  const root = opts.deprels.indexOf('root');
  const L = opts.deprels.length;
  const actions = new AveragedWeights(ACTIONS);
  const labels = new AveragedWeights(L);
  const sc = new ParserScratch();
  const st = sc.state;
  const rand = seededRandom(opts.seed);
  const order = data.map((_, i) => i);
  const scores = new Float32Array(ACTIONS);
  const ls = new Float32Array(L);
  const costs = new Int32Array(ACTIONS);
  const candidates = labelCandidates(data);
  const model = (): ParserModel => ({ actions: actions.averaged(true), labels: labels.averaged(), deprels: opts.deprels, root, candidates });
  const all = Int32Array.from(opts.deprels.keys()).filter((l) => l !== root);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let steps = 0;
    let errors = 0;
    let arcs = 0;
    let labelErrors = 0;
    for (const si of order) {
      const { view: v, gold, goldLabel } = data[si]!;
      st.reset(v.n);
      while (!st.done) {
        const k = unlabelled(st, v, sc.feats);
        scores.fill(0);
        actions.score(sc.feats, 0, k, scores);
        const pred = bestValid(st, scores);
        // The best-scoring cheapest action: zero-cost except after mistakes the single-root constraint cannot repair.
        let minCost = 1 << 20;
        for (let a = 0; a < ACTIONS; a++) {
          costs[a] = st.valid(a) ? st.cost(a, gold) : 1 << 20;
          if (costs[a]! < minCost) minCost = costs[a]!;
        }
        let zero = -1;
        for (let a = 0; a < ACTIONS; a++) if (costs[a] === minCost && (zero < 0 || scores[a]! > scores[zero]!)) zero = a;
        steps++;
        if (costs[pred]! > minCost) {
          errors++;
          actions.update(sc.feats, 0, k, zero, 1);
          actions.update(sc.feats, 0, k, pred, -1);
        }
        actions.tick();
        const next = epoch > 1 && rand() < opts.explore ? pred : zero;
        let label = -1;
        if (next !== SHIFT) {
          const d = st.s(0);
          const h = st.headFor(next);
          if (next === LEFT && h === v.n) label = root;
          else {
            const kl = labelFeatures(st, v, next, sc.lfeats);
            ls.fill(0);
            labels.score(sc.lfeats, 0, kl, ls);
            const cands = candidates.get(candidateKey(next === LEFT, v.p[h]!, v.p[d]!)) ?? all;
            label = cands[0]!;
            for (const l of cands) if (ls[l]! > ls[label]!) label = l;
            // Labels are learnt on arcs whose head is right; a wrong head has no right label.
            if (gold[d] === h) {
              arcs++;
              const g = goldLabel[d]!;
              if (label !== g) {
                labelErrors++;
                labels.update(sc.lfeats, 0, kl, g, 1);
                labels.update(sc.lfeats, 0, kl, label, -1);
              }
              labels.tick();
            }
          }
        }
        st.apply(next, label);
      }
    }
    opts.log?.(`parser epoch ${epoch}: action errors ${errors}/${steps} (${((100 * errors) / steps).toFixed(2)}%), label errors ${labelErrors}/${arcs}, weights ${actions.size} + ${labels.size}`);
    opts.onEpoch?.(epoch, model);
  }
  return model();
}

/** Labels seen per (direction, head tag, dependent tag) on the gold arcs, with the training data's (predicted) tags. */
export function labelCandidates(data: readonly ParseExample[]): Map<number, Int32Array> {
  const sets = new Map<number, Set<number>>();
  for (const { view: v, gold, goldLabel } of data) {
    for (let d = 0; d < v.n; d++) {
      const h = gold[d]!;
      if (h === v.n) continue;
      const key = candidateKey(h > d, v.p[h]!, v.p[d]!);
      let s = sets.get(key);
      if (!s) sets.set(key, (s = new Set()));
      s.add(goldLabel[d]!);
    }
  }
  return new Map([...sets].sort((a, b) => a[0] - b[0]).map(([k, s]) => [k, Int32Array.from([...s].sort((a, b) => a - b))]));
}
