/** `cablegraph users`, `tokens` and `audit` as a user runs them: real processes on a real store file. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { openStore } from '../../src/store/open.js';
import { ingestPaths } from '../../src/pipeline.js';
import { buildApp } from '../../src/server/app.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** Runs the CLI with `input` on standard input. */
function run(args: string[], input = ''): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, CABLEGRAPH_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cablegraph users, tokens and audit', () => {
  const dir = tempDir();
  const db = join(dir, 'team.db');
  before(async () => {
    const input = join(dir, 'in');
    mkdirSync(join(input, 'a'), { recursive: true });
    mkdirSync(join(input, 'b'));
    writeFileSync(join(input, 'a', 'memo.txt'), 'TEHRAN, May 2 - The ministry paid the\ncontractor in cash, officials said.\n');
    writeFileSync(join(input, 'b', 'cable.txt'), 'BAGHDAD - The embassy reported that the\nCOUNCIL met twice in April.\n');
    const store = await openStore(db);
    await ingestPaths([join(input, 'a')], { store, collection: 'desk-a' });
    await ingestPaths([join(input, 'b')], { store, collection: 'desk-b' });
    await store.close();
  });

  it('adds a user with the password from standard input, refusing short passwords, bad roles and taken names', () => {
    assert.equal(run(['users', 'add', 'ana', '--role', 'viewer', '--db', db], 'short\n').code, 64);
    const badRole = run(['users', 'add', 'ana', '--role', 'owner', '--db', db], 'a long enough password\n');
    assert.equal(badRole.code, 64);
    assert.match(badRole.stderr, /--role must be one of viewer, editor, admin/);
    const ok = run(['users', 'add', 'ana', '--role', 'viewer', '--db', db], 'a long enough password\n');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Added ana \(viewer\)/);
    const again = run(['users', 'add', 'ana', '--role', 'admin', '--db', db], 'another long password\n');
    assert.equal(again.code, 64);
    assert.match(again.stderr, /exists already/);
  });

  it('grants and revokes collections and lists users with them', () => {
    assert.equal(run(['users', 'grant', 'ana', 'desk-a', '--db', db]).code, 0);
    assert.equal(run(['users', 'grant', 'ana', 'desk-b', '--write', '--db', db]).code, 0);
    assert.match(run(['users', 'revoke', 'ana', 'desk-b', '--db', db]).stdout, /no longer see "desk-b"/);
    assert.equal(run(['users', 'grant', 'nobody', 'desk-a', '--db', db]).code, 64);
    const list = JSON.parse(run(['users', 'list', '--json', '--db', db]).stdout) as { name: string; role: string; grants: unknown[] }[];
    assert.deepEqual(list.map((u) => [u.name, u.role, u.grants]), [['ana', 'viewer', [{ collection: 'desk-a', write: false }]]]);
  });

  it('prints a token once, which then reads only the granted collection until revoked', async () => {
    assert.equal(run(['tokens', 'create', 'ana', '--expires', 'soon', '--db', db]).code, 64);
    const made = run(['tokens', 'create', 'ana', '--expires', '30d', '--db', db]);
    assert.equal(made.code, 0, made.stderr);
    const token = made.stdout.trim();
    assert.match(token, /^cgt_[0-9a-f]{12}_[\w-]{32}$/);
    const id = /^Token ([0-9a-f]{12}) for ana, valid until (\S+)\./.exec(made.stderr);
    assert.ok(id, made.stderr);
    const days = (Date.parse(id[2]!) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
    const listed = run(['tokens', 'list', '--db', db]).stdout;
    assert.ok(listed.includes(id[1]!) && !listed.includes(token.slice(-20)), 'listed by id, never by secret');

    const store = await openStore(db);
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    try {
      const get = () => app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: `Bearer ${token}` } });
      const docs = (await get()).json() as { items: { collection: string }[] };
      assert.deepEqual(docs.items.map((d) => d.collection), ['desk-a']);
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents' })).statusCode, 401, 'users exist: no anonymous reads even on loopback');
      assert.equal(run(['tokens', 'revoke', id[1]!, '--db', db]).code, 0);
      assert.equal((await get()).statusCode, 401);
      assert.equal(run(['tokens', 'revoke', 'ffffffffffff', '--db', db]).code, 64);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('shows the audit log as JSON Lines, filtered by user and time', () => {
    const lines = run(['audit', '--json', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l) as { action: string; user: string; target: string });
    assert.deepEqual(lines.map((l) => l.action).filter((a) => a !== 'revoke'),
      ['user-created', 'grant', 'grant', 'token-created', 'token-revoked']);
    assert.ok(lines.every((l) => l.user.startsWith('cli:')), 'done from this machine');
    assert.equal(run(['audit', '--user', 'nobody', '--db', db]).stdout, '');
    assert.equal(run(['audit', '--since', '2999-01-01', '--db', db]).stdout, '');
    assert.equal(run(['audit', '--since', 'yesterday', '--db', db]).code, 64);
    assert.match(run(['audit', '--db', db]).stdout, /cli:\S+ {2}local {2}user-created {2}ana {2}\{"role":"viewer"\}/);
  });
});
