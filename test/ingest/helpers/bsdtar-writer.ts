// Builds real archives with bsdtar (Debian libarchive-tools) from files written to a temporary folder, so archive
// tests read what the tool itself writes: 7z, tar, tar.gz/.bz2/.xz, iso.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file (or, with `link`, a symbolic link) to put in the archive. */
export interface ArchiveFile {
  name: string;
  data?: string | Uint8Array;
  link?: string;
}

/** True when bsdtar runs here. */
export function hasBsdtar(): boolean {
  return spawnSync('bsdtar', ['--version']).status === 0;
}

/**
 * The bytes of an archive bsdtar writes from `files`; `args` are extra options before the names (format, compression,
 * "-s" substitutions to store names a tool would refuse to write).
 */
export function writeArchive(files: ArchiveFile[], args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-archive-'));
  try {
    const src = join(dir, 'src');
    for (const f of files) {
      const path = join(src, f.name);
      mkdirSync(dirname(path), { recursive: true });
      if (f.link !== undefined) symlinkSync(f.link, path);
      else writeFileSync(path, f.data ?? '');
    }
    const out = join(dir, 'out');
    const run = spawnSync('bsdtar', ['-c', '-f', out, ...args, '-C', src, ...files.map((f) => f.name)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bsdtar failed: ${run.stderr}`);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
