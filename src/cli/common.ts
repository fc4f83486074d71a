/** Options, exit codes and output helpers shared by the subcommands. */
import type { Command } from 'commander';
import { openStore, DEFAULT_DB } from '../store/open.js';
import type { Store } from '../store/store.js';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Unexpected error (store unreadable, bug). */
  error: 1,
  /** Some input files failed; the others were stored. */
  someFailed: 2,
  /** Bad usage or bad input on the command line (unknown option, query syntax error, unknown id). */
  usage: 64,
  /** `verify` found originals that no longer match their SHA-256. */
  verifyMismatch: 3,
  /** Interrupted by Ctrl-C; what was done is stored, a re-run finishes the job. */
  interrupted: 130,
} as const;

/** An error caused by what the user asked for: printed without a stack trace, with its own exit code. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
    this.name = 'UserError';
  }
}

/** Adds the --db option every store command takes. */
export function withDb(cmd: Command): Command {
  return cmd.option('--db <file>', `store file (default: $CABLEGRAPH_DB or ./${DEFAULT_DB})`);
}

/** Opens the store named by --db, CABLEGRAPH_DB or the default, runs `fn`, and closes it. */
export async function withStore<T>(opts: { db?: string }, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(opts.db ?? process.env.CABLEGRAPH_DB ?? DEFAULT_DB);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Parses a positive integer option or fails with a message naming the option. */
export function positiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UserError(`${name} must be a whole number, got "${value}".`);
    return n;
  };
}

/** Bold on a terminal, plain elsewhere. */
export function bold(text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return stream.isTTY ? `\u001b[1m${text}\u001b[22m` : text;
}

/** Writes JSON to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
