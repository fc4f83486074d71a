// The shared string table of the streaming .xlsx reader: in memory while small, then in a temporary file (issue 13:
// a workbook's strings are not held whole); every string reads back as added, and closing removes the file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { StringTable } from '../../src/ingest/office/string-table.js';

const SAMPLES = ['Payee', '', 'قاسم سلیمانی', 'first tranche via Dubai', '😀 emoji', 'x'.repeat(5000), 'Basra'];

const spillDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('cablegraph-strings-'));

test('a small table stays in memory and reads back every string', () => {
  const t = new StringTable(1_000_000);
  for (const s of SAMPLES) t.add(s);
  assert.equal(t.spilled, false);
  assert.equal(t.size, SAMPLES.length);
  SAMPLES.forEach((s, i) => assert.equal(t.get(i), s));
  assert.equal(t.get(SAMPLES.length), '', 'past the end reads empty');
  t.close();
});

test('past its share the table moves to a file: the same strings, in any order, and closing removes the file', () => {
  const before = new Set(spillDirs());
  const t = new StringTable(100);
  const all: string[] = [];
  for (let i = 0; i < 30_000; i++) {
    const s = `${SAMPLES[i % SAMPLES.length]!.slice(0, 40)} #${i}`;
    all.push(s);
    t.add(s);
  }
  assert.equal(t.spilled, true);
  assert.equal(t.size, all.length);
  const made = spillDirs().filter((d) => !before.has(d));
  assert.equal(made.length, 1, 'one temporary folder');
  // Backwards, then scattered: reads do not depend on the order of writes, nor on the cache.
  for (let i = all.length - 1; i >= 0; i -= 7) assert.equal(t.get(i), all[i]);
  for (let i = 0; i < all.length; i += 997) assert.equal(t.get(i), all[i]);
  assert.equal(t.get(-1), '');
  assert.equal(t.get(all.length), '');
  t.close();
  assert.equal(existsSync(`${tmpdir()}/${made[0]}`), false, 'closing removes the file');
  assert.equal(t.get(0), '');
});
