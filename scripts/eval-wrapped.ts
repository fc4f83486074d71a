/**
 * `node --import tsx scripts/eval-wrapped.ts FILE [--width 60] [--model DIR]`: the English recognizer on a CoNLL-format
 * file laid out three ways, each sentence a paragraph of its own: on one line; hard-wrapped at WIDTH columns (as mail
 * and wire copy are); and hard-wrapped with words of 8 letters or more that do not fit broken by a hyphen (as typeset
 * pages, justified PDFs and their OCR are: "Man-" / "souri"). The text goes through the layout's reading view and
 * sentence splitter as an ingest does; F1 of PER, ORG and LOC (MISC counts as O on both sides) on the gold tokens,
 * whose offsets follow the inserted line breaks and hyphens. Nothing is written.
 */
import { parseArgs } from 'node:util';
import { readConll } from '../src/nlp/ner/conll.js';
import { spansToTags } from '../src/nlp/ner/eval.js';
import { loadRecognizer, type NerSpan } from '../src/nlp/ner/index.js';
import { readSentences } from '../src/nlp/sentences.js';
import { addSentence, emptyCounts, prf } from '../src/nlp/ner/score.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { width: { type: 'string', default: '60' }, model: { type: 'string' } } });
const file = positionals[0];
if (!file) throw new Error('usage: scripts/eval-wrapped.ts FILE.conll [--width 60] [--model DIR]');
const WIDTH = Number(values.width);
const recognizer = loadRecognizer('en', values.model);
const docs = readConll(file);

type Layout = 'one line' | 'wrapped' | 'hyphenated';

/** Words broken over two lines in the hyphenated layout, and how many of them are inside a gold name. */
const broken = { words: 0, inNames: 0 };

/** One sentence's tokens laid out; returns the text and each token's [start, end) in it. */
function layOut(tokens: readonly string[], how: Layout, tags?: readonly string[]): { text: string; offsets: Array<[number, number]> } {
  let text = '';
  let line = 0;
  const offsets: Array<[number, number]> = [];
  tokens.forEach((t, i) => {
    const fits = how === 'one line' || line + (i > 0 ? 1 : 0) + t.length <= WIDTH;
    if (i > 0 && fits) {
      text += ' ';
      line++;
    }
    const room = WIDTH - line - 1;
    if (i > 0 && !fits && how === 'hyphenated' && /^\p{L}{8,}$/u.test(t) && room - 1 >= 3 && t.length - (room - 1) >= 3) {
      // "Opera-" at the end of this line, "tions" at the start of the next.
      const at = room - 1;
      broken.words++;
      if (tags?.[i] !== 'O') broken.inNames++;
      text += ` ${t.slice(0, at)}-\n`;
      offsets.push([text.length - at - 2, text.length - 2]);
      const restStart = text.length;
      text += t.slice(at);
      // The token's span in the laid-out text covers both halves and the break.
      offsets[offsets.length - 1] = [offsets.at(-1)![0], restStart + t.length - at];
      line = t.length - at;
      return;
    }
    if (i > 0 && !fits) {
      text += '\n';
      line = 0;
    }
    offsets.push([text.length, text.length + t.length]);
    text += t;
    line += t.length;
  });
  return { text, offsets };
}

function score(how: Layout): number {
  const counts = emptyCounts();
  const noMisc = (tags: readonly string[]): string[] => tags.map((t) => (t.endsWith('-MISC') ? 'O' : t));
  for (const doc of docs) {
    let text = '';
    const placed: { start: number; end: number; offsets: Array<[number, number]> }[] = [];
    for (const s of doc.sentences) {
      const at = text.length;
      const one = layOut(s.tokens, how, s.tags);
      placed.push({ start: at, end: at + one.text.length, offsets: one.offsets.map(([a, b]) => [a + at, b + at] as [number, number]) });
      text += `${one.text}\n\n`;
    }
    const { reading, sentences } = readSentences(text);
    const spans: NerSpan[] = recognizer.recognize(reading, sentences);
    doc.sentences.forEach((s, i) => {
      const p = placed[i]!;
      addSentence(counts, noMisc(s.tags), noMisc(spansToTags(spans.filter((x) => x.start >= p.start && x.end <= p.end), p.offsets)));
    });
  }
  return prf(counts.overall).f1;
}

console.log(`file: ${file}; width ${WIDTH}; model: ${recognizer.version}`);
for (const how of ['one line', 'wrapped', 'hyphenated'] as const) console.log(`${how}: F1 ${score(how).toFixed(4)}`);
console.log(`hyphenated: ${broken.words} words broken over two lines, ${broken.inNames} of them inside a name`);
