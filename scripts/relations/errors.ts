/**
 * Groups the false negatives of a relation model by cause, for error analysis on training folds: the candidate pair
 * was never generated (why), the model named another type or direction, or it scored the pair low (in which
 * construction: apposition, possessive, passive, coordination, long path, ...).
 */
import { CLASSES, NONE } from '../../src/extract/relation-model/classes.js';
import { headToken } from '../../src/extract/relation-model/features.js';
import { MAX_AHEAD, canBeRelationEnd, type SentenceView } from '../../src/extract/relation-model/sentence-view.js';
import type { LabelledDoc } from './data/types.js';
import type { LabelledPair } from './examples.js';
import type { Prediction } from './score.js';

/** Ancestors of k, itself first. */
function up(head: Int32Array, k: number): number[] {
  const out: number[] = [];
  for (let x = k; x >= 0 && out.length <= head.length; x = head[x]!) out.push(x);
  return out;
}

/** The construction linking the pair's two mentions, read from the parse and the words between. */
export function construction(view: SentenceView, i: number, j: number): string {
  const p = view.parse;
  const gap = view.mentionTokens[j]![0] - view.mentionTokens[i]![1];
  const between = view.lower.slice(view.mentionTokens[i]![1], Math.max(view.mentionTokens[i]![1], view.mentionTokens[j]![0]));
  if (!p) return 'no parse';
  const hA = headToken(view, i);
  const hB = headToken(view, j);
  const upA = up(p.head, hA);
  const upB = up(p.head, hB);
  const lcaAt = upA.findIndex((x) => upB.includes(x));
  if (lcaAt < 0) return 'no path';
  const lca = upA[lcaAt]!;
  const path = [...upA.slice(0, lcaAt), ...upB.slice(0, upB.indexOf(lca))].map((x) => p.deprel[x]!);
  const kidsCase = (h: number): string[] => p.deprel.flatMap((d, k) => (p.head[k] === h && d === 'case' ? [p.lemma[k]!] : []));
  if (path.includes('appos')) return 'apposition';
  if (path.includes('nmod:poss') || between.includes("'s") || view.lower[view.mentionTokens[j]![1]] === "'s") return "possessive (X's Y)";
  if (path.some((d) => d === 'nsubj:pass' || d === 'obl:agent') || kidsCase(hA).includes('by') || kidsCase(hB).includes('by')) return 'passive / by-agent';
  if (path.includes('conj')) return 'coordination';
  if (path.some((d) => d.startsWith('acl'))) return 'relative / reduced clause';
  if (gap <= 4 && path.every((d) => /^(compound|flat|amod|nmod|nsubj|obj)/.test(d)) && !between.includes(',') && path.length <= 2) return 'pre-modifier / title-name / X in Y';
  if (path.length > 4) return 'long path (>4)';
  if (between.includes(',')) return 'across a comma';
  if (p.upos[lca] === 'VERB' || p.upos[lca] === 'AUX') return `verb frame (${path.length <= 2 ? 'short' : '3-4'})`;
  return `noun frame (${path.length <= 2 ? 'short' : '3-4'})`;
}

/** Why a gold relation had no candidate pair at all. */
function whyNoCandidate(doc: LabelledDoc, g: LabelledDoc['gold'][number]): string {
  const A = doc.mentions.find((m) => m.start === g.source.start);
  const B = doc.mentions.find((m) => m.start === g.target.start);
  if (!A || !B) return 'mention not among the names';
  if (A.entityKey === B.entityKey) return 'same entity key';
  const sent = (at: number): number => doc.sentences.findIndex((s) => s.start <= at && at < s.end);
  if (sent(A.start) !== sent(B.start)) return 'across sentences';
  if (!canBeRelationEnd(A) || !canBeRelationEnd(B)) return 'MISC end not a demonym';
  const [lo, hi] = A.start < B.start ? [A, B] : [B, A];
  const inside = doc.mentions.filter((m) => m.start > lo.start && m.start < hi.start && canBeRelationEnd(m)).length;
  return inside >= MAX_AHEAD ? `window (> ${MAX_AHEAD} mentions apart)` : 'nested / overlapping mention';
}

/** Markdown tables of the false negatives at the threshold, per data set, by cause and type. */
export function errorGroups(docs: readonly LabelledDoc[], pairs: readonly LabelledPair[], predict: (p: LabelledPair) => Prediction, threshold: number, show?: string): string[] {
  const examples: string[] = [];
  let shown = 0;
  const counts = new Map<string, Map<string, number>>();
  const add = (set: string, cause: string): void => {
    const m = counts.get(set) ?? new Map<string, number>();
    m.set(cause, (m.get(cause) ?? 0) + 1);
    counts.set(set, m);
  };
  const groups = new Map<string, LabelledPair[]>();
  for (const p of pairs) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  for (const members of groups.values()) {
    const first = members[0]!;
    if (first.ignored || first.goldTriples.length === 0) continue;
    const predicted = new Set<string>();
    for (const pair of members) {
      const pred = predict(pair);
      if (pred.cls === NONE || pred.p < threshold) continue;
      const c = CLASSES[pred.cls]!;
      const [a, b] = [pair.view.mentions[pair.i]!.entityKey, pair.view.mentions[pair.j]!.entityKey];
      predicted.add(c.reversed ? `${c.type}|${b}|${a}` : `${c.type}|${a}|${b}`);
    }
    for (const readings of first.goldTriples) {
      if (readings.some((r) => predicted.has(r))) continue;
      const type = readings[0]!.split('|')[0]!;
      if (predicted.size > 0) {
        const sameType = [...predicted].some((t) => t.startsWith(`${type}|`));
        add(first.doc.set, sameType ? 'wrong direction' : 'other type predicted');
        continue;
      }
      const rep = members.find((m) => m.positive && m.gold.some((c) => CLASSES[c]!.type === type)) ?? first;
      const cause = construction(rep.view, rep.i, rep.j);
      add(first.doc.set, `low: ${cause}`);
      add(first.doc.set, `  ${cause} ${type}`);
      if (show !== undefined && new RegExp(show).test(`${cause} ${type}`) && first.doc.set === 'news' && shown++ < 30) {
        const [A, B] = [rep.view.mentions[rep.i]!, rep.view.mentions[rep.j]!];
        const pred = predict(rep);
        examples.push(`- ${readings[0]} (model: ${CLASSES[pred.cls]!.name} ${pred.p.toFixed(2)}): ${first.doc.text.slice(rep.view.span.start, A.start)}[[${A.text}]]${first.doc.text.slice(A.end, B.start)}[[${B.text}]]${first.doc.text.slice(B.end, rep.view.span.end)}`);
      }
      add(first.doc.set, `  type ${type}`);
    }
  }
  const groupKeys = new Set(groups.keys());
  for (const doc of docs) {
    const keyAt = new Map(doc.mentions.map((m) => [m.start, m.entityKey]));
    const sent = (at: number): number => doc.sentences.findIndex((s) => s.start <= at && at < s.end);
    for (const g of doc.gold) {
      if (g.types.length === 0) continue;
      const k = `${doc.id}|${sent(g.source.start)}|${[keyAt.get(g.source.start), keyAt.get(g.target.start)].sort().join('|')}`;
      if (!groupKeys.has(k)) add(doc.set, `no candidate: ${whyNoCandidate(doc, g)}`);
    }
  }
  const out: string[] = [];
  for (const [set, m] of counts) {
    out.push(`\n### false negatives at ${threshold}: ${set}\n`, '| cause | n |', '|---|---:|');
    for (const [cause, n] of [...m].sort((a, b) => (a[0].startsWith('  ') === b[0].startsWith('  ') ? b[1] - a[1] : a[0].startsWith('  ') ? 1 : -1))) out.push(`| ${cause} | ${n} |`);
  }
  return [...out, ...examples];
}
