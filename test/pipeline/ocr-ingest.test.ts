// Ingest with OCR end to end: scanned files become searchable documents with per-page confidence; without Tesseract
// the scans are recorded as failed (code "ocr-unavailable") and the rest of the run goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { parseQuery } from '../../src/store/query.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths, type IngestProgress } from '../../src/pipeline.js';
import { parseOcrConfidence } from '../../src/model/index.js';
import { ROOT, tempDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'ocr');
const scope = { collections: ['default'] };

function inputFolder(): string {
  const dir = tempDir();
  for (const f of ['scan-en.pdf', 'scan-fa.pdf', 'statement-ar.png']) copyFileSync(join(FIXTURES, f), join(dir, f));
  writeFileSync(join(dir, 'note.txt'), 'A typed note about the governor of the province.\n');
  return dir;
}

async function hits(store: Store, query: string): Promise<string[]> {
  const res = await store.search({ query: parseQuery(query), limit: 10, offset: 0 }, scope);
  return res.results.map((r) => r.document.path.replace(/^.*\//, ''));
}

test('OCR\'d text is searchable, with pages and confidences stored, and OCR pages reported as progress', async () => {
  const dir = inputFolder();
  const store = await openStore(join(tempDir(), 'ocr.db'));
  try {
    const events: IngestProgress[] = [];
    const summary = await ingestPaths([dir], { store, onProgress: (e) => events.push(e) });
    assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));
    assert.equal(summary.ocrPages, 4);
    assert.equal(events.filter((e) => e.kind === 'ocr').length, 4);
    assert.deepEqual(await hits(store, 'Valizadeh'), ['scan-en.pdf']);
    assert.deepEqual(await hits(store, 'استاندار'), ['scan-fa.pdf']);
    assert.deepEqual(await hits(store, 'الخارجية'), ['statement-ar.png']);
    const found = (await store.search({ query: parseQuery('customs'), limit: 1, offset: 0 }, scope)).results[0]!;
    const doc = (await store.getDocument(found.document.id, scope))!;
    assert.equal(doc.pages.length, 2);
    assert.ok(found.snippet.start > doc.pages[1]!, 'the second page holds "customs"');
    const conf = parseOcrConfidence(doc.meta);
    assert.equal(conf.length, 2);
    assert.ok(conf.every((c) => c !== null && c > 0 && c <= 1));
  } finally {
    await store.close();
  }
});

test('without Tesseract the scans fail with "ocr-unavailable", the text file is stored; --no-ocr stores them blank', async () => {
  const dir = inputFolder();
  const store = await openStore(join(tempDir(), 'no-ocr.db'));
  try {
    const missing = await ingestPaths([dir], { store, ocr: { binary: join(dir, 'no-such-tesseract') } });
    assert.deepEqual(missing.failed.map((f) => [f.path.replace(/^.*\//, ''), f.code]).sort(), [
      ['scan-en.pdf', 'ocr-unavailable'], ['scan-fa.pdf', 'ocr-unavailable'], ['statement-ar.png', 'ocr-unavailable'],
    ]);
    assert.match(missing.failed[0]!.message, /tesseract-ocr/);
    assert.equal(missing.ingested, 1);
    assert.deepEqual(await hits(store, 'governor'), ['note.txt']);

    const off = await ingestPaths([dir], { store, ocr: { enabled: false } });
    assert.equal(off.ingested, 3);
    assert.equal(off.ocrPages, 0);
    assert.deepEqual(off.failed.map((f) => f.code), ['no-text', 'no-text', 'no-text']);
    assert.deepEqual(await hits(store, 'Valizadeh'), []);
  } finally {
    await store.close();
  }
});
