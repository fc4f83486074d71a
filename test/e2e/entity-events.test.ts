/**
 * The entity page's capped lists in Chromium: an entity in more events than the page lists shows the newest first with
 * the count of all, and "N more events", which reads the rest on request in the same order (undated last); a hub with
 * more relations than the page lists shows the strongest and "N more relations", which reads the next ones.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ENTITY_EVENTS, ENTITY_RELATIONS } from '../../src/model/index.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';
import { browserSuite, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';
import { writeHub, type Hub } from '../store/hub-fixture.js';

const skip = skipReason();
if (skip) console.log(`# SKIP entity events e2e: ${skip}`);

const COLLECTION = 'wire-meetings';
const SCOPE = { collections: [COLLECTION] };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Wire items, each reporting one dated meeting of the same man (a different day of 2018-2019). */
function wireItems(n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const date = `${1 + (i % 28)} ${MONTHS[i % 12]} ${2018 + (i % 2)}`;
    return JSON.stringify({ title: `Wire item ${i}`, text: `Wire item ${i}. On ${date}, Qassem Soleimani attended a meeting with Iraqi officials in Baghdad.`, source: 'Example Wire' });
  }).join('\n');
}

describe('entity page events in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;
  let hub: Hub;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  }, async (started) => {
    const dir = tempDir('cablegraph-e2e-meetings-');
    writeFileSync(join(dir, 'meetings.jsonl'), wireItems(ENTITY_EVENTS + 12));
    await ingestPaths([dir], { store: started.store, collection: COLLECTION, stages: defaultStages(), finish: finishIngest });
    // A hub paying 20 entities with support in three documents, 20 in two and 40 in one: 80 relations.
    hub = await writeHub(started.store, 'hub-pages', [20, 20, 40], 0, true);
  });

  it('lists the newest events first, says how many more, and loads them in order', async () => {
    const found = await server.store.searchEntities({ q: 'Soleimani', limit: 10, offset: 0 }, SCOPE);
    const entity = found.items.sort((a, b) => b.documentCount - a.documentCount)[0]!;
    // The expected order from every event read whole (not from the page's code).
    const events = (await server.store.listEvents(SCOPE)).filter((e) => e.participants.includes(entity.id) || e.place === entity.id);
    assert.ok(events.length > ENTITY_EVENTS, `more events than the page lists (${events.length})`);
    const expected = events.map((e) => e.date).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));

    await page.goto(`${server.baseUrl}/entities/${entity.id}`);
    const list = page.locator('.entity-events');
    await list.waitFor();
    const dates = async (): Promise<string[]> => list.locator('li .rel-head .muted:first-of-type').allInnerTexts();
    assert.equal((await page.locator('#events-h').textContent())?.trim(), `Events (${events.length})`);
    assert.deepEqual(await dates(), expected.slice(0, ENTITY_EVENTS), 'the newest first');
    const rest = events.length - ENTITY_EVENTS;
    const more = page.getByRole('button', { name: `${rest} more ${rest === 1 ? 'event' : 'events'}` });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-events-capped');
    await more.click();
    await page.waitForFunction(([n]) => document.querySelectorAll('.entity-events > li').length === n, [events.length] as const);
    assert.deepEqual(await dates(), expected, 'every event, in the same order');
    assert.equal(await more.count(), 0, 'the button goes once every event is listed');
    assert.match(await page.locator('.entity-events > li').last().innerText(), /with Iraq|in Baghdad|meeting/u);
    assert.deepEqual(watch.errors, []);
  });

  it('lists the strongest relations of a hub, says how many more, and loads the next ones', async () => {
    const total = 80;
    const relations = page.locator('section[aria-labelledby="relations-h"]');
    const listed = async (): Promise<string[]> => relations.locator('li.rel .rel-head a.entity-name').allInnerTexts();
    await page.goto(`${server.baseUrl}/entities/${hub.hub}`);
    await relations.locator('li.rel').first().waitFor();
    const first = await listed();
    assert.equal(first.length, ENTITY_RELATIONS);
    // The strongest: every payee with support in three and in two documents, the rest of the page from the weakest.
    assert.equal(first.filter((n) => /^payee [01] /u.test(n)).length, 40);
    assert.match(await relations.locator('.side-note').innerText(), new RegExp(`Showing the ${ENTITY_RELATIONS} strongest of ${total} relations`, 'u'));
    assert.equal((await page.locator('#relations-h').textContent())?.trim(), `Relations (${ENTITY_RELATIONS} of ${total})`);
    const rest = total - ENTITY_RELATIONS;
    const more = page.getByRole('button', { name: `${rest} more relations` });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-relations-capped');
    await more.click();
    await page.waitForFunction(([n]) => document.querySelectorAll('section[aria-labelledby="relations-h"] li.rel').length === n, [total] as const);
    const all = await listed();
    assert.equal(new Set(all).size, total, 'each relation once');
    assert.ok(all.every((n) => /^payee [012] \d+$/u.test(n)), 'the denied-only neighbour is no relation');
    assert.equal(await more.count(), 0, 'the button goes once every relation is listed');
    assert.equal(await relations.locator('.side-note').count(), 0, 'no "showing N of M" once all are listed');
    assert.equal((await page.locator('#relations-h').textContent())?.trim(), `Relations (${total})`);
    assert.deepEqual(watch.errors, []);
  });
});
