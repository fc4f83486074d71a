/** The entity page in Chromium: a relation shows its first evidence sentences and "N more", which reads the rest on request. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { RELATION_EVIDENCE } from '../../src/model/index.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { browserSuite, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { MEETINGS_FIXTURE } from '../helpers.js';

const skip = skipReason();
if (skip) console.log(`# SKIP entity evidence e2e: ${skip}`);

describe('entity page evidence in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;

  // A relation with more evidence than the page shows, whatever the sample articles yield.
  browserSuite(
    (suite) => {
      ({ server, page, watch } = suite);
    },
    async (s) => {
      await ingestPaths([MEETINGS_FIXTURE], { store: s.store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
    },
  );

  it('shows a few sentences of a relation and "N more", and loads the rest when asked', async () => {
    const richest = (await server.store.listRelations(ALL_COLLECTIONS)).sort((a, b) => b.evidence.length - a.evidence.length)[0]!;
    const total = richest.evidence.length;
    assert.ok(total > RELATION_EVIDENCE, `a relation with more than ${RELATION_EVIDENCE} sentences (${total})`);
    await page.goto(`${server.baseUrl}/entities/${richest.source}`);
    const item = page.locator(`.rel[data-relation="${richest.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('.evidence').count(), RELATION_EVIDENCE);
    const more = item.getByRole('button', { name: `${total - RELATION_EVIDENCE} more` });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-evidence-capped');
    await more.click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(`${sel} .evidence`).length === n, [`.rel[data-relation="${richest.id}"]`, total] as const);
    assert.equal(await more.count(), 0, 'the button goes once every sentence is listed');
    const texts = await item.locator('.evidence').allInnerTexts();
    assert.deepEqual(texts.map((t) => t.replace(/\s+/g, ' ').trim()), richest.evidence.map((e) => e.text.replace(/\s+/g, ' ').trim()), 'every sentence, in order');
    await screenshot(page, 'entity-evidence-all');
    assert.deepEqual(watch.errors, []);
  });
});
