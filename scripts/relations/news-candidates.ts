/**
 * Picks CoNLL-2003 train/dev sentences for hand annotation of our 12 relation types (annotations/news-relations/).
 * Usage: node --import tsx scripts/relations/news-candidates.ts OUT_DIR [--per-batch 100]
 * Writes batch-NN.txt (sentences with numbered gold mentions, for an annotator) and index.jsonl (standoff: file,
 * document and sentence index, mention token spans). The Reuters text is research-use only: it goes to OUT_DIR,
 * outside the repository; only the standoff labels are committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conllChunks, readConll, type ConllDocument } from '../../src/nlp/ner/conll.js';
import { seededRandom } from '../../src/nlp/random.js';

const DATA = process.env.CABLEGRAPH_DATA ?? '/work/shared/data';

/** A sentence offered to the annotator. */
export interface Candidate {
  id: string;
  file: 'train' | 'dev';
  doc: number;
  sent: number;
  /** Gold mentions as [startToken, endToken, type]. */
  mentions: [number, number, string][];
  /** Why it was picked: a trigger family or "random". */
  pick: string;
}

// Sports results, market reports and tables dominate parts of Reuters; relations between people and organisations
// are rare there, so documents whose headline names a sport or a market are skipped (data/conll2003-rest.ts offers
// exactly these skipped documents in a later round).
export const SKIP_HEADLINE = /^(?:SOCCER|CRICKET|TENNIS|GOLF|BASEBALL|BASKETBALL|RUGBY|ATHLETICS|CYCLING|BOXING|MOTOR|NFL|NHL|NBA|HORSE|SKIING|SWIMMING|FORMULA|SQUASH|BADMINTON|ROWING|YACHTING|SPORT|OLYMPIC|ALPINE|SPEEDWAY|HOCKEY|TABLE|VOLLEYBALL|HANDBALL|JUDO)\b|\b(?:STOCKS|BONDS|PRICES|FUTURES|MARKET|RESULTS|STANDINGS|SCOREBOARD|DOLLAR|GOLD|OIL|CORN|WHEAT|SUGAR|COFFEE|METALS|TREASURIES|YIELDS)\b/;

// Words that signal the rare types (paid, succeeded, met, contacted, informant_for), so they are not left to chance.
const TRIGGERS: [string, RegExp][] = [
  ['paid', /\b(?:pa(?:y|id|ys|ying|yment|yments)|fund(?:s|ed|ing)?|financ\w*|brib\w*|donat\w*|loan\w*|grant(?:s|ed)?|aid|compensat\w*|ransom)\b/i],
  ['succeeded', /\b(?:succe(?:ed|eded|eds|ssor|ssion)|replac\w*|predecessor|took over|take over|appoint\w*|nam(?:ed|es) .{0,20}as|resign\w*|elected)\b/i],
  ['met', /\b(?:me(?:t|et|ets|eting|etings)|talks|visit\w*|summit|host(?:s|ed)?|received)\b/i],
  ['contacted', /\b(?:phon\w*|telephon\w*|call(?:s|ed)?|letter|message|wrote|writ\w*|told|urg\w*|warn\w*|brief\w*|appeal\w*|invit\w*|asked)\b/i],
  ['informant_for', /\b(?:spy|spies|spying|espionage|inform\w*|agent|agents|intelligence|recruit\w*|collaborat\w*|double)\b/i],
];

const NAME_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Gold mentions of one sentence from its IOB2 tags. */
function mentionsOf(tags: string[]): [number, number, string][] {
  return conllChunks(tags).filter((c) => NAME_TYPES.has(c.type)).map((c) => [c.start, c.end, c.type]);
}

/** Every sentence worth annotating in one file: prose (>= 8 tokens) with two or more distinct names. */
function collect(docs: ConllDocument[], file: 'train' | 'dev'): Candidate[] {
  const out: Candidate[] = [];
  docs.forEach((d, di) => {
    const headline = d.sentences[0]?.tokens.join(' ') ?? '';
    if (SKIP_HEADLINE.test(headline)) return;
    d.sentences.forEach((s, si) => {
      if (si < 2 || s.tokens.length < 8) return; // headline and dateline
      const mentions = mentionsOf(s.tags);
      const names = new Set(mentions.map(([a, b]) => s.tokens.slice(a, b).join(' ')));
      if (names.size < 2) return;
      const text = s.tokens.join(' ');
      const pick = TRIGGERS.find(([, re]) => re.test(text))?.[0] ?? 'random';
      out.push({ id: '', file, doc: di, sent: si, mentions, pick });
    });
  });
  return out;
}

/** Renders a candidate for the annotator: context sentence, then the sentence with [n name] marks and a type list. */
function render(c: Candidate, doc: ConllDocument): string {
  const s = doc.sentences[c.sent]!;
  const words = [...s.tokens];
  c.mentions.forEach(([a, b], n) => {
    words[a] = `[${n} ${words[a]}`;
    words[b - 1] = `${words[b - 1]}]`;
  });
  const prev = c.sent > 2 ? doc.sentences[c.sent - 1]!.tokens.join(' ') : '';
  const types = c.mentions.map(([a, b, t], n) => `${n}=${s.tokens.slice(a, b).join(' ')}/${t}`).join('  ');
  return [`## ${c.id}`, prev ? `prev: ${prev}` : 'prev: -', `text: ${words.join(' ')}`, `names: ${types}`, ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: news-candidates.ts OUT_DIR');
  const perBatch = Number(process.argv[process.argv.indexOf('--per-batch') + 1] || 100) || 100;
  // A second round (--after INDEX.jsonl) offers the eligible sentences an earlier round did not, numbered after it.
  const after = process.argv.includes('--after') ? process.argv[process.argv.indexOf('--after') + 1]! : undefined;
  mkdirSync(out, { recursive: true });
  const files = { train: readConll(join(DATA, 'conll2003/train.txt')), dev: readConll(join(DATA, 'conll2003/dev.txt')) };
  let all = [...collect(files.train, 'train'), ...collect(files.dev, 'dev')];
  let first = 0;
  let firstBatch = 0;
  if (after !== undefined) {
    const done = readFileSync(after, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Candidate);
    const seen = new Set(done.map((c) => `${c.file}:${c.doc}:${c.sent}`));
    all = all.filter((c) => !seen.has(`${c.file}:${c.doc}:${c.sent}`)).map((c) => ({ ...c, pick: 'random' }));
    first = done.length;
    firstBatch = Math.ceil(done.length / perBatch);
  }
  const rand = seededRandom(2003);
  // Every trigger sentence, plus as many random others, shuffled so batches mix documents and kinds.
  const triggered = all.filter((c) => c.pick !== 'random');
  const others = all.filter((c) => c.pick === 'random').map((c) => ({ c, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.c);
  const share = after !== undefined ? others.length : Math.round(triggered.length * 0.6);
  const chosen = [...triggered, ...others.slice(0, Math.min(others.length, share))]
    .map((c) => ({ c, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.c);
  chosen.forEach((c, i) => (c.id = `S${String(first + i).padStart(4, '0')}`));
  writeFileSync(join(out, after ? 'index-2.jsonl' : 'index.jsonl'), chosen.map((c) => JSON.stringify(c)).join('\n') + '\n');
  for (let b = 0; b * perBatch < chosen.length; b++) {
    const part = chosen.slice(b * perBatch, (b + 1) * perBatch);
    writeFileSync(join(out, `batch-${String(firstBatch + b).padStart(2, '0')}.txt`), part.map((c) => render(c, files[c.file][c.doc]!)).join('\n'));
  }
  const count = (k: string): number => chosen.filter((c) => c.pick === k).length;
  console.log(`${all.length} eligible sentences; chosen ${chosen.length}: ${['paid', 'succeeded', 'met', 'contacted', 'informant_for', 'random'].map((k) => `${k} ${count(k)}`).join(', ')}; ${Math.ceil(chosen.length / perBatch)} batches`);
}
