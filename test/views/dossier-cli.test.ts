/** `cablegraph dossier VIEW`: a view saved in the store, exported by name or id as JSON and HTML, byte-identical with --timestamp. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sampleStore, tempDir } from '../helpers.js';
import type { Dossier } from '../../src/export/dossier.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe('cablegraph dossier', () => {
  let db: string;
  let edges = 0;
  before(async () => {
    const { store, dir } = await sampleStore(true);
    db = join(dir, 'test.db');
    await store.views.addView({ name: 'Iraq story', query: { minConfidence: 0.6, relationTypes: 'role_in,controls' }, selected: [], layout: {}, collections: ['iran-cables'], by: 'ana' });
    const { readGraph } = await import('../../src/network/graph-read.js');
    edges = (await readGraph(store, { collections: ['iran-cables'] }, { minConfidence: 0.6, relationTypes: ['role_in', 'controls'], minSources: 1, limit: 5000 })).edges.length;
    await store.close();
  });

  it('writes the JSON dossier of a view named on the command line, the same for its id, with a fixed timestamp', () => {
    const a = run(['dossier', 'Iraq story', '--format', 'json', '--timestamp', '2020-01-01T00:00:00Z', '--db', db]);
    assert.equal(a.code, 0, a.stderr);
    const dossier = JSON.parse(a.stdout) as Dossier;
    assert.ok(edges > 0);
    assert.equal(dossier.edges.length, edges);
    assert.ok(dossier.edges.every((e) => ['role_in', 'controls'].includes(e.type) && e.confidence >= 0.6 && e.citations.length > 0));
    const b = run(['dossier', '1', '--format', 'json', '--timestamp', '2020-01-01T00:00:00Z', '--db', db]);
    assert.equal(b.stdout, a.stdout);
  });

  it('writes the HTML page to --out, and names the views there are when one is not found', () => {
    const out = join(tempDir(), 'dossier.html');
    const r = run(['dossier', 'Iraq story', '--out', out, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/u);
    assert.equal(html.match(/<section class="edge"/gu)?.length, edges);
    assert.doesNotMatch(html, /https?:\/\/|<script/iu);
    const missing = run(['dossier', 'No such story', '--db', db]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /No saved view "No such story"\. Saved views: 1 "Iraq story"/u);
    assert.equal(run(['dossier', '1', '--format', 'pdf', '--db', db]).code !== 0, true);
  });
});
