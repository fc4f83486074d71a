/**
 * Signing in and out in Chromium on a server with users: the browser is sent to the form, a good password opens the
 * workbench (the top bar names the user), a viewer sees only their collection, and "Sign out" ends the session. The
 * form posts with the page's real Origin (a no-referrer policy would make it "null" and the Origin check refuse it).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { ROOT, tempDir } from '../helpers.js';
import { launchBrowser, skipReason } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP sign-in e2e: ${skip}`);
const PASSWORD = 'correct horse battery staple';

describe('sign-in in Chromium', { skip: skip ?? false }, () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  before(async () => {
    dir = tempDir('cablegraph-signin-');
    const webRoot = join(dir, 'web');
    await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
    const memos: [string, string][] = [['a', 'Memo of desk A: the envoy met the minister in Basra.'], ['b', 'Memo of desk B: the courier paid the broker in Erbil.']];
    for (const [name, text] of memos) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, `${name}.txt`), text);
    }
    store = await openStore(join(dir, 'store.db'));
    await ingestPaths([join(dir, 'a')], { store, collection: 'desk-a' });
    await ingestPaths([join(dir, 'b')], { store, collection: 'desk-b' });
    await store.trust.addUser('ana', 'viewer', await hashPassword(PASSWORD));
    await store.trust.grant('ana', 'desk-a', false);
    await store.trust.addUser('root', 'admin', await hashPassword(PASSWORD));
    app = await buildApp({ store, webRoot });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends the browser to the form, signs in with the form, shows the user, scopes the reads and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/documents`);
    assert.equal(new URL(page.url()).pathname, '/login', 'a page without a session goes to the sign-in form');
    await page.fill('input[name="name"]', 'ana');
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, '/documents', 'back to the page asked for');
    await page.locator('.topbar .signout', { hasText: 'ana' }).waitFor();
    assert.match(await page.locator('.topbar .signout').innerText(), /ana · viewer/);
    assert.equal(await page.getByRole('link', { name: 'Audit' }).count(), 0, 'no audit tab for a viewer');
    const documents = await page.evaluate(async () => (await (await fetch('/api/documents?limit=10')).json()) as { items: { collection: string }[] });
    assert.deepEqual(documents.items.map((d) => d.collection), ['desk-a'], 'the viewer reads only desk A');
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.getByRole('button', { name: 'Sign out' }).click()]);
    const status = await page.evaluate(async () => (await fetch('/api/stats')).status);
    assert.equal(status, 401, 'the session is gone');
    await page.close();
  });

  it('shows an admin the audit log: who signed in, failed to, and opened what', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name="name"]', 'root');
    await page.fill('input[name="password"]', 'not the password');
    await Promise.all([page.waitForLoadState(), page.keyboard.press('Enter')]);
    await page.getByRole('alert').filter({ hasText: 'Wrong name or password' }).waitFor();
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.keyboard.press('Enter')]);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.locator('.audit-table tbody tr').first().waitFor();
    const rows = await page.locator('.audit-table tbody tr').allInnerTexts();
    for (const want of [/ana\s.*\slogin\b/, /ana\s.*\slogout\b/, /login-failed/, /root\s.*\slogin\b/]) {
      assert.ok(rows.some((r) => want.test(r)), `a row matching ${want} among ${rows.length}`);
    }
    await page.fill('.audit-filters input:not([type])', 'ana');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((u) => u.searchParams.get('user') === 'ana');
    await page.locator('.audit-table tbody tr', { hasText: 'logout' }).waitFor();
    const filtered = await page.locator('.audit-table tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(filtered.length > 0 && filtered.every((u) => u === 'ana'), `only ana's rows: ${filtered.join(', ')}`);
    await page.screenshot({ path: join(ROOT, 'test-output', 'screenshots', 'audit.png') });
    await page.close();
  });
});
