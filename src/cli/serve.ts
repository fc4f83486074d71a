/** `cablegraph serve`: the workbench and API on 127.0.0.1 unless told otherwise. */
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { openStore, DEFAULT_DB } from '../store/open.js';
import { buildApp } from '../server/app.js';
import { newToken } from '../server/auth.js';
import { withDb, positiveInt, UserError } from './common.js';

/** Default port of the workbench. */
export const DEFAULT_PORT = 7878;

/** Registers the serve command. */
export function registerServe(program: Command): void {
  withDb(program.command('serve'))
    .description('Serve the web workbench and the HTTP API (OpenAPI at /api/docs).')
    .option('--host <host>', 'address to listen on (keep 127.0.0.1 unless others must reach it)', '127.0.0.1')
    .option('--port <port>', 'port', positiveInt('--port'), DEFAULT_PORT)
    .option('--token <token>', 'require this access token (default: $CABLEGRAPH_TOKEN; a random one when listening beyond this machine)')
    .action(async (opts: { db?: string; host: string; port: number; token?: string }) => {
      const store = await openStore(opts.db ?? process.env.CABLEGRAPH_DB ?? DEFAULT_DB);
      await serveStore(store, opts.host, opts.port, opts.token ?? process.env.CABLEGRAPH_TOKEN);
    });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Listens until the process is stopped; closes the store on SIGINT/SIGTERM. Beyond loopback a token is always required. */
export async function serveStore(store: Store, host: string, port: number, token?: string): Promise<void> {
  if (!token && !LOOPBACK.has(host)) token = newToken();
  const app = await buildApp({ store, token });
  try {
    await app.listen({ host, port });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`Port ${port} on ${host} is in use: pick another with --port.`);
    throw err;
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  const base = `http://${shown}:${port}`;
  if (!LOOPBACK.has(host)) process.stderr.write(`Listening on ${host}: other machines can reach this server; only holders of the token get in.\n`);
  if (token) {
    process.stdout.write(`Cablegraph workbench: ${base}/login?token=${encodeURIComponent(token)}  (share this link only with people allowed to read the store; Ctrl-C stops)\n`);
  } else {
    process.stdout.write(`Cablegraph workbench: ${base}/  (API docs: ${base}/api/docs; Ctrl-C stops)\n`);
  }
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
