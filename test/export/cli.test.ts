/** `cablegraph export` as a user runs it: real processes on a fully extracted store file. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sampleStore, tempDir } from '../helpers.js';
import { findAll, readXml } from './xml-reader.js';
import { parseCsv } from './fixtures.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** Runs the CLI to completion. */
function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cablegraph export', () => {
  let db: string;
  before(async () => {
    const { store, dir } = await sampleStore(true);
    await store.close();
    db = join(dir, 'test.db');
  });

  it('prints GEXF to standard output', () => {
    const r = run(['export', '--format', 'gexf', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const gexf = readXml(r.stdout);
    assert.equal(gexf.attrs.version, '1.3');
    assert.ok(findAll(gexf, 'node').length > 50);
    assert.ok(findAll(gexf, 'edge').length > 10);
  });

  it('prints JSON whose relations read inside a claim name that claim', () => {
    const r = run(['export', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as { relations: { claimId: string | null; claimIds?: string[] }[]; claims: { id: string }[] };
    const claimIds = new Set(data.claims.map((c) => c.id));
    const linked = data.relations.filter((x) => x.claimId !== null);
    assert.ok(linked.length > 0, 'the sample articles state relations inside claims ("the leak reveals that ...")');
    for (const x of linked) {
      assert.ok(claimIds.has(x.claimId!));
      assert.equal(x.claimIds?.[0], x.claimId);
      for (const id of x.claimIds ?? []) assert.ok(claimIds.has(id));
    }
  });

  it('writes relations.csv and entities.csv into the --out folder', () => {
    const out = join(tempDir(), 'csv');
    const r = run(['export', '--format', 'csv', '--out', out, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(out, 'relations.csv')) && existsSync(join(out, 'entities.csv')));
    assert.equal(parseCsv(readFileSync(join(out, 'relations.csv'), 'utf8'))[0]![1], 'type');
  });

  it('writes byte-identical STIX with a fixed --timestamp, and refuses a bad one', () => {
    const a = run(['export', '--format', 'stix', '--timestamp', '2020-01-03T00:00:00Z', '--db', db]);
    const b = run(['export', '--format', 'stix', '--timestamp', '2020-01-03T00:00:00Z', '--db', db]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /"created": "2020-01-03T00:00:00.000Z"/);
    const bad = run(['export', '--format', 'stix', '--timestamp', 'yesterday', '--db', db]);
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /--timestamp/);
  });
});
