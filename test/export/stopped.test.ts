/**
 * An export stopped by Ctrl-C (SIGINT) or kill (SIGTERM) while it writes: the command exits 130/143 saying nothing was
 * written, and leaves neither the hidden partial file beside the target nor its scratch folders (bucket files, STIX
 * objects) in the temporary directory: exports hold sensitive data. The store is the export benchmark's synthetic one,
 * large enough that the export is still writing when the partial file is seen.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { openStore } from '../../src/store/open.js';
import { writeExportStore } from '../../bench/export-store.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** Runs an export, signals it once its partial file exists, and reports how it ended and what it left. */
async function stopMidway(db: string, format: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; outDir: string[]; tmp: string[]; sawPartial: boolean }> {
  const outDir = tempDir();
  const tmp = tempDir('cablegraph-tmp-');
  const child = spawn(process.execPath, [...CLI, 'export', '--format', format, '--out', join(outDir, `export.${format}`), '--db', db], {
    cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let sawPartial = false;
  let done = false;
  void ended.then(() => (done = true));
  while (!done && !sawPartial) {
    sawPartial = readdirSync(outDir).some((n) => n.includes('.partial-'));
    if (!sawPartial) await new Promise((r) => setTimeout(r, 5));
  }
  if (sawPartial) child.kill(signal);
  const code = await ended;
  // tsx keeps its own cache there; ours are named cablegraph-*.
  return { code, stderr, outDir: readdirSync(outDir), tmp: readdirSync(tmp).filter((n) => n.startsWith('cablegraph-')), sawPartial };
}

describe('exports stopped by a signal', () => {
  let db: string;
  before(async () => {
    db = join(tempDir(), 'big.db');
    const store = await openStore(db);
    await writeExportStore(store, 3000);
    await store.close();
  });

  for (const [format, signal, code] of [['json', 'SIGINT', 130], ['stix', 'SIGTERM', 143]] as const) {
    it(`${format} stopped by ${signal}: exits ${code}, no partial file, no scratch folder`, async () => {
      const r = await stopMidway(db, format, signal);
      assert.ok(r.sawPartial, `the export finished before its partial file was seen (${r.stderr})`);
      assert.equal(r.code, code, r.stderr);
      assert.match(r.stderr, new RegExp(`Export stopped \\(${signal}\\): nothing written to .*export\\.${format}`));
      assert.deepEqual(r.outDir, []);
      assert.deepEqual(r.tmp, [], 'scratch folders removed');
    });
  }

  it('an export left alone still completes (the handlers do not change a normal run)', async () => {
    const out = join(tempDir(), 'export.json');
    const child = spawn(process.execPath, [...CLI, 'export', '--format', 'json', '--out', out, '--db', db], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
    assert.ok(existsSync(out));
  });
});
