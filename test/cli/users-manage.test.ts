/**
 * `cablegraph users role|disable|enable|remove` as a user runs them (real processes, real store file): the same
 * operations as the admin API (auth/admin-ops.ts), audited as `cli:USER`, keeping an admin who can sign in.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';
import { openStore } from '../../src/store/open.js';
import { hashPassword } from '../../src/server/auth/passwords.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CABLEGRAPH_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('cablegraph users role, disable, enable, remove', () => {
  const db = join(tempDir(), 'team.db');
  before(async () => {
    const store = await openStore(db);
    const hash = await hashPassword('a long enough password', { N: 1024, r: 8, p: 1 });
    await store.trust.addUser('chief', 'admin', hash);
    await store.trust.addUser('ana', 'viewer', hash);
    await store.trust.recordLogin(2, '2026-12-03T08:00:00.000Z');
    await store.close();
  });

  it('changes a role, disables, enables and removes a user, refusing to lose the last admin', async () => {
    assert.equal(run(['users', 'role', 'ana', 'editor', '--db', db]).code, 0);
    const last = run(['users', 'disable', 'chief', '--db', db]);
    assert.equal(last.code, 64);
    assert.match(last.stderr, /last admin/);
    assert.match(run(['users', 'role', 'ana', 'owner', '--db', db]).stderr, /role must be one of viewer, editor, admin/);
    assert.equal(run(['users', 'disable', 'ana', '--db', db]).code, 0);
    const list = run(['users', 'list', '--db', db]).stdout;
    assert.match(list, /ana {2}editor \(disabled\) {2}no collections {2}\(since \d{4}-\d{2}-\d{2}, last sign-in 2026-12-03 08:00\)/);
    assert.equal(run(['users', 'enable', 'ana', '--db', db]).code, 0);
    assert.equal(run(['users', 'remove', 'ana', '--db', db]).code, 0);
    assert.match(run(['users', 'remove', 'ana', '--db', db]).stderr, /No user named "ana"/);
    const store = await openStore(db);
    try {
      assert.equal(await store.trust.getUser('ana'), null);
      const rows = (await store.trust.listAudit({ limit: 20 })).reverse();
      assert.deepEqual(rows.map((r) => r.action), ['role-changed', 'user-disabled', 'user-enabled', 'user-removed']);
      assert.ok(rows.every((r) => r.user?.startsWith('cli:') && r.address === 'local'));
    } finally {
      await store.close();
    }
  });
});
