/** `npm run bench`: runs every benchmark section and records the figures, with machine and date, in bench/RESULTS.md. */
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchIngest, type BenchSection } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'cablegraph-bench-'));
const sections: BenchSection[] = [];
try {
  sections.push(await benchIngest(dir));
  // Other sections: each module exports one or more `bench*` functions returning a section.
  for (const extra of ['./ner.js', './ner-scripts.js', './parse.js', './relations.js', './api.js', './network.js', './ingest-workers.js', './ocr.js', './ocr-ingest.js', './export-memory.js', './xlsx-strings.js']) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(extra)) as Record<string, unknown>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') continue;
      throw err;
    }
    for (const [name, fn] of Object.entries(mod)) {
      if (name.startsWith('bench') && typeof fn === 'function') sections.push(await (fn as () => Promise<BenchSection>)());
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Sections recorded by other commands (bench:scale, bench/memory.ts ...): kept, after this run's own, unless this run made one of the same title. */
function keptSections(path: string, made: ReadonlySet<string>): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split(/^(?=## )/mu).slice(1)
    .filter((block) => !made.has(block.slice(3, block.indexOf('\n')).trim()))
    .map((block) => block.trimEnd() + '\n');
}

const resultsPath = join(import.meta.dirname, 'RESULTS.md');
const kept = keptSections(resultsPath, new Set(sections.map((s) => s.title)));
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
const text = [
  '# Benchmark results',
  '',
  `Recorded by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.`,
  'Every figure is compared with a baseline measured in the same run; absolute numbers vary with the machine.',
  '',
  ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
  ...kept,
].join('\n');
writeFileSync(resultsPath, text);
process.stdout.write(`${text}\n`);
