// NER throughput: our model vs compromise on the same factbook text in the same run, tokenization included; model load time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { defaultModelDir, findPackageRoot, loadCoordModel, MODEL_FILE, recognizerFromModel } from '../src/nlp/ner/index.js';
import { loadModelFile } from '../src/nlp/ner/model-io.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { bestOf as best } from './timing.js';

const TEXT_BYTES = 300_000;

/** Plain text from the factbook's country files (public domain), in a fixed order, up to `bytes` characters. */
function factbookText(dataDir: string, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const walk = (v: unknown): void => {
    if (size >= bytes) return;
    if (typeof v === 'string') {
      const t = v.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ').trim();
      if (t.length > 40) {
        parts.push(t);
        size += t.length + 2;
      }
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  const root = join(dataDir, 'factbook');
  for (const region of readdirSync(root).sort()) {
    const dir = join(root, region);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return parts.join('\n\n').slice(0, bytes);
}


/** Measures tokens/s of our recognizer and of compromise on the same text, their ratio, and the model's load time. */
export async function benchNer(): Promise<{ title: string; lines: string[] }> {
  const title = 'Named-entity recognition';
  const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
  if (!existsSync(join(dataDir, 'factbook'))) return { title, lines: [`_skipped: no factbook text under ${dataDir}_`] };
  const modelPath = join(defaultModelDir(), MODEL_FILE);
  const loads: number[] = [];
  const loadCpu: number[] = [];
  let model = loadModelFile(modelPath);
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    model = loadModelFile(modelPath);
    loads.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    loadCpu.push((c.user + c.system) / 1000);
  }
  const rec = recognizerFromModel(model, loadCoordModel());
  const text = factbookText(dataDir, TEXT_BYTES);
  const tokens = splitSentences(text).reduce((n, s) => n + tokenize(text, s.start, s.end).length, 0);
  let ours = 0;
  let theirs = 0;
  // Same protocol for both: one warm-up pass over the whole text (JIT, caches), then the best of five.
  rec.recognize(text, splitSentences(text));
  const oursSec = best(5, () => {
    ours = rec.recognize(text, splitSentences(text)).length;
  });
  nlp(text).people();
  const theirsSec = best(5, () => {
    const doc = nlp(text);
    theirs = doc.people().length + doc.organizations().length + doc.places().length;
  });
  const rate = (sec: number): string => String(Math.round(tokens / sec));
  // NER_BENCH_CANDIDATE=FILE: a model being considered, timed in the same run by the same protocol.
  const candidateRows: string[] = [];
  const candidatePath = process.env.NER_BENCH_CANDIDATE;
  if (candidatePath) {
    const c0 = process.cpuUsage();
    const candidateModel = loadModelFile(candidatePath);
    const c = process.cpuUsage(c0);
    const candidate = recognizerFromModel(candidateModel);
    let found = 0;
    candidate.recognize(text, splitSentences(text));
    const sec = best(5, () => {
      found = candidate.recognize(text, splitSentences(text)).length;
    });
    candidateRows.push(`| candidate ${candidateModel.version} (${candidatePath}; load ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ${(statSync(candidatePath).size / 1e6).toFixed(1)} MB) | ${rate(sec.core)} | ${rate(sec.cpu)} | ${rate(sec.wall)} | ${found} |`);
  }
  return {
    title,
    lines: [
      `Text: ${(text.length / 1000).toFixed(0)} kB of CIA World Factbook prose, ${tokens} tokens; one process, one thread; sentence splitting and tokenization included.`,
      'Tokens/s per core: time is the smaller of CPU time (user + system of this process) and wall-clock time, best run; both columns beside it.',
      '',
      '| recognizer | tokens/s (one core) | tokens/s (CPU) | tokens/s (wall) | entities found |',
      '|---|---:|---:|---:|---:|',
      `| ${rec.version} | ${rate(oursSec.core)} | ${rate(oursSec.cpu)} | ${rate(oursSec.wall)} | ${ours} |`,
      ...candidateRows,
      `| compromise 14.17.0 (people + organizations + places) | ${rate(theirsSec.core)} | ${rate(theirsSec.cpu)} | ${rate(theirsSec.wall)} | ${theirs} |`,
      '',
      `Speed-up over compromise: **${(theirsSec.core / oursSec.core).toFixed(1)}x** (CPU: ${(theirsSec.cpu / oursSec.cpu).toFixed(1)}x, wall: ${(theirsSec.wall / oursSec.wall).toFixed(1)}x).`,
      `Model load (cold, best of 3): ${Math.min(...loads).toFixed(0)} ms wall, ${Math.min(...loadCpu).toFixed(0)} ms CPU; file ${(statSync(modelPath).size / 1e6).toFixed(1)} MB.`,
    ],
  };
}
