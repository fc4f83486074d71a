/** Test helpers: temporary folders and a store with the sample corpus ingested. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../src/store/open.js';
import { buildApp, type AppOptions } from '../src/server/app.js';
import type { Store } from '../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../src/pipeline.js';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The sample corpus shipped in the repository. */
export const SAMPLE_CORPUS = join(ROOT, 'examples', 'iran-cables');
/** Six meetings of two people, one sentence each: a relation with more evidence sentences than a page shows. */
export const MEETINGS_FIXTURE = join(ROOT, 'test', 'fixtures', 'evidence', 'meetings.txt');

/** A new empty folder under the system temp folder. */
export function tempDir(prefix = 'cablegraph-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh SQLite store with the sample corpus ingested into collection "iran-cables" (with every extraction stage when `extract`). */
export async function sampleStore(extract = false): Promise<{ store: Store; dir: string }> {
  const dir = tempDir();
  const store = await openStore(join(dir, 'test.db'));
  await ingestPaths([SAMPLE_CORPUS], { store, collection: 'iran-cables', ...(extract ? { stages: defaultStages(), finish: finishIngest } : {}) });
  return { store, dir };
}

/** The HTTP app over a fresh sample store (see sampleStore), for in-process API tests; no web root is served. */
export async function sampleApp(extract = false, options: Partial<AppOptions> = {}): Promise<{ app: FastifyInstance; store: Store }> {
  const { store } = await sampleStore(extract);
  const app = await buildApp({ store, webRoot: '/nonexistent', ...options });
  return { app, store };
}

/** Closes what sampleApp opened. */
export async function closeApp(app: FastifyInstance | undefined, store: Store | undefined): Promise<void> {
  await app?.close();
  await store?.close();
}
