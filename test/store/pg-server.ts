/** A throwaway PostgreSQL 15 server for tests (started on first use, stopped by the caller), shared by the PostgreSQL test files. */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the server binaries are (CABLEGRAPH_PG_BIN overrides). */
export const PG_BIN = process.env.CABLEGRAPH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

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

/** Runs a server binary, as the postgres user when we are root (the server refuses to run as root). */
function runServerBinary(binary: string, args: string[]): void {
  const quoted = [join(PG_BIN, binary), ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-s', '/bin/sh', '-c', quoted] : ['-c', quoted],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
}

/** A throwaway cluster in a temp folder: started on first use (inside a test hook, so failures are reported), stopped after. */
export class TestServer {
  // As root the server runs as postgres, which must be able to reach the folder: /tmp is world-traversable.
  private readonly root = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'cablegraph-pg-'));
  private readonly data = join(this.root, 'data');
  private readonly socket = join(this.root, 'run');
  private port: Promise<number> | undefined;

  /** `settings`: extra server options, e.g. `-c shared_buffers=256MB` for a benchmark. */
  constructor(private readonly settings = '') {}

  /** The admin URL (database "postgres"), starting the server the first time. */
  async url(database = 'postgres'): Promise<string> {
    this.port ??= this.start();
    return `postgres://postgres@127.0.0.1:${await this.port}/${database}`;
  }

  private async start(): Promise<number> {
    const port = await freePort();
    chmodSync(this.root, 0o755);
    for (const [dir, mode] of [[this.data, '0700'], [this.socket, '0755']] as const) {
      execFileSync('install', ['-d', '-m', mode, ...(asRoot ? ['-o', 'postgres', '-g', 'postgres'] : []), dir]);
    }
    runServerBinary('initdb', ['-D', this.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    // fsync off: a test cluster holds nothing worth keeping through a crash, and it is much faster.
    runServerBinary('pg_ctl', ['-D', this.data, '-l', join(this.socket, 'postgres.log'), '-w', '-t', '60', '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${this.socket} -c fsync=off ${this.settings}`, 'start']);
    return port;
  }

  /** Stops the server if it was started (also after a failed or half-done start) and removes the folder. */
  stop(): void {
    try {
      if (this.port && existsSync(join(this.data, 'postmaster.pid'))) runServerBinary('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}

/** True when the server binaries are installed (tests skip with a message otherwise). */
export function hasPostgres(): boolean {
  return existsSync(join(PG_BIN, 'initdb'));
}

/** Returns a function making a new, empty database on `server` per call (its URL). */
export function databaseMaker(server: TestServer, prefix = 'cablegraph_test'): () => Promise<string> {
  let databases = 0;
  return async () => {
    const name = `${prefix}_${++databases}`;
    const admin = new pg.Client({ connectionString: await server.url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return server.url(name);
  };
}
