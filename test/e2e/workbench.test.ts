/** The workbench in Chromium on the sample cables with every stage run: reader facts, entity pages, entities, network, timeline. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, sampleCableId, screenshot, skipReason, startServer, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP workbench e2e: ${skip}`);

describe('workbench in Chromium', { skip: skip ?? false }, () => {
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

  const url = (path: string): string => `${server.baseUrl}${path}`;
  const span = (): string | null => new URL(page.url()).searchParams.get('at');

  it('searches for a name, opens a document and goes from a highlighted mention to its entity page', async () => {
    await page.goto(url('/search'));
    await page.locator('#search-input').fill('Soleimani');
    await page.keyboard.press('Enter');
    await page.locator('a.result', { hasText: 'Leaked Spy Cables' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?q=Soleimani/);
    const mention = page.locator('.doc-text a.mention-link', { hasText: 'Qassem Soleimani' }).first();
    await mention.waitFor();
    await mention.click();
    await page.waitForURL(/\/entities\/ent_[0-9a-f]{16}$/);
    await page.getByRole('heading', { level: 1, name: 'Qassem Soleimani' }).waitFor();
    await page.locator('.rel-group h3', { hasText: 'holds a post in' }).first().waitFor();
    assert.ok((await page.locator('.rel .evidence').count()) > 0, 'every relation shows its sentences');
    assert.match(await page.locator('.rel .rel-stats').first().innerText(), /independent source/);
    assert.ok((await page.locator('.members tbody tr').count()) >= 1, 'the merged candidates are listed with their reasons');
    await screenshot(page, 'entity');
  });

  it('opens the reader at a relation\'s evidence sentence from the entity page', async () => {
    const evidence = page.locator('.rel .evidence').first();
    const sentence = await evidence.innerText();
    await evidence.click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?at=\d+-\d+$/);
    await page.locator('.doc-text .target').first().waitFor();
    const target = (await page.locator('.doc-text .target').allInnerTexts()).join('');
    assert.equal(target.replace(/\s+/g, ' '), sentence.replace(/\s+/g, ' '), 'the outlined span is the evidence sentence');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Qassem Soleimani' }).waitFor();
  });

  it('lists the document\'s relations, events and claims beside the text and jumps to each one\'s sentence', async () => {
    await page.goto(url(`/documents/${await sampleCableId(server)}`));
    const fact = page.locator('.doc-facts .fact').nth(1);
    await fact.waitFor();
    const before = span();
    await fact.click();
    await page.waitForURL(() => span() !== before);
    assert.equal(await fact.getAttribute('aria-current'), 'location');
    const box = await page.locator('.doc-text .target').first().boundingBox();
    assert.ok(box && box.y > 44 && box.y < 800, 'the evidence is scrolled into view');
    assert.ok(await page.locator('.reader-side').isVisible(), 'the panel stays beside the text');
    await screenshot(page, 'reader-facts');
  });

  it('filters the entity table by name and type', async () => {
    await page.goto(url('/entities'));
    await page.locator('table.table tbody tr').first().waitFor();
    await page.locator('#entity-filter').fill('soleimani');
    await page.waitForURL(/q=soleimani/);
    await page.locator('table.table tbody tr', { hasText: 'Qassem Soleimani' }).waitFor();
    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL(/type=ORG/);
    await page.getByRole('heading', { name: 'No entity matches' }).waitFor();
    await page.goto(url('/entities?type=PERSON'));
    await page.locator('table.table tbody tr').first().waitFor();
    await screenshot(page, 'entities');
  });

  it('made no request outside its own origin and threw no errors', () => {
    assert.deepEqual(watch.outsideRequests, []);
    assert.deepEqual(watch.errors, []);
  });
});
