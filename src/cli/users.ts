/**
 * `cablegraph users ...` and `cablegraph tokens ...`: who may sign in to a shared server, with which role, on which
 * collections, and the API tokens they use. Each change is written to the audit log as done from this machine.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { ROLES } from '../store/trust.js';
import { MIN_PASSWORD_LENGTH } from '../server/auth/passwords.js';
import * as ops from '../server/auth/admin-ops.js';
import { parseDuration } from '../server/auth/secrets.js';
import { withDb, withStore, printJson, UserError } from './common.js';

/** The first line of standard input: the password (never an argument, which `ps` and shell history would show). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/u)[0] ?? '';
}

/** Runs an operation of admin-ops.ts (shared with the admin API), audited as done here; its refusals become usage errors. */
async function change<T>(opts: { db?: string }, fn: (store: Store, audit: ops.OpAudit) => Promise<T>): Promise<T> {
  return withStore(opts, async (store) => {
    const audit: ops.OpAudit = (action, target, details = {}) => store.trust.appendAudit({
      at: new Date().toISOString(), user: `cli:${userInfo().username}`, address: 'local', action, target, details,
    });
    try {
      return await fn(store, audit);
    } catch (err) {
      if (err instanceof ops.AdminError) throw new UserError(err.message);
      throw err;
    }
  });
}

/** Registers `users` and `tokens`. */
export function registerUsers(program: Command): void {
  const users = program.command('users').description('Users of a shared server: add, grant or revoke collections, list.');
  withDb(users.command('add <name>'))
    .description(`Add a user; the password (at least ${MIN_PASSWORD_LENGTH} characters) is read from standard input.`)
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (name: string, opts: { db?: string; role: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new UserError(`--role must be one of ${ROLES.join(', ')}, got "${opts.role}".`);
      if (!ops.USER_NAME.test(name)) throw new UserError('A user name is 1 to 100 letters, digits, ".", "_", "@" or "-".');
      const password = await readPassword();
      await change(opts, async (store, audit) => {
        const u = await ops.addUser(store, audit, { name, role: opts.role, password });
        process.stdout.write(`Added ${u.name} (${u.role}).${u.role === 'admin' ? '' : ' Grant collections with `cablegraph users grant`.'}\n`);
      });
    });
  withDb(users.command('grant <name> <collection>'))
    .description('Let a user read a collection (--write: editors may also merge and split in it).')
    .option('--write', 'also allow changes (editors)')
    .action(async (name: string, collection: string, opts: { db?: string; write?: boolean }) => change(opts, async (store, audit) => {
      await ops.grant(store, audit, name, collection, opts.write === true);
      const known = (await store.listCollections()).includes(collection);
      process.stdout.write(`${name} may now ${opts.write ? 'read and change' : 'read'} "${collection}".${known ? '' : ' (No such collection yet.)'}\n`);
    }));
  withDb(users.command('revoke <name> <collection>'))
    .description('Take a collection from a user (effective on their next request).')
    .action(async (name: string, collection: string, opts: { db?: string }) => change(opts, async (store, audit) => {
      const had = await ops.revoke(store, audit, name, collection);
      process.stdout.write(had ? `${name} may no longer see "${collection}".\n` : `${name} had no grant on "${collection}".\n`);
    }));
  withDb(users.command('list'))
    .description('Users with their roles and collections.')
    .option('--json', 'print as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => change(opts, async (store) => {
      const list = await store.trust.listUsers();
      if (opts.json) return printJson(list);
      if (list.length === 0) process.stdout.write('No users: the server asks nobody to sign in (loopback only, or with --token).\n');
      for (const u of list) {
        const grants = u.role === 'admin' ? 'all collections' : u.grants.map((g) => `${g.collection}${g.write ? ' (write)' : ''}`).join(', ') || 'no collections';
        const seen = u.lastLogin ? `, last sign-in ${u.lastLogin.slice(0, 16).replace('T', ' ')}` : '';
        process.stdout.write(`${u.name}  ${u.role}${u.disabled ? ' (disabled)' : ''}  ${grants}  (since ${u.created.slice(0, 10)}${seen})\n`);
      }
    }));
  withDb(users.command('role <name> <role>'))
    .description(`Change a user's role (${ROLES.join(', ')}); the last admin who can sign in keeps theirs.`)
    .action(async (name: string, role: string, opts: { db?: string }) => change(opts, async (store, audit) => {
      await ops.setRole(store, audit, name, role);
      process.stdout.write(`${name} is now ${role}.\n`);
    }));
  for (const [command, disabled] of [['disable', true], ['enable', false]] as const) {
    withDb(users.command(`${command} <name>`))
      .description(disabled ? 'Stop a user signing in; their sessions end and their tokens stop working.' : 'Let a disabled user sign in again.')
      .action(async (name: string, opts: { db?: string }) => change(opts, async (store, audit) => {
        await ops.setDisabled(store, audit, name, disabled);
        process.stdout.write(`${name} is ${disabled ? 'disabled' : 'enabled'}.\n`);
      }));
  }
  withDb(users.command('remove <name>'))
    .description('Remove a user with their grants, tokens and sessions (the audit log keeps what they did).')
    .action(async (name: string, opts: { db?: string }) => change(opts, async (store, audit) => {
      await ops.removeUser(store, audit, name);
      process.stdout.write(`Removed ${name}.\n`);
    }));

  const tokens = program.command('tokens').description('API tokens (Authorization: Bearer) of users: create, revoke, list.');
  withDb(tokens.command('create <name>'))
    .description('Make an API token for a user; it is printed once and stored only as a digest.')
    .option('--expires <duration>', 'lifetime such as 90m, 12h, 30d or 2w (default: none)')
    .action(async (name: string, opts: { db?: string; expires?: string }) => {
      if (opts.expires !== undefined && parseDuration(opts.expires) === null) throw new UserError(`--expires must look like 90m, 12h, 30d or 2w, got "${opts.expires}".`);
      await change(opts, async (store, audit) => {
        const { token, record: t } = await ops.createToken(store, audit, name, opts.expires ?? null);
        process.stderr.write(`Token ${t.id} for ${name}${t.expires ? `, valid until ${t.expires}` : ''}. It is shown only this once:\n`);
        process.stdout.write(`${token}\n`);
      });
    });
  withDb(tokens.command('revoke <id>'))
    .description('Revoke a token by its id (as `tokens list` shows it).')
    .action(async (id: string, opts: { db?: string }) => change(opts, async (store, audit) => {
      await ops.revokeToken(store, audit, id);
      process.stdout.write(`Revoked token ${id}.\n`);
    }));
  withDb(tokens.command('list'))
    .description('Tokens with their users, expiry and whether revoked (never the tokens themselves).')
    .option('--json', 'print as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => change(opts, async (store) => {
      const list = await store.trust.listTokens();
      if (opts.json) return printJson(list);
      for (const t of list) {
        process.stdout.write(`${t.id}  ${t.userName}  created ${t.created}  ${t.revoked ? 'revoked' : t.expires ? `expires ${t.expires}` : 'no expiry'}\n`);
      }
    }));
}
