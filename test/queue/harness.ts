/** Helpers of the queue tests: a corpus of real paragraphs, the CLI as child processes, a comparable snapshot of a store. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/**
 * The sample articles cut at blank lines into one file per paragraph (68 short documents): enough batches to spread
 * over workers, quick to extract. Paths are the same on every run, so document ids are too.
 */
export function paragraphCorpus(): string {
  const dir = tempDir('cablegraph-queue-corpus-');
  for (const name of readdirSync(SAMPLE_CORPUS).filter((n) => n.endsWith('.txt')).sort()) {
    const paragraphs = readFileSync(join(SAMPLE_CORPUS, name), 'utf8').split(/\n\s*\n/u).filter((p) => p.trim() !== '');
    paragraphs.forEach((p, i) => writeFileSync(join(dir, `${basename(name, '.txt')}_p${String(i + 1).padStart(2, '0')}.txt`), `${p.trim()}\n`));
  }
  return dir;
}

/** A running CLI child with its output collected. */
export interface Cli {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** What it printed so far, and its exit if it ended. */
  output: () => string;
}

/** Starts `cablegraph ...` (extra environment variables added). */
export function startCli(args: string[], env: Record<string, string> = {}): Cli {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const output = (): string => `${args.slice(0, 1).join(' ')} (pid ${child.pid}, ${child.exitCode !== null || child.signalCode !== null ? `ended: ${child.exitCode ?? child.signalCode}` : 'running'})`
    + `\n  stdout: ${stdout.slice(-2000)}\n  stderr: ${stderr.slice(-4000)}`;
  return { child, done, output };
}

/** Runs `cablegraph ...` to its end. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return startCli(args, env).done;
}

/**
 * The store's documents, entities, relations, events and claims as the JSON export gives them (fixed timestamp),
 * each list sorted, so two stores built in any order compare equal exactly when they hold the same things.
 */
export async function snapshot(db: string): Promise<Record<string, string[]>> {
  const r = await runCli(['export', '--db', db, '--format', 'json', '--timestamp', '2020-01-01T00:00:00Z']);
  if (r.code !== 0) throw new Error(`export failed (${r.code}): ${r.stderr}`);
  const data = JSON.parse(r.stdout) as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) out[key] = value.map((v) => JSON.stringify(v)).sort();
  }
  return out;
}

/**
 * Polls `check` until it returns a value (not undefined), or fails after `seconds`; the failure carries what
 * `explain` says (the children's output, the queue's rows) so a timeout in CI can be read.
 */
export async function waitFor<T>(what: string, seconds: number, check: () => Promise<T | undefined>, explain?: () => Promise<string>): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) {
      const detail = explain ? await explain().catch((err: unknown) => `(no detail: ${String(err)})`) : '';
      throw new Error(`timed out waiting for ${what}${detail ? `\n${detail}` : ''}`);
    }
    await sleep(100);
  }
}
