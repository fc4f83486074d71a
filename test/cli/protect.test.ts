/**
 * `cablegraph protect` as a user runs it: an informant protected, then every export format through the CLI carries no
 * form of the name (full name, aliases, family name) but the pseudonym, through `reprocess`, a full re-resolution, a
 * merge with another person and a split; `--unmask` shows the name and is audited; `--remove` restores it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { EXPORT_FORMAT_IDS } from '../../src/export/formats.js';
import { corpusFolder, leaks } from '../server/protect-fixture.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[]): string {
  const r = run(args);
  assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Every byte stream of every export format (standard output of each, and both csv files), or of some formats. */
function exportAll(db: string, formats: readonly string[] = EXPORT_FORMAT_IDS): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of formats) out.set(f, ok(['export', '--db', db, '--format', f, '--timestamp', '2026-01-01T00:00:00Z']));
  if (!formats.includes('csv')) return out;
  const folder = join(tempDir(), 'csv');
  ok(['export', '--db', db, '--format', 'csv', '--out', folder]);
  for (const file of readdirSync(folder)) out.set(`csv/${file}`, readFileSync(join(folder, file), 'utf8'));
  return out;
}

function assertClean(streams: Map<string, string>, when: string, names?: string[]): void {
  for (const [name, text] of streams) {
    assert.deepEqual(leaks(text, names), [], `${when}: ${name}`);
    assert.ok(text.length > 0, `${when}: ${name} is empty`);
  }
  assert.match(streams.get('json')!, /"name": "Protected (person|organisation) 1"/u, when);
  for (const f of ['gexf', 'ftm', 'stix', 'csv/entities.csv']) if (streams.has(f)) assert.match(streams.get(f)!, /Protected (person|organisation) \d/u, `${when}: ${f}`);
}

describe('cablegraph protect', () => {
  it('keeps a protected name out of every export format, through reprocess, re-resolution, merge and split', () => {
    const db = join(tempDir(), 'p.db');
    ok(['ingest', corpusFolder(), '--db', db, '--workers', '1']);
    const before = exportAll(db, ['json']);
    assert.ok(leaks(before.get('json')!).length >= 3, 'the names are there before');

    assert.match(ok(['protect', 'Karim Jabbari', '--db', db]), /is protected as Protected (person|organisation) 1 \(\d+ member candidates\)/u);
    assert.match(ok(['protect', 'Hadi al-Amiri', '--db', db]), /is protected as Protected person \d/u);
    const afterProtect = exportAll(db);
    assertClean(afterProtect, 'after protect');

    const unmasked = ok(['export', '--db', db, '--format', 'stix', '--unmask']);
    assert.match(unmasked, /Jabbari/u);
    const audit = JSON.parse(`[${ok(['audit', '--db', db, '--json']).trim().split('\n').join(',')}]`) as { action: string; user: string }[];
    assert.deepEqual(audit.map((a) => a.action).filter((a) => a !== 'export'), ['entity-protected', 'entity-protected', 'unmask']);
    assert.match(audit[0]!.user, /^cli:/u);

    ok(['reprocess', '--db', db, '--all', '--workers', '1']);
    assertClean(exportAll(db, ['json', 'gexf']), 'after reprocess');
    ok(['resolve', '--db', db, '--full']);
    const afterResolve = exportAll(db);
    assertClean(afterResolve, 'after reprocess and resolve --full');
    for (const f of ['json', 'gexf', 'csv/entities.csv']) assert.equal(afterResolve.get(f), afterProtect.get(f), `${f}: the same pseudonyms and text after reprocess and a full re-resolution`);

    // A merge with another person keeps the whole entity protected: the other's names go too.
    ok(['merge', 'Hadi al-Amiri', 'Qassem Soleimani', '--db', db]);
    assertClean(exportAll(db, ['json', 'stix']), 'after merge', ['Karim Jabbari', 'Jabbari', 'Hadi al-Amiri', 'Amiri', 'Soleimani']);
    // Splitting the other person out gives him back his name; the protected part stays protected.
    ok(['split', 'Hadi al-Amiri', 'qassem soleimani', '--db', db]);
    const afterSplit = exportAll(db, ['json', 'ftm']);
    assertClean(afterSplit, 'after split');
    assert.match(afterSplit.get('json')!, /Soleimani/u);

    assert.match(ok(['protect', '--remove', 'Karim Jabbari', '--db', db]), /is no longer protected \(was Protected (person|organisation) 1\)/u);
    assert.match(ok(['export', '--db', db, '--format', 'gexf']), /Jabbari/u);
    assert.deepEqual(leaks(ok(['export', '--db', db, '--format', 'gexf']), ['Amiri']), [], 'the other stays protected');
    assert.equal(run(['protect', '--remove', 'Karim Jabbari', '--db', db]).code, 64, 'not protected any more');
  });
});
