/**
 * The near-duplicate step costs in proportion to the documents added, not to the collection: adding 20 documents to a
 * collection of 300 and to one of 3,000 (SQLite), the rows the step reads and renames and its processor time per added
 * document are compared in the same run (no wall-clock threshold). The full regroup, measured alike, grows with the
 * collection: the comparison can tell the two apart.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { groupDuplicates, groupDuplicatesFully } from '../../src/pipeline/near-duplicates.js';
import { DuplicateCorpus } from '../store/duplicates-corpus.js';
import { tempDir } from '../helpers.js';

const ADDED = 20;
const ROUNDS = 5;

/** Processor seconds (user + system) that `work` takes. */
async function cpu(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Growth {
  /** Median processor milliseconds per added document. */
  msPerDoc: number;
  /** Rows read as neighbours plus rows renamed, per added document (all rounds). */
  rowsPerDoc: number;
  /** Processor seconds of one full regroup. */
  fullSeconds: number;
}

/** A collection of `size` documents grouped, then ROUNDS additions of ADDED documents, each grouped incrementally. */
async function measure(store: SqliteStore, size: number): Promise<Growth> {
  const collection = `c${size}`;
  const corpus = new DuplicateCorpus(collection, size);
  const docs = corpus.next(size, 0.3);
  for (let i = 0; i < docs.length; i += 500) await store.putDocuments(docs.slice(i, i + 500));
  await groupDuplicates(store, collection);
  const times: number[] = [];
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await store.putDocuments(corpus.next(ADDED, 0.4));
    let signed = 0;
    times.push(await cpu(async () => {
      const report = await groupDuplicates(store, collection);
      signed = report.signed;
      rows += report.neighbours + report.relabelled;
    }));
    assert.equal(signed, ADDED);
  }
  const fullSeconds = await cpu(() => groupDuplicatesFully(store, collection));
  return { msPerDoc: (median(times) * 1000) / ADDED, rowsPerDoc: rows / (ROUNDS * ADDED), fullSeconds };
}

describe('near-duplicate step growth', () => {
  let store: SqliteStore;
  before(async () => {
    store = new SqliteStore(join(tempDir('cablegraph-dup-growth-'), 'growth.db'), { searchReaders: 0 });
    await store.migrate();
  });
  after(() => store.close());

  it(`costs about the same per added document at 300 and at 3,000 documents`, async (t) => {
    await measure(store, 100); // warm-up: code compiled and statements prepared before either measurement
    const small = await measure(store, 300);
    const large = await measure(store, 3000);
    t.diagnostic(`per added document: ${small.msPerDoc.toFixed(2)} ms CPU and ${small.rowsPerDoc.toFixed(1)} rows at 300, ` +
      `${large.msPerDoc.toFixed(2)} ms CPU and ${large.rowsPerDoc.toFixed(1)} rows at 3,000; ` +
      `full regroup ${small.fullSeconds.toFixed(3)} s at 300, ${large.fullSeconds.toFixed(3)} s at 3,000`);
    assert.ok(large.msPerDoc < small.msPerDoc * 2.5, `CPU per added document: ${small.msPerDoc} ms at 300, ${large.msPerDoc} ms at 3,000`);
    assert.ok(large.rowsPerDoc < small.rowsPerDoc * 2.5 + 2, `rows per added document: ${small.rowsPerDoc} at 300, ${large.rowsPerDoc} at 3,000`);
    assert.ok(large.fullSeconds > small.fullSeconds * 4, 'the full regroup grows with the collection (the measure can tell)');
  });
});
