/**
 * Starts a worker thread on a module of this package, from the built .js files or from the .ts sources under tsx.
 * Under tsx, a worker does not inherit the parent's loader hooks (tsx issue 354; Node 20.6+ runs `--import` hooks off
 * the main thread and a worker gets none), so a .ts entry fails with ERR_UNKNOWN_FILE_EXTENSION. The documented way
 * round it is to register tsx inside the worker before importing the entry: a two-line ESM bootstrap, passed as a
 * data: URL so no extra file has to ship. A built .js entry needs no loader either: a worker would otherwise repeat
 * the parent's `--import` (e.g. tsx when a script under tsx runs the built package), about half a second per worker.
 */
import { Worker } from 'node:worker_threads';

// Flags of this process a worker must not repeat: loaders (the bootstrap registers tsx itself), the test runner, inspectors.
const SKIP_FLAG = /^--(import|require|loader|experimental-loader|test|watch|inspect)/u;

/** A worker running `entry` (a file URL of a .js or .ts module) with `workerData`. */
export function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, execArgv: ownFlags() });
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData, execArgv: ownFlags() });
}

/** This process's flags without loaders and test-runner flags (with their values). */
function ownFlags(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (!SKIP_FLAG.test(flag)) out.push(flag);
    else if (!flag.includes('=') && /^--(import|require|loader|experimental-loader)$/u.test(flag)) i++;
  }
  return out;
}
