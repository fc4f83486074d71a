/**
 * Document locations on every backend: the same content in several places is one document with one location per
 * place (identical members of one container, one member in two containers, one file at two paths), listed under each
 * container, read back with the document's own place first, scoped, and deleted with the document.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, NewDocument } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { textDoc, type StoreHarness } from './conformance.js';

/** Runs SQL on the store's database behind its back and returns the rows of the last statement. */
export type RawQuery = (store: Store, sql: string) => Promise<Record<string, unknown>[]>;

const item = (doc: NewDocument['doc'], parentIndex = -1): NewDocument => ({ doc, collection: 'mail', sentences: splitSentences(doc.text), parentIndex });

/** Registers the suite for one implementation. */
export function locationsConformance(name: string, harness: StoreHarness, raw: RawQuery): void {
  describe(`Store conformance: document locations (${name})`, () => {
    let store: Store;
    before(async () => {
      store = await harness.create();
    });
    after(async () => store.close());

    it('keeps identical members of one container as one document listed once per place', async () => {
      const book = textDoc('staff.xlsx', 'Staff\nCopy\nAgain', { format: 'xlsx' });
      const sheet = (name: string) => textDoc(`staff.xlsx#${name}`, 'Name\tRole\nKarim Haddad\tBroker', { format: 'sheet', title: name });
      const results = await store.putDocuments([item(book), item(sheet('Staff'), 0), item(sheet('Copy'), 0), item(sheet('Again'), 0)]);
      assert.deepEqual(results.map((r) => r.created), [true, true, false, false], 'one sheet document created');
      const sheetId = results[1]!.id;
      assert.equal(results[2]!.id, sheetId);
      const children = await store.listChildren(results[0]!.id, ALL_COLLECTIONS);
      assert.deepEqual(children.map((c) => [c.id, c.path, c.name, c.parentId]), [
        [sheetId, 'staff.xlsx#Again', 'Again', results[0]!.id],
        [sheetId, 'staff.xlsx#Copy', 'Copy', results[0]!.id],
        [sheetId, 'staff.xlsx#Staff', 'Staff', results[0]!.id],
      ]);
      const locations = await store.listLocations(sheetId, ALL_COLLECTIONS);
      assert.equal(locations.length, 3);
      assert.deepEqual(locations[0] && [locations[0].path, locations[0].parentTitle], ['staff.xlsx#Staff', null], "the document's own place first");
      assert.equal((await store.getDocument(sheetId, ALL_COLLECTIONS))!.path, 'staff.xlsx#Staff', 'the document keeps its first path');
    });

    it('lists one attachment under both messages that carry it, stored and indexed once', async () => {
      const box = textDoc('box.mbox', 'two messages', { format: 'mbox' });
      const m1 = textDoc('box.mbox!/1.eml', 'From A: the ledger attached.', { format: 'email', title: 'Ledger from A' });
      const m2 = textDoc('box.mbox!/2.eml', 'From B: the ledger again.', { format: 'email', title: 'Ledger from B' });
      const pdf = textDoc('box.mbox!/1.eml!/ledger.pdf', 'Payments to the ministry, 2019.', { format: 'pdf' });
      const pdf2 = { ...pdf, path: 'box.mbox!/2.eml!/ledger-copy.pdf' };
      // The second message comes in a later batch, behind its ancestors (as batches.ts cuts a tree).
      const first = await store.putDocuments([item(box), item(m1, 0), item(pdf, 1)]);
      const second = await store.putDocuments([item(box), item(m2, 0), item(pdf2, 1)]);
      assert.deepEqual(second.map((r) => r.created), [false, true, false]);
      const pdfId = first[2]!.id;
      assert.equal(second[2]!.id, pdfId);
      assert.deepEqual((await store.listChildren(first[1]!.id, ALL_COLLECTIONS)).map((c) => [c.id, c.name]), [[pdfId, 'ledger.pdf']]);
      assert.deepEqual((await store.listChildren(second[1]!.id, ALL_COLLECTIONS)).map((c) => [c.id, c.name]), [[pdfId, 'ledger-copy.pdf']]);
      const locations = await store.listLocations(pdfId, ALL_COLLECTIONS);
      assert.deepEqual(locations.map((l) => [l.parentId, l.parentTitle, l.path]), [
        [first[1]!.id, 'Ledger from A', 'box.mbox!/1.eml!/ledger.pdf'],
        [second[1]!.id, 'Ledger from B', 'box.mbox!/2.eml!/ledger-copy.pdf'],
      ]);
      assert.equal((await store.stats({ collections: ['mail'] })).documents, 6, 'workbook, one sheet, box, two messages, one attachment');
      // Putting the same batch again adds no location.
      await store.putDocuments([item(box), item(m2, 0), item(pdf2, 1)]);
      assert.equal((await store.listLocations(pdfId, ALL_COLLECTIONS)).length, 2);
    });

    it('records a root file found again at another path once, and scopes the reads', async () => {
      const [x] = await store.putDocuments([item(textDoc('/a/x.txt', 'The same memo at two paths.'))]);
      assert.equal(await store.putLocation({ collection: 'mail', documentId: x!.id, parentId: null, path: '/b/y.txt', name: null }), true);
      assert.equal(await store.putLocation({ collection: 'mail', documentId: x!.id, parentId: null, path: '/b/y.txt', name: null }), false, 'known already');
      const locations = await store.listLocations(x!.id, ALL_COLLECTIONS);
      assert.deepEqual(locations.map((l) => [l.parentId, l.path, l.name]), [[null, '/a/x.txt', null], [null, '/b/y.txt', null]]);
      assert.ok(locations.every((l) => typeof l.firstSeen === 'string' && l.firstSeen.length > 0));
      assert.deepEqual(await store.listLocations(x!.id, { collections: ['other'] }), []);
      // verify names every place the content was found.
      const stored = (await store.getDocument(x!.id, ALL_COLLECTIONS))!;
      await harness.corruptOriginal(store, stored.sha256);
      const problems = (await store.verifyOriginals()).problems.filter((p) => p.sha256 === stored.sha256);
      assert.deepEqual(problems.map((p) => [p.problem, p.paths]), [['mismatch', ['/a/x.txt', '/b/y.txt']]]);
    });

    it('deletes the locations of a deleted document and of a deleted collection', async () => {
      const count = async (where: string): Promise<number> => Number((await raw(store, `SELECT count(*) AS n FROM document_locations WHERE ${where}`))[0]!.n);
      const [x] = await store.putDocuments([item(textDoc('/c/gone.txt', 'A memo that will be removed.'))]);
      await store.putLocation({ collection: 'mail', documentId: x!.id, parentId: null, path: '/d/gone-too.txt', name: null });
      assert.equal(await count(`document_id = '${x!.id}'`), 2);
      await raw(store, `DELETE FROM documents WHERE id = '${x!.id}'`);
      assert.equal(await count(`document_id = '${x!.id}'`), 0);

      const other = { ...item(textDoc('zip.zip', 'zip', { format: 'zip' })), collection: 'doomed' };
      await store.putDocuments([other, { ...item(textDoc('zip.zip!/a.txt', 'A member.')), collection: 'doomed', parentIndex: 0 }]);
      assert.equal(await count(`collection = 'doomed'`), 2);
      await raw(store, `DELETE FROM documents WHERE collection = 'doomed'`);
      assert.equal(await count(`collection = 'doomed'`), 0);
      assert.equal(await count(`collection = 'mail'`) > 0, true, 'other collections keep theirs');
    });
  });
}
