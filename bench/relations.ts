/**
 * Relation extraction cost: the same documents ingested end to end with the trained relation model (parser,
 * coreference, model, rules as features) and with the pattern rules alone, in the same run; plus the facts stage
 * alone on the stored documents, so the ratio shows what the model adds per document.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import { factsStage } from '../src/extract/stages/facts.js';
import { writeFactbookTexts } from './factbook.js';
import type { BenchSection } from './ingest.js';

/** How many Factbook profiles the comparison ingests (each ingest runs twice; keep it a few minutes). */
const DOCS = Number(process.env.BENCH_RELATION_DOCS ?? 80);

/** Ingests `dir` into a fresh store with the given relation extractor; returns seconds and the store path. */
async function ingestWith(dir: string, relations: 'model' | 'rules', db: string): Promise<{ seconds: number; relations: number }> {
  const store = await openStore(db);
  const t = performance.now();
  const summary = await ingestPaths([dir], { store, collection: 'bench', stages: defaultStages({ relations }), finish: finishIngest });
  const seconds = (performance.now() - t) / 1000;
  if (summary.failed.length > 0) throw new Error(`bench ingest failed: ${summary.failed[0]!.message}`);
  const count = (await store.listRelations(ALL_COLLECTIONS)).length;
  await store.close();
  return { seconds, relations: count };
}

/** Times the facts stage alone over every stored document of `db`, best of three passes. */
async function factsSeconds(db: string, relations: 'model' | 'rules'): Promise<number> {
  const store = await openStore(db);
  const stage = factsStage({ relations });
  const docs = [];
  for (const s of (await store.listDocuments(ALL_COLLECTIONS, 100000, 0)).items) docs.push((await store.getDocument(s.id, ALL_COLLECTIONS))!);
  const prior = await Promise.all(docs.map(async (d) => ({ mentions: await store.listMentions(d.id, ALL_COLLECTIONS) })));
  stage.run(docs[0]!, prior[0]!); // load models outside the timing
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t = performance.now();
    docs.forEach((d, i) => stage.run(d, prior[i]!));
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  await store.close();
  return best;
}

/** Runs the comparison. */
export async function benchRelations(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-rel-bench-'));
  try {
    const texts = writeFactbookTexts(join(dir, 'all')).slice(0, DOCS);
    mkdirSync(join(dir, 'docs'));
    texts.forEach((t, i) => writeFileSync(join(dir, 'docs', `${String(i).padStart(4, '0')}.txt`), t.text));
    const rules = await ingestWith(join(dir, 'docs'), 'rules', join(dir, 'rules.db'));
    const model = await ingestWith(join(dir, 'docs'), 'model', join(dir, 'model.db'));
    const factsRules = await factsSeconds(join(dir, 'model.db'), 'rules');
    const factsModel = await factsSeconds(join(dir, 'model.db'), 'model');
    const perDoc = (s: number): string => ((s / texts.length) * 1000).toFixed(1);
    return {
      title: 'Relation extraction: trained model vs rules alone (same run)',
      lines: [
        `${texts.length} Factbook profiles (${(texts.reduce((n, t) => n + t.text.length, 0) / 1e6).toFixed(1)} M characters), each ingested end to end twice into fresh SQLite stores.`,
        '',
        '| measure | rules alone | trained model | ratio (model / rules) |',
        '|---|---:|---:|---:|',
        `| ingest, whole pipeline (s) | ${rules.seconds.toFixed(1)} | ${model.seconds.toFixed(1)} | ${(model.seconds / rules.seconds).toFixed(2)} |`,
        `| ingest ms per document | ${perDoc(rules.seconds)} | ${perDoc(model.seconds)} | |`,
        `| facts stage alone, ms per document (best of 3) | ${perDoc(factsRules)} | ${perDoc(factsModel)} | ${(factsModel / factsRules).toFixed(2)} |`,
        `| relations stored (all confidences) | ${rules.relations} | ${model.relations} | |`,
        '',
        'The model run parses only sentences holding two or more names (tagger + parser), resolves references, and runs the rules as features.',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
