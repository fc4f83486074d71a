/** Scores extractRelations on re3d with its gold entity mentions: precision, recall and F1 per mapped type. */
// Usage: node --import tsx scripts/eval-relations.ts [re3d dir] [--min-confidence 0.5] [--errors]
// re3d is licensed data: it is read from /work/shared/data/re3d (or the given folder), never copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EntityType } from '../src/model/index.js';
import { DEFAULT_MIN_CONFIDENCE } from '../src/extract/index.js';
import { LEADING_ROLES } from '../src/extract/relations/lexicon.js';
import { extractRelations } from '../src/extract/relations.js';
import type { ExtractedRelation, InputMention } from '../src/extract/types.js';
import { splitSentences } from '../src/nlp/sentences.js';

/** Where re3d lives on the development machines. */
export const RE3D_DIR = '/work/shared/data/re3d';

/** re3d entity types passed to the extractor, as our types; the rest (Weapon, Temporal, Money ...) are not entities here. */
const ENTITY_MAP: Record<string, EntityType> = { Person: 'PERSON', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };

// Pronouns are gold "Person" entities in re3d, but our NER never yields them, so relations through them are out of scope.
const PRONOUNS = new Set('i me my we us our you your he him his she her they them their it its this that these those who which one'.split(' '));

/**
 * How re3d relation types and ours are compared. A scored class pairs gold re3d types with our types (and, for role_in,
 * whether the post is a leading one). Undirected classes match either direction. Unmapped types are not scored:
 * re3d Likes, HasAttrOf, IsSynonymOf, Apart; our paid and succeeded.
 */
export const MAPPING: { name: string; gold: string[]; ours: (r: ExtractedRelation) => boolean; directed: boolean }[] = [
  { name: 'InChargeOf', gold: ['InChargeOf'], ours: (r) => r.type === 'controls' || (r.type === 'role_in' && isLeading(r.role)), directed: true },
  { name: 'BelongsTo', gold: ['BelongsTo'], ours: (r) => r.type === 'part_of' || (r.type === 'role_in' && !isLeading(r.role)), directed: true },
  { name: 'Hostile', gold: ['FightingAgainst', 'Dislikes'], ours: (r) => r.type === 'attacked' || r.type === 'opposed', directed: false },
  { name: 'AlliesOf', gold: ['AlliesOf'], ours: (r) => r.type === 'allied_with', directed: false },
  { name: 'CoLocated', gold: ['CoLocated'], ours: (r) => r.type === 'located_in', directed: false },
  { name: 'CommWith', gold: ['CommWith'], ours: (r) => r.type === 'met' || r.type === 'informant_for' || r.type === 'contacted', directed: false },
];

const LEADING = new Set(LEADING_ROLES);

/** A post puts its holder in charge when its last words name a leading post ("security adviser" does not, "field commander" does). */
function isLeading(role: string | undefined): boolean {
  if (role === undefined) return false;
  const words = role.toLowerCase().replace(/^then-/, '').split(' ');
  return words.some((_w, i) => LEADING.has(words.slice(i).join(' ')));
}

/** Per-class counts. */
export interface ClassScore {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What one evaluation run measured. */
export interface EvalReport {
  documents: number;
  minConfidence: number;
  /** Gold relations of scored types with both ends among the passed mentions (after de-duplication per document). */
  goldInScope: number;
  /** Gold relations of scored types dropped because an end is a pronoun, a nested mention or an unmapped entity type. */
  goldOutOfScope: number;
  classes: ClassScore[];
  overall: ClassScore;
  /** Examples of misses and false alarms, when asked for. */
  errors: string[];
}

interface Re3dEntity { documentId: string; begin: number; end: number; type: string; value: string }
interface Re3dRelation { documentId: string; sourceBegin: number; sourceEnd: number; targetBegin: number; targetEnd: number; type: string; source: string; target: string; value: string }
interface Re3dDocument { _id: string; text: string }

/** Reads a JSON-lines file. */
function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

/** The entity key used in evaluation: the mention's text, lower-cased, without a leading article. */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/[’']s$/, '').replace(/^the /, '').trim();
}

/** Runs the extractor over every re3d document and scores it under MAPPING. */
export function evaluateRe3d(dir = RE3D_DIR, minConfidence = DEFAULT_MIN_CONFIDENCE, collectErrors = false): EvalReport {
  const docs = readJsonl<Re3dDocument>(join(dir, 'json/documents.jsonl'));
  const entities = readJsonl<Re3dEntity>(join(dir, 'json/entities.jsonl'));
  const relations = readJsonl<Re3dRelation>(join(dir, 'json/relations.jsonl'));
  const counts = new Map(MAPPING.map((m) => [m.name, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  let inScope = 0;
  let outOfScope = 0;
  for (const doc of docs) {
    const mentions: InputMention[] = [];
    for (const e of entities) {
      const type = ENTITY_MAP[e.type];
      if (e.documentId !== doc._id || type === undefined || PRONOUNS.has(e.value.toLowerCase())) continue;
      mentions.push({ start: e.begin, end: e.end, type, text: doc.text.slice(e.begin, e.end), entityKey: keyOf(doc.text.slice(e.begin, e.end)) });
    }
    const kept = flatten(mentions);
    const spans = new Set(kept.map((m) => `${m.start}:${m.end}`));
    const predicted = extractRelations({ documentId: doc._id, text: doc.text, sentences: splitSentences(doc.text), mentions: kept, dates: [], money: [] })
      .filter((r) => r.confidence >= minConfidence && r.negated !== true);
    for (const cls of MAPPING) {
      const pairKey = (a: string, b: string): string => (cls.directed ? `${a}|${b}` : [a, b].sort().join('|'));
      const gold = new Map<string, string>();
      for (const r of relations) {
        if (r.documentId !== doc._id || !cls.gold.includes(r.type)) continue;
        const inside = spans.has(`${r.sourceBegin}:${r.sourceEnd}`) && spans.has(`${r.targetBegin}:${r.targetEnd}`);
        const [a, b] = [keyOf(doc.text.slice(r.sourceBegin, r.sourceEnd)), keyOf(doc.text.slice(r.targetBegin, r.targetEnd))];
        if (inside && a !== b) gold.set(pairKey(a, b), `${r.type}: ${r.source} | ${r.value} | ${r.target}`);
        else outOfScope++;
      }
      inScope += gold.size;
      const pred = new Map<string, ExtractedRelation>();
      for (const r of predicted) if (cls.ours(r)) pred.set(pairKey(r.source, r.target), r);
      const c = counts.get(cls.name)!;
      for (const [k, r] of pred) {
        if (gold.has(k)) {
          c.tp++;
          if (collectErrors) errors.push(`TP ${cls.name} ${r.type}(${r.source} -> ${r.target}) [${r.rule} ${r.confidence}]`);
        } else {
          c.fp++;
          if (collectErrors) errors.push(`FP ${cls.name} ${r.type}(${r.source} -> ${r.target}) [${r.rule} ${r.confidence}] ${r.evidence.text.slice(0, 160)}`);
        }
      }
      for (const [k, example] of gold) {
        if (!pred.has(k)) {
          c.fn++;
          if (collectErrors) errors.push(`FN ${cls.name} ${example}`);
        }
      }
    }
  }
  const classes = MAPPING.map((m) => score(m.name, counts.get(m.name)!));
  const total = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { documents: docs.length, minConfidence, goldInScope: inScope, goldOutOfScope: outOfScope, classes, overall: score('overall', total), errors };
}

/** Keeps the longest of overlapping gold mentions, as the CoNLL release of re3d does. */
function flatten(mentions: InputMention[]): InputMention[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: InputMention[] = [];
  for (const m of sorted) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Precision, recall and F1 from counts. */
function score(name: string, c: { tp: number; fp: number; fn: number }): ClassScore {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { name, ...c, precision, recall, f1 };
}

/** Prints a report as a small table. */
function print(report: EvalReport): void {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  console.log(`re3d: ${report.documents} documents, min confidence ${report.minConfidence}; gold in scope ${report.goldInScope}, out of scope ${report.goldOutOfScope}`);
  console.log('class          tp   fp   fn      P      R     F1');
  for (const c of [...report.classes, report.overall]) {
    console.log(`${c.name.padEnd(12)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--') && !/^[\d.]+$/.test(a)) ?? RE3D_DIR;
  const at = args.indexOf('--min-confidence');
  const min = at >= 0 ? Number(args[at + 1]) : DEFAULT_MIN_CONFIDENCE;
  if (!existsSync(join(dir, 'json/relations.jsonl'))) {
    console.error(`re3d not found at ${dir}; nothing to evaluate.`);
    process.exit(0);
  }
  const report = evaluateRe3d(dir, min, args.includes('--errors'));
  print(report);
  for (const e of report.errors) console.log(e);
}
