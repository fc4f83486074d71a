/**
 * Model tables shared between threads (src/nlp/shared-tables.ts): one thread builds a table in shared memory, another
 * takes it without building it, with the class's methods and the same memory; the shipped parse model loaded that
 * way parses exactly as one loaded alone. A real worker thread, the real model file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWorker } from '../../src/pipeline/workers/start-worker.js';
import { enableSharedTables, sharedTable, sharedTablesToSend } from '../../src/nlp/shared-tables.js';
import { loadParseModel } from '../../src/nlp/parse/model-io.js';
import { defaultParseModelDir, parserFromModel, PARSE_MODEL_FILE } from '../../src/nlp/parse/index.js';
import { Counter, parseReport } from './fixtures/shared-tables-common.js';

const WORDS = ['The', 'Quds', 'Force', 'paid', 'the', 'militia', 'leaders', 'in', 'Basra', 'every', 'month', '.'];

test('without sharing enabled a table is built as before, in this thread\'s own memory', () => {
  let built = 0;
  const a = sharedTable('test|plain', Counter, () => (built++, new Counter()));
  const b = sharedTable('test|plain', Counter, () => (built++, new Counter()));
  assert.equal(built, 2, 'built each time: nothing is kept');
  assert.notEqual(a.cells.buffer, b.cells.buffer);
  assert.ok(!(a.cells.buffer instanceof SharedArrayBuffer));
});

test('a worker takes the tables this thread built: same memory, the class\'s methods, nothing rebuilt; the parse model parses the same', async () => {
  const modelPath = join(defaultParseModelDir(), PARSE_MODEL_FILE);
  const alone = loadParseModel(modelPath);
  const expected = parseReport(alone, parserFromModel(alone).parse(WORDS));
  assert.deepEqual(Object.values(expected.sharedTables), [false, false, false], 'a model loaded without sharing keeps its own memory');

  enableSharedTables();
  const counter = sharedTable('test|counter', Counter, () => new Counter());
  assert.ok(counter.cells.buffer instanceof SharedArrayBuffer, 'large typed arrays moved to shared memory');
  assert.equal(counter.tail.buffer, counter.cells.buffer, 'two views of one buffer stay views of one buffer');
  assert.equal(counter.tail.byteOffset, 4 * 1024);
  const here = loadParseModel(modelPath);
  const mine = parseReport(here, parserFromModel(here).parse(WORDS));
  assert.deepEqual(mine, { ...expected, sharedTables: { tagger: true, actions: true, labels: true } });

  const worker = startWorker(pathToFileURL(join(import.meta.dirname, 'fixtures', 'shared-tables-worker.ts')), { shared: sharedTablesToSend(), modelPath, words: WORDS });
  const [reply] = (await once(worker, 'message')) as [{ built: number; sum: number; sharedTables: Record<string, boolean>; parse: string[][] }];
  await worker.terminate();
  assert.equal(reply.built, 0, 'the worker did not build the table it was given');
  assert.equal(reply.sum, 42, 'the table it took has its class\'s methods');
  assert.deepEqual(reply.sharedTables, { tagger: true, actions: true, labels: true }, 'the worker\'s parse tables are the shared ones');
  assert.deepEqual(reply.parse, expected.parse, 'and parse exactly as a model loaded alone');
  assert.equal(counter.cells[0], 42, 'what the worker wrote into the table is seen here: one memory');
  assert.equal(counter.sum(), 42);
});
