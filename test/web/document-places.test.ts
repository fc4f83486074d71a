// The reader's places: identical members listed each under its name, and "Also found at" linking the other containers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AlsoFoundAt, DocumentChildren } from '../../web/components/document-places.js';
import type { DocumentChild, DocumentLocation } from '../../src/model/index.js';

const summary = { collection: 'c', sha256: 'ab', mimeType: null, source: null, published: null, author: null, language: null, length: 10, ingestedAt: '2026-01-01' };
const child = (id: string, path: string, name: string, title: string | null, format = 'sheet'): DocumentChild =>
  ({ ...summary, id, path, parentId: 'p', name, title, format });
const items = (html: string) => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());

test('identical members are listed once per place, named by where they were found', () => {
  const html = renderToStaticMarkup(createElement(DocumentChildren, {
    items: [child('s1', 'b.xlsx#Again', 'Again', 'Staff'), child('s1', 'b.xlsx#Staff', 'Staff', 'Staff'), child('n2', 'b.xlsx#Notes', 'Notes', 'Notes')],
  }));
  assert.match(html, /<h2>Contains \(3\)<\/h2>/);
  assert.deepEqual(items(html), ['Staff as Again sheet', 'Staff as Staff sheet', 'Notes sheet']);
  assert.equal((html.match(/href="\/documents\/s1"/g) ?? []).length, 2);
  assert.equal(renderToStaticMarkup(createElement(DocumentChildren, { items: [] })), '');
});

test('"Also found at" lists every place but the document\'s own, linking containers', () => {
  const at = (parentId: string | null, path: string, name: string | null, parentTitle: string | null = null): DocumentLocation =>
    ({ parentId, parentTitle, path, name, firstSeen: '2026-01-01' });
  const own = at('m1', 'box.mbox!/1.eml!/ledger.pdf', 'ledger.pdf', 'Ledger from A');
  assert.equal(renderToStaticMarkup(createElement(AlsoFoundAt, { locations: [own] })), '', 'nothing when found once');
  const html = renderToStaticMarkup(createElement(AlsoFoundAt, {
    locations: [own, at('m2', 'box.mbox!/2.eml!/copy.pdf', 'copy.pdf', 'Ledger from B'), at('z', '/leak/b.zip!/y.pdf', 'y.pdf'), at(null, '/leak/a/x.pdf', null)],
  }));
  assert.match(html, /<h2>Also found at \(3\)<\/h2>/);
  assert.deepEqual(items(html), ['Ledger from B as copy.pdf', 'b.zip as y.pdf', '/leak/a/x.pdf']);
  assert.match(html, /href="\/documents\/m2"/);
  assert.match(html, /href="\/documents\/z"/);
  assert.doesNotMatch(html, /href="\/documents\/m1"/, 'its own place is shown as its path and parent, not again');
});
