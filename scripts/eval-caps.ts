/**
 * `node --import tsx scripts/eval-caps.ts FILE [--model DIR]`: how the English recognizer reads text in capitals, on a
 * CoNLL-format file (PER, ORG, LOC scored; MISC counts as O on both sides), three ways:
 * - the file's own ALL-CAPS sentences (headlines, table rows), read in their documents;
 * - "paragraphs in capitals": every second sentence of 12 words or more of each document upper-cased (as cables write
 *   a summary paragraph), scored on those sentences only;
 * - every document upper-cased whole (a telex), scored on all sentences.
 * Capitals are applied to the words (Unicode upper case; a word whose length would change is left as it is). Nothing
 * is written. See models/MODEL_CARD.md, "Text in capitals".
 */
import { parseArgs } from 'node:util';
import { readConll, type ConllDocument } from '../src/nlp/ner/conll.js';
import { rebuildText, sentenceTags } from '../src/nlp/ner/eval.js';
import { loadRecognizer } from '../src/nlp/ner/index.js';
import { isCapsSentence } from '../src/nlp/ner/headlines.js';
import { addSentence, emptyCounts, prf } from '../src/nlp/ner/score.js';
import { tokenize } from '../src/nlp/tokenize.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { model: { type: 'string' } } });
const file = positionals[0];
if (!file) throw new Error('usage: scripts/eval-caps.ts FILE.conll [--model DIR]');
const recognizer = loadRecognizer('en', values.model);
const docs = readConll(file);

const upper = (w: string): string => (w.toUpperCase().length === w.length ? w.toUpperCase() : w);
const words = (tokens: readonly string[]): number => tokens.filter((t) => /\p{L}/u.test(t)).length;
const noMisc = (tags: readonly string[]): string[] => tags.map((t) => (t.endsWith('-MISC') ? 'O' : t));

/** F1 of the recognizer on the chosen sentences of the documents, each document read whole. */
function score(variant: ConllDocument[], chosen: (doc: number, sentence: number) => boolean): { f1: number; sentences: number } {
  const counts = emptyCounts();
  let n = 0;
  variant.forEach((doc, d) => {
    const r = rebuildText(doc);
    const spans = recognizer.recognize(r.text, r.sentences);
    doc.sentences.forEach((s, i) => {
      if (!chosen(d, i)) return;
      n++;
      addSentence(counts, noMisc(s.tags), noMisc(sentenceTags(spans, r, i)));
    });
  });
  return { f1: prf(counts.overall).f1, sentences: n };
}

const withSentences = (f: (tokens: string[], d: number, i: number) => string[]): ConllDocument[] =>
  docs.map((doc, d) => ({ ...doc, sentences: doc.sentences.map((s, i) => ({ ...s, tokens: f(s.tokens, d, i) })) }));

// Every second long sentence of each document, counted in the document.
const paragraph = docs.map((doc) => {
  let k = 0;
  return doc.sentences.map((s) => words(s.tokens) >= 12 && k++ % 2 === 1);
});
const capsLine = docs.map((doc) => {
  const r = rebuildText(doc);
  return r.sentences.map((s) => isCapsSentence(tokenize(r.text, s.start, s.end)));
});

const lines = [
  ['its own ALL-CAPS sentences', score(docs, (d, i) => capsLine[d]![i]!)],
  ['paragraphs in capitals', score(withSentences((t, d, i) => (paragraph[d]![i] ? t.map(upper) : t)), (d, i) => paragraph[d]![i]!)],
  ['every document in capitals', score(withSentences((t) => t.map(upper)), () => true)],
] as const;
console.log(`file: ${file}; model: ${recognizer.version}`);
for (const [name, { f1, sentences }] of lines) console.log(`${name}: ${sentences} sentences, F1 ${f1.toFixed(4)}`);
