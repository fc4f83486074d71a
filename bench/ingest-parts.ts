/**
 * `node --import tsx bench/ingest-parts.ts DOCS_DIR STORE.db [--mode rules|model]`: one whole ingest in one thread (the
 * path of bench/relations.ts), its CPU time per document split by part: each stage's run, the store calls around the
 * stages, the collection steps (near-duplicates, resolution) and the rest (reading files, loading models). Prints one
 * JSON line. For an A/B, run it alternately from two worktrees (base and branch) on the same folder, several rounds,
 * and compare medians; then `bench/store-compare.ts` checks that the two stores hold the same rows.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open.js';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import type { Stage } from '../src/model/index.js';
import type { Store } from '../src/store/store.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { mode: { type: 'string', default: 'rules' } } });
const [dir, db] = positionals;
if (!dir || !db) throw new Error('usage: ingest-parts.ts DOCS_DIR STORE.db [--mode rules|model]');
const mode = args.mode === 'model' ? 'model' : 'rules';
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const parts = new Map<string, number>();
const add = (part: string, ms: number): void => void parts.set(part, (parts.get(part) ?? 0) + ms);

const store = await openStore(db);
// The store calls the single-thread stage runner makes per document, timed on this instance only.
const calls = store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const name of ['putDocuments', 'getDocument', 'listMentions', 'putStageOutput'] as const) {
  const f = calls[name]!.bind(store);
  calls[name] = async (...a: unknown[]) => {
    const t = cpu();
    try {
      return await f(...a);
    } finally {
      add(`store ${name}`, cpu() - t);
    }
  };
}
const stages: Stage[] = defaultStages({ relations: mode }).map((s) => ({
  get name() {
    return s.name;
  },
  get version() {
    return s.version;
  },
  run(doc, prior) {
    const t = cpu();
    try {
      return s.run(doc, prior);
    } finally {
      add(`stage ${s.name}`, cpu() - t);
    }
  },
}));
const finish = async (s: Store, collection: string): Promise<void> => {
  const t = cpu();
  await finishIngest(s, collection);
  add('collection steps', cpu() - t);
};

const start = cpu();
const summary = await ingestPaths([dir], { store, collection: 'bench', stages, finish });
const total = cpu() - start;
await store.close();
if (summary.failed.length > 0) throw new Error(`ingest failed: ${summary.failed[0]!.message}`);
const n = summary.documents;
const out: Record<string, number | string> = { mode, documents: n, 'total CPU ms/document': +(total / n).toFixed(2) };
for (const [part, ms] of parts) out[part] = +(ms / n).toFixed(2);
out.other = +((total - [...parts.values()].reduce((a, b) => a + b, 0)) / n).toFixed(2);
console.log(JSON.stringify(out));
