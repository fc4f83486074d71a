/** `cablegraph review` as a user runs it: the queue, reject that survives `reprocess`, undo, accept, reviewed-only export. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cablegraph review', () => {
  it('lists the queue, rejects (kept through reprocess), undoes, accepts, and exports reviewed relations only', () => {
    const db = join(tempDir(), 'r.db');
    assert.equal(run(['ingest', SAMPLE_CORPUS, '--db', db, '--workers', '1']).code, 0);
    const list = run(['review', '--db', db, '--limit', '3']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^\d+ proposal\(s\) unreviewed; showing 3 from 0\n/u);
    const page = JSON.parse(run(['review', '--db', db, '--json', '--limit', '2']).stdout) as { items: { id: string }[] };
    const [a, b] = page.items.map((x) => x.id);
    const rejected = run(['review', 'reject', a!, '--db', db, '--by', 'ana', '--reason', 'wrong direction']);
    assert.equal(rejected.code, 0, rejected.stderr);
    assert.match(rejected.stdout, /^Rejected .* by ana\)\.\n$/u);
    assert.equal(run(['reprocess', '--db', db, '--all', '--workers', '1']).code, 0);
    const stillRejected = JSON.parse(run(['review', '--db', db, '--json', '--state', 'rejected']).stdout) as { items: { id: string }[] };
    assert.deepEqual(stillRejected.items.map((x) => x.id), [a]);
    assert.equal(run(['review', 'undo', a!, '--db', db]).code, 0);
    assert.equal(JSON.parse(run(['review', '--db', db, '--json', '--state', 'rejected']).stdout).total, 0);
    assert.equal(run(['review', 'accept', b!, '--db', db, '--by', 'bob']).code, 0);
    const exported = JSON.parse(run(['export', '--db', db, '--reviewed-only']).stdout) as { relations: { review: { verdict: string; by: string } }[] };
    assert.deepEqual(exported.relations.map((r) => [r.review.verdict, r.review.by]), [['accepted', 'bob']]);
    const bad = run(['review', 'accept', 'nonsense', '--db', db]);
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /no proposal id/u);
  });

  it('reviews merges (--kind merge): reject takes the names apart, recorded with who and why; undo joins them again', () => {
    const db = join(tempDir(), 'm.db');
    assert.equal(run(['ingest', SAMPLE_CORPUS, '--db', db, '--workers', '1']).code, 0);
    const list = run(['review', '--kind', 'merge', '--db', db, '--limit', '2']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^\d+ merge\(s\) unreviewed; showing 2 from 0\n[0-9a-f]{16}\.[0-9a-f]{12}  merge: /u);
    const [item] = (JSON.parse(run(['review', '--kind', 'merge', '--db', db, '--json', '--limit', '1']).stdout) as { items: { id: string; entities: unknown[] }[] }).items;
    assert.equal(item?.entities.length, 1, 'one entity holds both names');
    const rejected = run(['review', 'reject', item.id, '--kind', 'merge', '--db', db, '--by', 'ana', '--reason', 'two units']);
    assert.equal(rejected.code, 0, rejected.stderr);
    assert.match(rejected.stdout, /^Rejected .* by ana\)\.\n$/u);
    const now = JSON.parse(run(['review', '--kind', 'merge', '--db', db, '--json', '--state', 'rejected']).stdout) as { items: { id: string; entities: unknown[]; rejection: { by: string; reason: string } }[] };
    assert.deepEqual(now.items.map((x) => [x.id, x.entities.length, x.rejection.by, x.rejection.reason]), [[item.id, 2, 'ana', 'two units']]);
    assert.equal(run(['review', 'undo', item.id, '--kind', 'merge', '--db', db]).code, 0);
    assert.equal(JSON.parse(run(['review', '--kind', 'merge', '--db', db, '--json', '--state', 'rejected']).stdout).total, 0);
    assert.equal(run(['review', 'undo', item.id, '--kind', 'merge', '--db', db]).code, 64, 'nothing left to undo');
  });

  it('reviews events (--kind event) and exports rejected proposals only with --include-rejected, marked', () => {
    const db = join(tempDir(), 'e.db');
    assert.equal(run(['ingest', SAMPLE_CORPUS, '--db', db, '--workers', '1']).code, 0);
    const list = run(['review', '--db', db, '--kind', 'event', '--limit', '2']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^\d+ event\(s\) unreviewed; showing \d from 0\n[0-9a-f]{16}\.[0-9a-f]{12}  event: /u);
    assert.match(list.stdout, /event: .*  \(priority \d+\.\d{2}\)/u, 'with its priority (events come highest first)');
    const [event] = (JSON.parse(run(['review', '--db', db, '--kind', 'event', '--json']).stdout) as { items: { id: string }[] }).items;
    const rejected = run(['review', 'reject', event!.id, '--kind', 'event', '--db', db, '--by', 'ana']);
    assert.equal(rejected.code, 0, rejected.stderr);
    assert.match(rejected.stdout, /^Rejected .* by ana\)\.\n$/u);
    type Exported = { events: { id: string; rejected?: boolean; review?: { verdict: string; by: string } }[] };
    const plain = JSON.parse(run(['export', '--db', db]).stdout) as Exported;
    assert.equal(plain.events.some((e) => e.id === event!.id || e.rejected), false, 'left out by default');
    const all = JSON.parse(run(['export', '--db', db, '--include-rejected']).stdout) as Exported;
    assert.deepEqual(all.events.filter((e) => e.rejected).map((e) => [e.id, e.review?.verdict, e.review?.by]), [[event!.id, 'rejected', 'ana']]);
    assert.equal(all.events.length, plain.events.length + 1);
    const gexf = run(['export', '--db', db, '--format', 'gexf', '--include-rejected']);
    assert.equal(gexf.code, 64);
    assert.match(gexf.stderr, /--include-rejected works with the formats json and csv/u);
    assert.equal(run(['review', '--db', db, '--kind', 'note']).code, 64);
  });
});
