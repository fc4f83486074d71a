/** A throwaway PostgreSQL cluster for bench/scale.ts --pg: the tests' server (PostgreSQL 15 binaries, fsync off) with a larger buffer cache. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PG_BIN, TestServer, hasPostgres } from '../test/store/pg-server.js';

/** Starts a cluster in a temp folder; returns its admin URL and a stop function (which also removes the folder). */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  if (!hasPostgres()) throw new Error(`--pg needs PostgreSQL 15 server binaries in ${PG_BIN} (set CABLEGRAPH_PG_BIN).`);
  const server = new TestServer('-c shared_buffers=256MB');
  try {
    return { url: await server.url(), stop: () => server.stop() };
  } catch (error) {
    server.stop();
    throw error;
  }
}

/** Client tools of the same PostgreSQL 15 as the server (pg_dump and pg_restore must not be older than it). */
function clientTool(name: 'pg_dump' | 'pg_restore' | 'vacuumdb', args: string[]): void {
  execFileSync(join(PG_BIN, name), args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Writes the database at `url` to `file` (custom format): a kept store for `bench:scale --reuse DIR --pg`. */
export function dumpPostgres(url: string, file: string): void {
  clientTool('pg_dump', ['--format=custom', '--compress=1', '--file', file, '--dbname', url]);
}

/**
 * Loads a dump written by dumpPostgres into the (empty) database at `url`. A restore leaves no planner statistics and no
 * visibility map: run vacuumPostgres after migrating the restored store to this schema (a migration rewrites rows too).
 */
export function restorePostgres(url: string, file: string): void {
  clientTool('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', url, file]);
}

/** VACUUM ANALYZE of the database at `url`: planner statistics and the visibility map, as autovacuum leaves a store in use. */
export function vacuumPostgres(url: string): void {
  clientTool('vacuumdb', ['--analyze', '--quiet', '--dbname', url]);
}
