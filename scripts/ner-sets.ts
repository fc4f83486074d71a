// The NER training and check sets under one protocol (models/MODEL_CARD.md, "Protocol"): read from /work/shared/data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConllDocument } from '../src/nlp/ner/conll.js';
import { tagsToChunks } from '../src/nlp/ner/tags.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { scoreDocuments } from '../src/nlp/ner/eval.js';
import type { Recognizer } from '../src/nlp/ner/index.js';
import { joinHyphens, mapRe3dTypes, normaliseRe3d, readIfPresent, splitRe3d } from './ner-corpus.js';

/** `tune`: settings are chosen on parts held out of the training sets; `final`: train on all, report on dev sets. */
export type Protocol = 'tune' | 'final';

/** A scored set: its documents and whether MISC is absent from its gold labels (MISC predictions are then dropped). */
export interface CheckSet {
  name: string;
  docs: ConllDocument[];
  noMisc: boolean;
}

/** What one protocol trains on and checks against. */
export interface NerSets {
  labelled: ConllDocument[];
  checks: CheckSet[];
}

/** Every 5th CoNLL-2003 train document (from the 3rd) and every 4th Wikigold train document (from the 4th) are the tune parts. */
export const isConllTune = (i: number): boolean => i % 5 === 2;
/** Wikigold train documents held out for tuning (see isConllTune). */
export const isWikigoldTune = (i: number): boolean => i % 4 === 3;

// WNUT-17's types mapped onto ours; products and creative works have no CoNLL counterpart and are left out of the gold.
const WNUT_TYPES: Record<string, string> = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG' };

/** Relabels WNUT-17 gold with CoNLL types (person, location, corporation, group); other types become O. */
export function mapWnut(docs: ConllDocument[]): ConllDocument[] {
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => {
      const tags = new Array<string>(s.tokens.length).fill('O');
      for (const c of tagsToChunks(s.tags)) {
        const t = WNUT_TYPES[c.type];
        if (t) for (let i = c.start; i < c.end; i++) tags[i] = `${i === c.start ? 'B' : 'I'}-${t}`;
      }
      return { tokens: s.tokens, tags };
    }),
  }));
}

/** Reads the labelled training documents and the check sets of one protocol. */
export function nerSets(dataDir: string, protocol: Protocol): NerSets {
  const read = (f: string): ConllDocument[] => readIfPresent(join(dataDir, f));
  const conll = read('conll2003/train.txt');
  const wikigold = read('wikigold/train.txt');
  // The Wikipedia training set is small beside CoNLL's newswire: repeating it weighs the second domain up.
  const repeat = Number(process.env.NER_WIKIGOLD_REPEAT ?? 1);
  const wiki = (keep: (i: number) => boolean): ConllDocument[] => Array.from({ length: repeat }, () => wikigold.filter((_, i) => keep(i))).flat();
  const re3dRaw = joinHyphens(read('re3d/train.conll.txt'));
  const re3dTrain = splitRe3d(normaliseRe3d(re3dRaw)).train;
  const re3dHeldOut = splitRe3d(normaliseRe3d(re3dRaw, false)).heldOut;
  const common: CheckSet[] = [
    { name: 'wikigold dev', docs: read('wikigold/dev.txt'), noMisc: false },
    { name: 're3d held-out (stripped)', docs: re3dHeldOut, noMisc: false },
    { name: 'wikiann-en dev (silver)', docs: read('wikiann-en/dev.txt'), noMisc: true },
    { name: 'wnut17 dev (PER/LOC/ORG)', docs: mapWnut(read('wnut17/dev.txt')), noMisc: true },
  ];
  if (protocol === 'tune') {
    return {
      labelled: [...conll.filter((_, i) => !isConllTune(i)), ...wiki((i) => !isWikigoldTune(i)), ...re3dTrain],
      checks: [
        { name: 'conll train-tune', docs: conll.filter((_, i) => isConllTune(i)), noMisc: false },
        { name: 'wikigold train-tune', docs: wikigold.filter((_, i) => isWikigoldTune(i)), noMisc: false },
        ...common,
      ],
    };
  }
  return {
    labelled: [...conll, ...wiki(() => true), ...re3dTrain],
    checks: [
      { name: 'conll dev', docs: read('conll2003/dev.txt'), noMisc: false },
      ...common.slice(0, 2),
      { name: 're3d held-out (types mapped)', docs: splitRe3d(mapRe3dTypes(re3dRaw)).heldOut, noMisc: false },
      ...common.slice(2),
    ],
  };
}

/** Tokenised sentences of a text, with our own splitter and tokenizer (as at inference time). */
function textSentences(text: string, out: string[][]): void {
  for (const s of splitSentences(text)) out.push(tokenize(text, s.start, s.end).map((t) => t.text));
}

/** Unlabelled text beyond the factbook and re3d: EWT sentences (CC BY-SA) and Re-DocRED's Wikipedia introductions (MIT / CC BY-SA). */
export function extraUnlabelled(dataDir: string): string[][] {
  const out: string[][] = [];
  const ewt = join(dataDir, 'ud-english-ewt/train.conllu');
  if (existsSync(ewt)) {
    for (const line of readFileSync(ewt, 'utf8').split('\n')) if (line.startsWith('# text = ')) textSentences(line.slice(9), out);
  }
  const docred = join(dataDir, 'redocred/dev.jsonl');
  if (existsSync(docred)) {
    for (const line of readFileSync(docred, 'utf8').split('\n')) {
      if (line.trim()) for (const s of (JSON.parse(line) as { sents: string[][] }).sents) textSentences(s.join(' '), out);
    }
  }
  return out;
}

/** Scores a recognizer on a check set (MISC predictions dropped where the gold has none). */
export function scoreCheck(check: CheckSet, rec: Recognizer): ReturnType<typeof scoreDocuments> {
  const r: Recognizer = check.noMisc ? { version: rec.version, recognize: (t, s) => rec.recognize(t, s).filter((x) => x.type !== 'MISC') } : rec;
  return scoreDocuments(check.docs, r);
}
