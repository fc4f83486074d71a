/** ProtectionStore conformance: protections numbered per collection and kind, reused after unprotect, on every engine. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';

/** Runs the suite on stores made by `create` (each migrated and empty). */
export function protectionConformance(name: string, create: () => Promise<Store>): void {
  describe(`ProtectionStore conformance: ${name}`, () => {
    it('numbers per collection and kind, keeps the number through unprotect and protect again, and lists active keys', async () => {
      const store = await create();
      try {
        const p = store.protection;
        assert.deepEqual(await p.activeKeys('*'), []);
        const one = await p.protect('a', ['d1#PERSON:karim jabbari', 'd2#PERSON:jabbari'], 'person', 'ben');
        const two = await p.protect('a', ['d3#PERSON:hadi al-amiri'], 'person', null);
        const org = await p.protect('a', ['d1#ORG:tavakoli freight'], 'organisation', 'ben');
        const other = await p.protect('b', ['d9#PERSON:karim jabbari'], 'person', 'ana');
        assert.deepEqual([one.number, two.number, org.number, other.number], [1, 2, 1, 1]);
        assert.equal(one.by, 'ben');
        assert.equal(two.by, null);
        // Protecting keys that include a protected one joins its protection (a merge made them one entity).
        const joined = await p.protect('a', ['d3#PERSON:hadi al-amiri', 'd4#PERSON:amiri'], 'person', 'ben');
        assert.equal(joined.id, two.id);
        assert.deepEqual((await p.activeKeys(['a'])).map((k) => [k.key, k.protection.number, k.protection.kind]), [
          ['d1#PERSON:karim jabbari', 1, 'person'], ['d2#PERSON:jabbari', 1, 'person'],
          ['d3#PERSON:hadi al-amiri', 2, 'person'], ['d4#PERSON:amiri', 2, 'person'], ['d1#ORG:tavakoli freight', 1, 'organisation'],
        ]);
        assert.equal(await p.unprotect('a', ['d1#PERSON:karim jabbari', 'd2#PERSON:jabbari', 'd2#PERSON:unknown']), 2);
        assert.equal(await p.unprotect('a', ['d1#PERSON:karim jabbari']), 0);
        assert.deepEqual((await p.activeKeys(['a'])).map((k) => k.key).sort(), ['d1#ORG:tavakoli freight', 'd3#PERSON:hadi al-amiri', 'd4#PERSON:amiri']);
        assert.deepEqual((await p.activeKeys(['b'])).map((k) => k.collection), ['b']);
        const again = await p.protect('a', ['d2#PERSON:jabbari'], 'person', 'eve');
        assert.equal(again.number, 1, 'the same pseudonym number after unprotect and protect again');
        assert.equal((await p.protect('a', ['d5#PERSON:someone new'], 'person', null)).number, 3);
        assert.equal((await p.activeKeys('*')).length, 6);
      } finally {
        await store.close();
      }
    });
  });
}
