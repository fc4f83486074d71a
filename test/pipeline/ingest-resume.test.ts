/**
 * Ctrl-C inside a container stops after the batch in progress: the file is not counted as done (its root is stored
 * with the first batch, but not marked), the next run stores only the rest, and a third run finds it unchanged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { ingestPaths } from '../../src/pipeline.js';
import { MEMBERS_STEP } from '../../src/pipeline/ingest-file.js';
import { tempDir } from '../helpers.js';
import { writeNewsJsonl, dumpStore } from './worker-inputs.js';

describe('an interrupted container resumes', () => {
  it('stores the rest on the next run, marks the file done, and leaves it alone after', async () => {
    const dir = tempDir();
    const input = join(dir, 'news.jsonl');
    writeNewsJsonl(input, 23);
    const scope = { collections: ['c'] };
    const db = join(dir, 'resume.db');
    const store = await openStore(db);
    try {
      const controller = new AbortController();
      const seen: number[] = [];
      const first = await ingestPaths([input], {
        store, collection: 'c', batchDocuments: 5, signal: controller.signal,
        onProgress: (e) => {
          if (e.kind !== 'documents') return;
          seen.push(e.through);
          if (e.through >= 10) controller.abort();
        },
      });
      assert.equal(first.interrupted, true);
      assert.deepEqual(seen, [5, 10], 'documents counted batch by batch; the batch in progress finished, no other begun');
      assert.equal((await store.listDocuments(scope, 100, 0)).total, 10);
      const root = (await store.listDocuments(scope, 100, 0)).items.find((d) => !d.path.includes('#'))!;
      assert.equal((await store.stageRuns(MEMBERS_STEP.name, scope, [root.id])).size, 0, 'not marked done');

      const second = await ingestPaths([input], { store, collection: 'c', batchDocuments: 5 });
      assert.deepEqual([second.ingested, second.unchanged, second.documents, second.interrupted], [1, 0, 14, false]);
      assert.equal((await store.listDocuments(scope, 100, 0)).total, 24);
      assert.equal((await store.stageRuns(MEMBERS_STEP.name, scope, [root.id])).get(root.id)?.status, 'done');

      const third = await ingestPaths([input], { store, collection: 'c', batchDocuments: 5 });
      assert.deepEqual([third.ingested, third.unchanged, third.documents], [0, 1, 0]);
    } finally {
      await store.close();
    }
    // The same as one uninterrupted run.
    const once = await openStore(join(dir, 'once.db'));
    await ingestPaths([input], { store: once, collection: 'c', batchDocuments: 5 });
    await once.close();
    const [want, got] = [dumpStore(join(dir, 'once.db')), dumpStore(db)];
    for (const table of Object.keys(want)) assert.deepEqual(got[table], want[table], `table ${table}`);
  });
});
