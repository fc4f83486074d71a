/**
 * Ingest with every stage on 1 worker (the stages in the main thread) and on 2 worker threads, on the same news
 * documents in the same run: documents/s end to end (worker start, storage, stages, resolution) and peak RSS. Each
 * configuration runs in a child process of its own, so its peak RSS is its own; the two alternate, best of two rounds.
 * Input: the Reuters articles of CoNLL-2003 train (946 at most; research use: read from ../shared/data, never copied),
 * topped up to BENCH_WORKER_DOCS with documents of the generated scale corpus (bench/scale-corpus.ts). CPU per document
 * is split by thread (Linux /proc, read as the collection steps start, while the workers still run): the main thread,
 * the stage workers, and the rest (V8's background threads: optimizing compiler, garbage collector).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readConll } from '../src/nlp/ner/conll.js';
import type { BenchSection } from './ingest.js';
import { SHARED_DATA } from './factbook.js';
import { corpusAvailable, writeScaleCorpus } from './scale-corpus.js';

const DOCUMENTS = Number(process.env.BENCH_WORKER_DOCS ?? 400);
const ROUNDS = Number(process.env.BENCH_WORKER_ROUNDS ?? 2);

interface Run {
  workers: number;
  documents: number;
  seconds: number;
  /** CPU time of the whole process (main thread and workers), user + system. */
  cpuSeconds: number;
  maxRssMb: number;
  /** CPU seconds by thread until the collection steps start: main thread, stage workers, others (absent off Linux). */
  threads?: { main: number; workers: number; other: number };
}

// A fixed loop with nothing shared: what two threads can get out of this machine right now, next to what ingest gets.
const SPIN = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0; require("node:worker_threads").parentPort.postMessage(x);';

/** Wall time of the spin loop on 1 thread, and of the same loop on 2 threads at once: their ratio is this machine's ceiling. */
async function ceiling(): Promise<number> {
  const run = async (threads: number): Promise<number> => {
    const t = performance.now();
    await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(SPIN, { eval: true }).once('message', resolve).once('error', reject))));
    return (performance.now() - t) / 1000;
  };
  const one = await run(1);
  return (2 * one) / (await run(2));
}

/** The articles of a CoNLL-2003 file as text: tokens joined, no space before closing punctuation, a line per sentence. */
function conllArticles(path: string, limit: number): string[] {
  const sentence = (tokens: readonly string[]): string => tokens.join(' ').replace(/ ([.,;:!?%)'])/gu, '$1').replace(/([($]) /gu, '$1');
  return readConll(path).filter((d) => d.sentences.length > 1).slice(0, limit).map((d) => d.sentences.map((s) => sentence(s.tokens)).join('\n'));
}

/** `count` documents of the generated scale corpus, as texts. */
function generatedTexts(dir: string, count: number): string[] {
  writeScaleCorpus(dir, count);
  return readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** CPU seconds of each live thread of this process by thread id (Linux /proc; empty elsewhere). */
function threadSeconds(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc/self/task')) return out;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 a second on Linux).
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/** Runs one configuration in a child process and reads its figures. */
function runChild(input: string, dir: string, workers: number, round: number | string, env: NodeJS.ProcessEnv = {}): Run {
  const db = join(dir, `w${workers}-r${round}.db`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', input, db, String(workers)], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`ingest with ${workers} worker(s) failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
}

/** The benchmark section: documents/s with 1 and 2 workers, their ratio and peak RSS. */
export async function benchIngestWorkers(): Promise<BenchSection> {
  const source = join(SHARED_DATA, 'conll2003', 'train.txt');
  const title = 'Ingest on worker threads (news articles, every stage)';
  if (!existsSync(source)) return { title, lines: [`Skipped: ${source} not found (the benchmark reads ../shared/data beside the repository).`] };
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-bench-workers-'));
  try {
    const articles = conllArticles(source, DOCUMENTS);
    const generated = DOCUMENTS > articles.length && corpusAvailable() ? generatedTexts(join(dir, 'generated'), DOCUMENTS - articles.length) : [];
    const input = join(dir, 'news.jsonl');
    const records = [...articles.map((text, i) => ({ title: `Article ${i + 1}`, text })), ...generated.map((text, i) => ({ title: `Report ${i + 1}`, text }))];
    writeFileSync(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const best = new Map<number, Run>();
    const ceilings: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ceilings.push(await ceiling());
      for (const workers of [1, 2]) {
        const run = runChild(input, dir, workers, round);
        const prev = best.get(workers);
        if (!prev || run.seconds < prev.seconds) best.set(workers, run);
      }
    }
    // Model tables shared by the workers (src/nlp/shared-tables.ts) against each worker's own, 4 workers, one run each.
    const own4 = runChild(input, dir, 4, 'own', { CABLEGRAPH_SHARED_TABLES: '0' });
    const shared4 = runChild(input, dir, 4, 'shared');
    const one = best.get(1)!;
    const two = best.get(2)!;
    const rate = (r: Run): string => (r.documents / r.seconds).toFixed(1);
    const ms = (seconds: number, r: Run): string => (seconds / r.documents * 1000).toFixed(1);
    const split = (r: Run): string => (r.threads ? `${ms(r.threads.main, r)} / ${ms(r.threads.workers, r)} / ${ms(r.threads.other, r)}` : 'n/a');
    const line = (r: Run): string => `| ${r.workers} | ${r.documents} | ${r.seconds.toFixed(1)} | ${rate(r)} | ${ms(r.cpuSeconds, r)} | ${split(r)} | ${r.maxRssMb.toFixed(0)} |`;
    return {
      title,
      lines: [
        `${articles.length} articles and ${generated.length} generated reports (${(Buffer.byteLength(readFileSync(input)) / 1024).toFixed(0)} KB of JSON Lines, one file), every stage and resolution, code from ${codeRoot() === '../src' ? 'src/ under tsx' : 'dist/'}; best of ${ROUNDS} alternating rounds, each in its own process; load average ${loadavg()[0]!.toFixed(1)} at the end.`,
        '',
        '| workers | documents | seconds | documents/s | CPU ms/document | of which main / stage workers / other threads, until resolution | peak RSS (MB) |',
        '|---|---|---|---|---|---|---|',
        line(one),
        line(two),
        '',
        `2 workers / 1 worker: **${(one.seconds / two.seconds).toFixed(2)}x** documents/s. Ceiling in the same run (a loop`,
        `with nothing shared, 2 threads against 1, before each round): ${ceilings.map((c) => `${c.toFixed(2)}x`).join(', ')}; below 2x, other processes held the cores.`,
        '',
        'Model weight tables shared by the workers (the first loads them into shared memory, the others take them) against',
        'each worker decoding its own (`CABLEGRAPH_SHARED_TABLES=0`, as before), 4 workers, the same documents, one run each:',
        '',
        '| tables | workers | documents/s | CPU ms/document | peak RSS (MB) |',
        '|---|---|---|---|---|',
        `| each worker's own | 4 | ${rate(own4)} | ${ms(own4.cpuSeconds, own4)} | ${own4.maxRssMb.toFixed(0)} |`,
        `| shared | 4 | ${rate(shared4)} | ${ms(shared4.cpuSeconds, shared4)} | ${shared4.maxRssMb.toFixed(0)} |`,
        '',
        `Peak RSS shared / own: **${(shared4.maxRssMb / own4.maxRssMb).toFixed(2)}x**.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const REPO = join(import.meta.dirname, '..');

/**
 * The built package (dist/, as users run it: workers start without tsx) when it is at least as new as every source
 * file, else the sources under tsx (each worker then also registers tsx and has its own loader thread).
 */
function codeRoot(): string {
  const built = join(REPO, 'dist', 'src', 'pipeline', 'workers', 'pool.js');
  if (!existsSync(built)) return '../src';
  const newest = (dir: string): number => readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => Math.max(n, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  return statSync(built).mtimeMs >= newest(join(REPO, 'src')) ? '../dist/src' : '../src';
}

/** In the child: one ingest, its figures as the last line of standard output. */
async function child(input: string, db: string, workers: number): Promise<void> {
  const code = codeRoot();
  const { openStore } = (await import(`${code}/store/open.js`)) as typeof import('../src/store/open.js');
  const { ingestPaths, defaultStages, finishIngest } = (await import(`${code}/pipeline.js`)) as typeof import('../src/pipeline.js');
  const { defaultStageSpec } = (await import(`${code}/pipeline/workers/build-stages.js`)) as typeof import('../src/pipeline/workers/build-stages.js');
  const store = await openStore(db);
  const before = threadSeconds();
  let threads: Run['threads'];
  // Read as the collection steps start, while the workers still run: the stage workers are the busiest threads besides main.
  const finish = async (s: typeof store, collection: string): Promise<void> => {
    const now = threadSeconds();
    const used = [...now].map(([tid, t]) => ({ tid, t: t - (before.get(tid) ?? 0) }));
    const main = used.find((u) => u.tid === String(process.pid))?.t ?? 0;
    const others = used.filter((u) => u.tid !== String(process.pid)).sort((a, b) => b.t - a.t);
    const pool = workers > 1 ? others.slice(0, workers).reduce((n, u) => n + u.t, 0) : 0;
    const all = used.reduce((n, u) => n + u.t, 0);
    if (now.size > 0) threads = { main, workers: pool, other: all - main - pool };
    await finishIngest(s, collection);
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await ingestPaths([input], { store, collection: 'news', stages: defaultStages(), workers: { count: workers, spec: defaultStageSpec() }, finish });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await store.close();
  if (summary.failed.length > 0) throw new Error(`failures: ${JSON.stringify(summary.failed.slice(0, 3))}`);
  const run: Run = { workers, documents: summary.documents, seconds, cpuSeconds: (used.user + used.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, threads };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${(await benchIngestWorkers()).lines.join('\n')}\n`);
