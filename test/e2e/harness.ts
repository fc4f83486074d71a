/** End-to-end harness: a temporary store with the sample corpus, the web app built from source, the real server on a free port, and headless Chromium. */
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { before, after } from 'node:test';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/store/open.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';

/** Debian's Chromium; the e2e tests skip, saying so, where it is not installed. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` to run the browser tests`;
}

/** Where screenshots of each scene go, to be looked at by a person. */
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Markup that would run if document text were ever rendered as HTML. */
export const HOSTILE_PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">'] as const;

/** A generated text document carrying the payloads, plus a word to find it by. */
const HOSTILE_TEXT = [
  'Forwarded message with markup',
  '',
  `The attachment contained ${HOSTILE_PAYLOADS[0]} in its body.`,
  '',
  `A second line tried ${HOSTILE_PAYLOADS[1]} as well. Keyword: hostilemarkup.`,
  '',
].join('\n');

/** A Persian paragraph, to check right-to-left text. */
const PERSIAN_TEXT = 'گزارش وزارت اطلاعات\n\nسردار قاسم سلیمانی فرمانده نیروی قدس بود و بارها به بغداد سفر کرد.\n';

/** JSON Lines of two wire items: a container with children, one with a "javascript:" URL in its metadata. */
const WIRE_JSONL = [
  { title: 'Wire: Quds Force commander seen in Baghdad', text: 'Wire item one. Keyword: wirechild. Gen. Qassem Soleimani was seen in Baghdad.', source: 'Example Wire', published: '2019-11-20', url: 'javascript:window.__pwned=1' },
  { title: 'Wire: ministry denies report', text: 'Wire item two. Keyword: wirechild. The ministry denied the report.', source: 'Example Wire', published: '2019-11-21' },
].map((record) => JSON.stringify(record)).join('\n');

/** A running server with its store, and the URL to open. */
export interface E2eServer {
  baseUrl: string;
  store: Store;
  app: FastifyInstance;
  /** Stops the server, closes the store and removes the temporary files. */
  close(): Promise<void>;
}

/** Builds web/ into a temporary folder (so the test sees the current source), ingests the corpus and starts the server. */
export async function startServer(): Promise<E2eServer> {
  const dir = tempDir('cablegraph-e2e-');
  const webRoot = join(dir, 'web');
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });

  const generated = join(dir, 'generated');
  mkdirSync(generated);
  writeFileSync(join(generated, 'hostile-markup.txt'), HOSTILE_TEXT);
  writeFileSync(join(generated, 'persian-report.txt'), PERSIAN_TEXT);
  writeFileSync(join(generated, 'wire.jsonl'), WIRE_JSONL);

  const store = await openStore(join(dir, 'store.db'));
  // The sample cables go through every stage (mentions, facts, resolution), so entity pages, the network and the timeline have data.
  await ingestPaths([SAMPLE_CORPUS], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
  await ingestPaths([generated], { store, collection: 'generated' });
  // Every merge and split goes to a background job, so the browser tests see the pending state and wait it out.
  const app = await buildApp({ store, webRoot, decisionSyncLimit: 0 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with everything that could reach the network switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
    ],
  });
}

/** What a page did that a test should fail on: uncaught errors, Content-Security-Policy violations and requests leaving the server's origin. */
export interface PageWatch {
  errors: string[];
  outsideRequests: string[];
}

/** A 1280x800 page that records uncaught errors, CSP violations and any request to another origin. */
export async function openPage(browser: Browser, baseUrl: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const watch: PageWatch = { errors: [], outsideRequests: [] };
  page.on('pageerror', (error) => watch.errors.push(error.message));
  // The server's CSP header must not block anything the workbench itself does (Chromium reports it on the console).
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.errors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:')) watch.outsideRequests.push(url);
  });
  return { page, watch };
}

/** What every browser test file works with: the server, Chromium and one open page with its watch. */
export interface BrowserSuite {
  server: E2eServer;
  browser: Browser;
  page: Page;
  watch: PageWatch;
}

/**
 * Registers the hooks every browser test file shares, in the calling `describe`: before its tests, starts the server
 * (then `prepare`, e.g. to ingest more documents), launches Chromium and opens a watched page, and hands them to `bind`
 * (which sets the file's own variables); after them, closes the browser and the server.
 */
export function browserSuite(bind: (suite: BrowserSuite) => void, prepare?: (server: E2eServer) => Promise<void>): void {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer();
    if (prepare) await prepare(server);
    browser = await launchBrowser();
    bind({ server, browser, ...(await openPage(browser, server.baseUrl)) });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Saves test-output/screenshots/<name>.png of the viewport. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The id of the sample cable "Leaked Spy Cables ...", which the default stages fill with mentions, relations, events and claims. */
export async function sampleCableId(server: E2eServer): Promise<string> {
  const { items } = await server.store.listDocuments(ALL_COLLECTIONS, 100, 0);
  const summary = items.find((d) => d.title?.startsWith('Leaked Spy Cables'));
  if (!summary) throw new Error('the sample corpus has no "Leaked Spy Cables" document');
  return summary.id;
}
