/** Scoring a parser on a CoNLL-U file: UPOS accuracy, UAS and LAS over all words (punctuation included), lemmas, speed. */
import { readConllu, type ConlluSentence } from './conllu.js';
import type { Parser } from './index.js';

/** Counts and rates of one evaluation. */
export interface ParseScores {
  words: number;
  upos: number;
  uas: number;
  /** Full relation including the subtype ("obl:tmod" must match exactly). */
  las: number;
  /** Universal part only ("obl" for "obl:tmod"), as the CoNLL 2018 shared task scored LAS. */
  lasUniversal: number;
  lemma: number;
  seconds: number;
  /** Time of a second pass over the same words (JIT warm, per-spelling caches filled), when measured. */
  warmSeconds?: number;
}

/** Parses each sentence's words (the file's own tokenization) and compares with the gold annotation. */
export function scoreParser(parser: Parser, sentences: readonly ConlluSentence[]): ParseScores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  let lasU = 0;
  let lemma = 0;
  const forms = sentences.map((s) => s.words.map((w) => w.form));
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const parsed = forms.map((f) => parser.parse(f));
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  // One core: the smaller of CPU and wall time (CPU also counts JIT/GC threads, wall also counts waiting on a busy machine).
  const seconds = Math.min(wall, (c.user + c.system) / 1e6);
  sentences.forEach((s, k) => {
    const p = parsed[k]!;
    s.words.forEach((w, i) => {
      words++;
      if (p.upos[i] === w.upos) upos++;
      if (p.lemma[i] === w.lemma.toLowerCase()) lemma++;
      if (p.head[i] !== w.head) return;
      uas++;
      if (p.deprel[i] === w.deprel) las++;
      if (p.deprel[i]!.split(':')[0] === w.deprel.split(':')[0]) lasU++;
    });
  });
  const r = (x: number): number => (words === 0 ? 0 : x / words);
  return { words, upos: r(upos), uas: r(uas), las: r(las), lasUniversal: r(lasU), lemma: r(lemma), seconds };
}

/** A report whose last line is exactly `UAS x LAS y UPOS z` (fractions, 4 decimals). */
export function formatScores(s: ParseScores, version: string): string {
  return [
    `model ${version}, ${s.words} words`,
    `UPOS accuracy ${s.upos.toFixed(4)}, lemma accuracy ${s.lemma.toFixed(4)}`,
    `UAS ${s.uas.toFixed(4)}, LAS ${s.las.toFixed(4)} (full relation), LAS ${s.lasUniversal.toFixed(4)} (universal part, as CoNLL 2018)`,
    `tokens/s ${Math.round(s.words / Math.max(s.seconds, 1e-9))} (tag + lemmatise + parse, one core, first pass)` +
      (s.warmSeconds ? `, ${Math.round(s.words / Math.max(s.warmSeconds, 1e-9))} (second pass)` : ''),
    `UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)} UPOS ${s.upos.toFixed(4)}`,
  ].join('\n');
}

/** Scores a parser on a CoNLL-U file and times a second, warm pass; returns the scores and the report. */
export function evaluateParseFile(path: string, parser: Parser): { scores: ParseScores; report: string } {
  const sentences = readConllu(path);
  const scores = scoreParser(parser, sentences);
  const forms = sentences.map((s) => s.words.map((w) => w.form));
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const f of forms) parser.parse(f);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  scores.warmSeconds = Math.min(wall, (c.user + c.system) / 1e6);
  return { scores, report: formatScores(scores, parser.version) };
}
