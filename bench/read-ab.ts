/**
 * `node --import tsx bench/read-ab.ts STORE OTHER_TREE [--read page|hood|search|list|text] [--pg]`: the entity page (`viewEntity`),
 * the 2-hop neighbourhood (`readGraph`), entity search (`searchEntities` by the entity's first word, 20 items, as
 * bench:scale reads it), the entity list (no query, most mentioned first: a page of 50 at the entity's rank) or
 * full-text search with facets (`Store.search`, bench:scale's 100 queries, 10 results; the queries instead of the entities) read by two versions of the code in one process, on one store, alternating entity by
 * entity (so load on a shared machine falls on both alike): this tree and OTHER_TREE (e.g. `git worktree add /tmp/old
 * REV`, with node_modules linked in). The 50 entities of bench:scale's entity reads, 2 rounds (`--rounds N`); every answer of the two
 * is compared as JSON (a difference is printed; for search the ids, names and counts of the items, whose shape may differ) and wall-time percentiles are printed per version. STORE is a kept
 * SQLite store (a copy: both versions migrate it, which must be the same schema), or with `--pg` a kept PostgreSQL dump
 * (`bench:scale --keep DIR --pg`), restored into a throwaway cluster and VACUUM ANALYZEd first. When this tree migrates
 * the schema further than OTHER_TREE knows, give OTHER_TREE its own copy of the SQLite store: `--other-store COPY`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { findPackageRoot } from '../src/nlp/ner/index.js';
import { restorePostgres, startPostgres, vacuumPostgres } from './pg-server.js';
import { BENCH_QUERIES } from './factbook.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { read: { type: 'string', default: 'page' }, pg: { type: 'boolean', default: false }, 'other-store': { type: 'string' }, 'edge-cache': { type: 'boolean', default: false }, rounds: { type: 'string', default: '2' } } });
const [storePath, other] = positionals;
if (!storePath || !other || !['page', 'hood', 'search', 'list', 'text'].includes(values.read)) throw new Error('usage: bench/read-ab.ts STORE OTHER_TREE [--read page|hood|search|list|text] [--pg]');

/** What two versions' entity search answers must agree on: the page's entities, in order, and the total. */
interface SearchPage { total: number; items: { id: string; name: string; mentionCount: number; aliases: string[]; documentCount?: number; documentIds?: string[] }[] }
const searchAnswer = (page: SearchPage): unknown => ({
  total: page.total,
  items: page.items.map((e) => [e.id, e.name, e.mentionCount, e.aliases, e.documentCount ?? e.documentIds?.length]),
});

const server = values.pg ? await startPostgres() : null;
if (server) restorePostgres(server.url, storePath);

/** One version of the code, loaded from its tree, with its own store on the shared database. */
async function version(root: string, path = storePath!) {
  const src = (p: string) => join(root, 'src', p);
  const { SqliteStore } = await import(src('store/sqlite/sqlite-store.ts'));
  const { PostgresStore } = await import(src('store/postgres/postgres-store.ts'));
  const { viewEntity } = await import(src('network/entity-view.ts'));
  const { readGraph } = await import(src('network/graph-read.ts'));
  const { searchEntities } = await import(src('network/find-entity.ts'));
  const { parseQuery } = await import(src('store/query.ts'));
  // Without --edge-cache every read is a first read after a write (the neighbourhood cache of either engine kept off).
  const edgeCache = values['edge-cache'];
  const store = server ? new PostgresStore(server.url, { edgeCache }) : new SqliteStore(path, { searchReaders: 0, edgeCache });
  await store.migrate();
  const read = async (e: { id: string; name: string; rank: number }): Promise<unknown> => (values.read === 'page'
    ? viewEntity(store, e.id, ALL_COLLECTIONS)
    : values.read === 'hood'
      ? readGraph(store, ALL_COLLECTIONS, { entity: e.id, hops: 2 })
      : values.read === 'text'
        ? store.search({ query: parseQuery(e.name), limit: 10, offset: 0 }, ALL_COLLECTIONS)
      : values.read === 'search'
        ? searchAnswer(await searchEntities(store, ALL_COLLECTIONS, { q: e.name.split(/\s+/u)[0], limit: 20, offset: 0 }))
        : searchAnswer(await searchEntities(store, ALL_COLLECTIONS, { limit: 50, offset: e.rank })));
  return { store, read, searchEntities };
}

const versions = [await version(findPackageRoot()), await version(other, values['other-store'])];
if (server) vacuumPostgres(server.url);
const [here] = versions;
const first = await here!.searchEntities(here!.store, ALL_COLLECTIONS, { limit: 25, offset: 0 });
const spread = await Promise.all(Array.from({ length: 25 }, (_, i) =>
  here!.searchEntities(here!.store, ALL_COLLECTIONS, { limit: 1, offset: Math.floor(((i + 0.5) / 25) * first.total) })));
// Each with its rank in the list (the entity list read pages from there).
const entities: { id: string; name: string; rank: number }[] = [...first.items.map((e: { id: string; name: string }, i: number) => ({ ...e, rank: i })),
  ...spread.flatMap((p: { items: { id: string; name: string }[] }, i: number) => p.items.map((e) => ({ ...e, rank: Math.floor(((i + 0.5) / 25) * first.total) })))];
const sample = values.read === 'text' ? BENCH_QUERIES.map((q, i) => ({ id: q, name: q, rank: i })) : entities;

const ms: number[][] = [[], []];
let differ = 0;
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [k, e] of sample.entries()) {
    const answers: string[] = [];
    for (const v of (k + round) % 2 ? [1, 0] : [0, 1]) {
      const t = performance.now();
      answers[v] = JSON.stringify(await versions[v]!.read(e));
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
  const mean = (ms[v]!.reduce((a, b) => a + b, 0) / ms[v]!.length).toFixed(1);
  console.log(`${values.read} ${name}: p50 ${at(ms[v]!, 50)} p95 ${at(ms[v]!, 95)} max ${at(ms[v]!, 100)} mean ${mean} ms`);
}
console.log(`${sample.length * Number(values.rounds) - differ} of ${sample.length * Number(values.rounds)} answers identical`);
for (const v of versions) await v.store.close();
server?.stop();
