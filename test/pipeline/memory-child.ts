/**
 * Child process of memory-growth.test.ts: writes `--docs N` generated documents (test/resolve/generated-collection.ts)
 * as files, ingests them through ingestPaths with a stage that gives each its generated mentions and with the
 * collection steps, then prints one JSON line: RSS before the ingest, the process's peak RSS, and V8 heap used after
 * a full gc, before and after. Run in a process of its own so the peak belongs to this ingest alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Stage } from '../../src/model/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { finishIngest, ingestPaths } from '../../src/pipeline.js';
import { generatedDocument, mentionsOf } from '../resolve/generated-collection.js';

const { values: args } = parseArgs({ options: { docs: { type: 'string' }, dir: { type: 'string' } } });
const DOCS = Number(args.docs);
const SEED = 5;
// Distinct people grow with the collection, as in news: a few named often, most rarely.
const PEOPLE = Math.ceil(DOCS / 4);
const gc = (globalThis as { gc?: () => void }).gc!;

/** Heap used after two full collections, in bytes. */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const corpus = join(args.dir!, 'corpus');
mkdirSync(corpus, { recursive: true });
for (let n = 0; n < DOCS; n++) writeFileSync(join(corpus, `gen-${String(n).padStart(6, '0')}.txt`), generatedDocument(SEED, n, PEOPLE).text);

// The mentions the generated collection names in document n, found again from its file name.
const generatedMentions: Stage = {
  name: 'mentions', version: 'generated',
  run: (doc) => {
    const n = Number(/gen-(\d+)\.txt$/u.exec(doc.path)![1]);
    return { mentions: mentionsOf(doc.id, doc.text, generatedDocument(SEED, n, PEOPLE).named) };
  },
};

const store = new SqliteStore(join(args.dir!, 'store.db'));
await store.migrate();
const heapBefore = heapAfterGc();
const rssBefore = process.memoryUsage().rss;
const summary = await ingestPaths([corpus], { store, collection: 'growth', stages: [generatedMentions], finish: finishIngest });
const peakRss = process.resourceUsage().maxRSS * 1024;
const heapAfter = heapAfterGc();
const entities = (await store.listEntities({ collections: ['growth'] })).length;
await store.close();
process.stdout.write(`${JSON.stringify({ docs: summary.documents, entities, rssBefore, peakRss, heapBefore, heapAfter })}\n`);
