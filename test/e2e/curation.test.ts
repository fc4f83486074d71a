/**
 * Curation in Chromium: an entity added from a selection in the reader, a selection attached to a relation as evidence
 * (shown with who and when on the entity page), and events reviewed by keyboard in the review scene (highest priority first).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { browserSuite, sampleCableId, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP curation e2e: ${skip}`);

/** Selects [start, end) of the document text in the reader as a mouse would (plain JS: it runs in the page). */
async function select(page: Page, start: number, end: number): Promise<void> {
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
    range.setStart(...locate(${start}));
    range.setEnd(...locate(${end}));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    document.querySelector('.doc-text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  })()`);
}

describe('curation in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  });

  it('select text -> add entity: the span becomes an analyst mention of a resolved entity', async () => {
    const id = await sampleCableId(server);
    const doc = (await server.store.getDocument(id, ALL_COLLECTIONS))!;
    const mentions = await server.store.listMentions(id, ALL_COLLECTIONS);
    // A capitalised word no mention covers, found in the text rather than written into the test.
    const free = [...doc.text.matchAll(/\b[A-Z][a-z]{5,}\b/gu)].find((m) => !mentions.some((x) => x.start < m.index + m[0].length && m.index < x.end));
    assert.ok(free, 'a word without a mention');
    await page.goto(`${server.baseUrl}/documents/${id}`);
    await page.locator('.doc-text p[data-start]').first().waitFor();
    await select(page, free.index, free.index + free[0].length);
    await page.getByRole('button', { name: 'Add entity…' }).click();
    assert.equal(await page.getByLabel('Entity name').inputValue(), free[0], 'the name is the selected text');
    await page.getByLabel('Entity type').selectOption('ORG');
    await screenshot(page, 'add-entity');
    await page.getByRole('button', { name: 'Add entity', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Entity added' }).waitFor();
    const made = (await server.store.listMentions(id, ALL_COLLECTIONS)).find((m) => m.stage === 'analyst');
    assert.deepEqual([made?.start, made?.end, made?.type], [free.index, free.index + free[0].length, 'ORG']);
    await page.getByRole('link', { name: 'Open the entity' }).click();
    await page.waitForURL(new RegExp(`/entities/${made!.entityId}$`, 'u'));
    await page.locator('h1', { hasText: free[0] }).waitFor();
    assert.deepEqual(watch.errors, []);
  });

  it('select text -> attach to relation: the sentence shows among its evidence with who and when', async () => {
    const id = await sampleCableId(server);
    const detail = await (await fetch(`${server.baseUrl}/api/documents/${id}`)).json() as { text: string; sentences: { start: number; end: number }[]; relations: { id: string; source: string; evidence: { start: number }[] }[] };
    const rel = detail.relations[0]!;
    const sentence = detail.sentences.find((s) => !rel.evidence.some((e) => e.start === s.start) && s.end - s.start > 40)!;
    await page.goto(`${server.baseUrl}/documents/${id}`);
    await page.locator('.doc-text p[data-start]').first().waitFor();
    const before = (await server.store.listRelations(ALL_COLLECTIONS)).find((r) => r.id === rel.id);
    await select(page, sentence.start, sentence.end);
    await page.getByRole('button', { name: 'Attach to relation…' }).click();
    await page.getByLabel('Relation', { exact: true }).selectOption(rel.id);
    await screenshot(page, 'attach-evidence');
    await page.getByRole('button', { name: 'Attach as evidence' }).click();
    await page.getByRole('status').filter({ hasText: 'Attached as evidence' }).waitFor();
    const after = (await server.store.listRelations(ALL_COLLECTIONS)).find((r) => r.id === rel.id);
    const added = after?.evidence.find((e) => e.start === sentence.start && e.documentId === id);
    assert.ok(added?.analyst, 'stored as analyst evidence of that relation');
    await page.getByRole('link', { name: 'Open the entity and its relations' }).click();
    await page.waitForURL(new RegExp(`/entities/${rel.source}$`, 'u'));
    await page.locator('.analyst-cite').first().waitFor();
    await page.locator('.analyst-cite').first().scrollIntoViewIfNeeded();
    // The relation stays the extraction's (its confidence, no "added by hand"); the sentence is cited as the analyst's.
    const row = page.locator(`li.rel[data-relation="${rel.id}"]`);
    const stats = await row.locator('.rel-stats').innerText();
    assert.doesNotMatch(stats, /added by hand/u, stats);
    assert.deepEqual([after?.confidence, after?.stage, after?.review], [before?.confidence, before?.stage, before?.review]);
    assert.match(await row.locator('.analyst-cite').innerText(), /cited by hand/u);
    await screenshot(page, 'analyst-evidence');
    assert.deepEqual(watch.errors, []);
  });

  it('events in the review scene: r rejects the selected one, which leaves the timeline reads', async () => {
    await page.goto(`${server.baseUrl}/review?kind=event`);
    await page.locator('.review-item').first().waitFor();
    // Listed as the queue orders them (highest priority first), the selected one's priority shown.
    const queue = (await (await fetch(`${server.baseUrl}/api/review?kind=event&limit=50`)).json()) as { items: { summary: string; priority: number }[] };
    assert.ok(queue.items.length > 1);
    assert.deepEqual((await page.locator('.review-item bdi').allInnerTexts()).slice(0, 5), queue.items.slice(0, 5).map((x) => x.summary));
    assert.equal(await page.locator('.review-detail .review-priority').innerText(), `priority ${queue.items[0]!.priority.toFixed(2)}`);
    const before = (await server.store.listEvents(ALL_COLLECTIONS)).length;
    await page.keyboard.press('r');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    assert.equal((await server.store.listEvents(ALL_COLLECTIONS)).length, before - 1);
    await page.getByLabel('Kind of proposal').selectOption('claim');
    await page.waitForURL(/kind=claim/u);
    await page.locator('.review-item').first().waitFor();
    await screenshot(page, 'review-claims');
    assert.deepEqual(watch.errors, []);
  });
});
