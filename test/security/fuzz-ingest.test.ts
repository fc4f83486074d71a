/**
 * Fuzzing the ingest handlers (issue 11 item 6): a seed file of each format (made by the test writers or taken from the
 * committed fixtures), mutated with a fixed seed (bytes flipped, cut short, random bytes inserted, a range zeroed or
 * repeated, another format's header spliced in, the extension swapped), each read by the handler dispatcher. The goal:
 * every input is either read or refused with an IngestFailure (a code and a message naming what is wrong), never
 * another exception and never a handler's own exception wrapped as `read-error` (how an HTML handler crash on a CSV
 * named .html was found); then a directory of them is ingested in one run, which finishes with every file stored or listed
 * as failed with its path and reason, and leaves a store that still passes SQLite's integrity check. The slowest
 * input is printed (no timed assertion: timings belong to the benchmarks). Legacy Office files are left out: each
 * starts LibreOffice (seconds per file).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { IngestFailure } from '../../src/ingest/handler.js';
import { readDocument } from '../../src/ingest/read-document.js';
import { seededRandom } from '../../src/nlp/random.js';
import { openStore } from '../../src/store/open.js';
import { ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';
import { writeDocx } from '../ingest/helpers/docx-writer.js';
import { writePdf } from '../ingest/helpers/pdf-writer.js';
import { writeZip } from '../ingest/helpers/zip-writer.js';

const rand = seededRandom(20261203);
const PER_SEED = 30;
const STORY = 'The ministry recruited officials in Baghdad over many years, the cables show. Qassem Soleimani met them twice.';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'ingest', name)));

function xlsx(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['name', 'post'], ['Hadi al-Amiri', 'commander'], ['Abu Mahdi', 'deputy']]), 'People');
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** One seed per format: the file name it carries and its bytes. */
const SEEDS: [string, Uint8Array][] = [
  ['story.txt', text(STORY)],
  ['table.csv', text('name,post,city\nHadi al-Amiri,commander,Baghdad\n"Abu Mahdi, al-Muhandis",deputy,Basra\n')],
  ['record.json', text(JSON.stringify({ title: 'Cable', body: STORY, date: '2019-11-19', tags: ['iraq', 'iran'] }))],
  ['records.jsonl', text(`${JSON.stringify({ title: 'One', text: STORY })}\n${JSON.stringify({ title: 'Two', text: STORY })}\n`)],
  ['page.html', text(`<!doctype html><html><head><title>Leak</title></head><body><article><h1>Leak</h1><p>${STORY}</p></article></body></html>`)],
  ['note.rtf', text(`{\\rtf1\\ansi{\\fonttbl\\f0 Times;}\\f0 ${STORY}\\par}`)],
  ['card.vcf', text('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hadi al-Amiri\r\nORG:Badr Organization\r\nEMAIL:hadi@example.org\r\nEND:VCARD\r\n')],
  ['meeting.ics', text('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Meeting in Baghdad\r\nDTSTART:20191119T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')],
  ['figure.svg', text(`<svg xmlns="http://www.w3.org/2000/svg"><title>Network</title><text x="1" y="2">${STORY}</text></svg>`)],
  ['report.pdf', writePdf([[STORY, 'Page one of the report.'], ['Page two names Hadi al-Amiri.']], { title: 'Report' })],
  ['memo.docx', writeDocx([STORY, 'A second paragraph.'], { title: 'Memo' })],
  ['sheet.xlsx', xlsx()],
  ['bundle.zip', writeZip([{ name: 'a.txt', data: STORY }, { name: 'b/c.csv', data: 'x,y\n1,2\n' }])],
  ['cable.eml', fixture('cable-forward.eml')],
  ['message.msg', fixture('to-cc.msg')],
  ['archive.rar', fixture('libarchive-rar4.rar')],
];

/** A mutation of `bytes` (never empty), chosen and placed by the fixed-seed generator. */
function mutate(bytes: Uint8Array, other: Uint8Array): Uint8Array {
  const n = bytes.length;
  const at = Math.floor(rand() * n);
  const out = Array.from(bytes);
  switch (Math.floor(rand() * 6)) {
    case 0: // flip a few bytes
      for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) out[Math.floor(rand() * n)] = Math.floor(rand() * 256);
      break;
    case 1: // cut short
      return new Uint8Array(out.slice(0, Math.max(1, at)));
    case 2: // random bytes inserted
      out.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
      break;
    case 3: // a range zeroed
      out.fill(0, at, Math.min(n, at + 1 + Math.floor(rand() * 256)));
      break;
    case 4: // a range repeated many times (nesting and length fields meet large values)
      out.splice(at, 0, ...Array(20).fill(out.slice(at, at + 16)).flat());
      break;
    default: // another format's first bytes spliced in front
      out.splice(0, Math.floor(rand() * Math.min(64, n)), ...Array.from(other.slice(0, 64)));
  }
  return new Uint8Array(out);
}

/** The generated inputs: each seed's mutations under its own name, one in five under another seed's extension. */
function inputs(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  SEEDS.forEach(([name, bytes], s) => {
    for (let k = 0; k < PER_SEED; k++) {
      const other = SEEDS[Math.floor(rand() * SEEDS.length)]!;
      const ext = rand() < 0.2 ? other[0].slice(other[0].lastIndexOf('.')) : name.slice(name.lastIndexOf('.'));
      out.push({ name: `f${s}-${k}${ext}`, bytes: mutate(bytes, other[1]) });
    }
  });
  return out;
}

describe('ingest fuzzing', () => {
  const cases = inputs();

  it(`reads or refuses ${cases.length} mutated files of ${SEEDS.length} formats, never with another exception`, async (t) => {
    const other: string[] = [];
    const wrapped: string[] = [];
    const codes = new Map<string, number>();
    let read = 0;
    let slowest = { name: '', ms: 0 };
    for (const c of cases) {
      const t0 = performance.now();
      try {
        await readDocument(c.name, c.bytes);
        read++;
      } catch (err) {
        if (err instanceof IngestFailure && err.code.length > 0 && err.message.length > 0) {
          codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
          // A handler's own exception, wrapped by the dispatcher: refused with its cause, but worth reading.
          if (err.code === 'read-error') wrapped.push(err.message.slice(0, 200));
        }
        else other.push(`${c.name}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      }
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { name: c.name, ms };
    }
    t.diagnostic(`${read} read, ${[...codes].map(([k, v]) => `${k} ${v}`).join(', ')}; slowest ${slowest.name} ${Math.round(slowest.ms)} ms`);
    for (const w of wrapped) t.diagnostic(`handler exception refused as read-error: ${w}`);
    assert.deepEqual(other, [], 'inputs that raised something other than an IngestFailure');
    assert.deepEqual(wrapped, [], 'handlers that threw their own exception (the dispatcher refused the file as read-error)');
    assert.ok(read > 0 && codes.size > 0, 'the mutations both keep some files readable and break others');
  });

  it('ingests a directory of them in one run: every file stored or listed as failed with its path, the store intact', async (t) => {
    const dir = tempDir('cablegraph-fuzz-ingest-');
    const files = join(dir, 'files');
    mkdirSync(files);
    // One in three of the inputs (the run goes through the whole pipeline: stages none, so it stays quick).
    const chosen = cases.filter((_, i) => i % 3 === 0);
    for (const c of chosen) writeFileSync(join(files, c.name), c.bytes);
    writeFileSync(join(files, 'clean.txt'), STORY);
    const store = await openStore(join(dir, 'store.db'));
    try {
      const summary = await ingestPaths([files], { store, stages: [] });
      // Failures of files themselves; a member of an archive or a message can fail while its container is stored, and a
      // damaged archive whose readable members were stored is both stored and reported.
      const failedPaths = new Set(summary.failed.map((f) => f.path).filter((p) => !p.includes('!/')));
      assert.ok(summary.failed.every((f) => f.path.startsWith(files) && f.message.length > 0 && f.code.length > 0), 'a failure without path or reason');
      const docs = await store.listDocuments({ collections: ['default'] }, 5000, 0);
      const stored = new Set(docs.items.map((d) => d.path));
      const all = [...chosen.map((c) => join(files, c.name)), join(files, 'clean.txt')];
      const lost = all.filter((p) => !stored.has(p) && !failedPaths.has(p));
      t.diagnostic(`${all.length} files: ${summary.ingested} stored, ${summary.unchanged} unchanged, ${failedPaths.size} reported as failed (${[...failedPaths].filter((p) => stored.has(p)).length} of them stored in part)`);
      assert.ok(lost.length <= summary.unchanged, `neither stored nor reported: ${lost.join(', ')}`);
      assert.ok(stored.has(join(files, 'clean.txt')), 'the clean file beside the broken ones is stored');
      const db = (store as unknown as { db?: { pragma(s: string): unknown } }).db;
      if (db) assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    } finally {
      await store.close();
    }
  });
});
