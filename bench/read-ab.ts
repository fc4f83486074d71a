/**
 * `node --import tsx bench/read-ab.ts STORE OTHER_TREE [--read page|hood] [--pg]`: the entity page (`viewEntity`) or the
 * 2-hop neighbourhood (`readGraph`) read by two versions of the code in one process, on one store, alternating entity by
 * entity (so load on a shared machine falls on both alike): this tree and OTHER_TREE (e.g. `git worktree add /tmp/old
 * REV`, with node_modules linked in). The 50 entities of bench:scale's entity reads, 2 rounds; every answer of the two
 * is compared as JSON (a difference is printed) and wall-time percentiles are printed per version. STORE is a kept
 * SQLite store (a copy: both versions migrate it, which must be the same schema), or with `--pg` a kept PostgreSQL dump
 * (`bench:scale --keep DIR --pg`), restored into a throwaway cluster and VACUUM ANALYZEd first.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { findPackageRoot } from '../src/nlp/ner/index.js';
import { restorePostgres, startPostgres, vacuumPostgres } from './pg-server.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { read: { type: 'string', default: 'page' }, pg: { type: 'boolean', default: false } } });
const [storePath, other] = positionals;
if (!storePath || !other || !['page', 'hood'].includes(values.read)) throw new Error('usage: bench/read-ab.ts STORE OTHER_TREE [--read page|hood] [--pg]');

const server = values.pg ? await startPostgres() : null;
if (server) restorePostgres(server.url, storePath);

/** One version of the code, loaded from its tree, with its own store on the shared database. */
async function version(root: string) {
  const src = (p: string) => join(root, 'src', p);
  const { SqliteStore } = await import(src('store/sqlite/sqlite-store.ts'));
  const { PostgresStore } = await import(src('store/postgres/postgres-store.ts'));
  const { viewEntity } = await import(src('network/entity-view.ts'));
  const { readGraph } = await import(src('network/graph-read.ts'));
  const { searchEntities } = await import(src('network/find-entity.ts'));
  const store = server ? new PostgresStore(server.url) : new SqliteStore(storePath!, { searchReaders: 0, edgeCache: false });
  await store.migrate();
  const read = (id: string): Promise<unknown> => (values.read === 'page' ? viewEntity(store, id, ALL_COLLECTIONS) : readGraph(store, ALL_COLLECTIONS, { entity: id, hops: 2 }));
  return { store, read, searchEntities };
}

const versions = [await version(findPackageRoot()), await version(other)];
if (server) vacuumPostgres(server.url);
const [here] = versions;
const first = await here!.searchEntities(here!.store, ALL_COLLECTIONS, { limit: 25, offset: 0 });
const spread = await Promise.all(Array.from({ length: 25 }, (_, i) =>
  here!.searchEntities(here!.store, ALL_COLLECTIONS, { limit: 1, offset: Math.floor(((i + 0.5) / 25) * first.total) })));
const sample: { id: string; name: string }[] = [...first.items, ...spread.flatMap((p: { items: { id: string; name: string }[] }) => p.items)];

const ms: number[][] = [[], []];
let differ = 0;
for (let round = 0; round < 2; round++) {
  for (const [k, e] of sample.entries()) {
    const answers: string[] = [];
    for (const v of (k + round) % 2 ? [1, 0] : [0, 1]) {
      const t = performance.now();
      answers[v] = JSON.stringify(await versions[v]!.read(e.id));
      ms[v]!.push(performance.now() - t);
    }
    if (answers[0] !== answers[1]) {
      differ++;
      console.log(`differs: ${e.name} (${e.id})`);
    }
  }
}
const at = (list: number[], p: number): string => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!.toFixed(1);
for (const [v, name] of [[0, 'this tree'], [1, other]] as const) {
  console.log(`${values.read} ${name}: p50 ${at(ms[v]!, 50)} p95 ${at(ms[v]!, 95)} max ${at(ms[v]!, 100)} ms`);
}
console.log(`${sample.length * 2 - differ} of ${sample.length * 2} answers identical`);
for (const v of versions) await v.store.close();
server?.stop();
