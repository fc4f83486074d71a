// Trains the Arabic-script -> Latin transliteration model (src/resolve/translit/model.ts) by EM over letter
// alignments on the TRAIN splits of names-google-ar2en, names-anetac and names-wikidata-en-ar (read in place; the
// model holds letter statistics, no pair of the data). Deterministic. Usage: npm run train:names [-- --out FILE]
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { arabicLetters, followerClass, latinLetters, positionClass } from '../src/resolve/translit/letters.js';
import { latinCodes, TranslitModel, type TranslitModelData } from '../src/resolve/translit/model.js';
import { foldToAscii } from '../src/resolve/transliterate.js';
import { readSplit, SETS } from './translit/data.js';
import { chooseThreshold } from './translit/threshold.js';

const MAX_CORE = 3;
const MAX_INSERT = 2;
const ITERATIONS = Number(process.env.TRANSLIT_ITERATIONS ?? 8);
// Weight of the back-off distribution in a context's estimate (a Dirichlet prior, in pseudo-counts).
const BACKOFF = 5;
// Readings of letters in Persian romanisation that Arabic-spelled training pairs rarely show ("قاسم" -> "Ghasem",
// "جواد" -> "Javad", "ذ/ض/ظ" -> "z", "ث" -> "s"): a small prior share of each letter's mass.
const PERSIAN_READINGS: Record<string, string[]> = {
  ق: ['gh', 'g'], و: ['v', 'ou', 'o'], ث: ['s'], ذ: ['z'], ض: ['z'], ظ: ['z'], ص: ['s'], ط: ['t'], ح: ['h'], ع: ['', "'"],
  ه: ['eh', 'e', 'h'], ة: ['eh', 'e'], ي: ['i', 'ey', 'y'], ئ: ['e', 'i'], غ: ['gh', 'g'], خ: ['kh'],
};
const PERSIAN_SHARE = 0.04;

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : 'models/translit-ar.json.gz';

type Counts = Map<string, Map<string, number>>;
const add = (c: Counts, ctx: string, s: string, w: number): void => {
  let t = c.get(ctx);
  if (!t) c.set(ctx, (t = new Map()));
  t.set(s, (t.get(s) ?? 0) + w);
};

/** Training pairs as letters, deduplicated; pairs no alignment could explain (length limits) are left out. */
function loadTraining(): { letters: string[]; latin: string }[] {
  const seen = new Set<string>();
  const pairs: { letters: string[]; latin: string }[] = [];
  for (const set of Object.keys(SETS)) {
    const rows = readSplit(set, 'train');
    if (!rows) throw new Error(`training data ${set} not found (set CABLEGRAPH_DATA)`);
    for (const { arabic, english } of rows) {
      const letters = arabicLetters(arabic);
      const latin = latinLetters(english);
      const id = `${letters.join('')}\t${latin}`;
      if (letters.length === 0 || letters.length > 20 || latin === '' || latin.length > (MAX_CORE + MAX_INSERT) * letters.length || seen.has(id)) continue;
      seen.add(id);
      pairs.push({ letters, latin });
    }
  }
  return pairs;
}

/** The first model: every short Latin string possible for every letter, a bias towards the letter's usual romanisation. */
function initialModel(pairs: { letters: string[]; latin: string }[]): TranslitModelData {
  const chunks = new Set<string>(['']);
  for (const { latin } of pairs) for (let k = 1; k <= MAX_CORE; k++) for (let j = 0; j + k <= latin.length; j++) chunks.add(latin.slice(j, j + k));
  const letters = new Set(pairs.flatMap((p) => p.letters));
  const emit: TranslitModelData['emit'] = {};
  for (const l of letters) {
    const usual = foldToAscii(l)[0] ?? '';
    const vowel = 'اأإآويىةؤئعء'.includes(l);
    const t: Record<string, number> = {};
    for (const c of chunks) t[c] = (c === '' ? 0.1 : 0.3 ** c.length) * ((usual !== '' && c.startsWith(usual)) || (vowel && /^[aeiouy]?$/.test(c.slice(0, 1))) ? 10 : 1);
    emit[l] = t;
  }
  const vowelRuns = [...chunks].filter((c) => c.length <= MAX_INSERT && /^[aeiouy]*$/.test(c));
  const insert: TranslitModelData['insert'] = {};
  for (const f of ['E', 'V', 'C']) insert[`|${f}`] = Object.fromEntries(vowelRuns.map((v) => [v, v === '' ? 0.5 : 0.1]));
  return { version: 1, maxCore: MAX_CORE, maxInsert: MAX_INSERT, emit, insert, bigram: {}, threshold: 0, trainedOn: [] };
}

/** One EM pass: expected alignment counts under `model`, then new tables with back-off priors. */
function iterate(model: TranslitModel, pairs: { letters: string[]; latin: string }[]): { data: TranslitModelData; logLik: number } {
  const emitCounts: Counts = new Map();
  const insCounts: Counts = new Map();
  let logLik = 0;
  for (const { letters, latin } of pairs) {
    const codes = latinCodes(latin);
    const n = letters.length;
    const m = codes.length;
    const tables = model.tablesFor(letters);
    const alpha = model.forward(tables, n, codes);
    const z = alpha[n * (m + 1) + m]!;
    if (!(z > 0)) continue;
    logLik += Math.log(z);
    const beta = new Float64Array((n + 1) * (m + 1));
    beta[n * (m + 1) + m] = 1;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        let b = 0;
        model.steps(tables, codes, i, j, (k, t, p) => {
          b += p * beta[(i + 1) * (m + 1) + j + k + t]!;
        });
        beta[i * (m + 1) + j] = b;
      }
    }
    for (let i = 0; i < n; i++) {
      const l = letters[i]!;
      const ectx = `${l}${positionClass(i, n)}`;
      const f = followerClass(letters, i);
      for (let j = 0; j <= m; j++) {
        const a = alpha[i * (m + 1) + j]!;
        if (a === 0) continue;
        model.steps(tables, codes, i, j, (k, t, p) => {
          const w = (a * p * beta[(i + 1) * (m + 1) + j + k + t]!) / z;
          if (w < 1e-9) return;
          const core = latin.slice(j, j + k);
          const ins = latin.slice(j + k, j + k + t);
          add(emitCounts, ectx, core, w);
          add(emitCounts, l, core, w);
          add(insCounts, `${l}${f}`, ins, w);
          add(insCounts, `|${f}`, ins, w);
        });
      }
    }
  }
  return { data: estimate(emitCounts, insCounts, model.data), logLik };
}

/** Relative frequencies; a context backs off to its letter (emissions) or follower class (insertions). */
function estimate(emitCounts: Counts, insCounts: Counts, prev: TranslitModelData): TranslitModelData {
  const total = (t: Map<string, number>): number => [...t.values()].reduce((x, y) => x + y, 0);
  const emit: TranslitModelData['emit'] = {};
  const insert: TranslitModelData['insert'] = {};
  const letterDist = new Map<string, Map<string, number>>();
  for (const [ctx, t] of emitCounts) {
    if (ctx.length !== 1) continue;
    const sum = total(t);
    for (const r of PERSIAN_READINGS[ctx] ?? []) if (/^[a-z]*$/.test(r)) t.set(r, (t.get(r) ?? 0) + PERSIAN_SHARE * sum);
    const norm = total(t);
    letterDist.set(ctx, new Map([...t].map(([s, c]) => [s, c / norm])));
  }
  for (const [ctx, t] of emitCounts) {
    const back = letterDist.get(ctx.slice(0, 1))!;
    if (ctx.length === 1) {
      emit[ctx] = prune(back);
      continue;
    }
    emit[ctx] = prune(backedOff(back, t));
  }
  const classDist = new Map<string, Map<string, number>>();
  for (const [ctx, t] of insCounts) if (ctx.startsWith('|')) classDist.set(ctx, new Map([...t].map(([s, c]) => [s, c / total(t)])));
  for (const [ctx, t] of insCounts) {
    const back = classDist.get(`|${ctx.slice(-1)}`)!;
    if (ctx.startsWith('|')) {
      insert[ctx] = prune(back);
      continue;
    }
    insert[ctx] = prune(backedOff(back, t));
  }
  return { ...prev, emit, insert };
}

/** Drops probabilities below 1e-4 (noise of EM) and rounds the rest, so the file stays small and diffs stay readable. */
function prune(d: Map<string, number>): Record<string, number> {
  // Sorted by the rounded value, then the string: float noise in the last bits must not reorder ties.
  const entries = [...d].filter(([, p]) => p >= 1e-4).map(([s, p]) => [s, Number(p.toPrecision(4))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries);
}

/** Latin letter bigrams of the training names, add-one smoothed. */
function bigrams(pairs: { latin: string }[]): Record<string, number> {
  const counts = new Map<string, number>();
  const from = new Map<string, number>();
  for (const { latin } of pairs) {
    let prev = '^';
    for (const ch of `${latin}$`) {
      counts.set(`${prev}${ch}`, (counts.get(`${prev}${ch}`) ?? 0) + 1);
      from.set(prev, (from.get(prev) ?? 0) + 1);
      prev = ch;
    }
  }
  const out: Record<string, number> = {};
  for (const a of ['^', ...'abcdefghijklmnopqrstuvwxyz']) {
    for (const b of [...'abcdefghijklmnopqrstuvwxyz', '$']) out[`${a}${b}`] = Number((((counts.get(`${a}${b}`) ?? 0) + 1) / ((from.get(a) ?? 0) + 27)).toPrecision(4));
  }
  return out;
}

const pairs = loadTraining();
console.log(`${pairs.length} training pairs`);
let data = initialModel(pairs);
for (let it = 1; it <= ITERATIONS; it++) {
  const t0 = Date.now();
  const r = iterate(new TranslitModel(data), pairs);
  data = r.data;
  console.log(`iteration ${it}: log-likelihood ${r.logLik.toFixed(0)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
data = { ...data, bigram: bigrams(pairs), trainedOn: Object.keys(SETS).map((s) => `${s} (train)`) };
data.threshold = chooseThreshold(new TranslitModel(data));
console.log(`threshold ${data.threshold}`);
writeFileSync(out, gzipSync(JSON.stringify(data)));
console.log(`wrote ${out}`);

/** Counts of one context smoothed towards its back-off distribution (weight BACKOFF, as an additive prior). */
function backedOff(back: Map<string, number>, counts: Map<string, number>): Map<string, number> {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  const d = new Map<string, number>();
  for (const [s, p] of back) d.set(s, (BACKOFF * p) / (sum + BACKOFF));
  for (const [s, c] of counts) d.set(s, (d.get(s) ?? 0) + c / (sum + BACKOFF));
  return d;
}
