/** CurationStore conformance: document and outlet grades (outlet folded, parent's source for attachments), notes and tags, on every engine. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
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
  });
}
