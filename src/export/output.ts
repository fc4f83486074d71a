/**
 * Writing an export's chunks: to a file with back-pressure, through a temporary name renamed only once the last chunk
 * is written (a failed read never leaves a truncated file that looks complete), or to a stream such as standard output.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { forgetLeftover, trackLeftover } from './scratch.js';

/** An export that failed after it started writing: says how far it got and why; its partial output was removed. */
export class ExportWriteError extends Error {
  constructor(readonly path: string | null, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(path ? `Export to ${path} failed, nothing written there: ${why}` : `Export failed part-way, the output is incomplete: ${why}`, { cause });
    this.name = 'ExportWriteError';
  }
}

/** The chunks as a byte stream (empty chunks skipped: a Readable of strings would end at none, but they carry nothing). */
export function chunkStream(chunks: AsyncIterable<string>): Readable {
  return Readable.from((async function* () {
    for await (const chunk of chunks) if (chunk.length > 0) yield Buffer.from(chunk, 'utf8');
  })(), { objectMode: false });
}

/** The temporary name a file is written under before it is renamed into place: hidden, beside it, per process. */
export function partialPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
}

/** Writes several files, each under its temporary name, renaming them all into place only when every one is complete. */
export async function writeFilesAtomically(files: { path: string; chunks: () => AsyncIterable<string> }[]): Promise<void> {
  const written: string[] = [];
  try {
    for (const f of files) {
      const partial = partialPath(f.path);
      written.push(partial);
      trackLeftover(partial);
      const out = createWriteStream(partial);
      try {
        await pipeline(chunkStream(f.chunks()), out);
      } finally {
        // A failure destroys the stream, which may still be opening its file: it must close (the file then exists) before
        // the partial copies are removed, or the removal comes first and the file appears after it.
        if (!out.closed) await once(out, 'close').catch(() => undefined);
      }
    }
  } catch (err) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    written.forEach(forgetLeftover);
    throw new ExportWriteError(files.map((f) => f.path).join(', '), err);
  }
  for (const [i, f] of files.entries()) {
    await rename(written[i]!, f.path);
    forgetLeftover(written[i]!);
  }
}

/** Writes the chunks to a stream that stays open (standard output); a failure part-way is reported as such. */
export async function writeToStream(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  try {
    await pipeline(chunkStream(chunks), out, { end: false });
  } catch (err) {
    throw new ExportWriteError(null, err);
  }
}
