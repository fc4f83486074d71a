/**
 * The Admin page in Chromium: an admin adds a user (password typed twice, never shown back), grants one collection,
 * makes a token (shown once), and the new user then signs in and sees only that collection, with no Admin tab and the
 * admin API refused. Screenshots of the page as admin and as viewer go to test-output/screenshots.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { ROOT, tempDir } from '../helpers.js';
import { launchBrowser, openPage, screenshot, skipReason, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP admin e2e: ${skip}`);
const ADMIN_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'cleo picks a long one';

describe('admin page in Chromium', { skip: skip ?? false }, () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  before(async () => {
    dir = tempDir('cablegraph-admin-');
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
    await store.trust.addUser('root', 'admin', await hashPassword(ADMIN_PASSWORD));
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

  async function signIn(page: Page, name: string, password: string, next = '/documents'): Promise<void> {
    await page.goto(`${base}${next}`);
    await page.fill('input[name="name"]', name);
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.keyboard.press('Enter')]);
  }

  const noErrors = (watch: PageWatch): void => {
    assert.deepEqual(watch.errors, [], 'no script error or CSP violation');
    assert.deepEqual(watch.outsideRequests, [], 'no request leaves the server');
  };

  it('lets an admin add a user, grant a collection and make a token; that user then sees only the granted collection', async () => {
    const { page, watch } = await openPage(browser, base);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, 'root', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.locator('tr[data-user="root"]').waitFor();
    assert.match(await page.locator('tr[data-user="root"]').innerText(), /all collections/);

    await page.fill('input[name="new-name"]', 'cleo');
    await page.selectOption('select[name="new-role"]', 'viewer');
    await page.fill('input[name="new-password"]', NEW_PASSWORD);
    await page.fill('input[name="new-password-again"]', `${NEW_PASSWORD}x`);
    await page.getByRole('alert').filter({ hasText: 'The two passwords differ' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add user' }).isDisabled(), true, 'no adding with two different passwords');
    await page.fill('input[name="new-password-again"]', NEW_PASSWORD);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'Added cleo (viewer).' }).waitFor();
    const row = page.locator('tr[data-user="cleo"]');
    await row.waitFor();
    assert.equal(await page.inputValue('input[name="new-password"]'), '', 'the password is not kept on the page');
    assert.ok(!(await page.content()).includes(NEW_PASSWORD), 'nor anywhere in it');

    await row.getByLabel('Collection to grant cleo').selectOption('desk-a');
    await row.getByLabel('Access of cleo').selectOption('read');
    await row.getByRole('button', { name: 'Grant' }).click();
    await row.locator('.grant-list li', { hasText: 'desk-a' }).waitFor();
    assert.match(await row.locator('.grant-list').innerText(), /desk-a read/);

    await page.selectOption('select[name="token-user"]', 'cleo');
    await page.fill('input[name="token-expires"]', '2w');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.locator('.token-once .token-value');
    await shown.waitFor();
    const token = await shown.innerText();
    assert.match(token, /^cgt_[0-9a-f]{12}_[\w-]{32}$/);
    const id = token.slice(4, 16);
    await page.locator(`tr[data-token="${id}"]`, { hasText: 'active' }).waitFor();
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(await me.json(), { name: 'cleo', role: 'viewer', read: ['desk-a'], write: [] }, 'the token shown works for cleo');
    await screenshot(page, 'admin');
    await page.getByRole('button', { name: 'Done' }).click();
    assert.equal(await shown.count(), 0, 'the token is gone from the page');
    await page.locator(`tr[data-token="${id}"]`).getByRole('button', { name: 'Revoke' }).click();
    await page.locator(`tr[data-token="${id}"]`, { hasText: 'revoked' }).waitFor();
    assert.equal((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status, 401);
    noErrors(watch);

    const actions = (await store.trust.listAudit({ user: 'root', limit: 50 })).map((r) => r.action);
    for (const action of ['user-created', 'grant', 'token-created', 'token-revoked']) assert.ok(actions.includes(action), `${action} audited`);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login'), page.getByRole('button', { name: 'Sign out' }).click()]);
    await page.close();
  });

  it('shows the new viewer only the granted collection, no Admin tab, and refuses them the admin page', async () => {
    const { page, watch } = await openPage(browser, base);
    await signIn(page, 'cleo', NEW_PASSWORD);
    await page.locator('.topbar .signout', { hasText: 'cleo · viewer' }).waitFor();
    await page.locator('table.table tbody tr').first().waitFor();
    const collections = await page.locator('table.table tbody tr td:nth-child(6)').allInnerTexts();
    assert.deepEqual([...new Set(collections)], ['desk-a'], 'the document list shows desk A only');
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'no Admin tab for a viewer');
    await page.goto(`${base}/admin`);
    await page.getByRole('alert').filter({ hasText: 'Only admins may manage users and tokens' }).waitFor();
    await screenshot(page, 'admin-as-viewer');
    noErrors(watch);
    const listed = (await store.trust.listUsers()).find((u) => u.name === 'cleo');
    assert.ok(listed?.lastLogin, 'the sign-in is recorded for the admin page');
    await page.close();
  });

  it('lets the admin change a role, disable and remove that user, but not their own account', async () => {
    const { page, watch } = await openPage(browser, base);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, 'root', ADMIN_PASSWORD, '/admin');
    const self = page.locator('tr[data-user="root"]');
    await self.waitFor();
    assert.equal(await self.getByRole('button', { name: 'Remove' }).count(), 0, 'no removing yourself');
    assert.equal(await self.getByLabel('Role of root').isDisabled(), true, 'no demoting yourself');
    const row = page.locator('tr[data-user="cleo"]');
    assert.match(await row.innerText(), /\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+Disable/, 'the last sign-in is shown');
    await row.getByLabel('Role of cleo').selectOption('editor');
    await page.getByRole('status').filter({ hasText: 'cleo is now editor.' }).waitFor();
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.locator('.admin-status', { hasText: 'disabled' }).waitFor();
    assert.equal((await store.trust.getUser('cleo'))?.disabled, true);
    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed cleo.' }).waitFor();
    // The status can show before the list re-renders: wait for the row to go (fails on timeout if it stays).
    await row.waitFor({ state: 'detached' });
    assert.equal(await row.count(), 0);
    assert.equal(await store.trust.getUser('cleo'), null);
    // The audit log, filtered by action, shows what the admin did, from where.
    await page.getByRole('link', { name: 'audit log' }).click();
    await page.fill('.audit-filters input[name="action"]', 'user-removed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'user-removed');
    await page.locator('.audit-table tbody tr', { hasText: 'cleo' }).waitFor();
    const rows = await page.locator('.audit-table tbody tr').allInnerTexts();
    assert.equal(rows.length, 1, rows.join('\n'));
    assert.match(rows[0]!, /root\s+127\.0\.0\.1\s+user-removed\s+cleo/);
    await screenshot(page, 'admin-audit');
    noErrors(watch);
    await page.close();
  });
});
