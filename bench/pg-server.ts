/** A throwaway PostgreSQL cluster for bench/scale.ts --pg, started as the tests start theirs (PostgreSQL 15 binaries, fsync off). */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const PG_BIN = process.env.CABLEGRAPH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** Runs a server binary, as the postgres user when we are root (the server refuses to run as root). */
function run(binary: string, args: string[]): void {
  const quoted = [join(PG_BIN, binary), ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-s', '/bin/sh', '-c', quoted] : ['-c', quoted], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/** A free TCP port on 127.0.0.1. */
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

/** Starts a cluster in a temp folder; returns its admin URL and a stop function (which also removes the folder). */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`--pg needs PostgreSQL 15 server binaries in ${PG_BIN} (set CABLEGRAPH_PG_BIN).`);
  const root = mkdtempSync('/tmp/cablegraph-bench-pg-');
  const [data, socket] = [join(root, 'data'), join(root, 'run')];
  chmodSync(root, 0o755);
  for (const [dir, mode] of [[data, '0700'], [socket, '0755']] as const) {
    execFileSync('install', ['-d', '-m', mode, ...(asRoot ? ['-o', 'postgres', '-g', 'postgres'] : []), dir]);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', data, '-l', join(socket, 'postgres.log'), '-w', '-t', '60', '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off -c shared_buffers=256MB`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
