/** Test helpers: temporary folders and a store with the sample corpus ingested. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../src/pipeline.js';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The sample corpus shipped in the repository. */
export const SAMPLE_CORPUS = join(ROOT, 'examples', 'iran-cables');

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
