/**
 * Memory each shipped model holds once loaded (what every ingest worker pays again): heap and array buffers after full
 * collections, before and after each load, and how much of it lies in the weight tables the workers of a pool share
 * (loaded as the first worker of a pool loads them: src/nlp/shared-tables.ts). Run alone:
 * `node --expose-gc --import tsx bench/model-memory.ts` (prints a markdown table; not a section of `npm run bench`).
 */
import { loadRecognizer } from '../src/nlp/ner/index.js';
import { loadParser } from '../src/nlp/parse/index.js';
import { loadRelationModel } from '../src/extract/relation-model/index.js';
import { enableSharedTables, sharedTableBytes } from '../src/nlp/shared-tables.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (n: number): string => (n / 1048576).toFixed(1);
// Array buffers freed by a collection are released a little later: collect, wait, collect again.
const usage = async (): Promise<NodeJS.MemoryUsage> => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  return process.memoryUsage();
};

enableSharedTables();
console.log('| model | heap (MB) | array buffers (MB) | of which tables shared by workers (MB) | RSS (MB) |\n|---|---:|---:|---:|---:|');
for (const [name, load] of [
  ['English NER (with the coordination model)', () => loadRecognizer()],
  ['parser', () => loadParser()],
  ['relation model', () => loadRelationModel()],
] as const) {
  const before = await usage();
  const sharedBefore = sharedTableBytes();
  const kept = load();
  const after = await usage();
  console.log(`| ${name} | ${mb(after.heapUsed - before.heapUsed)} | ${mb(after.arrayBuffers - before.arrayBuffers)} | ${mb(sharedTableBytes() - sharedBefore)} | ${mb(after.rss - before.rss)} |`);
  (globalThis as { kept?: unknown[] }).kept = [...((globalThis as { kept?: unknown[] }).kept ?? []), kept];
}
