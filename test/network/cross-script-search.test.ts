/**
 * Search across scripts: a query naming a resolved entity also finds the documents that write it in another script,
 * says which names it added, and leaves alone queries that are not a name, prefixes of a name, and other entities.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ResolvedEntityRecord } from '../../src/model/index.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { parseQuery } from '../../src/store/query.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { expandAcrossScripts, nameOfQuery, scriptOf } from '../../src/network/cross-script-search.js';
import { buildApp } from '../../src/server/app.js';
import { textDoc } from '../store/conformance.js';
import { tempDir } from '../helpers.js';

const TEXTS = [
  'General Qassem Soleimani travelled to Baghdad on Monday, officials said.',
  'سردار قاسم سلیمانی روز دوشنبه به بغداد سفر کرد.',
  'قاسم سليماني وصل إلى بغداد يوم الاثنين.',
  'An Iran Air flight landed in Beirut. Iran denied the report.',
  'هواپیمای ایران ایر در بیروت فرود آمد.',
  'ایران این گزارش را رد کرد.',
];

describe('search across scripts', () => {
  let store: Store;
  let app: FastifyInstance;
  const search = async (q: string, expand = true) => {
    const parsed = parseQuery(q);
    const { query, expansions } = expand ? await expandAcrossScripts(store, ALL_COLLECTIONS, q, parsed) : { query: parsed, expansions: [] };
    const res = await store.search({ query, limit: 20, offset: 0 }, ALL_COLLECTIONS);
    // Which of TEXTS matched, by the number in the document's file name.
    return { texts: res.results.map((h) => Number(/doc-(\d)/u.exec(h.document.path)![1])).sort(), total: res.total, expansions };
  };

  before(async () => {
    store = await openStore(join(tempDir('cablegraph-xscript-'), 'x.db'));
    const put = await store.putDocuments(TEXTS.map((text, i) => ({ doc: textDoc(`doc-${i}.txt`, text), collection: 'c', sentences: splitSentences(text) })));
    const docs = put.map((p) => p.id);
    const entity = (id: string, type: ResolvedEntityRecord['type'], name: string, aliases: string[], on: number[]): ResolvedEntityRecord => ({
      id, collection: 'c', type, name, aliases, mentionCount: on.length, documentIds: on.map((i) => docs[i]!),
      members: [name, ...aliases].map((n, k) => `${docs[on[k % on.length]!]}#${type}:${n}`), reasons: [],
    });
    await store.putEntities('c', [
      entity('ent_00000000000000a1', 'PERSON', 'Qassem Soleimani', ['Qasem Soleimani', 'قاسم سلیمانی', 'قاسم سليماني'], [0, 1, 2]),
      entity('ent_00000000000000a2', 'ORG', 'Iran Air', ['ایران ایر'], [3, 4]),
      entity('ent_00000000000000a3', 'LOC', 'Iran', ['ایران'], [3, 5]),
    ], 'resolve', 'r1');
    app = await buildApp({ store, webRoot: '/nonexistent' });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('finds the Persian and Arabic documents of an entity searched by its Latin name, and says which names it added', async () => {
    const plain = await search('Qassem Soleimani', false);
    assert.deepEqual(plain.texts, [0]);
    const wide = await search('Qassem Soleimani');
    assert.deepEqual(wide.texts, [0, 1, 2]);
    assert.equal(wide.expansions.length, 1);
    assert.equal(wide.expansions[0]!.entityId, 'ent_00000000000000a1');
    assert.deepEqual([...wide.expansions[0]!.names].sort(), ['قاسم سلیمانی', 'قاسم سليماني'].sort(), 'only names in another script');
  });

  it('finds the English document from a Persian query, and works from a transliteration variant', async () => {
    assert.deepEqual((await search('قاسم سلیمانی')).texts, [0, 1, 2]);
    assert.deepEqual((await search('"Qasem Suleimani"')).texts.includes(1), true);
  });

  it('expands a name to its own entity only: Iran is not Iran Air', async () => {
    const iran = await search('Iran');
    assert.deepEqual(iran.expansions.map((e) => e.entityName), ['Iran']);
    assert.deepEqual(iran.expansions[0]!.names, ['ایران']);
  });

  it('leaves queries that are not a name alone', async () => {
    for (const q of ['Soleimani AND Baghdad', 'Solei*', 'Soleimani -Baghdad', '(Qassem Soleimani)', 'Soleimani']) {
      const r = await search(q);
      assert.deepEqual(r.expansions, [], q);
    }
    assert.equal(nameOfQuery('"Qassem Soleimani"'), 'Qassem Soleimani');
    assert.equal(nameOfQuery('one two three four five six seven'), null);
    assert.deepEqual([scriptOf('قاسم'), scriptOf('Qassem'), scriptOf('Касем')], ['arabic', 'latin', 'other']);
  });

  it('serves the expansion through the API, on by default and off on request', async () => {
    const on = (await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('Qassem Soleimani')}` })).json();
    assert.equal(on.total, 3);
    assert.equal(on.expandedWith[0].entityName, 'Qassem Soleimani');
    const off = (await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('Qassem Soleimani')}&crossScript=false` })).json();
    assert.equal(off.total, 1);
    assert.equal(off.expandedWith, undefined);
  });
});
