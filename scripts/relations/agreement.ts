/**
 * Agreement between two annotators of the same items: each relation label is a (type, source, target) triple of
 * mention numbers (symmetric types unordered; a hedged `?` or negated `!` label counts as its own kind), and the second
 * annotator's labels are scored against the first's: precision, recall and F1 overall and per type (F1 here is
 * symmetric in the two annotators). Items are matched by id.
 * Usage: node --import tsx scripts/relations/agreement.ts [SECOND_LABELS_FILE]
 * The first annotator's labels are the committed ones (annotations/*-relations/labels.jsonl); the second's default to
 * annotations/agreement/second-annotator.txt (label lines, `S0123: met 0 1; ...`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELATION_TYPES, type RelationTypeId } from '../../src/model/index.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import { parseLabels, type NewsRelation } from './news-import.js';
import { prf, type Counts } from './score.js';

/** The committed labels of every annotation set, by item id. */
function committedLabels(): Map<string, NewsRelation[]> {
  const root = join(findPackageRoot(), 'annotations');
  const out = new Map<string, NewsRelation[]>();
  for (const dir of readdirSync(root).filter((d) => d.endsWith('-relations'))) {
    const file = join(root, dir, 'labels.jsonl');
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { id: string; relations: NewsRelation[] };
      out.set(item.id, item.relations);
    }
  }
  return out;
}

/** Label lines of one file, by item id. */
function readLabels(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim(), line.slice(colon + 1));
  }
  return out;
}

/** The triples of one item's labels. */
function triples(relations: readonly NewsRelation[]): Set<string> {
  return new Set(relations.map((r) => {
    const [a, b] = RELATION_TYPES[r.type as RelationTypeId].symmetric ? [Math.min(r.src, r.tgt), Math.max(r.src, r.tgt)] : [r.src, r.tgt];
    return `${r.negated ? '!' : r.hedged ? '?' : ''}${r.type}|${a}|${b}`;
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const first = committedLabels();
  const second = readLabels(process.argv[2] ?? join(findPackageRoot(), 'annotations', 'agreement', 'second-annotator.txt'));
  const byType = new Map<string, Counts>();
  const bump = (type: string, k: keyof Counts): void => {
    const c = byType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    byType.set(type, c);
  };
  const byPrefix = new Map<string, Counts>();
  let items = 0;
  for (const [id, rhs] of second) {
    const a = first.get(id);
    if (a === undefined) continue;
    items++;
    const [x, y] = [triples(a), triples(parseLabels(id, rhs, Number.MAX_SAFE_INTEGER))];
    const prefix = id.charAt(0);
    const pc = byPrefix.get(prefix) ?? { tp: 0, fp: 0, fn: 0 };
    for (const t of y) {
      const k = x.has(t) ? 'tp' : 'fp';
      bump(t.split('|')[0]!, k);
      pc[k]++;
    }
    for (const t of x) if (!y.has(t)) { bump(t.split('|')[0]!, 'fn'); pc.fn++; }
    byPrefix.set(prefix, pc);
  }
  const pct = (v: number): string => (100 * v).toFixed(1);
  console.log(`${items} items labelled by both\n\n| items | first | second | both | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|`);
  for (const [p, c] of [...byPrefix].sort()) {
    const s = prf(c);
    console.log(`| ${p}... | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${pct(s.p)} | ${pct(s.r)} | ${pct(s.f)} |`);
  }
  console.log('\n| type | first | second | both | F1 |\n|---|---:|---:|---:|---:|');
  for (const [t, c] of [...byType].sort((p, q) => (q[1].tp + q[1].fn) - (p[1].tp + p[1].fn))) {
    console.log(`| ${t} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${pct(prf(c).f)} |`);
  }
}
