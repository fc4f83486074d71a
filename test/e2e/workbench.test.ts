/** The workbench in Chromium on the sample cables with every stage run: reader facts, entity pages, entities, network, timeline. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSuite, sampleCableId, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP workbench e2e: ${skip}`);

describe('workbench in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  });

  const url = (path: string): string => `${server.baseUrl}${path}`;
  const span = (): string | null => new URL(page.url()).searchParams.get('at');

  it('searches for a name, opens a document and goes from a highlighted mention to its entity page', async () => {
    await page.goto(url('/search'));
    await page.locator('#search-input').fill('Soleimani');
    await page.keyboard.press('Enter');
    await page.locator('a.result', { hasText: 'Leaked Spy Cables' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?q=Soleimani/);
    // The last one, far from the hit the reader opened at: coming back must return here, not to the hit.
    const mention = page.locator('.doc-text a.mention-link', { hasText: 'Soleimani' }).last();
    await mention.waitFor();
    await mention.scrollIntoViewIfNeeded();
    const readerY = await page.evaluate(() => window.scrollY);
    await mention.click();
    await page.waitForURL(/\/entities\/ent_[0-9a-f]{16}$/);
    await page.getByRole('heading', { level: 1, name: 'Qassem Soleimani' }).waitFor();
    assert.ok(readerY > 100, `the reader was scrolled (${readerY})`);
    await page.goBack();
    await page.locator('.doc-text a.mention-link').first().waitFor();
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, readerY);
    await page.goForward();
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

  it('hides low-confidence relations behind a toggle that lives in the URL', async () => {
    const entityUrl = new URL(page.url()).pathname;
    // The answer is edited on its way to the page: exactly one relation below the default threshold.
    await page.route('**/api/entities/ent_*', async (route) => {
      const response = await route.fetch();
      const body = await response.json() as { relations: { confidence: number }[] };
      for (const r of body.relations) r.confidence = 0.9;
      body.relations[0]!.confidence = 0.3;
      await route.fulfill({ response, json: body });
    });
    try {
      await page.goto(url(entityUrl));
      const toggle = page.getByRole('checkbox', { name: /Show 1 low-confidence relation/ });
      await toggle.waitFor();
      assert.equal(await page.locator('.rel.low').count(), 0, 'hidden by default');
      await toggle.check();
      await page.waitForURL(/\?low=1$/);
      await page.locator('.rel.low .low-badge', { hasText: 'low confidence 30%' }).waitFor();
    } finally {
      await page.unroute('**/api/entities/ent_*');
    }
  });

  it('lists a hub\'s first merged names with a note and reads the rest on request', async () => {
    const entityUrl = new URL(page.url()).pathname;
    // The answer is cut to one member on its way to the page, as the server caps a hub's; the rest come from the API.
    let total = 0;
    await page.route('**/api/entities/ent_*', async (route) => {
      const response = await route.fetch();
      const body = await response.json() as { members: { items: unknown[]; total: number }; entity: { members: string[] }; membersNote?: string };
      total = body.members.total;
      body.members.items = body.members.items.slice(0, 1);
      body.entity.members = body.entity.members.slice(0, 1);
      body.membersNote = `Showing 1 of ${total} merged names.`;
      await route.fulfill({ response, json: body });
    });
    try {
      await page.goto(url(entityUrl));
      const note = page.locator('.members-note');
      await note.getByText(/Showing 1 of \d+ merged names\./).waitFor();
      assert.ok(total > 1, 'the entity has several members');
      assert.equal(await page.locator('.members tbody tr').count(), 1);
      await note.scrollIntoViewIfNeeded();
      await screenshot(page, 'entity-members-capped');
      await note.getByRole('button', { name: 'Show more' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.members tbody tr').length === n, total);
      assert.equal(await note.count(), 0, 'the note goes once every name is listed');
      assert.ok((await page.locator('.members .reason').count()) >= 1, 'the names read later come with their reasons');
    } finally {
      await page.unroute('**/api/entities/ent_*');
    }
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
    const row = page.locator('table.table tbody tr', { hasText: 'Qassem Soleimani' }).first();
    await row.waitFor();
    // Mentions and documents, counted by the server (a list item carries counts, not every member and document id).
    const [mentions, documents] = (await row.locator('td.num').allInnerTexts()).map((t) => Number(t.replace(/\D/gu, '')));
    assert.ok(mentions! >= documents! && documents! >= 1, `mentions ${mentions}, documents ${documents}`);
    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL(/type=ORG/);
    await page.getByRole('heading', { name: 'No entity matches' }).waitFor();
    await page.goto(url('/entities?type=PERSON'));
    await page.locator('table.table tbody tr').first().waitFor();
    await screenshot(page, 'entities');
  });

  it('draws the network, opens an edge\'s evidence in the side panel and the document at its span', async () => {
    await page.goto(url('/network'));
    await page.locator('.network-canvas[data-rendered="true"]').waitFor();
    await page.getByText(/layout settled/).waitFor({ timeout: 20_000 });
    const head = await page.locator('.network-head').innerText();
    assert.match(head, /\d+ entities · \d+ relations/);
    await screenshot(page, 'network');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'This view (JSON)' }).click()]);
    const view = JSON.parse(readFileSync(await download.path(), 'utf8')) as { nodes: unknown[]; edges: unknown[] };
    assert.equal(`${view.nodes.length} entities · ${view.edges.length} relations`, /\d+ entities · \d+ relations/.exec(head)?.[0], 'the export is the view');
    const graph = await (await fetch(url('/api/graph'))).json() as { edges: { id: string }[] };
    assert.ok(graph.edges.length > 0, 'the sample cables have relations');
    // Clicks the middle of edges until one is hit (a midpoint can sit under a node or a crossing edge).
    let clicked = '';
    for (const edge of graph.edges) {
      const point = await page.evaluate((id) => window.__cablegraphNetwork?.edgePoint(id) ?? null, edge.id);
      if (!point) continue;
      await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(150);
      clicked = new URL(page.url()).searchParams.get('edge') ?? '';
      if (clicked) break;
      await page.keyboard.press('Escape');
      // Two clicks in quick succession are a double click, which zooms the canvas.
      await page.waitForTimeout(500);
    }
    assert.ok(clicked, 'an edge can be clicked on the canvas');
    const evidence = page.locator('.edge-panel .evidence').first();
    await evidence.waitFor();
    const sentence = await evidence.innerText();
    assert.ok(sentence.length > 10, 'the panel quotes the evidence sentence');
    await screenshot(page, 'network-edge');
    await evidence.click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?at=\d+-\d+$/);
    await page.locator('.doc-text .target').first().waitFor();
    const target = (await page.locator('.doc-text .target').allInnerTexts()).join('');
    assert.equal(target.replace(/\s+/g, ' '), sentence.replace(/\s+/g, ' '));
    await page.goBack();
    await page.locator('.edge-panel .evidence').first().waitFor();
  });

  it('finds a node, expands its neighbourhood and filters by confidence through the URL', async () => {
    await page.goto(url('/network'));
    await page.locator('.network-canvas[data-rendered="true"]').waitFor();
    await page.locator('#find-node').fill('Soleimani');
    await page.keyboard.press('Enter');
    await page.waitForURL(/node=ent_/);
    await page.getByRole('heading', { name: 'Qassem Soleimani' }).waitFor();
    assert.ok((await page.locator('.network-side .fact').count()) > 0, 'its relations are listed for the keyboard');
    const before = await page.locator('.network-head').innerText();
    await page.getByRole('button', { name: 'Expand neighbourhood' }).click();
    await page.waitForURL(/expand=ent_/);
    await page.getByRole('button', { name: 'Expanded' }).waitFor();
    await page.locator('.network-canvas[data-rendered="true"]').waitFor();
    assert.ok(Number(/(\d+) entities/.exec(await page.locator('.network-head').innerText())?.[1]) >= Number(/(\d+) entities/.exec(before)?.[1]));
    await page.locator('.network-side .fact').first().click();
    await page.waitForURL(/edge=rel_/);
    await page.locator('.edge-panel .evidence').first().waitFor();
    await page.goto(url('/network'));
    await page.locator('#centre-entity').fill('Qaani');
    await page.locator('#centre-entity-list [role="option"]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/entity=ent_[0-9a-f]{16}.*node=ent_/);
    await page.getByRole('heading', { name: 'Esmail Qaani' }).waitFor();
    await page.goto(url('/network?conf=0.9'));
    await page.locator('.network-head').getByText(/entities/).waitFor();
    const high = await (await fetch(url('/api/graph?minConfidence=0.9'))).json() as { nodes: unknown[] };
    if (high.nodes.length === 0) await page.getByRole('heading', { name: 'No relation passes these filters' }).waitFor();
    else await page.locator('.network-canvas[data-rendered="true"]').waitFor();
  });

  it('shows events on a time axis and reads an event\'s evidence', async () => {
    await page.goto(url('/timeline'));
    const rows = page.locator('button.event-row');
    await rows.first().waitFor();
    const timeline = await (await fetch(url('/api/timeline'))).json() as { events: { date: string }[] };
    assert.equal(await rows.count(), timeline.events.length);
    const yearBar = page.locator('.event-bar.p-year').first();
    const dayBar = page.locator('.event-bar.p-day').first();
    if (await yearBar.count() && await dayBar.count()) {
      const [y, d] = [await yearBar.boundingBox(), await dayBar.boundingBox()];
      assert.ok(y && d && y.width > d.width * 5, 'a year spans far wider than a day');
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export view (JSON)' }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { events: unknown[] };
    assert.equal(exported.events.length, timeline.events.length, 'the export holds the events shown');
    await rows.nth(1).click();
    await page.waitForURL(/event=evt_/);
    const evidence = page.locator('.timeline-side .evidence').first();
    await evidence.waitFor();
    await screenshot(page, 'timeline');
    const sentence = await evidence.innerText();
    await evidence.click();
    await page.waitForURL(/\/documents\/[0-9a-f]{16}\?at=\d+-\d+$/);
    // The URL changes before the document has loaded: wait for the highlighted span itself.
    await page.locator('.doc-text .target').first().waitFor();
    const target = (await page.locator('.doc-text .target').allInnerTexts()).join('');
    assert.equal(target.replace(/\s+/g, ' '), sentence.replace(/\s+/g, ' '));
  });

  it('says plainly why a scene is empty, and what failed when the server fails', async () => {
    const empty = async (pattern: string, body: unknown, path: string, heading: string): Promise<void> => {
      await page.route(pattern, (route) => route.fulfill({ json: body }));
      try {
        await page.goto(url(path));
        await page.getByRole('heading', { name: heading }).waitFor();
      } finally {
        await page.unroute(pattern);
      }
    };
    await empty('**/api/entities?*', { items: [], total: 0 }, '/entities', 'No entities yet: entity extraction has not run on this collection');
    await screenshot(page, 'entities-empty');
    await empty('**/api/graph?*', { nodes: [], edges: [] }, '/network', 'No relations yet: relation extraction has not run on this collection');
    await empty('**/api/timeline?*', { events: [], entities: {} }, '/timeline', 'No events yet: event extraction has not run on this collection');
    await page.route('**/api/graph?*', (route) => route.fulfill({ status: 500, json: { error: 'internal', message: 'The store is locked.' } }));
    try {
      await page.goto(url('/network'));
      await page.getByRole('alert').getByText('The store is locked.').waitFor();
      await screenshot(page, 'network-error');
    } finally {
      await page.unroute('**/api/graph?*');
    }
  });

  // Last: these change the store (decisions re-resolve the collection).
  it('splits a member out of an entity and undoes it, then merges two entities and undoes that', async () => {
    const { items } = await (await fetch(url('/api/entities?q=Soleimani'))).json() as { items: { id: string; name: string }[] };
    const isMerged = async (id: string): Promise<boolean> => ((await (await fetch(url(`/api/entities/${id}/members?limit=1`))).json()) as { total: number }).total > 1;
    let entity: { id: string } | undefined;
    for (const e of items) if (!entity && e.name === 'Qassem Soleimani' && await isMerged(e.id)) entity = e;
    assert.ok(entity, 'the sample has a merged Soleimani');
    await page.goto(url(`/entities/${entity.id}`));
    const rows = page.locator('.members tbody tr');
    await rows.first().waitFor();
    const members = await rows.count();
    await rows.last().getByRole('button', { name: 'Split out' }).click();
    // The server answers at once (202) and applies the split in the background: the page says it is pending meanwhile.
    await page.locator('[data-state="pending"]', { hasText: 'pending' }).waitFor();
    const notice = page.locator('.notice:not(.pending)', { hasText: 'Split' });
    await notice.waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.members tbody tr').length < n, members);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('.members tbody tr').length === n, members);

    await page.locator('#merge-input').fill('Qaani');
    const candidate = page.locator('.merge-list button', { hasText: 'Esmail Qaani' });
    await candidate.waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await candidate.click();
    const merged = page.locator('.notice:not(.pending)', { hasText: 'Merged' });
    await merged.waitFor();
    await page.locator('.alias', { hasText: 'Esmail Qaani' }).waitFor();
    await screenshot(page, 'entity-merged');
    await merged.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.notice', { hasText: 'separate again' }).waitFor();
    await page.locator('.alias', { hasText: 'Esmail Qaani' }).waitFor({ state: 'detached' });
  });

  it('protects an identity from its entity page (marked, exports pseudonymised) and stops protecting it', async () => {
    const { items } = await (await fetch(url('/api/entities?q=Esmail%20Qaani'))).json() as { items: { id: string; name: string }[] };
    const entity = items.find((e) => e.name === 'Esmail Qaani');
    assert.ok(entity, 'the sample names Esmail Qaani');
    await page.goto(url(`/entities/${entity.id}`));
    const box = page.locator('.protect-box');
    await box.getByText('Not protected.').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await box.getByRole('button', { name: 'Protect this identity' }).click();
    await page.locator('h1 .protected-chip', { hasText: 'protected' }).waitFor();
    const pseudonym = (await box.locator('strong').innerText()).trim();
    assert.match(pseudonym, /^Protected person \d+$/u);
    await screenshot(page, 'entity-protected');
    const exported = await (await fetch(url('/api/export?format=gexf'))).text();
    assert.equal(/Qaani/iu.test(exported), false, 'the export carries no protected name');
    assert.ok(exported.includes(pseudonym), 'the export carries the pseudonym');
    page.once('dialog', (dialog) => void dialog.accept());
    await box.getByRole('button', { name: 'Stop protecting' }).click();
    await box.getByText('Not protected.').waitFor();
    assert.equal(await page.locator('h1 .protected-chip').count(), 0);
  });

  it('made no request outside its own origin and threw no errors', () => {
    assert.deepEqual(watch.outsideRequests, []);
    assert.deepEqual(watch.errors, []);
  });
});
