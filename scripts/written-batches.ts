/** The batch files annotator-writers leave (DIR/<writer>/batch-NN.jsonl): every non-empty line, in order, with where it is. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Calls `each` with every line's parsed object and "file:line"; returns the writers' folder names. */
export function forEachWrittenLine<T>(dir: string, each: (item: T, where: string) => void): string[] {
  const writers = readdirSync(dir).filter((w) => statSync(join(dir, w)).isDirectory()).sort();
  for (const w of writers) {
    for (const f of readdirSync(join(dir, w)).filter((f) => /^batch-\d+\.jsonl$/.test(f)).sort()) {
      const path = join(dir, w, f);
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (line.trim() !== '') each(JSON.parse(line) as T, `${path}:${i + 1}`);
      });
    }
  }
  return writers;
}
