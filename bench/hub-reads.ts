/**
 * `[TOP=5] [N=5] node --import tsx bench/hub-reads.ts DIR/kept.db`: CPU time (best of N) of the entity reads of the TOP
 * most mentioned entities of a kept store: the whole entity record (getEntity) and the head the page reads (getEntityHead), their strongest relations, events, entity page and an entity search for the
 * first word of their name; then the entity page as the API answers it (GET /api/entities/:id in-process, audit off,
 * body included), and with ?minGrade=C3. CPU time, not wall time: on a shared machine the wall time mostly measures the wait for a core.
 */
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { viewEntity } from '../src/network/entity-view.js';
import { searchEntities } from '../src/network/find-entity.js';
import { buildApp } from '../src/server/app.js';

const path = process.argv[2];
if (!path) throw new Error('usage: hub-reads.ts STORE.db');
const store = new SqliteStore(path, { searchReaders: 0 });
await store.migrate();
const N = Number(process.env.N ?? 5);
const top = (await store.searchEntities({ limit: Number(process.env.TOP ?? 5), offset: 0 }, ALL_COLLECTIONS)).items;

/** The least CPU milliseconds `f` took over N runs. */
async function best(f: () => Promise<unknown>): Promise<string> {
  let least = Infinity;
  for (let i = 0; i < N; i++) {
    const c = process.cpuUsage();
    await f();
    const used = process.cpuUsage(c);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least.toFixed(0);
}

const app = await buildApp({ store, webRoot: '/nonexistent', audit: false });
const api = async (url: string): Promise<number> => {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
  return response.body.length;
};
await api(`/api/entities/${top[0]!.id}`); // warm-up: the first request compiles the route's schemas
for (const e of top) {
  const record = await best(() => store.getEntity(e.id, ALL_COLLECTIONS));
  const head = await best(() => store.getEntityHead(e.id, ALL_COLLECTIONS, 200));
  const strongest = await best(() => store.listStrongestEntityRelations(e.id, ALL_COLLECTIONS, 200));
  const events = await best(() => store.listEntityEvents(e.id, ALL_COLLECTIONS));
  const page = await best(() => viewEntity(store, e.id, ALL_COLLECTIONS));
  const search = await best(() => searchEntities(store, ALL_COLLECTIONS, { q: e.name.split(/\s+/u)[0], limit: 20, offset: 0 }));
  const apiPage = await best(() => api(`/api/entities/${e.id}`));
  const graded = await best(() => api(`/api/entities/${e.id}?minGrade=C3`));
  const bytes = await api(`/api/entities/${e.id}`);
  console.log(`${e.name} (${e.documentCount} documents): whole entity ${record}, entity head ${head}, strongest relations ${strongest}, events ${events}, entity page ${page}, entity search ${search}, API page ${apiPage} (${(bytes / 1024).toFixed(0)} KB), API page at C3 ${graded} ms CPU`);
}
await app.close();
await store.close();
