/** A test hook for crash safety: a process can be made to stop at a named point so a test can kill -9 it there. */
import { writeSync } from 'node:fs';

/**
 * When CABLEGRAPH_CRASH_AT names this point, says so on standard error and blocks the process for good (inside whatever
 * transaction is open), so a test can kill it there and check what the store kept. Does nothing otherwise.
 */
export function crashPoint(name: string): void {
  if (process.env.CABLEGRAPH_CRASH_AT !== name) return;
  writeSync(2, `crash-point ${name}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
