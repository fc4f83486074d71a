// Writes every output of the shipped parser (upos, lemma, head, deprel) for EWT dev and a spread of factbook
// sentences, one line per sentence, so two code paths can be compared byte for byte:
//   node --import tsx scripts/parse-outputs.ts /tmp/new.tsv && cmp /tmp/old.tsv /tmp/new.tsv
// (the lines hold lemmas of the data's words: write them outside the repository). Prints a sha256 of the file.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu } from '../src/nlp/parse/conllu.js';
import { defaultParseModelDir, loadParser, type ParsedSentence } from '../src/nlp/parse/index.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { factbookTexts } from './ner-corpus.js';

/** How many sentences of each kind a sample takes. */
export interface SampleSize {
  dev: number;
  factbook: number;
}

/**
 * Sentences (word lists) to compare parsers on: the first `dev` sentences of EWT dev with their own tokens, then
 * `factbook` factbook sentences spread evenly over the whole text with Cablegraph's tokens; every tenth factbook
 * sentence also in capitals (the all-caps headline path) and in lower case. Empty when the data is missing.
 */
export function sampleSentences(dataDir: string, size: SampleSize): string[][] {
  const out: string[][] = [];
  const dev = join(dataDir, 'ud-english-ewt', 'dev.conllu');
  if (existsSync(dev)) for (const s of readConllu(dev).slice(0, size.dev)) out.push(s.words.map((w) => w.form));
  if (!existsSync(join(dataDir, 'factbook'))) return out;
  const all: string[][] = [];
  for (const text of factbookTexts(dataDir)) {
    for (const s of splitSentences(text)) {
      const words = tokenize(text, s.start, s.end).map((t) => t.text);
      if (words.length > 0) all.push(words);
    }
  }
  const step = Math.max(1, all.length / size.factbook);
  for (let k = 0; k < size.factbook && Math.floor(k * step) < all.length; k++) {
    const words = all[Math.floor(k * step)]!;
    out.push(words);
    if (k % 10 === 0) out.push(words.map((w) => w.toUpperCase()), words.map((w) => w.toLowerCase()));
  }
  return out;
}

/** One parse as a line: tags, lemmas, heads and relations, tab-separated lists. */
export function outputLine(p: ParsedSentence): string {
  return [p.upos.join(' '), p.lemma.join(' '), Array.from(p.head).join(' '), p.deprel.join(' ')].join('\t');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: parse-outputs.ts OUT.tsv [DEV_SENTENCES FACTBOOK_SENTENCES]');
  const dataDir = process.env.CABLEGRAPH_DATA ?? join(defaultParseModelDir(), '..', '..', 'shared', 'data');
  const sentences = sampleSentences(dataDir, { dev: Number(process.argv[3] ?? 1e9), factbook: Number(process.argv[4] ?? 6000) });
  const parser = loadParser();
  const lines = sentences.map((s) => outputLine(parser.parse(s)));
  const text = `${lines.join('\n')}\n`;
  writeFileSync(out, text);
  const words = sentences.reduce((n, s) => n + s.length, 0);
  console.log(`${sentences.length} sentences, ${words} words; sha256 ${createHash('sha256').update(text).digest('hex')}`);
}
