/**
 * Scratch folders for exports (bucket files, STIX objects): removed when the export ends, and, should the process exit
 * first (the reader of standard output went away, an error ended the command), when it exits.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Folders in use, removed at exit by one listener (a server may run many exports at once).
const open = new Set<string>();
let listening = false;

/** A new scratch folder and the function that removes it. */
export async function scratchFolder(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  open.add(dir);
  if (!listening) {
    process.once('exit', () => {
      for (const d of open) rmSync(d, { recursive: true, force: true });
    });
    listening = true;
  }
  return {
    dir,
    async remove() {
      open.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
