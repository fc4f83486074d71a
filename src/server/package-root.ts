/** Finds the installed package's root folder, whether running from src/ (tsx) or dist/src/ (compiled). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module that holds package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('Cannot find the Cablegraph package root (no package.json above the code).');
    dir = up;
  }
  return dir;
}
