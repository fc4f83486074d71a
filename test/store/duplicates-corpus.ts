/**
 * Generated documents for near-duplicate tests, from the sentences of the sample articles: unrelated reports (a seeded
 * pick of sentences), and re-reports of earlier ones the way syndication makes them (a sentence dropped or swapped, new
 * headline and boilerplate, re-wrapped lines, OCR noise), exact copies, mixtures bridging two reports, and empty texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../src/store/ids.js';
import type { NewDocument } from '../../src/store/store.js';
import { SAMPLE_CORPUS } from '../helpers.js';
import { random } from '../resolve/generated-collection.js';

const SENTENCES = readdirSync(SAMPLE_CORPUS).filter((f) => f.endsWith('.txt')).sort()
  .flatMap((f) => readFileSync(join(SAMPLE_CORPUS, f), 'utf8').split(/(?<=[.!?”])\s+(?=[“A-Z])/u))
  .map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s.split(' ').length >= 6);

/** Wraps a text at `width` columns, as mail and OCR do. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** Documents for one collection, deterministic for a seed; texts already made are kept so later ones can copy them. */
export class DuplicateCorpus {
  private readonly r: () => number;
  /** Every text made so far, as sentence lists (index = document number). */
  readonly made: string[][] = [];
  private count = 0;

  constructor(readonly collection: string, seed: number) {
    this.r = random(seed);
  }

  private pick(): string {
    return SENTENCES[Math.floor(this.r() * SENTENCES.length)]!;
  }

  private earlier(): string[] {
    return this.made[Math.floor(this.r() * this.made.length)]!;
  }

  /** The sentences of the next document: a new report, or (with probability `dupShare`) a re-report of an earlier one. */
  private nextSentences(dupShare: number): string[] {
    const roll = this.r();
    if (this.made.length === 0 || roll >= dupShare) return Array.from({ length: 8 + Math.floor(this.r() * 8) }, () => this.pick());
    const base = this.earlier();
    const kind = Math.floor(this.r() * 5);
    if (kind === 0) return [...base]; // an exact copy (other file, same text)
    if (kind === 1) return base.filter((_, i) => i !== Math.floor(this.r() * base.length)).concat(this.pick()); // one sentence swapped
    if (kind === 2) return ['UPDATED: a report republished.', ...base, 'Read more on our site.']; // headline and boilerplate
    if (kind === 3) return base.map((s, i) => (i === 1 ? s.replace(/l/gu, '1').replace(/O/gu, '0') : s)); // OCR noise in one sentence
    // A mixture of two earlier reports: may bridge their groups.
    const other = this.earlier();
    return [...base.slice(0, Math.ceil(base.length * 0.7)), ...other.slice(Math.floor(other.length * 0.3))];
  }

  /** The next `n` documents; `dupShare` of them re-report earlier ones; every 25th has no text. */
  next(n: number, dupShare = 0.4): NewDocument[] {
    const docs: NewDocument[] = [];
    for (let k = 0; k < n; k++) {
      const number = this.count++;
      const sentences = number % 25 === 24 ? [] : this.nextSentences(dupShare);
      this.made.push(sentences);
      const text = sentences.length === 0 ? '  \n ' : wrap(sentences.join(' '), 50 + Math.floor(this.r() * 30));
      // The path is part of the original, so an exact copy is another document with the same text.
      const original = new TextEncoder().encode(`${number}\n${text}`);
      docs.push({
        collection: this.collection, sentences: [],
        doc: { sha256: sha256Hex(original), path: `${this.collection}/${number}.txt`, format: 'text', text, language: 'en', original },
      });
    }
    return docs;
  }
}
