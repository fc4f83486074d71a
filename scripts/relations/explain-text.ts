/**
 * Reads one text file as the facts stage would (our NER and within-document grouping, coreference, parser, relation
 * model and rules) and prints every coreference decision (options with their probabilities, "none named" last) and
 * every relation with its confidence, rule, the features that weighed most and the references it went through.
 * For reading what the extractor does on a new document, e.g. an article a user reports:
 *   node --import tsx scripts/relations/explain-text.ts FILE.txt
 */
import { readFileSync } from 'node:fs';
import { mentionsStage } from '../../src/extract/stages/mentions.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { resolveReferences } from '../../src/extract/coref/index.js';
import { extractMoney } from '../../src/nlp/money.js';
import { modelExtractor } from './model-extractor.js';
import { predictedMentions } from './data/predicted.js';

const path = process.argv[2];
if (!path) throw new Error('usage: explain-text.ts FILE.txt');
const text = readFileSync(path, 'utf8');
const sentences = splitSentences(text);
const mentions = predictedMentions(mentionsStage(), { id: 'x', text, sentences } as never);
const key = (k: string): string => k.replace(/^x#/, '');
resolveReferences({ text, sentences, mentions }, {
  trace: (d, chosen) => {
    const options = d.options.map((o, i) => `${o.keys.map(key).join('+')} ${d.probabilities[i]!.toFixed(2)}`).join(', ');
    console.log(`coref "${text.slice(d.reference.start, d.reference.end)}" (${d.reference.kind}): ${options}; none ${d.probabilities.at(-1)!.toFixed(2)} -> ${chosen ? chosen.keys.map(key).join('+') : '-'}`);
  },
});
const extract = await modelExtractor();
for (const r of extract({ documentId: 'x', text, sentences, mentions, dates: [], money: extractMoney(text) })) {
  const through = r.resolved ? ` via ${r.resolved.map((x) => `"${x.text}"`).join(', ')}` : '';
  console.log(`${r.type} ${key(r.source)} -> ${key(r.target)} ${r.confidence.toFixed(2)} ${r.rule} [${(r.why ?? []).join(' ')}]${through} | ${r.evidence.text.slice(0, 80)}`);
}
