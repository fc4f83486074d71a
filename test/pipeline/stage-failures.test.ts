/**
 * A stage that throws on one document is recorded (stage, version, reason) and never stops the others: not the new
 * files of an ingest, not the pending work on stored documents after an upgrade; a recorded failure is not run again
 * until its version changes or it is retried.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from '../../src/model/index.js';
import { openStore } from '../../src/store/open.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { describeError, errorDetail } from '../../src/pipeline/errors.js';
import { tempDir } from '../helpers.js';
import { CRASH_MARK, crashingStages } from './large-inputs.js';

/** The pipeline's stages with the facts stage at a new version, as after a model upgrade. */
function upgraded(): Stage[] {
  return defaultStages().map((s) => (s.name !== 'facts' ? s : { name: s.name, version: `${s.version}+next`, run: (d, p) => s.run(d, p) }));
}

const byName = (seen: { path: string }[]): string[] => seen.map((s) => s.path.split('/').pop()!);

describe('stage failures', () => {
  const dir = tempDir();
  const input = join(dir, 'in');
  let store: Store;

  before(async () => {
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), 'Hadi al-Amiri, the leader of the Badr Organization, met Qassem Soleimani in Baghdad on\n3 March 2019.\n');
    writeFileSync(join(input, 'crash.txt'), `The Quds Force paid the militia in Basra on 4 May 2019. ${CRASH_MARK}\n`);
    store = await openStore(join(dir, 'store.db'));
    // Stored with the working stages: nothing failed yet.
    const first = await ingestPaths([input], { store, collection: 'c', stages: defaultStages(), finish: finishIngest });
    assert.deepEqual([first.ingested, first.failed.length], [2, 0]);
  });
  after(async () => store?.close());

  it('after an upgrade, a crash in the pending work of one stored document leaves the others and the new files processed', async () => {
    writeFileSync(join(input, 'b.txt'), 'The Kataib Hezbollah militia attacked the base near Kirkuk on 27 December 2019.\n');
    const seen: { stage: string; path: string }[] = [];
    const logged: string[] = [];
    const summary = await ingestPaths([input], { store, collection: 'c', stages: crashingStages(seen, upgraded()), finish: finishIngest, log: (m) => logged.push(m) });
    assert.deepEqual([summary.ingested, summary.unchanged], [1, 2], 'b.txt ingested after the crash');
    assert.deepEqual(summary.failed.map((f) => [byName([f])[0], f.code]), [['crash.txt', 'stage-failed']]);
    assert.match(summary.failed[0]!.message, /stage "facts" failed: RangeError: Maximum call stack size exceeded/);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /crash\.txt[\s\S]*RangeError[\s\S]*at recurse/);
    const facts = upgraded()[1]!;
    const runs = await store.stageRuns('facts', ALL_COLLECTIONS);
    const docs = (await store.listDocuments(ALL_COLLECTIONS, 10, 0)).items;
    assert.deepEqual(docs.map((d) => [byName([d])[0], runs.get(d.id)?.version === facts.version ? runs.get(d.id)?.status : 'old']),
      [['a.txt', 'done'], ['b.txt', 'done'], ['crash.txt', 'failed']]);
  });

  it('does not run a recorded failure again until its version changes', async () => {
    const seen: { stage: string; path: string }[] = [];
    const summary = await ingestPaths([input], { store, collection: 'c', stages: crashingStages(seen, upgraded()), finish: finishIngest });
    assert.deepEqual([summary.unchanged, summary.failed.length, seen.length], [3, 0, 0]);
    // Back to the working stages' own version: the crashed document is pending at that version and runs (and works).
    const back = await ingestPaths([input], { store, collection: 'c', stages: defaultStages(), finish: finishIngest });
    assert.equal(back.failed.length, 0);
    assert.deepEqual(await store.listStageFailures(ALL_COLLECTIONS), []);
  });

  it('states errors in one line with their causes, and logs every stack', () => {
    const inner = new TypeError('bad offset');
    const outer = new Error('stage facts\ncould not finish', { cause: inner });
    assert.equal(describeError(outer), 'Error: stage facts could not finish; caused by TypeError: bad offset');
    assert.equal(describeError('plain'), 'plain');
    assert.ok(describeError(new Error('x'.repeat(5000))).length <= 500);
    const detail = errorDetail(outer);
    assert.match(detail, /^Error: stage facts\ncould not finish\n +at /);
    assert.match(detail, /\nCaused by: TypeError: bad offset\n +at /);
    const loop = new Error('loop');
    (loop as { cause?: unknown }).cause = loop;
    assert.ok(errorDetail(loop).split('Caused by').length <= 7, 'a cause cycle ends');
  });
});
