/** Runs the Store conformance suite against PostgresStore on a PostgreSQL 15 server this file starts and stops itself. */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { storeConformance } from './conformance.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';

const PG_BIN = process.env.CABLEGRAPH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the postgres user when we are root (the server refuses to run as root). */
function asPostgres(binary: string, args: string[]): void {
  const quoted = [join(PG_BIN, binary), ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-s', '/bin/sh', '-c', quoted] : ['-c', quoted],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

if (!existsSync(join(PG_BIN, 'initdb'))) {
  describe('Store conformance: PostgreSQL', () => {
    it('needs PostgreSQL 15 (apt-get install postgresql; .ci/run installs it)', { skip: `${PG_BIN}/initdb is absent` }, () => undefined);
  });
} else {
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as postgres, which must be able to reach the folder: /tmp is world-traversable.
  const root = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'cablegraph-pg-'));
  const data = join(root, 'data');
  const socket = join(root, 'run');
  const port = await freePort();
  after(() => {
    try {
      asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Not running (initdb or start failed): nothing to stop.
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  chmodSync(root, 0o755);
  for (const [dir, mode] of [[data, '0700'], [socket, '0755']] as const) {
    execFileSync('install', ['-d', '-m', mode, ...(asRoot ? ['-o', 'postgres', '-g', 'postgres'] : []), dir]);
  }
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  // fsync off: a test server loses nothing worth keeping in a crash, and runs faster.
  asPostgres('pg_ctl', ['-D', data, '-l', join(socket, 'postgres.log'), '-w', '-t', '60', '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off`, 'start']);

  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  storeConformance('PostgreSQL', {
    async create() {
      const name = `cablegraph_test_${++databases}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const store = new PostgresStore(`postgres://postgres@127.0.0.1:${port}/${name}`);
      await store.migrate();
      return store;
    },
    async corruptOriginal(store, sha256) {
      const client = new pg.Client({ connectionString: (store as PostgresStore).url });
      await client.connect();
      await client.query('UPDATE originals SET bytes = $1 WHERE sha256 = $2', [Buffer.from('tampered'), sha256]);
      await client.end();
    },
  });
}
