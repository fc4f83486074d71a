/**
 * Writes CoNLL04 sentences (train and dev) as annotation batches for our 12 relation types, in the format of
 * news-candidates.ts, so the CoNLL04 news sentences can be labelled with every type rather than CoNLL04's five.
 * Usage: node --import tsx scripts/relations/conll04-candidates.ts OUT_DIR [--per-batch 100]
 * Writes batch-NN.txt (sentence, numbered names, CoNLL04's own labels mapped onto ours as a hint) and index.jsonl
 * (standoff: split, CoNLL04 row id, mention token spans). CoNLL04 is research-use only: the text goes to OUT_DIR,
 * outside the repository; only standoff labels are committed (annotations/conll04-relations/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/nlp/random.js';
import { CONLL04_MAPPING } from './data/conll04.js';
import { DATA_DIR, readJsonl } from './data/types.js';

interface Row {
  id: string;
  tokens: string[];
  entities: { type: string; start: number; end: number }[];
  relations: { type: string; head: number; tail: number }[];
}

/** One sentence offered to the annotator; mentions are CoNLL04's Peop/Org/Loc entities as [start, end, type]. */
export interface Conll04Candidate {
  id: string;
  file: 'train' | 'dev';
  row: string;
  mentions: [number, number, string][];
}

const TYPE: Record<string, string> = { Peop: 'PER', Org: 'ORG', Loc: 'LOC' };

/** The candidates of one split and the batch text of each: sentences with two or more Peop/Org/Loc names. */
export async function conll04Candidates(split: 'train' | 'dev'): Promise<{ cand: Omit<Conll04Candidate, 'id'>; text: (id: string) => string }[]> {
  const rows = await readJsonl<Row>(join(DATA_DIR, 'conll04', `${split}.jsonl`));
  const out: { cand: Omit<Conll04Candidate, 'id'>; text: (id: string) => string }[] = [];
  for (const row of rows) {
    const kept = row.entities.map((e, i) => ({ e, i })).filter(({ e }) => TYPE[e.type] !== undefined);
    if (kept.length < 2) continue;
    const number = new Map(kept.map(({ i }, n) => [i, n]));
    const mentions = kept.map(({ e }) => [e.start, e.end, TYPE[e.type]!] as [number, number, string]);
    const text = (id: string): string => {
      const words = row.tokens.map((t, k) => {
        const startOf = kept.findIndex(({ e }) => e.start === k);
        const endOf = kept.some(({ e }) => e.end - 1 === k);
        return `${startOf >= 0 ? `[${startOf} ` : ''}${t}${endOf ? ']' : ''}`;
      });
      const hint = row.relations.filter((r) => number.has(r.head) && number.has(r.tail))
        .map((r) => `${CONLL04_MAPPING[r.type]} ${number.get(r.head)} ${number.get(r.tail)}`);
      return [
        `## ${id}`, 'prev: -', `text: ${words.join(' ')}`,
        `names: ${kept.map(({ e }, n) => `${n}=${row.tokens.slice(e.start, e.end).join(' ')}/${TYPE[e.type]}`).join('  ')}`,
        `given: ${hint.length > 0 ? hint.join('; ') : 'none'}`, '',
      ].join('\n');
    };
    out.push({ cand: { file: split, row: row.id, mentions }, text });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: conll04-candidates.ts OUT_DIR [--per-batch N]');
  const at = process.argv.indexOf('--per-batch');
  const perBatch = at > 0 ? Number(process.argv[at + 1]) : 100;
  mkdirSync(dir, { recursive: true });
  const all = [...(await conll04Candidates('train')), ...(await conll04Candidates('dev'))];
  // Shuffled (seeded) so each batch mixes train and dev and no annotator gets one stretch of the source.
  const rnd = seededRandom(20261203);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const index: Conll04Candidate[] = [];
  for (let b = 0; b * perBatch < all.length; b++) {
    const part = all.slice(b * perBatch, (b + 1) * perBatch);
    const texts = part.map((c, k) => {
      const id = `C${String(b * perBatch + k).padStart(4, '0')}`;
      index.push({ id, ...c.cand });
      return c.text(id);
    });
    writeFileSync(join(dir, `batch-${String(b).padStart(2, '0')}.txt`), texts.join('\n'));
  }
  writeFileSync(join(dir, 'index.jsonl'), index.map((c) => JSON.stringify(c)).join('\n') + '\n');
  console.log(`${index.length} items in ${Math.ceil(all.length / perBatch)} batches -> ${dir}`);
}
