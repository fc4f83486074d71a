/**
 * `node --import tsx scripts/relations/arabic-script-check.ts [--print]`: runs the Persian and Arabic relation frames over
 * real news sentences with their gold names (PEYMA dev, ParsTwiNER dev, ANERcorp dev, read in place from ../shared/data;
 * nothing is copied) and counts the relations found per rule; --print shows each sentence with its names marked and the
 * relation read, for judging by hand (there is no labelled Persian or Arabic relation data to score against).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../src/model/index.js';
import { extractArabicScriptRelations } from '../../src/extract/relations/arabic-script.js';
import type { InputMention } from '../../src/extract/types.js';
import { findPackageRoot } from '../../src/nlp/ner/index.js';

const DATA = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const SETS = ['peyma/dev.txt', 'parstwiner/dev.txt', 'anercorp/dev.txt'];
const TYPES: Record<string, EntityType> = { PER: 'PERSON', PERS: 'PERSON', ORG: 'ORG', LOC: 'LOC' };
const print = process.argv.includes('--print');

/** Sentences of a token-per-line file (token, tab or space, BIO label), with the names as mentions. */
function* sentences(path: string): Generator<{ text: string; mentions: InputMention[] }> {
  let tokens: [string, string][] = [];
  const flush = function* () {
    if (tokens.length === 0) return;
    let text = '';
    const mentions: InputMention[] = [];
    let open: { start: number; type: EntityType } | null = null;
    const close = (): void => {
      if (open) mentions.push({ start: open.start, end: text.length, type: open.type, text: text.slice(open.start), entityKey: `${mentions.length}:${text.slice(open.start)}` });
      open = null;
    };
    for (const [tok, label] of tokens) {
      const [bio, kind] = label.split('-') as [string, string | undefined];
      const type = kind ? TYPES[kind] : undefined;
      if (bio !== 'I' || !type || !open) close();
      if (text.length > 0) text += ' ';
      if (type && (bio === 'B' || !open)) open = { start: text.length, type };
      text += tok;
    }
    close();
    tokens = [];
    yield { text, mentions };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 2) yield* flush();
    else tokens.push([parts[0]!, parts[parts.length - 1]!]);
  }
  yield* flush();
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
