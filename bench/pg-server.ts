/** A throwaway PostgreSQL cluster for bench/scale.ts --pg: the tests' server (PostgreSQL 15 binaries, fsync off) with a larger buffer cache. */
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
