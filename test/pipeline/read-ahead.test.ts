/**
 * The ingest reads the next file while the current one is stored and processed. Reading ahead must not change what
 * is stored or reported: a broken next file fails at its own turn with its path, a file identical to one before it
 * is found unchanged, and a file already complete is not parsed again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { ingestPaths } from '../../src/pipeline.js';
import { ReadAhead, READ_AHEAD_BYTES } from '../../src/pipeline/read-ahead.js';
import type { ReadFile } from '../../src/pipeline/ingest-file.js';
import { tempDir } from '../helpers.js';

const TEXT = 'Hossein Karimi met the governor of Basra on Monday.\nThe talks were about the port and its customs revenue.\n';

describe('ReadAhead', () => {
  it('starts the next read when a file is taken, hands it over at its turn, and skips files too large', async () => {
    const started: string[] = [];
    const inputs = [{ path: 'a', size: 1 }, { path: 'b', size: 1 }, { path: 'c', size: READ_AHEAD_BYTES + 1 }, { path: 'd', size: 1 }];
    const ahead = new ReadAhead(inputs, async (input) => {
      started.push(input.path);
      if (input.path === 'b') throw new Error('b is broken');
      return { sha256: input.path, storedId: input.path } satisfies ReadFile;
    });
    assert.equal(ahead.take(0), undefined, 'the first file was not read ahead');
    assert.deepEqual(started, ['b']);
    const b = ahead.take(1);
    assert.ok(b, 'b was read ahead');
    await assert.rejects(b, /b is broken/, 'the failure waits for its own turn');
    assert.deepEqual(started, ['b'], 'c is too large to read ahead');
    assert.equal(ahead.take(2), undefined);
    assert.deepEqual(started, ['b', 'd']);
    assert.ok(ahead.take(3));
    await ahead.settle();
  });
});

describe('ingest with read-ahead', () => {
  it('reports a broken file at its turn, finds a repeated file unchanged, and skips complete files on a second run', async () => {
    const dir = tempDir();
    const good = join(dir, 'a-report.txt');
    writeFileSync(good, TEXT);
    const broken = join(dir, 'b-broken.pdf');
    writeFileSync(broken, '%PDF-1.4\nthis is not a PDF body\n');
    const copy = join(dir, 'c-copy.txt');
    copyFileSync(good, copy);
    const other = join(dir, 'd-other.txt');
    writeFileSync(other, TEXT.replace('Basra', 'Mosul'));
    const store = await openStore(join(dir, 's.db'));
    try {
      const order: string[] = [];
      const first = await ingestPaths([good, broken, copy, other], {
        store, collection: 'c',
        onProgress: (e) => { if (e.kind === 'file') order.push(`${e.path.slice(dir.length + 1)}:${e.status}`); },
      });
      assert.deepEqual(order, ['a-report.txt:ingested', 'b-broken.pdf:failed', 'c-copy.txt:unchanged', 'd-other.txt:ingested']);
      assert.equal(first.failed.length, 1);
      assert.equal(first.failed[0]!.path, broken);
      assert.ok(first.failed[0]!.message.length > 0);
      const documents = (await store.listDocuments({ collections: ['c'] }, 10, 0)).total;
      assert.equal(documents, 2);
      const second = await ingestPaths([good, copy, other], { store, collection: 'c' });
      assert.deepEqual([second.ingested, second.unchanged, second.documents], [0, 3, 0]);
    } finally {
      await store.close();
    }
  });
});
