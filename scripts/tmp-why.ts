import { readFileSync } from 'node:fs';
import { mentionsStage } from '../src/extract/stages/mentions.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { modelExtractor } from './relations/model-extractor.js';
import { predictedMentions } from './relations/data/predicted.js';
import { resolveReferences } from '../src/extract/coref/index.js';
const text = readFileSync(process.argv[2]!, 'utf8');
const sentences = splitSentences(text);
const mentions = predictedMentions(mentionsStage(), { id: 'x', text, sentences } as never);
resolveReferences({ text, sentences, mentions }, { trace: (d, chosen) => {
  console.log('COREF', JSON.stringify(text.slice(d.reference.start, d.reference.end)), d.reference.kind, 'options', d.options.map((o, i) => `${o.keys.join('+').replace(/^x#/, '')}:${d.probabilities[i]!.toFixed(2)}`).join(' '), 'null', d.probabilities.at(-1)!.toFixed(2), '->', chosen?.keys.join('+') ?? '-');
} });
const ex = await modelExtractor();
for (const r of ex({ documentId: 'x', text, sentences, mentions, dates: [], money: [] })) {
  console.log(r.type, r.source.replace(/^x#/, ''), '->', r.target.replace(/^x#/, ''), r.confidence.toFixed(2), r.rule, JSON.stringify(r.why ?? ''), r.resolved ? JSON.stringify(r.resolved.map((x) => x.text)) : '', '|', text.slice(r.evidence.start, r.evidence.end).slice(0, 60));
}
