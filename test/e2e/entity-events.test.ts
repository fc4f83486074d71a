/**
 * The entity page in Chromium: an entity in more events than the page lists shows the newest first with the count of
 * all, and "N more events", which reads the rest on request in the same order (undated last).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ENTITY_EVENTS } from '../../src/model/index.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';
import { browserSuite, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

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

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  }, async (started) => {
    const dir = tempDir('cablegraph-e2e-meetings-');
    writeFileSync(join(dir, 'meetings.jsonl'), wireItems(ENTITY_EVENTS + 12));
    await ingestPaths([dir], { store: started.store, collection: COLLECTION, stages: defaultStages(), finish: finishIngest });
  });

  it('lists the newest events first, says how many more, and loads them in order', async () => {
    const found = await server.store.searchEntities({ q: 'Soleimani', limit: 10, offset: 0 }, SCOPE);
    const entity = found.items.sort((a, b) => b.documentIds.length - a.documentIds.length)[0]!;
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
});
