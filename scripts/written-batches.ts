/**
 * What annotator-writers leave: batch files (DIR/<writer>/batch-NN.jsonl, one sentence a line) whose sentences mark
 * their names in place, `[surface|TYPE]`.
 */
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

/** A marked name: its span in the plain sentence, its type as written, its surface. */
export interface MarkedName {
  start: number;
  end: number;
  type: string;
  name: string;
}

/** A sentence's plain text and its names marked `[surface|TYPE]` with TYPE one of `types`; any other bracket is an error. */
export function readMarks(s: string, types: readonly string[]): { text: string; names: MarkedName[] } {
  const mark = new RegExp(String.raw`\[([^[\]|]+)\|(${types.join('|')})\]`, 'g');
  const names: MarkedName[] = [];
  let text = '';
  let last = 0;
  for (const m of s.matchAll(mark)) {
    text += s.slice(last, m.index);
    names.push({ start: text.length, end: text.length + m[1]!.length, type: m[2]!, name: m[1]! });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  text += s.slice(last);
  if (/[[\]]/.test(text)) throw new Error(`a bracket left after reading the marks: ${s}`);
  return { text, names };
}
