/**
 * Conformance of note search by key (CurationStore.findNotes over note_words, migration 19), run by every backend: the
 * notes a query finds are exactly those the query matches when every note is read and checked (the former search),
 * after writes, edits and deletions, and a query reads only notes holding its words.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import type { Target } from '../../src/store/curation.js';
import { parseQuery } from '../../src/store/query.js';
import { matchingNotes, noteMatches } from '../../src/network/curation/note-search.js';
import type { StoreHarness } from './conformance.js';

const TEXTS = [
  'Payment to the Border Guard confirmed by two sources.',
  'The border guards were paid in cash; see the ledger.',
  'Guard duty roster, unrelated to payments.',
  'Café owner in Zürich named as the courier.',
  'ﻛﺘﺎب: وزارة الخارجية ارسلت الرسالة', // Arabic kaf and teh marbuta: folded as the index folds them
  'وزارت خارجه نامه را فرستاد',
  'Minister met the envoy; the envoy paid the minister later.',
  'Nothing to see here.',
  'payment payment payment border',
];
const QUERIES = [
  'payment', 'pay*', 'border guard', '"border guard"', 'border OR ledger', 'guard NOT payment', 'guard -payments', 'cafe', 'zurich courier',
  'NEAR(envoy minister, 1)', 'NEAR(minister paid, 0)', '"envoy paid"', 'وزارت', 'وزاره', 'nothing', 'absentword', 'g*', '(border OR cafe) AND NOT roster',
];

/** Registers the suite for one implementation. */
export function noteSearchConformance(name: string, harness: StoreHarness): void {
  describe(`CurationStore note search by key: ${name}`, () => {
    let store: Store;
    const all = () => store.curation.listNotes('*');

    before(async () => {
      store = await harness.create();
      const c = store.curation;
      const targets: Target[] = [{ kind: 'document', id: 'doc-1' }, { kind: 'relation', id: 'rel_0000000000000001' }, { kind: 'entity', id: 'ent_0000000000000001' }];
      for (const [i, text] of TEXTS.entries()) await c.addNote(i % 2 === 0 ? 'a' : 'b', targets[i % 3]!, text, null);
      // An edit changes the words found; a deleted note is found no more.
      const notes = await all();
      await c.editNote(notes[7]!.id, 'Nothing to see here, except a payment.');
      await c.deleteNote(notes[2]!.id);
    });
    after(async () => store.close());

    it('finds exactly what checking every note finds, newest first, in each scope', async () => {
      for (const scope of ['*', ['a'], ['b'], []] as const) {
        for (const q of QUERIES) {
          const query = parseQuery(q);
          const every = (await store.curation.listNotes(scope)).filter((n) => noteMatches(query, n.text)).reverse();
          const found = await matchingNotes(store, scope, query, new Set());
          assert.deepEqual(found, every, `${q} in ${JSON.stringify(scope)}`);
        }
      }
      const hits = (q: string) => matchingNotes(store, '*', parseQuery(q), new Set()).then((l) => l.length);
      assert.deepEqual([await hits('payment'), await hits('pay*'), await hits('guard'), await hits('وزاره'), await hits('roster')], [3, 3, 1, 1, 0],
        'the queries find something to compare (and the edit and deletion count)');
    });

    it('reads only notes holding the query\'s words, and pages by id', async () => {
      const notes = await all();
      assert.deepEqual(await store.curation.findNotes('*', parseQuery('absentword'), 100), []);
      const courier = await store.curation.findNotes('*', parseQuery('courier'), 100);
      assert.deepEqual(courier.map((n) => n.text), [TEXTS[3]]);
      const payment = await store.curation.findNotes('*', parseQuery('payment'), 100);
      assert.ok(payment.length < notes.length, 'a word read its notes, not all');
      const first = await store.curation.findNotes('*', parseQuery('payment'), 1);
      const next = await store.curation.findNotes('*', parseQuery('payment'), 100, first[0]!.id);
      assert.deepEqual([...first, ...next], payment);
    });

    it('follows a note written after a search', async () => {
      await matchingNotes(store, '*', parseQuery('payment'), new Set());
      const added = await store.curation.addNote('a', { kind: 'document', id: 'doc-2' }, 'A late payment noted.', 'ann');
      assert.equal((await matchingNotes(store, '*', parseQuery('late'), new Set()))[0]?.id, added.id);
      await store.curation.editNote(added.id, 'An early transfer noted.');
      assert.deepEqual(await matchingNotes(store, '*', parseQuery('late'), new Set()), []);
      assert.equal((await matchingNotes(store, '*', parseQuery('early'), new Set())).length, 1);
    });
  });
}
