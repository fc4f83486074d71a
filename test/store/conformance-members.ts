/** Conformance of an entity's head (first members, their reasons, totals) and its members by page, run by every backend. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MEMBER_REASONS, type MergeReason, type ResolvedEntityRecord } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { textDoc, type StoreHarness } from './conformance.js';

const HUBS = { collections: ['hubs'] };

/** Registers the suite for one implementation. */
export function membersConformance(name: string, harness: StoreHarness): void {
  describe(`Store entity heads and member pages: ${name}`, () => {
    let store: Store;
    let keys: string[];
    let reasons: MergeReason[];
    let whole: ResolvedEntityRecord;

    before(async () => {
      store = await harness.create();
      const texts = ['The Border Guard paid the smugglers.', 'Border guards\nreported the payment.', 'A BORDER GUARD spokesman denied it.', 'Gárd fronterizo: pago.'];
      const put = await store.putDocuments(texts.map((text, i) => ({ doc: textDoc(`h${i}.txt`, text), collection: 'hubs', sentences: splitSentences(text) })));
      // Keys sort by document id, so the order is the store's, not this list's.
      keys = put.flatMap((p, i) => [`${p.id}#ORG:border guard`, ...(i < 2 ? [`${p.id}#ORG:border guards`] : [])]).sort();
      const [anchor, ...rest] = keys as [string, ...string[]];
      // A star on the anchor (it names every reason), then a chain, one reason naming a key twice and one with a NUL.
      reasons = [
        ...rest.map((k, i) => ({ rule: 'exact-norm', score: 1 - i / 100, a: anchor, b: k, evidence: `جدار ${i}` })),
        { rule: 'plural', score: 0.7, a: keys[1]!, b: keys[2]! },
        { rule: 'self', score: 0.5, a: keys[3]!, b: keys[3]! },
        { rule: 'ocr', score: 0.4, a: keys[4]!, b: keys[5]!, evidence: 'G\u0000ard' },
      ];
      const entity = (id: string, members: string[], why: MergeReason[]): ResolvedEntityRecord => ({
        id, collection: 'hubs', type: 'ORG', name: 'Border Guard', aliases: ['Border Guards', 'BORDER GUARD'], mentionCount: members.length,
        documentIds: put.map((p) => p.id), members, reasons: why,
      });
      await store.putEntities('hubs', [entity('ent_hub', keys, reasons)], 'resolve', 'r1');
      await store.putDocuments([{ doc: textDoc('u.txt', 'The Border Guard again.'), collection: 'loose', sentences: [] }]);
      whole = (await store.getEntity('ent_hub', HUBS))!;
    });
    after(async () => store.close());

    const naming = (k: string) => reasons.filter((r) => r.a === k || r.b === k);

    it('gives the first members by key, the reasons naming each (a few) and the totals, and leaves getEntity whole', async () => {
      const head = (await store.getEntityHead('ent_hub', HUBS, 2))!;
      assert.deepEqual(head.entity.members, keys.slice(0, 2));
      assert.deepEqual([head.members.total, head.reasonCount], [keys.length, reasons.length]);
      assert.deepEqual(head.members.items.map((m) => [m.key, m.reasonCount]), keys.slice(0, 2).map((k) => [k, naming(k).length]));
      for (const m of head.members.items) assert.deepEqual(m.reasons, naming(m.key).slice(0, MEMBER_REASONS), m.key);
      assert.ok(head.members.items[0]!.reasonCount > MEMBER_REASONS, 'the anchor names more reasons than a member lists');
      const shown = new Set(head.members.items.flatMap((m) => m.reasons.map((r) => JSON.stringify(r))));
      assert.deepEqual(head.entity.reasons.map((r) => JSON.stringify(r)).sort(), [...shown].sort(), 'the entity carries the reasons shown, once each');
      assert.deepEqual({ ...head.entity, members: whole.members, reasons: whole.reasons }, whole, 'everything else as getEntity reads it');
      assert.equal(whole.members.length, keys.length);
      assert.deepEqual(whole.reasons, reasons, 'getEntity still reads every reason, the NUL and the script kept');
      const all = (await store.getEntityHead('ent_hub', HUBS, 100))!;
      assert.deepEqual(all.entity.members, whole.members);
    });

    it('pages through the members in key order with their reasons', async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < keys.length; offset += 2) {
        const page = (await store.listEntityMembers('ent_hub', HUBS, offset, 2))!;
        assert.equal(page.total, keys.length);
        for (const m of page.items) {
          assert.deepEqual([m.reasons, m.reasonCount], [naming(m.key).slice(0, MEMBER_REASONS), naming(m.key).length], m.key);
        }
        seen.push(...page.items.map((m) => m.key));
      }
      assert.deepEqual(seen, keys);
      const ocr = (await store.listEntityMembers('ent_hub', HUBS, 4, 1))!.items[0]!;
      assert.equal(ocr.reasons.find((r) => r.rule === 'ocr')?.evidence, 'G\u0000ard');
      assert.deepEqual(await store.listEntityMembers('ent_hub', HUBS, keys.length, 5), { items: [], total: keys.length }, 'past the end');
    });

    it('answers null outside the scope or for an unknown id, and whole for an entity of an unresolved collection', async () => {
      assert.equal(await store.getEntityHead('ent_hub', { collections: ['loose'] }, 5), null);
      assert.equal(await store.listEntityMembers('ent_hub', { collections: ['loose'] }, 0, 5), null);
      assert.equal(await store.getEntityHead('ent_0000000000000000', HUBS, 5), null);
      assert.equal(await store.listEntityMembers('ent_0000000000000000', HUBS, 0, 5), null);
      const doc = (await store.listDocuments({ collections: ['loose'] }, 1, 0)).items[0]!;
      await store.putStageOutput(doc.id, 'ner', 'v1', { mentions: [{ documentId: doc.id, start: 4, end: 16, text: 'Border Guard', type: 'ORG', norm: 'border guard' }] });
      const loose = (await store.listEntities({ collections: ['loose'] }))[0]!;
      const head = (await store.getEntityHead(loose.id, { collections: ['loose'] }, 5))!;
      assert.deepEqual(head.entity, await store.getEntity(loose.id, { collections: ['loose'] }));
      assert.deepEqual([head.members, head.reasonCount], [{ items: [], total: 0 }, 0]);
      assert.deepEqual(await store.listEntityMembers(loose.id, { collections: ['loose'] }, 0, 5), { items: [], total: 0 });
    });
  });
}
