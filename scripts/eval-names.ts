// Precision, recall and F1 of isSameEntity on the OpenSanctions name-matching cases
// (nomenklatura contrib/name_bench/cases.csv, MIT), and the cross-script match rate on Arabic-script/English
// name pairs (google/transliteration ar2en dev split, Apache-2.0), both read in place from /work/shared/data;
// nothing is copied. Usage: npx tsx scripts/eval-names.ts [opensanctions-dir] [--errors]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EntityType } from '../src/model/index.js';
import { isSameEntity } from '../src/resolve/match.js';
import { loadTranslitModel, prepareArabic, prepareLatin } from '../src/resolve/translit/index.js';
import { arabicSkeleton, latinSkeleton, SkeletonIndex } from '../src/resolve/translit/prefilter.js';
import { readSplit, SETS } from './translit/data.js';

/** Where the benchmark lives unless another folder is given. */
export const DEFAULT_NAME_BENCH_DIR = '/work/shared/data/name-matching-opensanctions';
const CASES_FILE = 'nomenklatura-name_bench-cases.csv';

/** Counts and rates of one evaluation. */
export interface NameMatchReport {
  cases: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Per case_group counts, to see where errors come from. */
  byGroup: Record<string, { cases: number; correct: number }>;
  /** Misjudged pairs, for reading. */
  errors: { name1: string; name2: string; type: EntityType; expected: boolean }[];
}

/** Splits CSV text into rows, honouring quoted fields with commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** Maps a FollowTheMoney schema to our entity type: vessels are MISC, legal entities are organisations. */
function typeOf(schema: string): EntityType {
  if (schema === 'Person') return 'PERSON';
  if (schema === 'Vessel') return 'MISC';
  return 'ORG';
}

/** Runs isSameEntity over every labelled pair; null when the data folder is absent. */
export function evaluateNameMatching(dir = DEFAULT_NAME_BENCH_DIR): NameMatchReport | null {
  const file = join(dir, CASES_FILE);
  if (!existsSync(file)) return null;
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const col = (name: string): number => header?.indexOf(name) ?? -1;
  const [cGroup, cSchema, cName1, cName2, cMatch] = ['case_group', 'schema', 'name1', 'name2', 'is_match'].map(col);
  const report: NameMatchReport = { cases: 0, tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, f1: 0, byGroup: {}, errors: [] };
  for (const r of rows) {
    const [group, schema, name1, name2] = [cGroup, cSchema, cName1, cName2].map((c) => r[c ?? -1] ?? '');
    const expected = (r[cMatch ?? -1] ?? '').trim().toLowerCase() === 'true';
    const type = typeOf(schema ?? '');
    const got = isSameEntity(name1 ?? '', name2 ?? '', type);
    report.cases++;
    if (got && expected) report.tp++;
    else if (got) report.fp++;
    else if (expected) report.fn++;
    else report.tn++;
    const g = (report.byGroup[group ?? ''] ??= { cases: 0, correct: 0 });
    g.cases++;
    if (got === expected) g.correct++;
    else report.errors.push({ name1: name1 ?? '', name2: name2 ?? '', type, expected });
  }
  report.precision = report.tp / Math.max(1, report.tp + report.fp);
  report.recall = report.tp / Math.max(1, report.tp + report.fn);
  report.f1 = (2 * report.precision * report.recall) / Math.max(1e-9, report.precision + report.recall);
  return report;
}

/** Where the Arabic/English transliteration pairs live unless another folder is given. */
export const DEFAULT_AR2EN_DIR = '/work/shared/data/names-google-ar2en';

/** How often an Arabic-script name token matches its English spelling, and how often a wrong one. */
export interface CrossScriptReport {
  pairs: number;
  /** Share of true pairs isSameEntity accepts. */
  recall: number;
  /** Share of wrong pairs (each Arabic token against the English token seven rows on) it accepts. */
  falseMatchRate: number;
}

/** Runs isSameEntity over the ar2en dev pairs; null when the folder is absent. */
export function evaluateCrossScript(dir = DEFAULT_AR2EN_DIR): CrossScriptReport | null {
  const file = join(dir, 'dev.tsv');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  let hits = 0;
  let wrong = 0;
  rows.forEach(([arabic = ''], i) => {
    if (isSameEntity(arabic, rows[i]?.[1] ?? '', 'PERSON')) hits++;
    if (isSameEntity(arabic, rows[(i + 7) % rows.length]?.[1] ?? '', 'PERSON')) wrong++;
  });
  return { pairs: rows.length, recall: hits / Math.max(1, rows.length), falseMatchRate: wrong / Math.max(1, rows.length) };
}

/** Cross-script matching on one names-* dev split, with near misses as the wrong pairs. */
export interface HardCrossScriptReport {
  set: string;
  pairs: number;
  recall: number;
  /** Share of wrong pairs accepted among each Arabic name's five nearest other Latin names (by consonant skeleton). */
  hardFalseMatchRate: number;
  hardPairs: number;
}

/**
 * isSameEntity (PERSON) on the first `limit` pairs of each names-* dev split: recall on the true pairs, and false
 * matches against the five Latin names nearest by skeleton (other rows with the same Arabic spelling are not wrong).
 */
export function evaluateCrossScriptHard(limit = 1500): HardCrossScriptReport[] {
  const model = loadTranslitModel();
  if (!model) return [];
  const out: HardCrossScriptReport[] = [];
  for (const set of Object.keys(SETS)) {
    const rows = readSplit(set, 'dev')?.slice(0, limit);
    if (!rows) continue;
    const latin = rows.map((r) => prepareLatin(r.english).join(''));
    const index = new SkeletonIndex(latin.map(latinSkeleton));
    let hits = 0;
    let wrong = 0;
    let hard = 0;
    rows.forEach((r, i) => {
      if (isSameEntity(r.arabic, r.english, 'PERSON')) hits++;
      const near = index.nearest(arabicSkeleton(model, prepareArabic(r.arabic).joined), 12)
        .filter((j) => latin[j] !== latin[i] && rows[j]!.arabic !== r.arabic).slice(0, 5);
      for (const j of near) {
        hard++;
        if (isSameEntity(r.arabic, rows[j]!.english, 'PERSON')) wrong++;
      }
    });
    out.push({ set, pairs: rows.length, recall: hits / Math.max(1, rows.length), hardFalseMatchRate: wrong / Math.max(1, hard), hardPairs: hard });
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? DEFAULT_NAME_BENCH_DIR;
  const report = evaluateNameMatching(dir);
  if (report === null) {
    console.log(`skipped: ${join(dir, CASES_FILE)} not found`);
  } else {
    const pct = (x: number): string => (100 * x).toFixed(1);
    console.log(`name matching on ${report.cases} OpenSanctions cases (isSameEntity, threshold in src/resolve/match.ts)`);
    console.log(`precision ${pct(report.precision)}%  recall ${pct(report.recall)}%  F1 ${pct(report.f1)}%`);
    console.log(`tp ${report.tp}  fp ${report.fp}  fn ${report.fn}  tn ${report.tn}`);
    for (const [g, c] of Object.entries(report.byGroup)) console.log(`  ${g.padEnd(16)} ${c.correct}/${c.cases} correct`);
    if (process.argv.includes('--errors')) {
      for (const e of report.errors) console.log(`${e.expected ? 'FN' : 'FP'} ${e.type} ${e.name1} | ${e.name2}`);
    }
  }
  const cross = evaluateCrossScript();
  if (cross === null) console.log(`skipped: ${join(DEFAULT_AR2EN_DIR, 'dev.tsv')} not found`);
  else {
    const pct = (x: number): string => (100 * x).toFixed(1);
    console.log(`Arabic script vs English, ${cross.pairs} name tokens (ar2en dev): recall ${pct(cross.recall)}%  false matches ${pct(cross.falseMatchRate)}%`);
  }
  for (const h of evaluateCrossScriptHard()) {
    const pct = (x: number): string => (100 * x).toFixed(1);
    console.log(`  ${h.set} dev (first ${h.pairs}): recall ${pct(h.recall)}%  false matches among ${h.hardPairs} near misses ${pct(h.hardFalseMatchRate)}%`);
  }
}
