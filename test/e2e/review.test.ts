/** Review in Chromium: the queue by keyboard (j, a, r, u, o), and a relation added from a selection in the reader. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { browserSuite, sampleCableId, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP review e2e: ${skip}`);

describe('review in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  });

  const selectedHead = () => page.locator('.review-item[aria-selected="true"] .review-head').innerText();

  it('reviews by keyboard: j moves, a accepts, r rejects with the reason typed, u undoes, o opens the reader at the span', async () => {
    await page.goto(`${server.baseUrl}/review`);
    await page.locator('.review-item').first().waitFor();
    const count = async () => Number(/^(\d+)/u.exec(await page.locator('.scene-header .muted').first().innerText())?.[1]);
    const total = await count();
    const first = await selectedHead();
    await page.keyboard.press('j');
    const second = await selectedHead();
    assert.notEqual(second, first, 'j selects the next proposal');
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();
    await page.locator('.scene-header .muted', { hasText: `${total - 1} proposals` }).waitFor();
    assert.ok(!(await page.locator('.review-item .review-head').allInnerTexts()).includes(second), 'accepted: out of the unreviewed queue');
    await page.keyboard.press('k');
    await page.locator('.review-reason').fill('the sentence says no such thing');
    await page.locator('.review-list').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    const rejected = await server.store.reviews.proposals(ALL_COLLECTIONS, { withRejected: true });
    const record = rejected.find((p) => p.rejected);
    assert.ok(record, 'the rejection is recorded');
    const history = await server.store.reviews.records(record.documentId);
    assert.equal(history.find((r) => r.verdict === 'rejected')?.reason, 'the sentence says no such thing');
    await page.goto(`${server.baseUrl}/review?state=rejected`);
    await page.locator('.review-item').first().waitFor();
    await screenshot(page, 'review-rejected');
    await page.keyboard.press('u');
    await page.getByRole('status').filter({ hasText: 'Undone' }).waitFor();
    await page.getByText('Nothing to review').waitFor();
    await page.goto(`${server.baseUrl}/review`);
    await page.locator('.review-item').first().waitFor();
    await screenshot(page, 'review');
    await page.keyboard.press('o');
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?at=\d+-\d+$/u);
    await page.locator('.doc-text [data-target]').first().waitFor();
    assert.deepEqual(watch.errors, []);
  });

  it('adds a relation from a selection in the reader, citing it; it shows in the network as reviewed', async () => {
    const id = await sampleCableId(server);
    const doc = await server.store.getDocument(id, ALL_COLLECTIONS);
    const s = doc!.text.indexOf('Soleimani is known to have traveled to Baghdad');
    assert.ok(s >= 0);
    const e = doc!.text.indexOf('.', s) + 1;
    await page.goto(`${server.baseUrl}/documents/${id}`);
    await page.locator('.doc-text p[data-start]').first().waitFor();
    // Select the sentence as a mouse would: a DOM range over the rendered text (plain JS: the test's transpiler adds helpers
    // that do not exist in the page).
    await page.evaluate(`(() => {
      const paragraphs = [...document.querySelectorAll('.doc-text p[data-start]')];
      const locate = (offset) => {
        const p = paragraphs.filter((x) => Number(x.getAttribute('data-start')) <= offset).pop();
        let count = Number(p.getAttribute('data-start'));
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          if (count + t.textContent.length >= offset) return [t, offset - count];
          count += t.textContent.length;
        }
        throw new Error('offset outside the text');
      };
      const range = document.createRange();
      range.setStart(...locate(${s}));
      range.setEnd(...locate(${e}));
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      document.querySelector('.doc-text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    })()`);
    await page.getByRole('button', { name: 'Add relation…' }).click();
    const quote = await page.locator('.add-relation blockquote').innerText();
    assert.equal(quote, doc!.text.slice(s, e));
    await page.getByLabel('Relation type').selectOption('located_in');
    const from = await page.getByLabel('Source entity').inputValue();
    const to = await page.getByLabel('Target entity').inputValue();
    assert.ok(from && to && from !== to, 'the two names inside the selection are preselected');
    await screenshot(page, 'add-relation');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Relation added' }).waitFor();
    const made = (await server.store.listRelations(ALL_COLLECTIONS)).find((r) => r.stage === 'analyst');
    assert.ok(made);
    assert.deepEqual([made.type, made.evidence[0]?.start, made.evidence[0]?.end], ['located_in', s, e]);
    const graph = await (await fetch(`${server.baseUrl}/api/graph?minConfidence=0&reviewedOnly=true`)).json() as { edges: { type: string; review: string }[] };
    assert.ok(graph.edges.some((x) => x.type === 'located_in' && x.review === 'accepted'));
    assert.deepEqual(watch.errors, []);
  });
});
