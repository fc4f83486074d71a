/**
 * CurationStore conformance: document and outlet grades (outlet folded, parent's source for attachments), notes and
 * tags (on relations: following merges and splits of the ends), and the review record of a merge written in its
 * resolution decision's transaction, on every engine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FactReviewRecord, ResolvedEntityRecord } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { factId } from '../../src/store/ids.js';
import { textDoc } from './conformance.js';

/** Runs the suite on stores made by `create` (each migrated and empty). */
export function curationConformance(name: string, create: () => Promise<Store>): void {
  describe(`CurationStore conformance: ${name}`, () => {
    it('grades documents and outlets, lists outlets, and reads gradings with the parent\'s source and the group', async () => {
      const store = await create();
      try {
        const c = store.curation;
        const mail = textDoc('mail.eml', 'A message.', { source: 'Example.org' });
        const [put] = await store.putDocuments([
          { doc: textDoc('a.txt', 'One text.', { source: 'Middle East Eye' }), collection: 'a', sentences: [] },
        ]);
        const [m] = await store.putDocuments([{ doc: mail, collection: 'a', sentences: [] }, { doc: textDoc('mail.eml!/att.txt', 'An attachment.'), collection: 'a', sentences: [], parentIndex: 0 }]);
        await store.putDocuments([{ doc: textDoc('b.txt', 'Other text.', { source: 'middle east  eye.' }), collection: 'b', sentences: [] }]);
        const docs = (await store.listDocuments({ collections: '*' }, 10, 0)).items;
        const a = put!.id;
        const att = docs.find((d) => d.path.includes('att.txt'))!.id;
        const b = docs.find((d) => d.path === 'b.txt')!.id;
        assert.ok(m);
        assert.deepEqual(await c.listOutlets(['a']), [
          { collection: 'a', outlet: 'example.org', source: 'Example.org', documents: 1 },
          { collection: 'a', outlet: 'middle east eye', source: 'Middle East Eye', documents: 1 },
        ].sort((x, y) => y.documents - x.documents || x.outlet.localeCompare(y.outlet)));
        await c.setOutletGrade('a', 'www.MIDDLE EAST EYE', { reliability: 'B', credibility: 2, by: 'ben' });
        await c.setOutletGrade('a', 'example.org', { reliability: 'D', credibility: 4, by: null });
        await c.setDocumentGrade(a, 'a', { reliability: 'A', credibility: 1, by: 'ana' });
        const g = new Map((await c.documentGradings([a, att, b, 'ffffffffffffffff'])).map((x) => [x.documentId, x]));
        assert.equal(g.size, 3, 'unknown ids are left out');
        assert.deepEqual([g.get(a)!.own?.reliability, g.get(a)!.own?.credibility, g.get(a)!.own?.by, g.get(a)!.outlet?.reliability], ['A', 1, 'ana', 'B']);
        assert.deepEqual([g.get(att)!.source, g.get(att)!.own, g.get(att)!.outlet?.reliability], ['Example.org', null, 'D'], 'an attachment takes its parent\'s outlet');
        assert.deepEqual([g.get(b)!.outlet, g.get(b)!.group], [null, b], 'outlet grades are per collection; the group is the id without one');
        assert.equal(await c.clearDocumentGrade(a), true);
        assert.equal(await c.clearDocumentGrade(a), false);
        await c.setOutletGrade('a', 'Middle East Eye', { reliability: 'C', credibility: 3, by: 'ben' });
        assert.deepEqual((await c.listOutletGrades(['a'])).map((x) => [x.outlet, `${x.reliability}${x.credibility}`]), [['example.org', 'D4'], ['middle east eye', 'C3']]);
        assert.equal(await c.clearOutletGrade('a', 'MIDDLE EAST EYE'), true);
        assert.deepEqual(await c.listOutletGrades(['b']), []);
      } finally {
        await store.close();
      }
    });

    it('writes, edits, lists and deletes notes; adds, lists and removes tags', async () => {
      const store = await create();
      try {
        const c = store.curation;
        const e = { kind: 'entity' as const, id: 'ent_0123456789abcdef' };
        const r = { kind: 'relation' as const, id: 'rel_0123456789abcdef' };
        const n1 = await c.addNote('a', e, 'First note', 'ben');
        const n2 = await c.addNote('a', r, 'On the edge', null);
        await c.addNote('b', e, 'Other collection', 'ana');
        assert.deepEqual([n1.by, n1.target, n1.editedAt], ['ben', e, null]);
        assert.ok(n2.id > n1.id);
        assert.deepEqual((await c.listNotes(['a'])).map((n) => n.text), ['First note', 'On the edge']);
        assert.deepEqual((await c.listNotes('*', [e])).map((n) => n.text), ['First note', 'Other collection']);
        const edited = await c.editNote(n1.id, 'First note, edited');
        assert.ok(edited?.editedAt);
        assert.equal((await c.getNote(n1.id))?.text, 'First note, edited');
        assert.equal(await c.deleteNote(n2.id), true);
        assert.equal(await c.getNote(n2.id), null);
        await c.addTag('a', e, 'follow-up', 'ben');
        const again = await c.addTag('a', e, 'follow-up', 'eve');
        assert.equal(again.by, 'ben', 'adding a tag twice keeps the first');
        await c.addTag('a', r, 'follow-up', null);
        await c.addTag('a', r, 'weak', null);
        assert.deepEqual((await c.listTags(['a'], [r])).map((t) => t.tag), ['follow-up', 'weak']);
        assert.deepEqual((await c.taggedWith(['a'], 'follow-up')).map((t) => t.target.kind), ['entity', 'relation']);
        assert.deepEqual((await c.taggedWith(['a'], 'follow-up', 'relation')).map((t) => t.target.id), [r.id]);
        assert.deepEqual(await c.taggedWith(['b'], 'follow-up'), []);
        assert.equal(await c.removeTag(r, 'weak'), true);
        assert.equal(await c.removeTag(r, 'weak'), false);
        assert.equal((await c.listTags('*')).length, 2);
      } finally {
        await store.close();
      }
    });

    it('reads notes and tags on a relation under the relation its ends make now: after a merge of an end, a split back, and a merge into one', async () => {
      const store = await create();
      try {
        const c = store.curation;
        const [put] = await store.putDocuments([{ doc: textDoc('r.txt', 'Ali paid Bahram. Ali met Cyrus.'), collection: 'a', sentences: [] }]);
        const key = (norm: string) => `${put!.id}#PERSON:${norm}`;
        const entity = (id: string, members: string[]): ResolvedEntityRecord => ({
          id, collection: 'a', type: 'PERSON', name: members.join(' / '), aliases: [], mentionCount: members.length, documentIds: [put!.id], members, reasons: [],
        });
        const [A, B, C, Z] = ['ent_a000000000000000', 'ent_b000000000000000', 'ent_c000000000000000', 'ent_z000000000000000'];
        const apart = [entity(A, [key('ali')]), entity(B, [key('bahram')]), entity(C, [key('cyrus'), key('kourosh')])];
        await store.putEntities('a', apart, 'resolve', 'r1');
        // "paid" is directed (A -> B); "met" is symmetric (ends in id order), and A's merged id sorts after C.
        const paid = { kind: 'relation' as const, id: factId('rel', 'paid', A, B) };
        const met = { kind: 'relation' as const, id: factId('rel', 'met', A, C) };
        await c.addNote('a', paid, 'Paid in cash', 'ben', { type: 'paid', source: A, target: B });
        await c.addNote('a', met, 'Met twice', 'ben', { type: 'met', source: A, target: C });
        await c.addTag('a', paid, 'verify', 'ben', { type: 'paid', source: A, target: B });
        const unanchored = await c.addNote('a', { kind: 'relation', id: 'rel_0123456789abcdef' }, 'No ends given', null);

        // Ali is merged into another entity (new id Z): both relations have new ids.
        await store.putEntities('a', [entity(Z, [key('ali'), key('alireza')]), apart[1]!, apart[2]!], 'resolve', 'r2');
        const paidNow = factId('rel', 'paid', Z, B);
        const metNow = factId('rel', 'met', C, Z);
        assert.deepEqual((await c.listNotes(['a'], [{ kind: 'relation', id: paidNow }])).map((n) => [n.text, n.target.id]), [['Paid in cash', paidNow]]);
        assert.deepEqual((await c.listNotes('*', [{ kind: 'relation', id: metNow }])).map((n) => n.text), ['Met twice'], 'a symmetric relation keeps its ends in order');
        assert.deepEqual(await c.listNotes(['a'], [paid, met]), [], 'nothing left under the ids that went');
        assert.deepEqual((await c.listNotes(['a'])).map((n) => n.target.id).sort(), [paidNow, metNow, unanchored.target.id].sort(), 'a whole-scope read places them too');
        assert.equal((await c.getNote(unanchored.id))?.target.id, 'rel_0123456789abcdef', 'a note without ends stays under its id');
        const first = (await c.listNotes(['a'], [{ kind: 'relation', id: paidNow }]))[0]!;
        assert.equal((await c.getNote(first.id))?.target.id, paidNow);
        assert.deepEqual((await c.listTags(['a'], [{ kind: 'relation', id: paidNow }])).map((t) => t.tag), ['verify']);
        assert.deepEqual((await c.taggedWith(['a'], 'verify', 'relation')).map((t) => t.target.id), [paidNow]);
        await c.addTag('a', { kind: 'relation', id: paidNow }, 'verify', 'eve', { type: 'paid', source: Z, target: B });
        assert.equal((await c.listTags(['a'])).filter((t) => t.tag === 'verify').length, 1, 'the same tag written again under the new id reads once');

        // Split back: the old ids again.
        await store.putEntities('a', apart, 'resolve', 'r3');
        assert.deepEqual((await c.listNotes(['a'], [paid, met])).map((n) => n.text), ['Paid in cash', 'Met twice']);
        assert.deepEqual((await c.taggedWith(['a'], 'verify')).map((t) => t.target.id), [paid.id]);
        assert.equal(await c.removeTag(paid, 'verify'), true, 'removing it from the relation removes both rows, whichever id they were written under');
        assert.deepEqual(await c.listTags(['a'], [paid]), []);

        // The two ends of "met" merged into one: no such relation any more; the note stays under the id written.
        await store.putEntities('a', [entity(A, [key('ali'), key('cyrus'), key('kourosh')]), apart[1]!], 'resolve', 'r4');
        assert.deepEqual((await c.listNotes(['a'], [met])).map((n) => n.text), ['Met twice']);
      } finally {
        await store.close();
      }
    });

    it('writes the review record of a merge with its resolution decision, or neither', async () => {
      const store = await create();
      try {
        const [put] = await store.putDocuments([{ doc: textDoc('m.txt', 'Ali and Alireza.'), collection: 'm', sentences: [] }]);
        const [a, b] = [`${put!.id}#PERSON:ali`, `${put!.id}#PERSON:alireza`];
        const record: Omit<FactReviewRecord, 'id'> = {
          collection: 'm', kind: 'merge', proposal: `${put!.id}.0123456789ab`, documentId: put!.id, verdict: 'rejected', at: new Date().toISOString(), by: 'mara', reason: 'two people',
          snapshot: { id: `${put!.id}.0123456789ab`, kind: 'merge', collection: 'm', documentId: put!.id, fact: { a, b, rule: 'prefix', score: 0.6, evidence: [] }, stage: 'resolve', version: 'r1' },
        };
        const change = { newDecisions: [{ decision: { kind: 'split' as const, a, b, at: record.at, by: 'mara' }, status: 'pending' as const }], mergeReviews: [record] };
        const { version } = await store.resolution.state('m');
        assert.equal((await store.resolution.commit('m', version + 1, change)).ok, false, 'another commit came first');
        assert.deepEqual([await store.resolution.latestDecision('m', a, b), await store.reviews.merges.records(ALL_COLLECTIONS, record.proposal)], [null, []], 'neither written');
        const done = await store.resolution.commit('m', version, change);
        assert.equal(done.ok, true);
        assert.deepEqual(done.decisions.map((d) => [d.kind, d.a, d.b]), [['split', a, b]], 'the decision comes back in its place');
        const written = await store.reviews.merges.records(ALL_COLLECTIONS, record.proposal);
        assert.deepEqual(written.map((r) => [r.verdict, r.by, r.reason, r.kind]), [['rejected', 'mara', 'two people', 'merge']]);
      } finally {
        await store.close();
      }
    });
  });
}
