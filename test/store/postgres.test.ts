/** Runs the Store conformance suite against PostgresStore on a PostgreSQL 15 server this file starts and stops itself. */
import { after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
  const runAsRoot = process.getuid?.() === 0;
  execFileSync(runAsRoot ? 'su' : 'sh', runAsRoot ? ['postgres', '-s', '/bin/sh', '-c', quoted] : ['-c', quoted],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

if (!existsSync(join(PG_BIN, 'initdb'))) {
  describe('Store conformance: PostgreSQL', () => {
    it('needs PostgreSQL 15 (apt-get install postgresql; .ci/run installs it)', { skip: `${PG_BIN}/initdb is absent` }, () => undefined);
  });
} else {
  const root = mkdtempSync(join(tmpdir(), 'cablegraph-pg-'));
  const data = join(root, 'data');
  const socket = join(root, 'run');
  const port = await freePort();
  let started = false;
  after(() => {
    try {
      if (started) asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  // The server runs as postgres: it must be able to enter the temp folder and own its data and socket folders.
  chmodSync(root, 0o755);
  execFileSync('install', ['-d', '-o', 'postgres', '-g', 'postgres', '-m', '0700', data]);
  execFileSync('install', ['-d', '-o', 'postgres', '-g', 'postgres', '-m', '0755', socket]);
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres('pg_ctl', ['-D', data, '-l', join(socket, 'postgres.log'), '-w', '-t', '60', '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off`, 'start']);
  started = true;

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
