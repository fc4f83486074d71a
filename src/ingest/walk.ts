/** Expands the paths given to ingest into the files to read, in a stable order. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** A file to ingest; size is -1 when the path does not exist (the caller reports it as "not-found"). */
export interface InputFile {
  path: string;
  size: number;
}

/**
 * Yields every file under the given paths: folders are walked recursively in sorted order, dot-files and
 * dot-folders are skipped, symlinks are followed but a folder already visited (a symlink loop) is not entered twice.
 * A missing path yields { path, size: -1 } rather than throwing, so one typo does not stop a batch. Files in `skip`
 * (absolute paths: the store's own database, its WAL and journal, when it sits among the documents) are never yielded.
 */
export async function* walkInputs(paths: string[], skip: ReadonlySet<string> = new Set()): AsyncGenerator<InputFile> {
  const visited = new Set<string>();
  for (const path of paths) yield* walkPath(path, visited, true, skip);
}

async function* walkPath(path: string, visited: Set<string>, given: boolean, skip: ReadonlySet<string>): AsyncGenerator<InputFile> {
  if (skip.size > 0 && skip.has(resolve(path))) return;
  let info;
  try {
    info = await stat(path);
  } catch {
    // A broken symlink inside a folder is skipped; a path the user typed is reported.
    if (given) yield { path, size: -1 };
    return;
  }
  if (info.isFile()) {
    yield { path, size: info.size };
    return;
  }
  if (!info.isDirectory()) return;
  const real = await realpath(path);
  if (visited.has(real)) return;
  visited.add(real);
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  for (const name of names) yield* walkPath(join(path, name), visited, false, skip);
}
