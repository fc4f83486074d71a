/** GET /api/export in-process: each format's content type, file name and body; the JSON default is unchanged. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/store.js';
import { sampleApp, closeApp } from '../helpers.js';
import { parseCsv } from './fixtures.js';
import { readXml } from './xml-reader.js';

describe('GET /api/export', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    ({ app, store } = await sampleApp(true));
  });
  after(() => closeApp(app, store));

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('keeps the JSON contract as the default', async () => {
    const res = await get('/api/export');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.match(res.headers['content-disposition'] as string, /filename="cablegraph-export.json"/);
    const body = res.json<{ version: number; relations: unknown[] }>();
    assert.equal(body.version, 1);
    assert.ok(body.relations.length > 0);
  });

  it('serves a STIX 2.1 bundle', async () => {
    const res = await get('/api/export?format=stix');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/stix\+json; version=2\.1/);
    assert.match(res.headers['content-disposition'] as string, /filename="cablegraph-export.stix.json"/);
    const bundle = res.json<{ type: string; id: string; objects: { type: string }[] }>();
    assert.equal(bundle.type, 'bundle');
    assert.match(bundle.id, /^bundle--/);
    for (const type of ['identity', 'location', 'relationship', 'note', 'report']) {
      assert.ok(bundle.objects.some((o) => o.type === type), `has a ${type}`);
    }
  });

  it('serves FtM lines, GEXF and either CSV file', async () => {
    const ftm = await get('/api/export?format=ftm');
    assert.match(ftm.headers['content-type'] as string, /^application\/x-ndjson/);
    assert.ok(ftm.body.trim().split('\n').every((l) => typeof (JSON.parse(l) as { schema: string }).schema === 'string'));
    const gexf = await get('/api/export?format=gexf');
    assert.match(gexf.headers['content-type'] as string, /^application\/gexf\+xml/);
    assert.equal(readXml(gexf.body).name, 'gexf');
    const relations = await get('/api/export?format=csv');
    assert.match(relations.headers['content-type'] as string, /^text\/csv/);
    assert.match(relations.headers['content-disposition'] as string, /filename="relations.csv"/);
    assert.equal(parseCsv(relations.body)[0]![0], 'id');
    const entities = await get('/api/export?format=csv&file=entities.csv');
    assert.match(entities.headers['content-disposition'] as string, /filename="entities.csv"/);
    assert.deepEqual(parseCsv(entities.body)[0]!.slice(0, 3), ['id', 'type', 'name']);
  });

  for (const url of ['/api/export?format=xml', '/api/export?format=csv&file=other.csv']) {
    it(`rejects ${url} with a 400`, async () => {
      const res = await get(url);
      assert.equal(res.statusCode, 400, res.body);
    });
  }
});
