/**
 * Curation in Chromium, what issue 12 had left: merges in the review queue (reject by keyboard takes the two names
 * apart, undo joins them again).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { launchBrowser, openPage, screenshot, skipReason, startServer, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP curation e2e: ${skip}`);

describe('curation gaps in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ page, watch } = await openPage(browser, server.baseUrl));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reviews merges: each shows where both names appear; r takes them apart with the reason typed, u joins them again', async () => {
    await page.goto(`${server.baseUrl}/review?kind=merge`);
    await page.locator('.review-item').first().waitFor();
    assert.equal(await page.locator('.review-detail .review-context').count(), 2, 'both names in their documents');
    const marks = await page.locator('.review-detail .review-context mark').allInnerTexts();
    const head = await page.locator('.review-item[aria-selected="true"] .review-head').innerText();
    const records = await server.store.reviews.merges.records(ALL_COLLECTIONS);
    assert.equal(records.length, 0);
    await page.locator('.review-reason').fill('two different units');
    await page.locator('.review-list').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    const [record] = await server.store.reviews.merges.records(ALL_COLLECTIONS);
    assert.ok(record, 'the rejection is recorded');
    assert.equal(record.reason, 'two different units');
    const fact = record.snapshot.fact as unknown as { a: string; b: string };
    const apart = async () => {
      const m = await server.store.resolution.entityOfKeys('iran-cables', [fact.a, fact.b]);
      return m.get(fact.a) !== m.get(fact.b);
    };
    assert.equal(await apart(), true, 'the two names are two entities now');
    assert.ok(marks.length === 2 && marks.every((m) => m.length > 0), `names marked: ${marks.join(' / ')} (${head})`);
    await page.goto(`${server.baseUrl}/review?kind=merge&state=rejected`);
    await page.locator('.review-item').first().waitFor();
    assert.match(await page.locator('.review-detail').innerText(), /rejected.*two different units/su);
    await screenshot(page, 'review-merge-rejected');
    await page.keyboard.press('u');
    await page.getByRole('status').filter({ hasText: 'Undone' }).waitFor();
    assert.equal(await apart(), false, 'undo joins them again');
    assert.deepEqual(watch.errors, []);
  });
});
