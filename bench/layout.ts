/**
 * `node --import tsx bench/layout.ts OLD_TREE [DIR] [--files N] [--rounds N]`: the layout pass (reading view, blocks)
 * and the tokenizer over the texts of DIR (default: the 20,000-document bench:scale corpus kept at /work/s20k/corpus;
 * any folder of .txt files), this tree against OLD_TREE (a checkout of another commit with node_modules linked), in
 * one process, rounds alternating. Prints CPU ms per round for each tree and whether the two give the same tokens.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: 'string', default: '4000' }, rounds: { type: 'string', default: '3' } } });
const [oldTree, dir = '/work/s20k/corpus'] = positionals;
if (!oldTree) throw new Error('usage: bench/layout.ts OLD_TREE [DIR] [--files N] [--rounds N]');

type Layout = { analyseLayout(text: string): { reading: string } };
type Tokenize = { tokenize(text: string): { text: string }[] };
const load = async (root: string): Promise<{ layout: Layout; tok: Tokenize }> => ({
  layout: (await import(join(root, 'src/nlp/layout.ts'))) as Layout,
  tok: (await import(join(root, 'src/nlp/tokenize.ts'))) as Tokenize,
});
const trees = { this: await load(resolve('.')), old: await load(resolve(oldTree)) };

const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(values.files)).map((f) => readFileSync(join(dir, f), 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);
console.log(`${texts.length} texts, ${(chars / 1e6).toFixed(1)} MB`);

const run = (t: { layout: Layout; tok: Tokenize }): { layoutMs: number; totalMs: number; tokens: string[] } => {
  const c0 = process.cpuUsage();
  const readings = texts.map((x) => t.layout.analyseLayout(x).reading);
  const c1 = process.cpuUsage(c0);
  const tokens = readings.map((r) => t.tok.tokenize(r).map((k) => k.text).join(' '));
  const c2 = process.cpuUsage(c0);
  return { layoutMs: (c1.user + c1.system) / 1000, totalMs: (c2.user + c2.system) / 1000, tokens };
};
for (let r = 0; r < Number(values.rounds); r++) {
  for (const name of (r % 2 === 0 ? ['this', 'old'] : ['old', 'this']) as ('this' | 'old')[]) {
    const { layoutMs, totalMs, tokens } = run(trees[name]);
    const same = name === 'this' ? '' : ` (tokens ${tokens.join('\n') === run(trees.this).tokens.join('\n') ? 'identical' : 'differ'})`;
    console.log(`round ${r + 1} ${name}: layout ${layoutMs.toFixed(0)} ms, layout + tokenizer ${totalMs.toFixed(0)} ms CPU${same}`);
  }
}
