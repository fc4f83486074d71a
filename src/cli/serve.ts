/** `cablegraph serve`: the workbench and API on 127.0.0.1 unless told otherwise. */
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { openStore, DEFAULT_DB } from '../store/open.js';
import { buildApp } from '../server/app.js';
import { withDb, positiveInt, UserError } from './common.js';

/** Default port of the workbench. */
export const DEFAULT_PORT = 7878;

/** Registers the serve command. */
export function registerServe(program: Command): void {
  withDb(program.command('serve'))
    .description('Serve the web workbench and the HTTP API (OpenAPI at /api/docs).')
    .option('--host <host>', 'address to listen on (keep 127.0.0.1 unless others must reach it)', '127.0.0.1')
    .option('--port <port>', 'port', positiveInt('--port'), DEFAULT_PORT)
    .action(async (opts: { db?: string; host: string; port: number }) => {
      const store = await openStore(opts.db ?? process.env.CABLEGRAPH_DB ?? DEFAULT_DB);
      await serveStore(store, opts.host, opts.port);
    });
}

/** Listens until the process is stopped; closes the store on SIGINT/SIGTERM. */
export async function serveStore(store: Store, host: string, port: number): Promise<void> {
  const app = await buildApp({ store });
  try {
    await app.listen({ host, port });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`Port ${port} on ${host} is in use: pick another with --port.`);
    throw err;
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    process.stderr.write(`Warning: listening on ${host}: other machines can reach this server, and it has no access control yet.\n`);
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`Cablegraph workbench: http://${shown}:${port}/  (API docs: http://${shown}:${port}/api/docs; Ctrl-C stops)\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
