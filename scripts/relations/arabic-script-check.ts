/**
 * `node --import tsx scripts/relations/arabic-script-check.ts [--print]`: runs the Persian and Arabic relation frames over
 * real news sentences with their gold names (PEYMA dev, ParsTwiNER dev, ANERcorp dev, read in place from ../shared/data;
 * nothing is copied) and counts the relations found per rule; --print shows each sentence with its names marked and the
 * relation read, for judging by hand (there is no labelled Persian or Arabic relation data to score against).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractArabicScriptRelations } from '../../src/extract/relations/arabic-script.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';
import { readBioSentences } from './data/arabic-script.js';
import type { InputMention } from '../../src/extract/types.js';

const DATA = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const SETS = ['peyma/dev.txt', 'parstwiner/dev.txt', 'anercorp/dev.txt'];
const print = process.argv.includes('--print');

/** Sentences of a token-per-line file with the names as mentions (the relation data sets' reader). */
function* sentences(path: string): Generator<{ text: string; mentions: InputMention[] }> {
  for (const d of readBioSentences(path, path, 'dev')) yield { text: d.text, mentions: d.mentions.map((m, i) => ({ ...m, entityKey: `${i}:${m.text}` })) };
}

const byRule = new Map<string, number>();
for (const set of SETS) {
  const path = join(DATA, set);
  if (!existsSync(path)) {
    console.log(`skipped: ${path} not found`);
    continue;
  }
  let n = 0;
  let found = 0;
  for (const s of sentences(path)) {
    n++;
    const rels = extractArabicScriptRelations({ documentId: set, text: s.text, sentences: [{ start: 0, end: s.text.length }], mentions: s.mentions, dates: [], money: [] });
    for (const r of rels) {
      found++;
      byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
      if (print) {
        const name = (k: string): string => k.slice(k.indexOf(':') + 1);
        // The stretch around the two names, not a whole run-on paragraph.
        const from = Math.max(0, Math.min(r.sourceSpan!.start, r.targetSpan!.start) - 60);
        const to = Math.min(s.text.length, Math.max(r.sourceSpan!.end, r.targetSpan!.end) + 60);
        console.log(`\n[${set} #${n}] ${r.rule} ${r.type}${r.negated ? ' (negated)' : ''}: ${name(r.source)} -> ${name(r.target)}${r.role ? ` (${r.role})` : ''}\n  …${s.text.slice(from, to)}…`);
      }
    }
  }
  console.log(`${set}: ${n} sentences, ${found} relations`);
}
console.log([...byRule].sort((a, b) => b[1] - a[1]).map(([r, k]) => `${r} ${k}`).join(', '));
