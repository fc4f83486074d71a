/** The web app in headless Chromium against the real server: search, the reader, hostile text, query errors, empty scenes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ENTITY_STYLES } from '../../web/theme/entity-colors.js';
import { browserSuite, HOSTILE_PAYLOADS, openPage, sampleCableId, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

/** "#1d4ed8" -> "rgb(29, 78, 216)", as getComputedStyle reports colours. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

const skip = skipReason();
if (skip) console.log(`# SKIP web e2e: ${skip}`);

describe('web app in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, browser, page, watch } = suite);
  });

  const url = (path: string): string => `${server.baseUrl}${path}`;
  const pathAndQuery = (): string => {
    const u = new URL(page.url());
    return decodeURIComponent(u.pathname + u.search);
  };

  it('shows the collection before the first query', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { name: /^Search \d+ documents$/ }).waitFor();
    await screenshot(page, 'search-landing');
  });

  it('searches from the keyboard and marks the hits in the snippets', async () => {
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', '"/" focuses the search box');
    await page.keyboard.type('Soleimani');
    await page.keyboard.press('Enter');
    await page.locator('a.result').first().waitFor();
    assert.equal(pathAndQuery(), '/search?q=Soleimani');
    assert.match(await page.locator('.results-header .total').innerText(), /^\d+ documents? match$/);
    const marks = await page.locator('.snippet mark').allInnerTexts();
    assert.ok(marks.length > 0, 'snippets have highlighted parts');
    for (const mark of marks) assert.match(mark, /^soleimani$/i);
    await screenshot(page, 'search-results');
  });

  it('filters by a facet, and the back button undoes it', async () => {
    const facet = page.locator('section.facet', { has: page.getByRole('heading', { name: 'Collection' }) }).getByRole('button', { name: /iran-cables/ });
    await facet.click();
    await page.waitForURL(/collection=iran-cables/);
    await page.locator('.chip', { hasText: 'collection: iran-cables' }).waitFor();
    assert.equal(await facet.getAttribute('aria-pressed'), 'true');
    await screenshot(page, 'search-filtered');
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('collection='));
    assert.equal(await page.locator('#search-input').inputValue(), 'Soleimani');
    await page.locator('.chip').waitFor({ state: 'detached' });
  });

  it('opens a result with the keyboard and shows its text with the hit in view', async () => {
    await page.locator('#search-input').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('result')), true, 'ArrowDown moves into the results');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/documents\/[^/?]+\?q=Soleimani&at=\d+-\d+/);
    await page.locator('.doc-text p').first().waitFor();
    const paragraphs = page.locator('.doc-text p');
    assert.ok((await paragraphs.count()) > 3, 'the text is split into paragraphs');
    assert.equal(await paragraphs.first().getAttribute('dir'), 'auto');
    const target = page.locator('.doc-text .target').first();
    assert.match(await target.innerText(), /^soleimani$/i, 'the ?at= span is the hit the result showed');
    assert.ok(await target.isVisible());
    const box = await target.boundingBox();
    assert.ok(box && box.y > 44 && box.y < 800, 'the span is scrolled into view');
    assert.ok((await page.locator('.doc-text mark.hit').count()) > 1, 'every occurrence of the search term is highlighted');
    await page.locator('.reader-side .sha').waitFor();
    assert.match(await page.locator('.reader-side .sha').innerText(), /^[0-9a-f]{64}$/);
    await screenshot(page, 'reader');
    const count = page.locator('.hit-count');
    const before = await count.innerText();
    assert.match(before, /^Hit \d+ of \d+$/);
    const atBefore = new URL(page.url()).searchParams.get('at');
    await page.keyboard.press('n');
    await page.waitForURL((u) => u.searchParams.get('at') !== atBefore);
    assert.notEqual(await count.innerText(), before, 'n moves to the next hit');
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.pathname === '/search');
    assert.equal(pathAndQuery(), '/search?q=Soleimani');
  });

  it('returns from the reader to the results where the reader left them', async () => {
    await page.setViewportSize({ width: 1280, height: 420 });
    try {
      await page.goto(url('/search?q=Iran OR Iraq OR wirechild'));
      const last = page.locator('a.result').last();
      await last.waitFor();
      await last.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 100, 'the list is long enough to scroll');
      await last.click();
      await page.locator('.doc-text p').first().waitFor();
      await page.keyboard.press('Escape');
      await page.waitForURL((u) => u.pathname === '/search');
      await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, scrolled);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('shows hostile markup in a document as literal text and runs none of it', async () => {
    await page.goto(url('/search?q=hostilemarkup'));
    await page.locator('a.result').first().waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    await page.locator('a.result').first().click();
    await page.locator('.doc-text p').first().waitFor();
    const text = await page.locator('.doc-text').innerText();
    for (const payload of HOSTILE_PAYLOADS) assert.ok(text.includes(payload), `shown literally: ${payload}`);
    assert.equal(await page.locator('.doc-text script, .doc-text img, main img').count(), 0, 'no element was created from the text');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'nothing executed');
    await screenshot(page, 'reader-hostile');
  });

  it('renders right-to-left paragraphs right-to-left', async () => {
    await page.goto(url('/search?q=سلیمانی'));
    await page.locator('a.result').first().click();
    const paragraph = page.locator('.doc-text p').nth(1);
    await paragraph.waitFor();
    assert.equal(await paragraph.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    await screenshot(page, 'reader-persian');
  });

  it('links a contained document to its container and back, with untrusted URLs left as text', async () => {
    await page.goto(url('/search?q=wirechild'));
    await page.locator('a.result', { hasText: 'Quds Force commander' }).click();
    await page.locator('.doc-text p').first().waitFor();
    const urlField = page.locator('.reader-side dd', { hasText: 'javascript:window.__pwned=1' });
    await urlField.waitFor();
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'a metadata URL never becomes a link');
    const parent = page.locator('.reader-side dt:text-is("Inside") + dd a');
    await parent.waitFor();
    await page.waitForFunction(() => !document.querySelector('.reader-side dt + dd a')?.textContent?.includes('Loading'));
    await screenshot(page, 'reader-child');
    await parent.click();
    await page.getByRole('heading', { name: 'Contains (2)' }).waitFor();
    assert.equal(await page.locator('.reader-side .side-list a').count(), 2);
    await screenshot(page, 'reader-container');
  });

  it('explains a query syntax error next to the box', async () => {
    await page.goto(url('/search'));
    await page.locator('#search-input').fill('"Quds Force');
    await page.keyboard.press('Enter');
    const error = page.locator('#query-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Unbalanced quote/);
    assert.equal(await page.locator('#search-input').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('a.result').count(), 0);
    await screenshot(page, 'search-bad-query');
  });

  it('lists the documents', async () => {
    await page.goto(url('/documents'));
    await page.locator('table.table tbody tr').first().waitFor();
    const stats = await (await fetch(url('/api/stats'))).json() as { documents: number };
    // The first table lists the documents (the outlets' table follows it).
    assert.equal(await page.locator('table.table').first().locator('tbody tr').count(), stats.documents);
    await screenshot(page, 'documents');
  });

  it('answers a missing document with a designed state', async () => {
    await page.goto(url('/documents/ffffffffffffffff'));
    await page.getByRole('heading', { name: 'Document not found' }).waitFor();
    await screenshot(page, 'reader-not-found');
    await page.goto(url('/documents/not-an-id'));
    await page.getByRole('heading', { name: 'Document not found' }).waitFor();
  });

  it('colours mentions by type, with the type on hover, and toggles them', async () => {
    const id = await sampleCableId(server);
    await page.goto(url(`/documents/${id}`));
    const person = page.locator('.doc-text .mention.t-PERSON', { hasText: 'Qassem Soleimani' }).first();
    await person.waitFor();
    assert.equal(await person.getAttribute('title'), 'Person: Qassem Soleimani');
    for (const type of ['PERSON', 'ORG', 'LOC', 'MISC'] as const) {
      const mention = page.locator(`.doc-text .mention.t-${type}`).first();
      const colours = await mention.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderBottomColor]);
      assert.deepEqual(colours, [rgb(ENTITY_STYLES[type].tint), rgb(ENTITY_STYLES[type].color)], `${type} uses the palette`);
    }
    const name = page.locator('.name-list[aria-label="Organisation"] button').first();
    const written = await name.locator('span[dir]').innerText();
    await name.click();
    await page.waitForURL(/at=\d+-\d+/);
    assert.equal(await page.locator('.doc-text .target').first().innerText(), written, 'a name in the index jumps to its mention');
    await screenshot(page, 'reader-mentions');
    await page.getByRole('checkbox', { name: /Person/ }).uncheck();
    assert.equal(await page.locator('.doc-text .mention.t-PERSON').count(), 0, 'unticking a type hides its highlights');
    assert.ok((await page.locator('.doc-text .mention.t-ORG').count()) > 0);
  });

  it('comes with the security headers and cannot be framed by another page', async () => {
    const res = await page.goto(url('/'));
    const headers = res!.headers();
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(headers['x-frame-options'], 'DENY');
    const framer = await browser.newPage();
    try {
      await framer.setContent(`<iframe src="${url('/')}" width="600" height="400"></iframe>`);
      await framer.waitForTimeout(1500);
      const frame = framer.frames().find((f) => f !== framer.mainFrame());
      assert.ok(frame, 'the iframe exists');
      assert.ok(!frame.url().startsWith(server.baseUrl) || (await frame.locator('#root').count()) === 0, `the workbench did not load in the frame (${frame.url()})`);
    } finally {
      await framer.close();
    }
  });

  it('renders the API docs under their policy', async () => {
    const { page: docs, watch: docsWatch } = await openPage(browser, server.baseUrl);
    try {
      await docs.goto(url('/api/docs'));
      await docs.locator('.swagger-ui .info .title', { hasText: 'Cablegraph API' }).waitFor();
      assert.ok((await docs.locator('.opblock').count()) > 5, 'the operations are listed');
      assert.deepEqual(docsWatch.errors, []);
    } finally {
      await docs.close();
    }
  });

  it('made no request outside its own origin and threw no errors', () => {
    assert.deepEqual(watch.outsideRequests, []);
    assert.deepEqual(watch.errors, []);
  });
});
