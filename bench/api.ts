/** API latency on the Factbook corpus with every stage run: search, entity page and neighbourhood requests, in-process (fastify inject). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import { BENCH_QUERIES, writeFactbookTexts } from './factbook.js';

/** Entities whose pages and neighbourhoods are requested: the most mentioned ones, where the work is largest (their pages and edges are read by key). */
const ENTITIES = 25;
const ROUNDS = 2;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs the API benchmark; returns a section for bench/RESULTS.md. */
export async function benchApi(): Promise<{ title: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-bench-api-'));
  const store = await openStore(join(dir, 'api.db'));
  try {
    const texts = writeFactbookTexts(join(dir, 'factbook'));
    await ingestPaths([join(dir, 'factbook')], { store, collection: 'factbook', stages: defaultStages(), finish: finishIngest });
    const app = await buildApp({ store, webRoot: join(dir, 'no-web') });
    const entities = (await store.listEntities(ALL_COLLECTIONS)).sort((a, b) => b.mentionCount - a.mentionCount);
    const top = entities.slice(0, ENTITIES);
    const relations = (await store.listRelations(ALL_COLLECTIONS)).length;

    const time = async (urls: string[]): Promise<{ p50: number; p95: number; n: number }> => {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const url of urls) {
          const t = performance.now();
          const response = await app.inject({ method: 'GET', url });
          times.push(performance.now() - t);
          if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
        }
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
    };
    const rows: [string, { p50: number; p95: number; n: number }][] = [
      ['search: GET /api/search?q= (100 queries)', await time(BENCH_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`))],
      ['entity search: GET /api/entities?q= (first 3 words of top names)', await time(top.map((e) => `/api/entities?q=${encodeURIComponent(e.name.split(/\s+/).slice(0, 3).join(' '))}`))],
      ['entity page: GET /api/entities/:id', await time(top.map((e) => `/api/entities/${e.id}`))],
      ['neighbourhood: GET /api/graph?entity=&hops=1', await time(top.map((e) => `/api/graph?entity=${e.id}&hops=1`))],
      ['neighbourhood: GET /api/graph?entity=&hops=2', await time(top.map((e) => `/api/graph?entity=${e.id}&hops=2`))],
      ['whole network: GET /api/graph', await time(['/api/graph'])],
    ];
    await app.close();
    return {
      title: 'API latency: Factbook corpus with the network',
      lines: [
        `${texts.length} documents ingested with every stage; ${entities.length} entities, ${relations} relations. Requests in-process (fastify inject),`,
        `one at a time, ${ROUNDS} rounds; entity and neighbourhood requests use the ${ENTITIES} most mentioned entities.`,
        '',
        '| request | requests | p50 (ms) | p95 (ms) |',
        '|---|---|---|---|',
        ...rows.map(([name, r]) => `| ${name} | ${r.n} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`),
      ],
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
