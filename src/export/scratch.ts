/**
 * Scratch folders for exports (bucket files, STIX objects) and partial output files: removed when the export ends, and,
 * should the process exit first (the reader of standard output went away, an error ended the command), when it exits;
 * a command stopped by a signal removes them with `removeLeftoversSync` (Node runs no exit listener on a signal).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Folders and partial files in use, removed at exit by one listener (a server may run many exports at once).
const open = new Set<string>();
let listening = false;

/** Removes every scratch folder and partial file still in use: for a command stopped by a signal. */
export function removeLeftoversSync(): void {
  for (const d of open) rmSync(d, { recursive: true, force: true });
  open.clear();
}

/** Keeps a path (a partial output file) to be removed should the process stop before it is renamed or removed. */
export function trackLeftover(path: string): void {
  open.add(path);
  listen();
}

/** The path was renamed into place or removed: nothing to clean up. */
export function forgetLeftover(path: string): void {
  open.delete(path);
}

function listen(): void {
  if (listening) return;
  process.once('exit', removeLeftoversSync);
  listening = true;
}

/** A new scratch folder and the function that removes it. */
export async function scratchFolder(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  // Made and recorded in the same tick, so a signal can never fall between the two and leave the folder behind.
  const dir = mkdtempSync(join(tmpdir(), prefix));
  open.add(dir);
  listen();
  return {
    dir,
    async remove() {
      open.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
