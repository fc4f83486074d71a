/**
 * `node --import tsx bench/facts-check.ts DIR [--docs 80] [--mode model|rules] [--passes 3] [--dump OUT.json] [--compare OLD.json]`:
 * the facts stage alone on the Factbook profiles of the relation benchmark (bench/relations.ts), timed (best of passes,
 * wall and CPU), with every relation it returns dumped (type, ends, evidence span, confidence, attributes) so a speed
 * change can be checked to give the same output. DIR keeps the ingested store between runs (made on first use).
 * Run it under `node --cpu-prof` to see where the stage spends its time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import { factsStage } from '../src/extract/stages/facts.js';
import { writeFactbookTexts } from './factbook.js';
import type { StageOutput, StoredDocument } from '../src/model/index.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    docs: { type: 'string', default: '80' }, mode: { type: 'string', default: 'model' }, passes: { type: 'string', default: '3' },
    dump: { type: 'string' }, compare: { type: 'string' },
  },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: facts-check.ts DIR [--docs N] [--mode model|rules] [--passes N] [--dump OUT.json] [--compare OLD.json]');
const DOCS = Number(args.docs);
const mode = args.mode === 'rules' ? 'rules' : 'model';
const db = join(dir, `factbook-${DOCS}.db`);

if (!existsSync(db)) {
  // The mentions stage is the same in both modes: the store is ingested once with the rules (faster) and reused.
  const texts = writeFactbookTexts(join(dir, 'all')).slice(0, DOCS);
  const docsDir = join(dir, `docs-${DOCS}`);
  mkdirSync(docsDir, { recursive: true });
  texts.forEach((t, i) => writeFileSync(join(docsDir, `${String(i).padStart(4, '0')}.txt`), t.text));
  const store = await openStore(db);
  await ingestPaths([docsDir], { store, collection: 'bench', stages: defaultStages({ relations: 'rules' }), finish: finishIngest });
  await store.close();
}

const store = await openStore(db);
const docs: StoredDocument[] = [];
for (const s of (await store.listDocuments(ALL_COLLECTIONS, 100000, 0)).items) docs.push((await store.getDocument(s.id, ALL_COLLECTIONS))!);
const prior = await Promise.all(docs.map(async (d) => ({ mentions: await store.listMentions(d.id, ALL_COLLECTIONS) })));
await store.close();

const stage = factsStage({ relations: mode });
stage.run(docs[0]!, prior[0]!); // models load outside the timing
let best = Infinity;
let bestCpu = Infinity;
let out: unknown[] = [];
for (let pass = 0; pass < Number(args.passes); pass++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const results = docs.map((d, i) => stage.run(d, prior[i]!) as StageOutput); // the facts stage is synchronous
  best = Math.min(best, performance.now() - t);
  const used = process.cpuUsage(cpu);
  bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
  if (pass === 0) {
    out = results.flatMap((r, i) => (r.relations ?? []).map((x) => ({
      doc: docs[i]!.id, type: x.type, source: x.source, target: x.target, start: x.evidence[0]!.start, end: x.evidence[0]!.end,
      confidence: x.confidence, attrs: x.attrs,
    })));
  }
}
console.log(`${mode}: ${docs.length} documents, facts stage ${(best / docs.length).toFixed(1)} ms/doc wall, ${(bestCpu / docs.length).toFixed(1)} ms/doc CPU (best of ${args.passes}); ${out.length} relations`);
if (args.dump) writeFileSync(args.dump, JSON.stringify(out, null, 0).replace(/\},\{/g, '},\n{'));
if (args.compare) {
  const old = readFileSync(args.compare, 'utf8');
  const now = JSON.stringify(out, null, 0).replace(/\},\{/g, '},\n{');
  if (old === now) console.log(`same output as ${args.compare}`);
  else {
    const a = old.split('\n');
    const b = now.split('\n');
    const k = a.findIndex((line, i) => line !== b[i]);
    console.log(`DIFFERENT from ${args.compare} (${a.length} vs ${b.length} relations); first difference at ${k}:\n- ${a[k]}\n+ ${b[k]}`);
    process.exitCode = 1;
  }
}
