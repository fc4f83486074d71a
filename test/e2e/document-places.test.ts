/**
 * Where a document was found, in the reader (Chromium): a memo found in two e-mails and at a path of its own is one
 * document whose page lists the other places under "Also found at", linking the other message; a message lists the
 * memo among its children; a container holding the same sheet twice lists it twice.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';
import { browserSuite, screenshot, skipReason, type E2eServer, type PageWatch } from './harness.js';

const skip = skipReason();
if (skip) console.log(`# SKIP document places e2e: ${skip}`);

const COLLECTION = 'places';
const MEMO = 'Memo placeswitness: the ministry contact was paid in Basra in November 2019.';

/** A message from `sender` with the memo attached under `file`. */
function message(sender: string, subject: string, file: string): string {
  return [
    `From: ${sender} <${sender.toLowerCase()}@example.org>`, `Subject: ${subject}`, 'Date: Mon, 18 Nov 2019 10:00:00 +0000',
    `Message-ID: <${sender}@example.org>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain', '', `${sender} forwards the memo.`,
    '--b', `Content-Type: text/plain; name="${file}"`, `Content-Disposition: attachment; filename="${file}"`, '', MEMO,
    '--b--', '',
  ].join('\r\n');
}

describe('document places in Chromium', { skip: skip ?? false }, () => {
  let server: E2eServer;
  let page: Page;
  let watch: PageWatch;
  const url = (path: string) => `${server.baseUrl}${path}`;

  browserSuite((suite) => {
    ({ server, page, watch } = suite);
  }, async (started) => {
    const dir = tempDir('cablegraph-e2e-places-');
    mkdirSync(join(dir, 'loose'));
    writeFileSync(join(dir, 'a-from-ana.eml'), message('Ana', 'Memo from Ana', 'memo.txt'));
    writeFileSync(join(dir, 'b-from-ben.eml'), message('Ben', 'Memo from Ben', 'memo-copy.txt'));
    writeFileSync(join(dir, 'loose', 'memo.txt'), MEMO);
    const book = XLSX.utils.book_new();
    for (const name of ['Staff', 'Staff copy']) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Name', 'Office'], ['Karim Haddad', 'Basra']]), name);
    writeFileSync(join(dir, 'staff.xlsx'), new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    await ingestPaths([dir], { store: started.store, collection: COLLECTION });
  });

  it('lists the other places a document was found, linking the other message', async () => {
    await page.goto(url('/search?q=placeswitness'));
    await page.locator('a.result').first().click();
    await page.getByRole('heading', { name: 'Also found at (2)' }).waitFor();
    const items = page.locator('.reader-side .also-found li');
    assert.equal(await items.count(), 2);
    const texts = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.ok(texts.some((t) => t === 'Memo from Ben as memo-copy.txt'), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.endsWith('/loose/memo.txt')), JSON.stringify(texts));
    await screenshot(page, 'reader-also-found');
    await page.locator('.reader-side .also-found a', { hasText: 'Memo from Ben' }).click();
    await page.getByRole('heading', { name: 'Contains (1)' }).waitFor();
    assert.match(await page.locator('.reader-side .side-list:not(.also-found) li').first().innerText(), /memo/i);
  });

  it('lists a sheet found twice in a workbook twice, each by its name', async () => {
    const docs = await server.store.listDocuments({ collections: [COLLECTION] }, 50, 0);
    const book = docs.items.find((d) => d.path.endsWith('staff.xlsx'))!;
    await page.goto(url(`/documents/${book.id}`));
    await page.getByRole('heading', { name: 'Contains (2)' }).waitFor();
    const texts = (await page.locator('.reader-side .side-list li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(texts, ['Staff as Staff sheet', 'Staff as Staff copy sheet']);
    await screenshot(page, 'reader-repeated-children');
  });

  it('made no request outside its own origin and threw no errors', () => {
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.outsideRequests, []);
  });
});
