// The arc-hybrid system: the dynamic oracle rebuilds gold projective trees, every action sequence yields one tree,
// and projectivisation lifts crossing arcs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/nlp/random.js';
import { isProjective, projectivise } from '../../src/nlp/parse/projective.js';
import { ACTIONS, ParseState } from '../../src/nlp/parse/transitions.js';
import { readConllu } from '../../src/nlp/parse/conllu.js';

/** A random tree from random valid transitions (heads, -1 = root); arc-hybrid can build every projective tree. */
function randomTree(n: number, rand: () => number): number[] {
  const st = new ParseState();
  st.reset(n);
  while (!st.done) {
    const valid = [0, 1, 2].filter((a) => st.valid(a));
    st.apply(valid[Math.floor(rand() * valid.length)]!, 0);
  }
  return Array.from(st.head.subarray(0, n), (h) => (h === n ? -1 : h));
}

/** Runs the oracle: always the first zero-cost action. Returns the heads it builds. */
function oracleParse(heads: readonly number[]): Int32Array {
  const n = heads.length;
  const gold = Int32Array.from(heads, (h) => (h < 0 ? n : h));
  const st = new ParseState();
  st.reset(n);
  while (!st.done) {
    let next = -1;
    for (let a = 0; a < ACTIONS && next < 0; a++) if (st.valid(a) && st.cost(a, gold) === 0) next = a;
    assert.ok(next >= 0, 'some action has zero cost');
    st.apply(next, 0);
  }
  return Int32Array.from(st.head.subarray(0, n), (h) => (h === n ? -1 : h));
}

test('the dynamic oracle reproduces every gold projective tree exactly', () => {
  const rand = seededRandom(5);
  for (let k = 0; k < 500; k++) {
    const heads = randomTree(1 + Math.floor(rand() * 40), rand);
    assert.deepEqual([...oracleParse(heads)], heads);
  }
});

test('costs add up: after any wrong actions, following the cheapest actions loses exactly the arcs the costs counted', () => {
  const rand = seededRandom(7);
  const st = new ParseState();
  for (let k = 0; k < 500; k++) {
    const n = 2 + Math.floor(rand() * 30);
    const heads = randomTree(n, rand);
    const gold = Int32Array.from(heads, (h) => (h < 0 ? n : h));
    st.reset(n);
    let lost = 0;
    const wrongSteps = Math.floor(rand() * 2 * n);
    for (let step = 0; !st.done; step++) {
      const valid = [0, 1, 2].filter((a) => st.valid(a));
      // With one word under the root, a mistake can leave no zero-cost action (s1 is the gold dependent of a root
      // word s0 when the buffer holds only the root), so the oracle takes the cheapest.
      const min = Math.min(...valid.map((a) => st.cost(a, gold)));
      const a = step < wrongSteps ? valid[Math.floor(rand() * valid.length)]! : valid.find((x) => st.cost(x, gold) === min)!;
      lost += st.cost(a, gold);
      st.apply(a, 0);
    }
    let correct = 0;
    for (let i = 0; i < n; i++) if (st.head[i] === gold[i]) correct++;
    assert.equal(correct, n - lost);
  }
});

test('the oracle reproduces the projectivised trees of UD English EWT dev', (t) => {
  const dev = join(import.meta.dirname, '../../../shared/data/ud-english-ewt/dev.conllu');
  if (!existsSync(dev)) return t.skip(`no ${dev} (UD English EWT is read from ../shared/data, never copied here)`);
  let nonProjective = 0;
  for (const s of readConllu(dev)) {
    const gold = s.words.map((w) => w.head);
    if (!isProjective(gold)) nonProjective++;
    const { heads } = projectivise(gold);
    assert.ok(isProjective(heads));
    assert.deepEqual([...oracleParse([...heads])], [...heads]);
  }
  assert.ok(nonProjective > 0, 'EWT dev has some non-projective trees to lift');
});

test('any sequence of valid actions ends in one tree with exactly one word under the root', () => {
  const rand = seededRandom(9);
  const st = new ParseState();
  for (let k = 0; k < 2000; k++) {
    const n = 1 + Math.floor(rand() * 25);
    st.reset(n);
    let steps = 0;
    while (!st.done) {
      const valid = [0, 1, 2].filter((a) => st.valid(a));
      assert.ok(valid.length > 0, 'a configuration that is not final has a valid action');
      st.apply(valid[Math.floor(rand() * valid.length)]!, 1);
      steps++;
    }
    assert.equal(steps, 2 * n, 'arc-hybrid takes exactly 2n transitions');
    const heads = Array.from(st.head.subarray(0, n), (h) => (h === n ? -1 : h));
    assert.equal(heads.filter((h) => h === -1).length, 1);
    for (let i = 0; i < n; i++) {
      let x = i;
      for (let hops = 0; x !== -1; hops++) {
        assert.ok(hops <= n, 'no cycle');
        assert.ok(x >= -1 && x < n);
        x = heads[x]!;
      }
    }
    assert.ok(isProjective(heads), 'arc-hybrid trees are projective');
  }
});

test('projectivise lifts a crossing arc to the head of its head', () => {
  // 0 <- 2 (root 1): word 3 hangs on 0 across 1 and 2's arcs: "A hearing is scheduled on the issue today" style.
  const heads = [1, -1, 1, 0];
  assert.equal(isProjective(heads), false);
  const { heads: p, lifted } = projectivise(heads);
  assert.deepEqual([...p], [1, -1, 1, 1]);
  assert.equal(lifted, 1);
});
