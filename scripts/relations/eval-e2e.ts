/**
 * End-to-end evaluation: our own NER, within-document grouping and relation extraction on the dev documents of a data
 * set, scored against its gold relations by the names at both ends (normalised text; a name also matches a longer
 * gold name it ends ("Lincoln" / "President Lincoln")). Types a set does not annotate are not scored, nor are
 * predictions between names the gold does not mark in that sentence (re3d marks only some names).
 * Usage: node --import tsx scripts/relations/eval-e2e.ts [--sets news,re3d-ours,conll04,re3d] [--extractor rules|model|both]
 * [--model-dir DIR] (another model folder, e.g. an earlier relations-en.bin.gz beside the parser)
 *        [--min-confidence 0.5] [--errors N] [--upper] (every document in capitals)
 */
import { RELATION_TYPES, type RelationTypeId } from '../../src/model/index.js';
import { mentionsStage } from '../../src/extract/stages/mentions.js';
import { loadRecognizer } from '../../src/nlp/ner/index.js';
import { COMPOUND_PARTICIPLES } from '../../src/nlp/compounds.js';
import { extractRelations } from '../../src/extract/relations.js';
import { DEFAULT_MIN_CONFIDENCE, extract } from '../../src/extract/index.js';
import type { ExtractedRelation, ExtractionInput } from '../../src/extract/types.js';
import { extractMoney } from '../../src/nlp/money.js';
import { normKey } from './data/re3d.js';
import { predictedMentions } from './data/predicted.js';
import { dataSets } from './data/sets.js';
import type { LabelledDoc } from './data/types.js';
import { prf, type Counts } from './score.js';

/** Something that extracts relations from an input. */
export type Extractor = (input: ExtractionInput) => ExtractedRelation[];

const SETS = dataSets();
const READERS: Record<string, (split: 'dev') => Promise<LabelledDoc[]>> = Object.fromEntries(Object.entries(SETS).map(([name, set]) => [name, set.read]));

/** A relation as scored: type, and the two ends' names (sorted for symmetric types). */
function tripleKey(type: RelationTypeId, a: string, b: string): string {
  return RELATION_TYPES[type].symmetric ? `${type}|${[a, b].sort().join('|')}` : `${type}|${a}|${b}`;
}

const COMPOUND_KEY = new RegExp(`^(.+)-(?:${COMPOUND_PARTICIPLES.join('|')})$`);
/** The name inside a normalised compound adjective ("minneapolis-based" -> "minneapolis"), else the key itself. */
function splitCompoundKey(key: string): string {
  return COMPOUND_KEY.exec(key)?.[1] ?? key;
}

/** A name as compared: normKey without dots and with spaced punctuation closed ("Conn." = "Conn", "O 'Brien" = "O'Brien"). */
function comparable(name: string): string {
  return name.replace(/\./g, '').replace(/ (['’-]) ?/g, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * True when a predicted name and a gold name denote the same mention by text. A gold compound adjective
 * ("Minneapolis-based", CoNLL's MISC word) also matches the name inside it, as the mentions stage reads it
 * (src/extract/stages/compounds.ts).
 */
function sameName(ours: string, gold: string): boolean {
  const a = comparable(ours);
  return [gold, splitCompoundKey(gold)].some((g) => {
    const b = comparable(g);
    return a === b || b.endsWith(` ${a}`) || a.endsWith(` ${b}`);
  });
}

/** Scores one extractor end to end on documents; returns per-type counts and error lines. */
export function evaluateEndToEnd(docs: readonly LabelledDoc[], extractor: Extractor, minConfidence: number): { counts: Map<string, Counts>; errors: string[] } {
  // NER_MODEL_DIR scores another recognizer (a model folder) end to end.
  const stage = mentionsStage(process.env.NER_MODEL_DIR ? loadRecognizer(process.env.NER_MODEL_DIR) : undefined);
  const counts = new Map<string, Counts>();
  const errors: string[] = [];
  const bump = (t: string, k: keyof Counts): void => {
    const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    counts.set(t, c);
  };
  for (const doc of docs) {
    const mentions = predictedMentions(stage, doc);
    // As ingest reads them: through extract(), so a relation inside a denial is denied and one across an attribution
    // ("According to a senior X official, Y ...") dropped (E2E_RAW=1: the extractor's own output, as before 2026-12-06).
    const input = { documentId: doc.id, text: doc.text, sentences: doc.sentences, mentions, dates: [], money: extractMoney(doc.text) };
    const predicted = (process.env.E2E_RAW === '1' ? extractor(input) : extract(input, extractor).relations)
      .filter((r) => r.confidence >= minConfidence && !r.negated && doc.scope.includes(r.type));
    // Gold per sentence as (type, source name, target name); ignored labels (no type of ours) are kept aside.
    const sentenceOf = (at: number): number => doc.sentences.findIndex((s) => s.start <= at && at < s.end);
    const gold: { s: number; type: RelationTypeId; a: string; b: string; either: boolean; alts: RelationTypeId[] }[] = [];
    const ignored: { s: number; a: string; b: string }[] = [];
    for (const g of doc.gold) {
      const [a, b] = [normKey(doc.text.slice(g.source.start, g.source.end)), normKey(doc.text.slice(g.target.start, g.target.end))];
      if (g.types.length === 0 || g.negated) ignored.push({ s: sentenceOf(g.source.start), a, b });
      else gold.push({ s: sentenceOf(g.source.start), type: g.types[0]!, a, b, either: !!g.eitherDirection, alts: g.types });
    }
    // A prediction between names the gold does not mark in that sentence was never open to the annotators: not scored.
    const goldNames = doc.mentions.map((m) => ({ s: sentenceOf(m.start), name: normKey(m.text) }));
    const marked = (s: number, name: string): boolean => goldNames.some((g) => g.s === s && sameName(name, g.name));
    const matched = new Set<number>();
    for (const r of predicted) {
      const s = sentenceOf(r.evidence.start);
      const a = normKey(doc.text.slice(r.sourceSpan!.start, r.sourceSpan!.end));
      const b = normKey(doc.text.slice(r.targetSpan!.start, r.targetSpan!.end));
      const sym = RELATION_TYPES[r.type].symmetric;
      const hit = gold.findIndex((g, k) => !matched.has(k) && g.s === s && g.alts.includes(r.type) &&
        ((sameName(a, g.a) && sameName(b, g.b)) || ((sym || g.either) && sameName(a, g.b) && sameName(b, g.a))));
      if (hit >= 0) {
        matched.add(hit);
        bump(r.type, 'tp');
      } else if (!ignored.some((g) => g.s === s && ((sameName(a, g.a) && sameName(b, g.b)) || (sameName(a, g.b) && sameName(b, g.a))))
        && marked(s, a) && marked(s, b)) {
        bump(r.type, 'fp');
        errors.push(`FP ${doc.set} ${tripleKey(r.type, a, b)} [${r.rule} ${r.confidence}] ${r.evidence.text.slice(0, 200)}`);
      }
    }
    gold.forEach((g, k) => {
      if (matched.has(k)) return;
      bump(g.type, 'fn');
      errors.push(`FN ${doc.set} ${tripleKey(g.type, g.a, g.b)} ${doc.text.slice(doc.sentences[g.s]?.start ?? 0, doc.sentences[g.s]?.end ?? 0).slice(0, 200)}`);
    });
  }
  return { counts, errors };
}

/** Markdown rows of per-type counts and the total. */
export function countsTable(counts: Map<string, Counts>): string[] {
  const pct = (x: number): string => (100 * x).toFixed(1);
  const rows = ['| type | tp | fp | fn | P | R | F1 |', '|---|---:|---:|---:|---:|---:|---:|'];
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [t, c] of [...counts.entries()].sort()) {
    const s = prf(c);
    rows.push(`| ${t} | ${c.tp} | ${c.fp} | ${c.fn} | ${pct(s.p)} | ${pct(s.r)} | ${pct(s.f)} |`);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  const s = prf(total);
  rows.push(`| **all** | ${total.tp} | ${total.fp} | ${total.fn} | **${pct(s.p)}** | **${pct(s.r)}** | **${pct(s.f)}** |`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const sets = (opt('--sets') ?? 'news,re3d-ours,conll04,re3d').split(',');
  const which = opt('--extractor') ?? 'both';
  const min = Number(opt('--min-confidence') ?? DEFAULT_MIN_CONFIDENCE);
  const extractors: [string, Extractor][] = [];
  // The rules alone are shown at 0.5, the threshold their confidences were set for before the model.
  if (which !== 'model') extractors.push(['rules alone (at 0.5)', extractRelations]);
  if (which !== 'rules') {
    const { modelExtractor } = await import('./model-extractor.js');
    extractors.push(['model', await modelExtractor(opt('--model-dir'))]);
  }
  for (const set of sets) {
    // --upper: every document in capitals, as telexes and old cables are written (offsets unchanged; a document whose
    // capitals change its length is left out).
    const docs = (await READERS[set]!('dev')).flatMap((d) => {
      if (!args.includes('--upper')) return [d];
      const text = d.text.toUpperCase();
      return text.length === d.text.length ? [{ ...d, text, mentions: d.mentions.map((m) => ({ ...m, text: m.text.toUpperCase() })) }] : [];
    });
    for (const [name, ex] of extractors) {
      const threshold = name.startsWith('rules') ? 0.5 : min;
      const { counts, errors } = evaluateEndToEnd(docs, ex, threshold);
      console.log(`\n### ${set} dev, end to end (our NER), ${name}, min confidence ${threshold}\n`);
      for (const l of countsTable(counts)) console.log(l);
      const n = Number(opt('--errors') ?? 0);
      for (const e of errors.slice(0, n)) console.log(e);
    }
  }
}
