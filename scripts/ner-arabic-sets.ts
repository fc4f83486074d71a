// Persian and Arabic NER data from /work/shared/data (read in place, never copied): the sets, label mapping,
// retokenisation onto our tokens (clitics split), word counts and gazetteers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConll, type ConllDocument } from '../src/nlp/ner/conll.js';
import { chunksToBilou, tagsToChunks } from '../src/nlp/ner/tags.js';
import { Gazetteer, gazetteerKey, gazetteerMask } from '../src/nlp/ner/gazetteer.js';
import type { TrainingDocument } from '../src/nlp/ner/perceptron.js';
import { normalizeArabicScript } from '../src/nlp/arabic-script.js';
import { tokenizeArabicScript, type CliticSplitter } from '../src/nlp/arabic-tokenize.js';
import { readWrittenNer } from './ner-written.js';

/** The types of the Persian and Arabic models. */
export const SCRIPT_TYPES = ['PER', 'ORG', 'LOC'] as const;
/** BILOU tags over SCRIPT_TYPES. */
export const SCRIPT_TAGS: string[] = ['O', ...SCRIPT_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`])];

const TYPE_MAP: Record<string, string> = { PER: 'PER', PERS: 'PER', ORG: 'ORG', LOC: 'LOC' };

/** A named labelled set: training part and dev part (the dev is scored, never trained on). */
export interface ScriptSet {
  name: string;
  train: ConllDocument[];
  dev: ConllDocument[];
}

/** Maps tags to PER/ORG/LOC (PERS -> PER); FAC, EVENT, DAT, MISC, ... become O. */
export function mapTypes(docs: ConllDocument[]): ConllDocument[] {
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => ({
      tokens: s.tokens,
      tags: s.tags.map((t) => {
        const type = TYPE_MAP[t.slice(2)];
        return t === 'O' || !type ? 'O' : `${t[0]}-${type}`;
      }),
    })),
  }));
}

/**
 * The sets of a language. ARMAN has no dev part (its fold-1 test is held back): the last tenth of its fold-1 train
 * sentences is our dev, the rest is trained on (its SOURCE.md: "carve one from train").
 */
export function scriptSets(dataDir: string, lang: 'fa' | 'ar', docSentences = 1, protocol: 'final' | 'tune' = 'final'): ScriptSet[] {
  const sets = finalSets(dataDir, lang, docSentences);
  if (protocol === 'final') return sets;
  // Tune protocol: the last tenth of each training part (contiguous, so an article stays on one side) is held out and
  // scored in place of the dev part, which is not read; settings are chosen there (models/MODEL_CARD.md).
  return sets.map((s) => {
    if (s.dev.length === 0) return s; // a set written to teach trains whole and is never scored
    const cut = Math.floor(s.train.length * 0.9);
    return { name: `${s.name} train-tune`, train: s.train.slice(0, cut), dev: s.train.slice(cut) };
  });
}

function finalSets(dataDir: string, lang: 'fa' | 'ar', docSentences: number): ScriptSet[] {
  // News sets are running text in corpus order: `docSentences` consecutive sentences read as one document, so the
  // document features (what the model said about a word earlier) are learnt; tweets stay one document each.
  const read = (f: string): ConllDocument[] => (existsSync(join(dataDir, f)) ? groupSentences(mapTypes(readConll(join(dataDir, f))), f.startsWith('parstwiner') ? 1 : docSentences) : []);
  if (lang === 'ar') return [{ name: 'ANERcorp', train: read('anercorp/train.txt'), dev: read('anercorp/dev.txt') }];
  const arman = read('arman-personer/train.txt');
  const cut = Math.floor(arman.length * 0.9);
  return [
    { name: 'PEYMA', train: read('peyma/train.txt'), dev: read('peyma/dev.txt') },
    { name: 'ARMAN', train: arman.slice(0, cut), dev: arman.slice(cut) },
    { name: 'ParsTwiNER', train: read('parstwiner/train.txt'), dev: read('parstwiner/dev.txt') },
    // Text our annotators wrote (annotations/written-ner-fa), each sentence its own document as PEYMA's; NER_WRITTEN=N
    // reads it N times. Off by default: on the tune parts it moved F1 by no more than a seed does (models/MODEL_CARD.md).
    { name: 'written-fa', train: repeat(Number(process.env.NER_WRITTEN ?? 0), () => readWrittenNer('fa').flatMap((d) => d.sentences.map((x) => ({ sentences: [x] })))), dev: [] },
  ].filter((s) => s.train.length > 0);
}

/** `n` copies of what `read` gives, read once (none, and nothing read, for n = 0). */
function repeat<T>(n: number, read: () => T[]): T[] {
  if (n <= 0) return [];
  const once = read();
  return Array.from({ length: n }, () => once).flat();
}

/** Documents of `k` consecutive sentences each (the input's document boundaries are ignored when k > 1). */
export function groupSentences(docs: ConllDocument[], k: number): ConllDocument[] {
  if (k <= 1) return docs;
  const all = docs.flatMap((d) => d.sentences);
  const out: ConllDocument[] = [];
  for (let i = 0; i < all.length; i += k) out.push({ sentences: all.slice(i, i + k) });
  return out;
}

/** Normalised word counts over the sets' tokens (spaces inside PEYMA tokens split): what the clitic splitter reads. */
export function wordCounts(docs: readonly ConllDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) for (const s of d.sentences) for (const t of s.tokens) for (const w of t.split(/\s+/)) {
    if (!w) continue;
    const n = normalizeArabicScript(w, { tehMarbutaAsHeh: true });
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

/**
 * Gold sentences retokenised as the recognizer will see them: each gold token through tokenizeArabicScript; a
 * clitic opening a name's first token is outside the name ("وبریطانیا"/B-LOC -> "و"/O "بریطانیا"/B-LOC).
 */
export function retokenise(docs: readonly ConllDocument[], splitter: CliticSplitter | undefined): ConllDocument[] {
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => {
      const tokens: string[] = [];
      const tags: string[] = [];
      s.tokens.forEach((tok, i) => {
        const tag = s.tags[i]!;
        const pieces = tokenizeArabicScript(tok, 0, tok.length, splitter);
        let opened = tag === 'O' || tag.startsWith('I-');
        for (const p of pieces) {
          tokens.push(p.text);
          if (tag === 'O' || (p.clitic && !opened)) tags.push('O');
          else {
            tags.push(opened ? `I-${tag.slice(2)}` : tag);
            opened = true;
          }
        }
      });
      return { tokens, tags };
    }).filter((s) => s.tokens.length > 0),
  }));
}

/** Training documents with BILOU tag indices into SCRIPT_TAGS. */
export function toScriptTrainingDocs(docs: readonly ConllDocument[]): TrainingDocument[] {
  const index = new Map(SCRIPT_TAGS.map((t, i) => [t, i]));
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => ({
      tokens: s.tokens,
      gold: Int32Array.from(chunksToBilou(tagsToChunks(s.tags), s.tokens.length), (t) => index.get(t) ?? 0),
    })),
  }));
}

function readTsv(path: string): string[][] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t'));
}

function addPhrase(g: Gazetteer, phrase: string, mask: number): void {
  const toks = tokenizeArabicScript(phrase).map((t) => gazetteerKey(t.text));
  if (toks.length > 0 && toks.length <= 8 && toks.some((t) => /[\u0621-\u06d3]/u.test(t))) g.add(toks, mask);
}

// Role words and organisation heads written by hand (general Persian and Arabic vocabulary, no names): titles
// before a person ("وزیر", "سردار", "الرئيس") and head nouns that open an organisation ("وزارت", "سازمان", "حزب").
const TITLES = `وزیر رئیس ریيس معاون سردار سرلشکر سرتیپ سرهنگ ژنرال آیت الله آیت‌الله حجت الاسلام حجت‌الاسلام دکتر مهندس آقای خانم
سخنگوی نماینده سفیر امام شیخ سید فرمانده مدیرعامل مدیرکل دبیرکل استاندار شهردار رهبر مرحوم شهید پادشاه ملک امیر
الرئيس الوزير وزير رئيس نائب السفير الشيخ الشیخ السيد اللواء العميد العقيد الجنرال الدكتور الأمير الملك الامام الإمام القائد المتحدث قائد`;
const ORG_WORDS = `وزارت سازمان شرکت دانشگاه حزب خبرگزاری بانک مجلس شورای شورا دادگاه ستاد سپاه ارتش نیروی نیروهای قرارگاه
اداره بنیاد انجمن اتحادیه کمیته کمیسیون فدراسیون باشگاه تیم گروه جبهه جنبش روزنامه شبکه مرکز موسسه مؤسسه پژوهشگاه دولت
وزارة منظمة شركة جامعة حزب وكالة بنك مجلس محكمة جيش قوات حركة جبهة اتحاد لجنة هيئة مؤسسة مركز صحيفة قناة نادي فريق حكومة`;

/** Countries and regions in Persian and Arabic from the runtime's CLDR data (Intl.DisplayNames), e.g. "کوبا", "إيران". */
export function regionNames(): string[] {
  const out = new Set<string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) codes.push(a + b);
  for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
  for (const lang of ['fa', 'ar']) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const c of codes) {
      try {
        const name = names.of(c);
        if (name && name !== c) out.add(name);
      } catch {
        // Not a region code.
      }
    }
  }
  return [...out].sort();
}

/**
 * Arabic-script gazetteer from open lists: countries and regions (CLDR), hand-written titles and organisation
 * heads, name tokens seen at least twice in Wikidata's English-Arabic name pairs
 * (CC0; train part only) and native-script forenames of names-by-country (CC0). Normalised, so Arabic and Persian
 * spellings ("علي"/"علی") meet.
 */
export function buildScriptGazetteer(dataDir: string): Gazetteer {
  const g = new Gazetteer();
  for (const name of regionNames()) addPhrase(g, name, gazetteerMask('LOC'));
  for (const w of TITLES.split(/\s+/)) if (w) addPhrase(g, w, gazetteerMask('TITLE'));
  for (const w of ORG_WORDS.split(/\s+/)) if (w) addPhrase(g, w, gazetteerMask('ORGWORD'));
  const nametok = gazetteerMask('NAMETOK');
  for (const row of readTsv(join(dataDir, 'names-wikidata-en-ar/train.tsv'))) {
    const [, chars, count] = row;
    if (!chars || Number(count) < 2) continue;
    addPhrase(g, chars.replace(/ /g, ''), nametok);
  }
  // Name words of Google's Arabic-English name pairs (Apache 2.0; train part).
  for (const [ar] of readTsv(join(dataDir, 'names-google-ar2en/train.tsv'))) if (ar) addPhrase(g, ar, nametok);
  // ANETAC's typed transliterated entities (research use): off by default, they cost 1.4 F1 on ANERcorp dev.
  if (process.env.NER_ANETAC === '1') {
    const cls: Record<string, number> = { PERSON: gazetteerMask('WPER'), ORGANIZATION: gazetteerMask('WORG'), LOCATION: gazetteerMask('WLOC') };
    for (const [c, , ar] of readTsv(join(dataDir, 'names-anetac/entities.tsv'))) if (ar && cls[c!]) addPhrase(g, ar, cls[c!]!);
  }
  const first = gazetteerMask('FIRST');
  const csv = join(dataDir, 'names-by-country/common-forenames-by-country.csv');
  if (existsSync(csv)) {
    for (const line of readFileSync(csv, 'utf8').split('\n')) {
      const cols = line.split(',');
      const local = cols[10];
      if (local && /[\u0621-\u06d3]/u.test(local)) addPhrase(g, local, first);
    }
  }
  return g;
}
