/** Reads a file from disk for ingest, refusing missing, empty and oversized files before any byte is loaded. */
import { readFile } from 'node:fs/promises';
import { DEFAULT_LIMITS, IngestFailure, type IngestLimits } from './handler.js';

/** Loads a file's bytes; size is what walkInputs reported (-1 for a missing path). Throws IngestFailure when it cannot. */
export async function loadInputFile(path: string, size: number, limits: IngestLimits = DEFAULT_LIMITS): Promise<Uint8Array> {
  if (size < 0) throw new IngestFailure('not-found', `${path} does not exist.`);
  // Checked against the size on disk so a 200 MB file is refused without reading it into memory.
  if (size > limits.maxFileBytes) {
    throw new IngestFailure('too-large', `${path} is ${size} bytes, more than the ${limits.maxFileBytes}-byte limit; split it or raise the limit.`);
  }
  if (size === 0) throw new IngestFailure('empty-file', `${path} is empty (0 bytes); there is nothing to read.`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new IngestFailure('unreadable', `${path} could not be read: ${(err as Error).message}`);
  }
}
