/**
 * `node --import tsx scripts/relations/denials-count.ts [SETS]` (default news,conll04,factbook-ours,re3d-ours,ewt-ours;
 * `written` for the text our annotators wrote): how often a denial answers an earlier sentence's relation
 * (src/extract/denials.ts) on the dev and train documents of the sets, read as an ingest reads them (our NER, the
 * relation model): the denials by a named speaker, and each relation so denied with its statement and its denial, to
 * read by hand. The sets label no such denial, so this counts and shows; it does not score. Nothing is written.
 */
import { mentionsStage } from '../../src/extract/stages/mentions.js';
import { extract } from '../../src/extract/index.js';
import { extractMoney } from '../../src/nlp/money.js';
import { predictedMentions } from './data/predicted.js';
import { dataSets } from './data/sets.js';
import { modelExtractor } from './model-extractor.js';

const SETS = dataSets();
const stage = mentionsStage();
const extractor = await modelExtractor();
let documents = 0;
let denials = 0;
let fired = 0;
for (const set of (process.argv[2] ?? 'news,conll04,factbook-ours,re3d-ours,ewt-ours').split(',')) {
  for (const split of ['dev', 'train'] as const) {
    for (const doc of await SETS[set]!.read(split)) {
      documents++;
      const mentions = predictedMentions(stage, doc);
      const r = extract({ documentId: doc.id, text: doc.text, sentences: doc.sentences, mentions, dates: [], money: extractMoney(doc.text) }, extractor);
      denials += r.claims.filter((c) => c.stance === 'denies' && c.speakerKey !== null).length;
      for (const x of r.relations.filter((y) => y.rule.startsWith('denied-later'))) {
        fired++;
        const stated = r.relations.find((y) => y.type === x.type && y.source === x.source && y.target === x.target && !y.negated);
        console.log(`${set}/${split} ${x.type}(${x.source} -> ${x.target})\n  stated: ${stated?.evidence.text}\n  denial: ${x.evidence.text}`);
      }
    }
  }
}
console.log(`${documents} documents, ${denials} denials by a named speaker, ${fired} earlier relations denied`);
