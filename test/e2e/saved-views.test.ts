/**
 * Saved views in Chromium: save the network's filters and selection under a name, open the view again (filters and
 * selection restored), then open its HTML dossier with every request blocked except the page itself, and look at it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, screenshot, SCREENSHOTS, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP saved views e2e: ${skip}`);

describe('saved views in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, browser, page, watch } = suite);
  });

  it('saves a view in the network scene, restores it, and opens its dossier offline', async () => {
    const { nodes } = (await server.app.inject({ method: 'GET', url: '/api/graph?minConfidence=0.3' })).json() as { nodes: { id: string }[] };
    assert.ok(nodes.length > 0, 'the sample network has nodes');
    const node = nodes[0]!.id;
    await page.goto(`${server.baseUrl}/network?conf=0.3&node=${node}`);
    await page.locator('.network-head').getByText(/entities ·/u).waitFor();
    await page.locator('.saved-views summary').click();
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('Story <draft> one');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.saved-view-list li', { hasText: 'Story <draft> one' }).waitFor();
    await screenshot(page, 'network-saved-view');
    const [view] = await server.store.views.listViews();
    assert.ok(view, 'the view is stored');
    assert.deepEqual([view.name, view.query.minConfidence, view.selected], ['Story <draft> one', 0.3, [node]]);

    // Back to the default network, then open the view: its filters and selection come back in the URL.
    await page.goto(`${server.baseUrl}/network`);
    await page.locator('.saved-views summary').click();
    await page.locator('.saved-view-list li', { hasText: 'Story <draft> one' }).getByRole('button').click();
    await page.waitForURL((url) => url.searchParams.get('conf') === '0.3' && url.searchParams.get('node') === node);
    const dossier = await page.locator('.saved-view-list a', { hasText: 'Dossier (HTML)' }).getAttribute('href');
    assert.equal(dossier, `/api/views/${view.id}/dossier?format=html`);
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.outsideRequests, []);

    // The dossier in a fresh page that lets through nothing but the page itself.
    const offline = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const url = `${server.baseUrl}${dossier}`;
    const blocked: string[] = [];
    await offline.route('**/*', (route) => (route.request().url() === url ? route.continue() : (blocked.push(route.request().url()), route.abort())));
    const response = await offline.goto(url);
    assert.equal(response?.status(), 200);
    await offline.locator('h1', { hasText: 'Dossier: Story <draft> one' }).waitFor();
    const edges = await offline.locator('section.edge').count();
    assert.ok(edges > 0, 'the dossier lists edges');
    assert.ok(await offline.locator('section.edge blockquote').count() >= edges, 'each edge cites a sentence');
    // Its inline style applies (the page's policy allows inline style and nothing else).
    assert.equal(await offline.locator('section.edge blockquote').first().evaluate((el) => getComputedStyle(el).borderLeftStyle), 'solid');
    await offline.screenshot({ path: join(SCREENSHOTS, 'dossier-offline.png') });
    assert.deepEqual(blocked, [], 'the dossier asked for nothing outside itself');
    assert.equal(await offline.evaluate(() => document.scripts.length), 0);
    await offline.close();
  });
});
