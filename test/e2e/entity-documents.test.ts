/**
 * The entity page in Chromium: an entity named in more documents than the page lists shows the most relevant first (most
 * mentions of it, then the newest) and "N more documents", which reads the rest on request in the same order.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ENTITY_DOCUMENTS } from '../../src/model/index.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { browserSuite, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP entity documents e2e: ${skip}`);

const COLLECTION = 'wire-many';
const SCOPE = { collections: [COLLECTION] };

/** Wire items naming the same man one to three times each; some undated, so both tie-breaks are used. */
function wireItems(n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const times = 1 + (i % 3);
    const sentences = Array.from({ length: times }, (_, k) => (k === 0
      ? `Qassem Soleimani met officials in Baghdad on day ${i}.`
      : `Officials said Qassem Soleimani left the city after meeting ${k}.`));
    const published = i % 5 === 4 ? undefined : `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    return JSON.stringify({ title: `Wire item ${i}`, text: `Wire item ${i}. ${sentences.join(' ')}`, source: 'Example Wire', ...(published ? { published } : {}) });
  }).join('\n');
}

describe('entity page documents in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  }, async (started) => {
    const dir = tempDir('cablegraph-e2e-wire-');
    writeFileSync(join(dir, 'many.jsonl'), wireItems(ENTITY_DOCUMENTS + 7));
    await ingestPaths([dir], { store: started.store, collection: COLLECTION, stages: defaultStages(), finish: finishIngest });
  });

  it('lists the most mentioned documents first, says how many more, and loads them in order', async () => {
    const found = await server.store.searchEntities({ q: 'Soleimani', limit: 10, offset: 0 }, SCOPE);
    const entity = found.items.sort((a, b) => b.documentCount - a.documentCount)[0]!;
    assert.ok(entity.documentCount > ENTITY_DOCUMENTS, `an entity in more than ${ENTITY_DOCUMENTS} documents (${entity.documentCount})`);
    const { documentIds } = (await server.store.getEntity(entity.id, SCOPE))!;
    assert.equal(documentIds.length, entity.documentCount, 'the list item counts the documents the entity names');
    // The expected order from the mentions themselves, as the reader shows them (not from the ranking statement).
    const summaries = await server.store.getDocumentSummaries(documentIds, SCOPE);
    const ranked = await Promise.all(summaries.map(async (d) => ({
      id: d.id, published: d.published, mentions: (await server.store.listMentions(d.id, SCOPE)).filter((m) => m.entityId === entity.id).length,
    })));
    ranked.sort((a, b) => b.mentions - a.mentions || (a.published === b.published ? 0 : a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1)
      || (a.id < b.id ? -1 : 1));
    assert.ok(new Set(ranked.map((r) => r.mentions)).size > 1, 'documents differ in how often they name him');

    await page.goto(`${server.baseUrl}/entities/${entity.id}`);
    const list = page.locator('.entity-documents');
    await list.waitFor();
    const hrefs = async (): Promise<string[]> => (await list.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')))
      .map((h) => decodeURIComponent(h.replace('/documents/', '')));
    assert.deepEqual(await hrefs(), ranked.slice(0, ENTITY_DOCUMENTS).map((r) => r.id), 'the first page, most relevant first');
    const rest = ranked.length - ENTITY_DOCUMENTS;
    const more = page.getByRole('button', { name: `${rest} more ${rest === 1 ? 'document' : 'documents'}` });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-documents-capped');
    await more.click();
    await page.waitForFunction(([n]) => document.querySelectorAll('.entity-documents li').length === n, [ranked.length] as const);
    assert.deepEqual(await hrefs(), ranked.map((r) => r.id), 'every document, in the same order');
    assert.equal(await more.count(), 0, 'the button goes once every document is listed');
    const first = (await list.locator('li').first().innerText()).replace(/\s+/g, ' ');
    assert.match(first, new RegExp(`${ranked[0]!.mentions} mentions`), 'each line says how often the document names him');
    await screenshot(page, 'entity-documents-all');
    assert.deepEqual(watch.errors, []);
  });

  it('reads a relation for the edge panel by key, naming its source', async () => {
    const rel = (await server.store.listRelations(ALL_COLLECTIONS)).find((r) => /^ent_[0-9a-f]{16}$/u.test(r.source))!;
    const reads: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/api/relations/')) reads.push(request.url()); });
    await page.goto(`${server.baseUrl}/network?entity=${rel.source}&conf=0&src=0&edge=${rel.id}`);
    await page.locator('.edge-panel .evidence').first().waitFor();
    assert.deepEqual(reads.map((u) => new URL(u).pathname + new URL(u).search), [`/api/relations/${rel.id}?entity=${rel.source}`],
      'one read, by key: not one without the entity while the graph loads');
    assert.deepEqual(watch.errors, []);
  });
});
