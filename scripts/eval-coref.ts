/**
 * Scores the coreference resolver on the hand-annotated dev set (annotations/coref/references.tsv, standoff into the
 * documents that scripts/coref-corpus.ts rebuilds from ../shared/data). Prints accuracy per kind and a reliability
 * table (confidence bin -> measured accuracy) for the tune and report parts.
 *   npx tsx scripts/eval-coref.ts            # figures
 *   npx tsx scripts/eval-coref.ts --fit      # refit the weights on the tune part (and the train collectives),
 *                                            # write src/extract/coref/data/weights.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES, resolveReferences, type Decision, type Option, type Weights } from '../src/extract/coref/index.js';
import { WEIGHTS } from '../src/extract/coref/model.js';
import { withPronouns } from '../src/extract/pronouns.js';
import { conllDevDocuments, conllDocuments, re3dDocuments, type CorefDocument } from './coref-corpus.js';

interface Gold { doc: string; part: string; start: number; end: number; kind: string; antecedents: string[] }

const root = join(import.meta.dirname, '..');
const fitting = process.argv.includes('--fit');
const read = (file: string): Gold[] => readFileSync(join(root, 'annotations', 'coref', file), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => {
    const [doc, part, start, end, kind, ants] = l.split('\t');
    return { doc: doc!, part: part!, start: Number(start), end: Number(end), kind: kind!, antecedents: ants === '-' ? [] : ants!.split(';') };
  });
// The counted collectives of CoNLL-2003 train documents only add fitting data (the dev set has few of them).
const gold: Gold[] = [...read('references.tsv'), ...(fitting ? read('train-collectives.tsv') : [])];
const wanted = new Set(gold.map((g) => g.doc));
const docs = [...re3dDocuments(), ...conllDevDocuments(), ...(fitting ? conllDocuments('train') : [])].filter((d) => wanted.has(d.id));
if (docs.length === 0) {
  console.log('skipped: ../shared/data (re3d, conll2003) is not available');
  process.exit(0);
}

/** One gold reference with what the resolver did with it. */
interface Outcome { g: Gold; goldKeys: string[]; decision?: Decision; chosen: Option | null; confidence: number }

function run(weights: Weights): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const d of docs) outcomes.push(...runDoc(d, weights));
  return outcomes;
}

function runDoc(d: CorefDocument, weights: Weights): Outcome[] {
  const keyAt = new Map(d.mentions.map((m) => [`${m.start}-${m.end}`, m.entityKey]));
  const seen = new Map<string, { decision: Decision; chosen: Option | null }>();
  const resolved = resolveReferences(d, { weights, trace: (decision, chosen) => seen.set(`${decision.reference.start}-${decision.reference.end}`, { decision, chosen }) });
  const confidence = new Map(resolved.map((r) => [`${r.start}-${r.end}`, r.confidence]));
  return gold.filter((g) => g.doc === d.id).map((g) => {
    const at = `${g.start}-${g.end}`;
    const goldKeys = [...new Set(g.antecedents.map((a) => keyAt.get(a)!))].sort();
    const hit = seen.get(at);
    return { g, goldKeys, decision: hit?.decision, chosen: hit?.chosen ?? null, confidence: confidence.get(at) ?? 0 };
  });
}

const right = (o: Outcome): boolean => o.chosen !== null && [...o.chosen.keys].sort().join('|') === o.goldKeys.join('|');

function report(outcomes: Outcome[], part: string): void {
  const rows = outcomes.filter((o) => o.g.part === part);
  console.log(`\n${part} part: ${rows.length} references in ${new Set(rows.map((o) => o.g.doc)).size} documents (${rows.filter((o) => !o.decision).length} no longer detected)`);
  console.log('kind         | n   | antecedent: right / wrong / abstained | none named: abstained / resolved | precision | recall');
  for (const kind of ['pronoun', 'possessive', 'definite', 'collective', 'all']) {
    const k = rows.filter((o) => kind === 'all' || o.g.kind === kind);
    const withAnt = k.filter((o) => o.goldKeys.length > 0);
    const none = k.filter((o) => o.goldKeys.length === 0);
    const ok = withAnt.filter(right).length;
    const resolved = k.filter((o) => o.chosen).length;
    const wrong = withAnt.filter((o) => o.chosen && !right(o)).length;
    const fp = none.filter((o) => o.chosen).length;
    const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
    console.log(`${kind.padEnd(12)} | ${String(k.length).padEnd(3)} | ${ok} / ${wrong} / ${withAnt.length - ok - wrong}`.padEnd(58) +
      `| ${none.length - fp} / ${fp}`.padEnd(35) + `| ${pct(ok, resolved).padEnd(9)} | ${pct(ok, withAnt.length)}`);
  }
  console.log('confidence | resolved | right | accuracy');
  for (let b = 5; b < 10; b++) {
    const lo = b / 10;
    const hi = (b + 1) / 10;
    const bin = rows.filter((o) => o.chosen && Math.min(9, Math.floor(o.confidence * 10 + 1e-9)) === b);
    const ok = bin.filter(right).length;
    const mean = bin.reduce((s, o) => s + o.confidence, 0) / (bin.length || 1);
    console.log(`${lo.toFixed(1)}-${hi.toFixed(1)}    | ${String(bin.length).padEnd(8)} | ${String(ok).padEnd(5)} | ${bin.length ? ((100 * ok) / bin.length).toFixed(1) + '%' : '-'} (mean confidence ${mean.toFixed(2)})`);
  }
}

/** The he/him/she references of a part, scored for the resolver and for the older rule in src/extract/pronouns.ts. */
function baseline(outcomes: Outcome[], part: string): void {
  const rows = outcomes.filter((o) => o.g.part === part && /^(?:he|him|she)$/i.test(docText(o.g.doc).slice(o.g.start, o.g.end)));
  const old = { right: 0, wrong: 0 };
  for (const o of rows) {
    const d = docs.find((x) => x.id === o.g.doc)!;
    const hit = oldRule(d).get(`${o.g.start}-${o.g.end}`);
    if (hit === undefined) continue;
    if (o.goldKeys.length === 1 && hit === o.goldKeys[0]) old.right++;
    else old.wrong++;
  }
  const ok = rows.filter(right).length;
  const resolved = rows.filter((o) => o.chosen).length;
  console.log(`he/him/she (${rows.length}): resolver right ${ok}, wrong ${resolved - ok}; pronouns.ts rule right ${old.right}, wrong ${old.wrong}`);
}

const oldCache = new Map<string, Map<string, string>>();
function oldRule(d: CorefDocument): Map<string, string> {
  let m = oldCache.get(d.id);
  if (!m) {
    m = new Map();
    for (const x of withPronouns(d.text, d.mentions)) if (/^(?:he|him|she)$/i.test(x.text) && !d.mentions.some((n) => n.start === x.start)) m.set(`${x.start}-${x.end}`, x.entityKey);
    oldCache.set(d.id, m);
  }
  return m;
}
const docText = (id: string): string => docs.find((d) => d.id === id)!.text;

/**
 * Weights the fit leaves as set: the dev and train sets hold no "the last three" / "the first two" that names entities
 * (only time spans, which detection rejects), so the weight of a list cut to the stated count is a prior, not fitted.
 */
const FIXED: Weights = { list_cut: 5 };

/** Fits the log-linear weights on the tune part and the train collectives: conditional likelihood of the gold option (or "nothing named"), L2. */
function fit(start: Weights): Weights {
  let weights = { ...start };
  for (let round = 0; round < 3; round++) {
    // Features depend on earlier resolutions (chains), so the pass is re-run with the new weights each round.
    const instances = run(weights).filter((o) => (o.g.part === 'tune' || o.g.part === 'train') && o.decision).flatMap((o) => {
      const d = o.decision!;
      const goldIndex = o.goldKeys.length === 0 ? d.options.length : d.options.findIndex((opt) => [...opt.keys].sort().join('|') === o.goldKeys.join('|'));
      return goldIndex < 0 ? [] : [{ vectors: [...d.options.map((opt) => opt.features), d.nullFeatures], goldIndex }];
    });
    const w = Float64Array.from(FEATURES, (f) => FIXED[f] ?? weights[f] ?? 0);
    const lambda = 0.05;
    for (let iter = 0; iter < 6000; iter++) {
      const grad = new Float64Array(w.length);
      for (const inst of instances) {
        const scores = inst.vectors.map((f) => { let s = 0; for (const [i, v] of f) s += w[i]! * v; return s; });
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const z = exps.reduce((a, b) => a + b, 0);
        inst.vectors.forEach((f, j) => {
          const g = (j === inst.goldIndex ? 1 : 0) - exps[j]! / z;
          for (const [i, v] of f) grad[i]! += g * v;
        });
      }
      for (let i = 0; i < w.length; i++) if (!(FEATURES[i]! in FIXED)) w[i]! += (0.5 / instances.length) * (grad[i]! - lambda * w[i]!);
    }
    weights = Object.fromEntries(FEATURES.map((f, i) => [f, Math.round(w[i]! * 1000) / 1000]));
    console.log(`round ${round + 1}: ${instances.length} tune instances`);
  }
  return weights;
}

if (fitting && !process.argv.includes('--errors')) {
  const weights = fit(WEIGHTS);
  const file = join(root, 'src', 'extract', 'coref', 'data', 'weights.json');
  writeFileSync(file, JSON.stringify({ note: 'Fitted on the tune part of annotations/coref by `npx tsx scripts/eval-coref.ts --fit`.', weights }, null, 2) + '\n');
  console.log(`wrote ${file}`);
  const outcomes = run(weights);
  for (const part of ['train', 'tune', 'report']) report(outcomes, part);
} else {
  const outcomes = run(WEIGHTS);
  for (const part of fitting ? ['train', 'tune'] : ['tune', 'report']) {
    report(outcomes, part);
    baseline(outcomes, part);
  }
  if (process.argv.includes('--errors')) {
    for (const o of outcomes.filter((x) => x.g.part !== 'report' && (x.chosen ? !right(x) : x.goldKeys.length > 0))) {
      const d = docs.find((x) => x.id === o.g.doc)!;
      console.log(`${o.g.doc.slice(0, 12)} ${o.g.kind} "${d.text.slice(o.g.start, o.g.end)}" gold=${o.goldKeys.map((k) => k.split('#')[1]).join('+') || '-'} got=${o.chosen?.keys.map((k) => k.split('#')[1]).join('+') ?? '-'} (${o.confidence}) options=${o.decision?.options.length ?? 'not detected'} | ${d.text.slice(Math.max(0, o.g.start - 80), o.g.end + 20).replace(/\n/g, ' ')}`);
    }
  }
}
