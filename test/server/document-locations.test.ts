/**
 * GET /api/documents/:id with locations (issue 13): a sheet found three times in a workbook is listed three times among
 * the workbook's children, and a file found at two paths answers both places, its own first. The declared 200 schema
 * keeps every other field of the answer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { FastifyInstance } from 'fastify';
import type { DocumentChild, DocumentLocation, StoredDocument } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/open.js';
import { buildApp } from '../../src/server/app.js';
import { ingestPaths } from '../../src/pipeline.js';
import { closeApp, tempDir } from '../helpers.js';

type Detail = StoredDocument & { locations: DocumentLocation[]; children: DocumentChild[]; mentions: unknown[]; relations: unknown[] };

describe('document API: locations and repeated children', () => {
  let app: FastifyInstance;
  let store: Store;
  let dir: string;
  const get = (url: string) => app.inject({ method: 'GET', url });

  before(async () => {
    dir = tempDir('cablegraph-api-locations-');
    const book = XLSX.utils.book_new();
    for (const name of ['Staff', 'Copy', 'Again']) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Name', 'Office'], ['Karim Haddad', 'Basra']]), name);
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'staff_list.xlsx'), new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    writeFileSync(join(dir, 'a', 'memo.txt'), 'The station chief met the ministry contact in Baghdad.\n');
    writeFileSync(join(dir, 'b', 'memo-copy.txt'), 'The station chief met the ministry contact in Baghdad.\n');
    store = await openStore(join(dir, 'store.db'));
    await ingestPaths([dir], { store, collection: 'c' });
    app = await buildApp({ store, webRoot: '/nonexistent' });
  });
  after(() => closeApp(app, store));

  const byPath = async (suffix: string) => (await store.listDocuments({ collections: ['c'] }, 50, 0)).items.find((d) => d.path.endsWith(suffix))!;

  it('lists a sheet found three times as three children with one id, and the workbook as its containers', async () => {
    const workbook = await byPath('staff_list.xlsx');
    const res = await get(`/api/documents/${workbook.id}`);
    assert.equal(res.statusCode, 200);
    const doc = res.json<Detail>();
    assert.deepEqual(doc.children.map((c) => c.name), ['Again', 'Copy', 'Staff']);
    assert.equal(new Set(doc.children.map((c) => c.id)).size, 1);
    assert.ok(doc.children.every((c) => c.format === 'sheet' && c.parentId === workbook.id), 'the summary fields are kept');
    assert.deepEqual(doc.locations.map((l) => [l.parentId, l.path]), [[null, workbook.path]]);
    assert.ok(doc.text.length > 0 && Array.isArray(doc.sentences) && Array.isArray(doc.mentions) && Array.isArray(doc.relations), 'undeclared fields pass');

    const sheet = (await get(`/api/documents/${doc.children[0]!.id}`)).json<Detail>();
    // Its own place (the first sheet read) first, then the others found in the same batch, by path.
    assert.deepEqual(sheet.locations.map((l) => [l.parentId, l.name]), [[workbook.id, 'Staff'], [workbook.id, 'Again'], [workbook.id, 'Copy']]);
  });

  it('answers both paths of a file found twice, its own first', async () => {
    const memo = await byPath('memo.txt');
    const doc = (await get(`/api/documents/${memo.id}`)).json<Detail>();
    assert.deepEqual(doc.locations.map((l) => [l.parentId, l.path, l.name]), [
      [null, join(dir, 'a', 'memo.txt'), null], [null, join(dir, 'b', 'memo-copy.txt'), null],
    ]);
    assert.ok(doc.locations.every((l) => typeof l.firstSeen === 'string'));
  });

  it('declares locations in the OpenAPI description of the answer', async () => {
    const spec = (await get('/api/docs/json')).json();
    const ok = spec.paths['/api/documents/{id}'].get.responses['200'];
    const schema = ok.content['application/json'].schema;
    assert.ok(schema.properties.locations, 'locations declared');
    assert.deepEqual(Object.keys(schema.properties.locations.items.properties).sort(), ['firstSeen', 'name', 'parentId', 'parentTitle', 'path']);
  });
});
