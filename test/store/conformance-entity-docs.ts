/** Conformance of an entity's documents ranked by key (Store.rankEntityDocuments) and paged (entityDocuments), run by every backend. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention, ResolvedEntityRecord } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { entityDocuments } from '../../src/network/entity-documents.js';
import { textDoc, type StoreHarness } from './conformance.js';

const SCOPE = { collections: ['docs'] };

/** Registers the suite for one implementation. */
export function entityDocumentsConformance(name: string, harness: StoreHarness): void {
  describe(`Store entity documents by key: ${name}`, () => {
    let store: Store;
    // Per document: its id, published date and how many mentions of the entity (under one or two member keys) it has.
    let expected: { id: string; published: string | null; mentions: number }[];

    before(async () => {
      store = await harness.create();
      // Mentions per document (split over keys), dates: ties on mentions break by date (newest first, undated last), then id.
      const plan: { counts: number[]; published?: string }[] = [
        { counts: [1], published: '2019-01-02' }, { counts: [2, 1], published: '2018-05-01' }, { counts: [3] },
        { counts: [1], published: '2021-07-09' }, { counts: [1] }, { counts: [1] }, { counts: [2, 1], published: '2020-03-04' },
        { counts: [1], published: '2021' },
      ];
      const texts = plan.map((p, i) => `Document ${i}: the Border Guard and the ministry met.`);
      const put = await store.putDocuments(texts.map((text, i) => ({
        doc: textDoc(`d${i}.txt`, text, plan[i]!.published ? { published: plan[i]!.published } : {}), collection: 'docs', sentences: splitSentences(text),
      })));
      const members: string[] = [];
      for (const [i, p] of plan.entries()) {
        const docId = put[i]!.id;
        const keys = p.counts.map((_, k) => `${docId}#ORG:border guard${k === 0 ? '' : 's'}`);
        members.push(...keys);
        const mentions: Mention[] = [
          ...p.counts.flatMap((n, k) => Array.from({ length: n }, (_, j) => ({
            documentId: docId, start: 20 + j, end: 32 + j, text: 'Border Guard', type: 'ORG' as const, norm: 'border guard', entityKey: keys[k]!, stage: 'mentions', version: 'm1',
          }))),
          // Another entity's mentions in the same document are not counted.
          { documentId: docId, start: 41, end: 49, text: 'ministry', type: 'ORG', norm: 'ministry', entityKey: `${docId}#ORG:ministry`, stage: 'mentions', version: 'm1' },
        ];
        await store.putStageOutput(docId, 'mentions', 'm1', { mentions });
      }
      const entity = (id: string, keys: string[], docs: string[], nm: string): ResolvedEntityRecord => ({
        id, collection: 'docs', type: 'ORG', name: nm, aliases: [], mentionCount: keys.length, documentIds: docs, members: keys, reasons: [],
      });
      await store.putEntities('docs', [
        // A member given by hand as a plain name (no "#") names no document.
        entity('ent_guard', [...members, 'border guard'].sort(), put.map((p) => p.id), 'Border Guard'),
        entity('ent_ministry', put.map((p) => `${p.id}#ORG:ministry`), put.map((p) => p.id), 'ministry'),
      ], 'resolve', 'r1');
      expected = plan.map((p, i) => ({ id: put[i]!.id, published: p.published ?? null, mentions: p.counts.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.mentions - a.mentions || (a.published === b.published ? 0 : a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1)
          || (a.id < b.id ? -1 : 1));
      assert.ok(new Set(expected.map((e) => e.mentions)).size < expected.length, 'the fixture has ties to break');
    });
    after(async () => store.close());

    it('ranks the documents by mentions of the entity, then newest (undated last), then id', async () => {
      const ranks = expected.map(({ id, mentions }) => ({ id, mentions }));
      assert.deepEqual(await store.rankEntityDocuments('ent_guard', SCOPE, 0, 100), { items: ranks, total: ranks.length });
      assert.deepEqual((await store.rankEntityDocuments('ent_ministry', SCOPE, 0, 100)).items.map((r) => r.mentions), expected.map(() => 1));
      // Every page, wherever it cuts through ties, is the same slice of the whole ranking.
      for (let offset = 0; offset <= ranks.length + 1; offset++) {
        for (let limit = 0; limit <= ranks.length + 1; limit++) {
          assert.deepEqual(await store.rankEntityDocuments('ent_guard', SCOPE, offset, limit), { items: ranks.slice(offset, offset + limit), total: ranks.length },
            `offset ${offset}, limit ${limit}`);
        }
      }
    });

    it('pages through them with summaries and counts, and nothing outside the scope', async () => {
      const seen: { id: string; mentions: number | null; published: string | null }[] = [];
      for (let offset = 0; offset < expected.length + 3; offset += 3) {
        const page = (await entityDocuments(store, 'ent_guard', SCOPE, offset, 3))!;
        assert.equal(page.total, expected.length);
        seen.push(...page.items.map((d) => ({ id: d.id, mentions: d.mentions, published: d.published })));
        for (const d of page.items) assert.equal(typeof d.title === 'string' || d.title === null, true);
      }
      assert.deepEqual(seen, expected.map(({ id, mentions, published }) => ({ id, mentions, published })));
      assert.deepEqual(await store.rankEntityDocuments('ent_guard', { collections: ['elsewhere'] }, 0, 5), { items: [], total: 0 });
      assert.equal(await entityDocuments(store, 'ent_guard', { collections: ['elsewhere'] }, 0, 5), null);
      assert.equal(await entityDocuments(store, 'ent_0000000000000000', SCOPE, 0, 5), null);
    });
  });
}
