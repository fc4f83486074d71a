/**
 * Persian and Arabic claims on real news: runs the claim shapes (src/extract/claims-arabic-script.ts) over the train
 * sentences of PEYMA, ARMAN and ANERcorp with their gold names (read in place from ../shared/data; nothing copied),
 * counts them and prints a seeded random sample for judging by hand (no labelled claims exist for these languages).
 * Usage: node --import tsx scripts/claims-sample-fa-ar.ts [--seed N] [--n 40]
 */
import { arabicScriptClaims } from '../src/extract/claims-arabic-script.js';
import type { InputMention } from '../src/extract/types.js';
import { readAnercorp, readArman, readPeyma } from './relations/data/arabic-script.js';
import { readOurSentences } from './relations/data/ours.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
let sentences = 0;
const rows: string[] = [];
for (const [name, read] of Object.entries({ peyma: readPeyma, arman: readArman, anercorp: readAnercorp })) {
  for (const doc of await readOurSentences(name, 'train', read)) {
    sentences += doc.sentences.length;
    const mentions = [...doc.mentions].sort((a, b) => a.start - b.start) as InputMention[];
    for (const c of arabicScriptClaims({ documentId: doc.id, text: doc.text, sentences: doc.sentences, mentions, dates: [], money: [] }, mentions)) {
      rows.push(`${name} ${c.rule} ${c.stance}${c.anonymous ? ' anonymous' : ''} | speaker: ${c.speakerText}${c.speakerKey ? ' [named]' : ''} | claim: ${c.text.slice(0, 100)}`);
    }
  }
}
console.log(`${sentences} sentences, ${rows.length} claims`);
// A seeded shuffle (Park-Miller), so a sample can be drawn again.
let seed = opt('--seed', 23);
const rand = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
for (let i = rows.length - 1; i > 0; i--) {
  const k = Math.floor(rand() * (i + 1));
  [rows[i], rows[k]] = [rows[k]!, rows[i]!];
}
for (const r of rows.slice(0, opt('--n', 40))) console.log(r);
