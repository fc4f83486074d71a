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

/** Scores a recognizer on parsed documents; returns the tally and the tokens per CPU second of recognize() (tokenization included). */
export function scoreDocuments(
  docs: readonly ConllDocument[],
  recognizer: Recognizer,
): { counts: ScoreCounts; tokensPerSecond: number; wallSeconds: number; cpuSeconds: number } {
  const counts = emptyCounts();
  const rebuilt = docs.map(rebuildText);
  let tokens = 0;
  // CPU time of this process: on a shared machine wall time mostly measures the neighbours.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const results = rebuilt.map((r) => recognizer.recognize(r.text, r.sentences));
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  docs.forEach((doc, d) => {
    const spans = results[d]!;
    const r = rebuilt[d]!;
    doc.sentences.forEach((s, i) => {
      const sent = r.sentences[i]!;
      const inSentence = spans.filter((sp) => sp.start >= sent.start && sp.end <= sent.end);
      const gold = s.tags.map((t) => {
        const [p, ...rest] = t.split('-');
        const type = rest.join('-');
        return t === 'O' ? 'O' : `${p}-${GOLD_ALIASES[type] ?? type}`;
      });
      addSentence(counts, gold, spansToTags(inSentence, r.offsets[i]!));
      tokens += s.tokens.length;
    });
  });
  return { counts, tokensPerSecond: tokens / Math.max(seconds, 1e-9), wallSeconds, cpuSeconds: seconds };
}

/** Reads a CoNLL-2003 (4-column) or `token TAG` file, IOB1 or IOB2, runs the recognizer and reports conlleval scores. */
export async function evaluateNerFile(
  path: string,
  recognizer?: Recognizer,
): Promise<{ report: string; f1: number; tokensPerSecond: number }> {
  const docs = readConll(path);
  const rec = recognizer ?? loadRecognizer();
  const { counts, tokensPerSecond, wallSeconds, cpuSeconds } = scoreDocuments(docs, rec);
  const f1 = prf(counts.overall).f1;
  const lines = [
    `file: ${path} (${isIob1(docs) ? 'IOB1' : 'IOB2'}, ${docs.length} documents)`,
    `model: ${rec.version}`,
    ...formatCounts(counts),
    `time: ${cpuSeconds.toFixed(2)} s CPU, ${wallSeconds.toFixed(2)} s wall: one cold pass of recognize() incl. tokenization (JIT and per-spelling caches start empty; steady state is faster, see bench/ner.ts); tokens/s below is per CPU second`,
    `${Math.round(tokensPerSecond)} tokens/s`,
    `F1 ${f1.toFixed(4)}`,
  ];
  return { report: lines.join('\n'), f1, tokensPerSecond };
}
