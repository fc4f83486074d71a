/**
 * Writes CoNLL-2003 articles as plain-text files (one per article, sentences as paragraphs, tokens joined by spaces)
 * into a folder outside the repository, for end-to-end checks such as resolution on real news:
 *   node --import tsx scripts/conll-articles.ts OUT_DIR [--split train|dev] [--count 600]
 *   node --import tsx src/cli/main.ts ingest OUT_DIR --db /tmp/news.db
 * CoNLL-2003 is research-only: it is read from ../shared/data and the files must not be committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_MARKER } from '../src/nlp/ner/conll.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { split: { type: 'string', default: 'train' }, count: { type: 'string', default: '600' } } });
const out = positionals[0];
if (!out) throw new Error('usage: conll-articles.ts OUT_DIR [--split train|dev] [--count N]');
const source = join(import.meta.dirname, '..', '..', 'shared', 'data', 'conll2003', `${values.split}.txt`);

const articles: string[][] = [];
let sentences: string[] = [];
let words: string[] = [];
const endSentence = (): void => {
  if (words.length > 0) sentences.push(words.join(' '));
  words = [];
};
for (const line of readFileSync(source, 'utf8').split('\n')) {
  if (line.startsWith(DOCUMENT_MARKER)) {
    endSentence();
    if (sentences.length > 0) articles.push(sentences);
    sentences = [];
  } else if (line.trim() === '') endSentence();
  else words.push(line.split(' ')[0]!);
}
endSentence();
if (sentences.length > 0) articles.push(sentences);

mkdirSync(out, { recursive: true });
const chosen = articles.slice(0, Number(values.count));
chosen.forEach((a, i) => writeFileSync(join(out, `n${String(i).padStart(4, '0')}.txt`), `${a.join('\n\n')}\n`));
console.log(`${chosen.length} articles written to ${out}`);
