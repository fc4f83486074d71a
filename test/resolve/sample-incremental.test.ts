/**
 * On the sample corpus with every extraction stage: the articles ingested one at a time (each ingest resolving only
 * what changed) give the entities full resolution gives, and so do merges and splits of its entities.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { applyDecisionNow, resolveEntities } from '../../src/pipeline/resolve-collection.js';
import { SAMPLE_CORPUS } from '../helpers.js';
import { assertMatchesFull, canonical, storedEntities, tempStore } from './resolution-helpers.js';

const C = 'iran-cables';

describe('incremental resolution on the sample corpus', () => {
  let store: Store;
  before(async () => {
    store = await tempStore();
  });
  after(() => store.close());

  it('gives full resolution\'s entities when the articles arrive one at a time', async () => {
    for (const file of readdirSync(SAMPLE_CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
      await ingestPaths([join(SAMPLE_CORPUS, file)], { store, collection: C, stages: defaultStages(), finish: finishIngest });
      await assertMatchesFull(store, C, `ingesting ${file}`);
    }
    const incremental = canonical(await storedEntities(store, C));
    assert.ok(incremental.length > 50, 'the articles name many entities');
    await resolveEntities(store, C);
    assert.deepEqual(canonical(await storedEntities(store, C)), incremental, 'a full run writes the same');
  });

  it('gives full resolution\'s entities after merges and splits of its entities', async () => {
    const people = (await storedEntities(store, C)).filter((e) => e.type === 'PERSON').sort((x, y) => y.members.length - x.members.length);
    const orgs = (await storedEntities(store, C)).filter((e) => e.type === 'ORG').sort((x, y) => y.members.length - x.members.length);
    const at = (i: number) => new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString();
    const decisions: Decision[] = [
      { kind: 'merge', a: people[0]!.members[0]!, b: people[3]!.members[0]!, at: at(1) },
      { kind: 'merge', a: orgs[0]!.members[0]!, b: orgs[1]!.members[0]!, at: at(2) },
      { kind: 'split', a: people[0]!.members[0]!, b: people[0]!.members.at(-1)!, at: at(3) },
      { kind: 'merge', a: people[1]!.members[0]!, b: people[2]!.members.at(-1)!, at: at(4) },
      { kind: 'split', a: people[0]!.members[0]!, b: people[3]!.members[0]!, at: at(5) },
    ];
    for (const d of decisions) {
      await applyDecisionNow(store, C, [d]);
      await assertMatchesFull(store, C, `${d.kind} ${d.a} / ${d.b}`);
    }
  });
});
