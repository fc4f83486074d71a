/**
 * Prints entity recall and judged relation precision on the sample corpus, and lists relations not judged yet.
 * Run: npx tsx scripts/eval-sample.ts [--all]   (--all includes the low-confidence relations hidden by default)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { ingestPaths, defaultStages, finishIngest } from '../src/pipeline.js';
import { measureSample } from './sample-quality.js';

const store = await openStore(join(mkdtempSync(join(tmpdir(), 'cg-eval-')), 'eval.db'));
await ingestPaths([join(import.meta.dirname, '..', 'examples', 'iran-cables')], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
const q = await measureSample(store, process.argv.includes('--all') ? 0 : undefined);
const e = q.entities;
const r = q.relations;
console.log(`Entity recall (name and type): ${e.found}/${e.total} = ${(e.found / e.total).toFixed(3)}; name only: ${e.foundAnyType}/${e.total} = ${(e.foundAnyType / e.total).toFixed(3)}`);
if (e.missed.length) console.log(`Missed: ${e.missed.join('; ')}`);
console.log(`Relations shown: ${r.shown}; judged right ${r.right}, wrong ${r.wrong}; precision ${(r.right / Math.max(1, r.right + r.wrong)).toFixed(3)}; unjudged ${r.unjudged.length}`);
for (const u of r.unjudged) console.log(`  ${u.key}   <- "${u.sentence.slice(0, 180)}"`);
await store.close();
