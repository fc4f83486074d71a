// Parser throughput: tag + lemmatise + parse vs the NER model on the same factbook text in the same run; model load time.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, findPackageRoot, loadRecognizer } from '../src/nlp/ner/index.js';
import { defaultParseModelDir, PARSE_MODEL_FILE, parserFromModel } from '../src/nlp/parse/index.js';
import { loadParseModel } from '../src/nlp/parse/model-io.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';
import type { BenchSection } from './ingest.js';
import { bestCore } from './timing.js';

const TEXT_BYTES = 300_000;

/** The factbook prose bench/ner.ts uses: country files in a fixed order, string fields over 40 characters. */
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

/** Tokens/s of the parser (tag + lemmatise + parse; tag only) and of the NER on the same text, their ratio, load time. */
export async function benchParse(): Promise<BenchSection> {
  const title = 'POS tagging and dependency parsing';
  const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
  if (!existsSync(join(dataDir, 'factbook'))) return { title, lines: [`_skipped: no factbook text under ${dataDir}_`] };
  const modelPath = join(defaultParseModelDir(), PARSE_MODEL_FILE);
  let model = loadParseModel(modelPath);
  let loadMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    model = loadParseModel(modelPath);
    const c = process.cpuUsage(c0);
    loadMs = Math.min(loadMs, (c.user + c.system) / 1000);
  }
  const parser = parserFromModel(model);
  const rec = loadRecognizer(defaultModelDir());
  const text = factbookText(dataDir, TEXT_BYTES);
  const spans = splitSentences(text);
  const sentences = spans.map((s) => tokenize(text, s.start, s.end).map((t) => t.text)).filter((s) => s.length > 0);
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  // Same protocol for all: one warm-up pass over the whole text (JIT, per-spelling caches), then the best of five.
  for (const s of sentences) parser.parse(s);
  rec.recognize(text, spans);
  const parseSec = bestCore(5, () => {
    for (const s of sentences) parser.parse(s);
  });
  const tagSec = bestCore(5, () => {
    for (const s of sentences) parser.tag(s);
  });
  const nerSec = bestCore(5, () => rec.recognize(text, splitSentences(text)));
  const rate = (sec: number): string => Math.round(tokens / sec).toLocaleString('en-US');
  // PARSE_BENCH_CANDIDATE=FILE: a model being considered, timed in the same run by the same protocol.
  const candidateRows: string[] = [];
  const candidatePath = process.env.PARSE_BENCH_CANDIDATE;
  if (candidatePath) {
    const candidate = parserFromModel(loadParseModel(candidatePath));
    for (const s of sentences) candidate.parse(s);
    const sec = bestCore(5, () => {
      for (const s of sentences) candidate.parse(s);
    });
    const tagOnly = bestCore(5, () => {
      for (const s of sentences) candidate.tag(s);
    });
    candidateRows.push(`| candidate ${candidate.version} (${candidatePath}): tag + lemmatise + parse | ${rate(sec)} (${(parseSec / sec).toFixed(2)}x the shipped model's speed) |`);
    candidateRows.push(`| candidate ${candidate.version}: tag + lemmatise only | ${rate(tagOnly)} |`);
  }
  return {
    title,
    lines: [
      `Text: ${(text.length / 1000).toFixed(0)} kB of CIA World Factbook prose, ${sentences.length} sentences, ${tokens} tokens; one process, one thread.`,
      'Time per pass is the smaller of CPU time and wall-clock time, best of five after one warm-up pass. The parser gets tokenized sentences; the NER row includes its own sentence splitting and tokenization.',
      '',
      '| step | tokens/s (one core) |',
      '|---|---:|',
      `| ${model.version}: tag + lemmatise + parse | ${rate(parseSec)} |`,
      `| ${model.version}: tag + lemmatise only | ${rate(tagSec)} |`,
      `| ${rec.version} (recognize) | ${rate(nerSec)} |`,
      ...candidateRows,
      '',
      `Tag + parse takes **${(parseSec / nerSec).toFixed(2)}x** the NER's time on the same text (NER / parser speed ratio ${(nerSec / parseSec).toFixed(2)}).`,
      `Model load (best of 3): ${loadMs.toFixed(0)} ms CPU; file ${(statSync(modelPath).size / 1e6).toFixed(1)} MB.`,
    ],
  };
}
