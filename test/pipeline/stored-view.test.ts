/**
 * A worker hands a later stage the mentions an earlier stage produced without storing them first: they must be what
 * Store.listMentions returns once stored (fields, undefined values, order, entity ids), on a new document and on a
 * resolved one whose mentions stage runs again.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import type { Mention } from '../../src/model/index.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { stageInput } from '../../src/pipeline/stage-io.js';
import { mentionsAfter } from '../../src/pipeline/workers/stored-view.js';
import { tempDir, SAMPLE_CORPUS } from '../helpers.js';

describe('mentions as stored, without the store', () => {
  const scope = { collections: ['c'] };
  const stages = defaultStages();
  const mentions = stages.find((s) => s.name === 'mentions')!;
  let store: Store;
  let ids: string[] = [];

  before(async () => {
    store = await openStore(join(tempDir(), 'view.db'));
    await ingestPaths([SAMPLE_CORPUS], { store, collection: 'c' });
    ids = (await store.listDocuments(scope, 10, 0)).items.map((d) => d.id);
    assert.equal(ids.length, 3);
  });
  after(async () => store?.close());

  /** Runs the mentions stage on each document: the view computed before storing, and the rows read back after. */
  async function compare(): Promise<{ view: Mention[]; stored: Mention[] }[]> {
    const out: { view: Mention[]; stored: Mention[] }[] = [];
    for (const id of ids) {
      const input = (await stageInput(store, id, scope))!;
      const output = await mentions.run(input.doc, { mentions: input.mentions });
      const view = mentionsAfter(input.mentions, 'c', id, mentions.name, mentions.version, output);
      await store.putStageOutput(id, mentions.name, mentions.version, output);
      out.push({ view, stored: (await stageInput(store, id, scope))!.mentions });
    }
    return out;
  }

  it('matches the rows read back on new documents', async () => {
    for (const { view, stored } of await compare()) {
      assert.ok(stored.length > 20, `${stored.length} mentions`);
      assert.deepStrictEqual(view, stored);
    }
  });

  it('matches them again after resolution, with the resolved entity ids kept', async () => {
    await finishIngest(store, 'c');
    const resolved = (await stageInput(store, ids[0]!, scope))!.mentions;
    const fallback = mentionsAfter([], 'c', ids[0]!, mentions.name, mentions.version, { mentions: resolved });
    assert.ok(resolved.some((m, i) => m.entityId !== fallback[i]!.entityId), 'resolution gave some mentions another entity id than the per-name one');
    for (const { view, stored } of await compare()) assert.deepStrictEqual(view, stored);
  });
});
