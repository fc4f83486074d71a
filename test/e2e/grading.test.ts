/** Curation in Chromium: grade a document in the reader and see the grade beside its evidence on an entity page; write a note on the entity. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { browserSuite, sampleCableId, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP curation e2e: ${skip}`);

describe('curation in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  });

  it('grades a document in the reader; the entity page shows the grade beside the evidence from it; a note is added on the entity', async () => {
    const id = await sampleCableId(server);
    await page.goto(`${server.baseUrl}/documents/${id}`);
    await page.locator('.grade-box').getByText('Not graded.').waitFor();
    await page.getByLabel('Source reliability').selectOption('A');
    await page.getByLabel('Information credibility').selectOption('2');
    await page.locator('.grade-box').getByRole('button', { name: 'Grade' }).click();
    await page.locator('.grade-box .grade-badge[data-grade="A2"]').waitFor();
    await page.locator('.grade-box').getByText('set on this document').waitFor();
    await screenshot(page, 'reader-grade');
    const [grading] = await server.store.curation.documentGradings([id]);
    assert.deepEqual([grading?.own?.reliability, grading?.own?.credibility], ['A', 2]);

    // An entity with a relation cited from this document: its evidence sentence carries the badge.
    const rel = (await server.store.listRelations(ALL_COLLECTIONS))
      .filter((r) => r.evidence.some((e) => e.documentId === id))
      .sort((a, b) => b.confidence - a.confidence)[0];
    assert.ok(rel, 'the sample cable has a relation');
    const sentence = rel.evidence.find((e) => e.documentId === id)!.text;
    await page.goto(`${server.baseUrl}/entities/${rel.source}?low=1`);
    const item = page.locator('.evidence-list li', { hasText: sentence.slice(0, 40) }).first();
    await item.locator('.grade-badge[data-grade="A2"]').waitFor();
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-grade');

    const text = 'Ask the desk whether a second source confirms this.';
    await page.getByLabel('New note').fill(text);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.notes-box .note', { hasText: text }).waitFor();
    await page.getByLabel('New tag').fill('follow up');
    await page.getByLabel('New tag').press('Enter');
    await page.locator('.notes-box .tag-chip', { hasText: 'follow-up' }).waitFor();
    await page.locator('.notes-box').scrollIntoViewIfNeeded();
    await screenshot(page, 'entity-note');
    // The network's edge panel: independent sources by grade, and the badge beside the sentence.
    await page.goto(`${server.baseUrl}/network?entity=${rel.source}&conf=0&src=0&grade=A2&edge=${rel.id}`);
    await page.locator('.edge-panel .corroboration .grade-badge[data-grade="A2"]').waitFor();
    await page.locator('.edge-panel .evidence-list .grade-badge[data-grade="A2"]').first().waitFor();
    await screenshot(page, 'edge-grade');
    const notes = await server.store.curation.listNotes('*', [{ kind: 'entity', id: rel.source }]);
    assert.deepEqual(notes.map((n) => n.text), [text]);
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.outsideRequests, []);
  });
});
