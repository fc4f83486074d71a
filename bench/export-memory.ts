/**
 * Exports stream: peak memory of each export at N and 10N documents (synthetic stores, bench/export-store.ts), each
 * export in its own process (bench/export-measure.ts). Reports the growth of peak RSS over an idle process on the same
 * store (the floor) from N to 10N against the growth of the output; the loading JSON builder is the baseline in the same run.
 * Standalone: `node --import tsx bench/export-memory.ts [--docs N] [--formats json,csv,gexf,ftm,stix]`; a section of `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { writeExportStore } from './export-store.js';
import type { BenchSection } from './ingest.js';

interface Measure { peakRss: number; peakHeap: number; bytes: number; cpuSeconds: number }

const MEASURE = join(import.meta.dirname, 'export-measure.ts');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Runs one export in a child process. */
function measure(db: string, format: string, mode: string, out: string): Measure {
  const stdout = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', MEASURE, db, format, mode, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

/** The section: for each format, streamed at N and 10N (and the loading JSON builder), with growth ratios. */
export async function benchExportMemory(docs = Number(process.env.BENCH_EXPORT_DOCS ?? 500), formats = ['json', 'csv', 'gexf', 'ftm', 'stix']): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-export-bench-'));
  try {
    const sizes = [docs, docs * 10];
    const dbs: string[] = [];
    const built: string[] = [];
    for (const n of sizes) {
      const db = join(dir, `store-${n}.db`);
      const store = new SqliteStore(db);
      await store.migrate();
      const t0 = performance.now();
      const { relations } = await writeExportStore(store, n);
      await store.close();
      built.push(`${n} documents, ${relations} relation rows (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      dbs.push(db);
    }
    const out = join(dir, 'out');
    const idle = dbs.map((db) => measure(db, 'json', 'idle', out));
    const lines = [
      `Synthetic SQLite stores: ${built.join('; ')}. Each export runs in its own process and writes a file; growth = peak RSS minus`,
      'that of an idle process that opened the same store and read one page; live heap sampled after a full collection every',
      '100 ms; SQLite page cache held to 2 MiB (the default 64 MiB fills with the pages read, up to its size). Ratios: 10N over N.',
      '',
      '| export | output N / 10N (MB) | peak RSS N / 10N (MB) | RSS growth N / 10N (MB) | growth ratio | peak live heap N / 10N (MB) | output ratio | CPU N / 10N (s) |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const row = (label: string, m: Measure[]) => {
      const growth = m.map((x, i) => Math.max(1, x.peakRss - idle[i]!.peakRss));
      lines.push(`| ${label} | ${mb(m[0]!.bytes)} / ${mb(m[1]!.bytes)} | ${mb(m[0]!.peakRss)} / ${mb(m[1]!.peakRss)} | ${mb(growth[0]!)} / ${mb(growth[1]!)} | `
        + `${(growth[1]! / growth[0]!).toFixed(2)} | ${mb(m[0]!.peakHeap)} / ${mb(m[1]!.peakHeap)} | ${(m[1]!.bytes / m[0]!.bytes).toFixed(1)} | `
        + `${m[0]!.cpuSeconds.toFixed(1)} / ${m[1]!.cpuSeconds.toFixed(1)} |`);
    };
    row('idle (floor)', idle);
    for (const format of formats) row(`${format}, streamed`, dbs.map((db) => measure(db, format, 'streamed', out)));
    row('json, loaded (before: baseline)', dbs.map((db) => measure(db, 'json', 'loaded', out)));
    return { title: 'Exports stream', lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '500' }, formats: { type: 'string', default: 'json,csv,gexf,ftm,stix' } } });
  const section = await benchExportMemory(Number(values.docs), values.formats.split(','));
  process.stdout.write(`## ${section.title} (${new Date().toISOString().slice(0, 10)})\n\n${section.lines.join('\n')}\n`);
}
