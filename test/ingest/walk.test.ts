// Walking input folders: sorted, recursive, dot-files skipped, symlink loops survived, missing paths reported.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { walkInputs } from '../../src/ingest/walk.js';

test('walks folders recursively in sorted order and skips dot-files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cablegraph-walk-'));
  try {
    await mkdir(join(dir, 'b', 'inner'), { recursive: true });
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, 'b', 'inner', 'z.txt'), 'zz');
    await writeFile(join(dir, 'b', 'a.txt'), 'a');
    await writeFile(join(dir, 'c.txt'), 'ccc');
    await writeFile(join(dir, '.hidden'), 'h');
    await writeFile(join(dir, '.git', 'HEAD'), 'ref');
    await symlink(dir, join(dir, 'b', 'loop')); // a symlink back to the top
    const seen = [];
    for await (const f of walkInputs([dir, join(dir, 'missing.txt')])) seen.push([f.path.slice(dir.length + 1), f.size]);
    assert.deepEqual(seen, [['b/a.txt', 1], ['b/inner/z.txt', 2], ['c.txt', 3], ['missing.txt', -1]]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
