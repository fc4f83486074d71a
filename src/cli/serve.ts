/** `cablegraph serve`: the workbench and API on 127.0.0.1 unless told otherwise. */
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { openStore, DEFAULT_DB } from '../store/open.js';
import { buildApp } from '../server/app.js';
import { newToken, weakTokenProblem } from '../server/auth.js';
import { hostPolicy, isLoopback } from '../server/hosts.js';
import { withDb, positiveInt, UserError } from './common.js';

/** Default port of the workbench. */
export const DEFAULT_PORT = 7878;

/** Options of serveStore beyond the address. */
export interface ServeOptions {
  /** Access token; beyond loopback one is made when absent, and a weak one is refused. */
  token?: string;
  /** More Host names to answer for (--allowed-host). */
  allowedHosts?: readonly string[];
  /** Rows the audit log keeps before the oldest are dropped (--audit-max-rows). */
  auditMaxRows?: number;
  /** Mark the session cookie Secure although this server speaks plain HTTP (a TLS proxy in front). */
  secureCookies?: boolean;
}

/** Registers the serve command. */
export function registerServe(program: Command): void {
  withDb(program.command('serve'))
    .description('Serve the web workbench and the HTTP API (OpenAPI at /api/docs).')
    .option('--host <host>', 'address to listen on (keep 127.0.0.1 unless others must reach it)', '127.0.0.1')
    .option('--port <port>', 'port', positiveInt('--port'), DEFAULT_PORT)
    .option('--token <token>', 'require this access token, at least 128 random bits beyond loopback (default: $CABLEGRAPH_TOKEN; a random one when listening beyond this machine)')
    .option('--allowed-host <name>', 'also answer requests addressed to this host name (a DNS name or a reverse proxy in front); repeatable',
      (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--audit-max-rows <n>', 'rows the audit log keeps; past it the oldest tenth is dropped (default 1,000,000)', positiveInt('--audit-max-rows'))
    .option('--secure-cookies', 'mark the session cookie Secure (behind a TLS proxy; direct TLS requests get it anyway)')
    .action(async (opts: { db?: string; host: string; port: number; token?: string; allowedHost: string[]; auditMaxRows?: number; secureCookies?: boolean }) => {
      const token = opts.token ?? process.env.CABLEGRAPH_TOKEN;
      const options: ServeOptions = { token, allowedHosts: opts.allowedHost, auditMaxRows: opts.auditMaxRows, secureCookies: opts.secureCookies };
      checkServeOptions(opts.host, options);
      const store = await openStore(opts.db ?? process.env.CABLEGRAPH_DB ?? DEFAULT_DB);
      await serveStore(store, opts.host, opts.port, options);
    });
}

/** Throws a UserError when the options cannot be served safely: a weak token beyond loopback, a malformed --allowed-host. */
export function checkServeOptions(host: string, options: ServeOptions): void {
  try {
    hostPolicy(host, options.allowedHosts);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  const problem = options.token === undefined ? null : weakTokenProblem(options.token);
  if (problem && !isLoopback(host)) throw new UserError(problem);
  if (problem) process.stderr.write(`Warning: ${problem}\n`);
}

/** Listens until the process is stopped; closes the store on SIGINT/SIGTERM. Beyond loopback a strong token is always required. */
export async function serveStore(store: Store, host: string, port: number, options: ServeOptions = {}): Promise<void> {
  let { token } = options;
  try {
    checkServeOptions(host, options);
  } catch (err) {
    await store.close();
    throw err;
  }
  // Users sign in themselves; without any, a server beyond loopback gets a random admin token.
  const hasUsers = await store.trust.hasUsers();
  if (!token && !isLoopback(host) && !hasUsers) token = newToken();
  const app = await buildApp({
    store, token, bindHost: host, allowedHosts: options.allowedHosts,
    audit: { maxRows: options.auditMaxRows }, login: { secureCookies: options.secureCookies },
  });
  try {
    await app.listen({ host, port });
    // Search readers (separate processes, SQLite only) start now, so the first search does not wait for them.
    const withReaders = store as { startSearchReaders?: () => Promise<void> };
    void withReaders.startSearchReaders?.().catch((err: unknown) => console.error('search readers did not start:', err));
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`Port ${port} on ${host} is in use: pick another with --port.`);
    throw err;
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  const base = `http://${shown}:${port}`;
  if (!isLoopback(host)) process.stderr.write(`Listening on ${host}: other machines can reach this server; only holders of the token get in.\n`);
  if (token) {
    process.stdout.write(`Cablegraph workbench: ${base}/login?token=${encodeURIComponent(token)}  (share this link only with people allowed to read the store; Ctrl-C stops)\n`);
  } else if (hasUsers) {
    process.stdout.write(`Cablegraph workbench: ${base}/login  (users sign in with their names and passwords; Ctrl-C stops)\n`);
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
