/**
 * Each Persian and Arabic frame alone on the labelled train sentences (PEYMA, ARMAN, ParsTwiNER, ANERcorp and the text
 * our annotators wrote; dev is not read unless asked): how often it fires between gold names and how often the relation
 * it reads is labelled. For writing and pruning frames (src/extract/relations/arabic-script-frames.ts) without touching dev.
 * Usage: node --import tsx scripts/relations/frame-precision.ts [--split dev] [--show RULE_REGEX] [--missed TYPE]
 * (--show prints each hit of the matching frames, --missed the labelled relations of a type no frame found.)
 */
import { RELATION_TYPES, type RelationTypeId } from '../../src/model/index.js';
import { extractArabicScriptRelations } from '../../src/extract/relations/arabic-script.js';
import { foldArabicLetters } from '../../src/nlp/arabic-script.js';
import { readAnercorp, readArman, readParstwiner, readPeyma } from './data/arabic-script.js';
import { readOurSentences } from './data/ours.js';
import { readWritten } from './data/written.js';
import type { LabelledDoc } from './data/types.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const split = (opt('--split') ?? 'train') as 'train' | 'dev';
const show = opt('--show') ? new RegExp(opt('--show')!) : null;
const missed = opt('--missed') as RelationTypeId | undefined;

const docs: LabelledDoc[] = [];
for (const [name, read] of Object.entries({ peyma: readPeyma, arman: readArman, parstwiner: readParstwiner, anercorp: readAnercorp })) {
  docs.push(...(await readOurSentences(name, split, read)));
}
if (split === 'train') docs.push(...(await readWritten('train', 'written-fa-ar')));

/** The key of a relation between two entities, direction dropped for symmetric types. */
const tripleKey = (type: RelationTypeId, source: string | undefined, target: string | undefined, either = false): string =>
  `${type}|${(RELATION_TYPES[type].symmetric || either ? [source, target].sort() : [source, target]).join('|')}`;

const counts = new Map<string, { hits: number; right: number }>();
const goldByType = new Map<string, number>();
for (const doc of docs) {
  const text = foldArabicLetters(doc.text);
  const keyAt = new Map(doc.mentions.map((m) => [m.start, m.entityKey]));
  const gold = new Set<string>();
  for (const g of doc.gold) {
    for (const t of g.types) {
      gold.add(tripleKey(t, keyAt.get(g.source.start), keyAt.get(g.target.start), g.eitherDirection));
      goldByType.set(t, (goldByType.get(t) ?? 0) + 1);
    }
  }
  const found = new Set<string>();
  const mentions = doc.mentions.map((m) => ({ ...m, text: foldArabicLetters(m.text) }));
  for (const r of extractArabicScriptRelations({ documentId: doc.id, text, sentences: doc.sentences, mentions, dates: [], money: [] })) {
    if (r.negated) continue;
    const key = tripleKey(r.type, r.source, r.target);
    const ok = gold.has(key);
    found.add(key);
    const c = counts.get(r.rule) ?? { hits: 0, right: 0 };
    c.hits++;
    if (ok) c.right++;
    counts.set(r.rule, c);
    if (show?.test(r.rule)) console.log(`${ok ? 'RIGHT' : 'WRONG'} ${r.rule}: ${text.slice(r.sourceSpan!.start, r.sourceSpan!.end)} -> ${text.slice(r.targetSpan!.start, r.targetSpan!.end)} | ${r.evidence.text.slice(0, 200)}`);
  }
  if (missed === undefined) continue;
  for (const g of doc.gold) {
    if (!g.types.includes(missed) || found.has(tripleKey(missed, keyAt.get(g.source.start), keyAt.get(g.target.start), g.eitherDirection))) continue;
    const sentence = doc.sentences.find((x) => x.start <= g.source.start && g.source.start < x.end)!;
    console.log(`MISSED [${doc.set}] ${text.slice(g.source.start, g.source.end)} -> ${text.slice(g.target.start, g.target.end)} | ${text.slice(sentence.start, sentence.end).slice(0, 240)}`);
  }
}
console.log(`${docs.length} ${split} sentences; labelled relations by type: ${[...goldByType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
console.log('| frame | hits | right | precision |\n|---|---:|---:|---:|');
for (const [rule, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${rule} | ${c.hits} | ${c.right} | ${(c.right / c.hits).toFixed(2)} |`);
