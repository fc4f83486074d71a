/** Evaluating a recognizer on a CoNLL-format file: conlleval-compatible scores and throughput. */
import type { EntityType } from '../../model/index.js';
import type { Span } from '../../model/index.js';
import { isIob1, readConll, type ConllDocument } from './conll.js';
import { addSentence, emptyCounts, formatCounts, prf, type ScoreCounts } from './score.js';
import { loadRecognizer, type NerSpan, type Recognizer } from './index.js';

const TYPE_TO_CONLL: Record<EntityType, string> = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
// Gold files name types their own way (ANERcorp "PERS", re3d mapped already); compare on CoNLL names.
const GOLD_ALIASES: Record<string, string> = { PERS: 'PER', PERSON: 'PER', Person: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC' };

/** A document rebuilt as text: tokens joined by spaces, one sentence per line, with each token's offsets. */
export interface RebuiltDocument {
  text: string;
  sentences: Span[];
  /** Per sentence, per token: [start, end) in text. */
  offsets: Array<Array<[number, number]>>;
}

/** Joins a CoNLL document's tokens into text so any recognizer can run on it, including its own tokenization. */
export function rebuildText(doc: ConllDocument): RebuiltDocument {
  let text = '';
  const sentences: Span[] = [];
  const offsets: Array<Array<[number, number]>> = [];
  for (const s of doc.sentences) {
    const start = text.length;
    const offs: Array<[number, number]> = [];
    s.tokens.forEach((t, i) => {
      if (i > 0) text += ' ';
      offs.push([text.length, text.length + t.length]);
      text += t;
    });
    sentences.push({ start, end: text.length });
    offsets.push(offs);
    text += '\n';
  }
  return { text, sentences, offsets };
}

/** Projects character spans onto a sentence's tokens as IOB2 tags; a span covering part of a token takes the whole token. */
export function spansToTags(spans: readonly NerSpan[], offs: ReadonlyArray<[number, number]>): string[] {
  const tags = new Array<string>(offs.length).fill('O');
  for (const sp of spans) {
    const first = offs.findIndex(([s, e]) => e > sp.start && s < sp.end);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < offs.length && offs[last + 1]![0] < sp.end) last++;
    const type = TYPE_TO_CONLL[sp.type];
    if (tags.slice(first, last + 1).some((t) => t !== 'O')) continue;
    for (let i = first; i <= last; i++) tags[i] = `${i === first ? 'B' : 'I'}-${type}`;
  }
  return tags;
}

/** The IOB2 tags of sentence `i` of a rebuilt document, from the recognizer's spans of the whole document. */
export function sentenceTags(spans: readonly NerSpan[], r: RebuiltDocument, i: number): string[] {
  const sent = r.sentences[i]!;
  return spansToTags(spans.filter((x) => x.start >= sent.start && x.end <= sent.end), r.offsets[i]!);
}

/** Scores a recognizer on parsed documents; returns the tally and the tokens per second of recognize() (tokenization included), of a second pass when `warmPass`. */
export function scoreDocuments(
  docs: readonly ConllDocument[],
  recognizer: Recognizer,
  options: { warmPass?: boolean; onlyTypes?: readonly string[] } = {},
): { counts: ScoreCounts; tokensPerSecond: number; coldTokensPerSecond: number; wallSeconds: number; cpuSeconds: number } {
  const counts = emptyCounts();
  const rebuilt = docs.map(rebuildText);
  let tokens = 0;
  for (const d of docs) for (const s of d.sentences) tokens += s.tokens.length;
  // Time is the smaller of CPU and wall time: CPU time also counts the JIT and GC helper threads, wall time also
  // counts waiting for other processes; both bound the main thread's time from above, so the rate is a lower bound.
  const timed = (): { results: NerSpan[][]; cpu: number; wall: number } => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const results = rebuilt.map((r) => recognizer.recognize(r.text, r.sentences));
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    return { results, cpu: (c.user + c.system) / 1e6, wall };
  };
  const cold = timed();
  // The first pass pays for the JIT and for filling per-spelling caches; a second pass measures steady state.
  const warm = options.warmPass ? timed() : cold;
  const results = cold.results;
  docs.forEach((doc, d) => {
    const spans = results[d]!;
    const r = rebuilt[d]!;
    doc.sentences.forEach((s, i) => {
      const sent = r.sentences[i]!;
      const only = options.onlyTypes;
      const inSentence = spans.filter((sp) => sp.start >= sent.start && sp.end <= sent.end && (!only || only.includes(TYPE_TO_CONLL[sp.type])));
      const gold = s.tags.map((t) => {
        const [p, ...rest] = t.split('-');
        const type = GOLD_ALIASES[rest.join('-')] ?? rest.join('-');
        // Types outside `onlyTypes` count as O on both sides ("B-DAT", "B-FAC" are not names we score).
        return t === 'O' || (only && !only.includes(type)) ? 'O' : `${p}-${type}`;
      });
      addSentence(counts, gold, spansToTags(inSentence, r.offsets[i]!));
    });
  });
  const rate = (t: { cpu: number; wall: number }): number => tokens / Math.max(Math.min(t.cpu, t.wall), 1e-9);
  return { counts, tokensPerSecond: rate(warm), coldTokensPerSecond: rate(cold), wallSeconds: warm.wall, cpuSeconds: warm.cpu };
}

/** The types scored when a language is named (`eval ner --lang`): other labels count as O on both sides. */
export const NAME_TYPES = ['PER', 'ORG', 'LOC'] as const;

/**
 * Reads a CoNLL-2003 (4-column) or `token TAG` file, IOB1 or IOB2, runs the recognizer and reports conlleval scores;
 * with `onlyTypes`, only those types are scored.
 */
export async function evaluateNerFile(
  path: string,
  recognizer?: Recognizer,
  options: { onlyTypes?: readonly string[] } = {},
): Promise<{ report: string; f1: number; tokensPerSecond: number }> {
  const docs = readConll(path);
  const rec = recognizer ?? loadRecognizer();
  const { counts, tokensPerSecond, coldTokensPerSecond, wallSeconds, cpuSeconds } = scoreDocuments(docs, rec, { warmPass: true, onlyTypes: options.onlyTypes });
  const f1 = prf(counts.overall).f1;
  const lines = [
    `file: ${path} (${isIob1(docs) ? 'IOB1' : 'IOB2'}, ${docs.length} documents)`,
    `model: ${rec.version}${options.onlyTypes ? ` (scored: ${options.onlyTypes.join(', ')}; other labels count as O)` : ''}`,
    ...formatCounts(counts),
    `speed of recognize() incl. tokenization (time = min of CPU and wall): first (cold) pass ${Math.round(coldTokensPerSecond)} tokens/s; second pass ${cpuSeconds.toFixed(2)} s CPU, ${wallSeconds.toFixed(2)} s wall:`,
    `${Math.round(tokensPerSecond)} tokens/s`,
    `F1 ${f1.toFixed(4)}`,
  ];
  return { report: lines.join('\n'), f1, tokensPerSecond };
}
