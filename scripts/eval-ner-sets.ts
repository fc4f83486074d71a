// Scores the shipped NER model (or the one in $NER_MODEL_DIR) on every visible evaluation set:
// `node --import tsx scripts/eval-ner-sets.ts`.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadRecognizer, findPackageRoot, type Recognizer } from '../src/nlp/ner/index.js';
import { scoreDocuments } from '../src/nlp/ner/eval.js';
import { formatCounts, prf } from '../src/nlp/ner/score.js';
import type { ConllDocument } from '../src/nlp/ner/conll.js';
import { joinHyphens, mapRe3dTypes, normaliseRe3d, readIfPresent, splitRe3d } from './ner-corpus.js';

const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const rec = loadRecognizer(process.env.NER_MODEL_DIR);

/** WikiANN has no MISC: predictions of MISC are dropped before scoring so they do not count as false alarms. */
function withoutMisc(r: Recognizer): Recognizer {
  return { version: r.version, recognize: (t, s) => r.recognize(t, s).filter((x) => x.type !== 'MISC') };
}

const re3dRaw = joinHyphens(readIfPresent(join(dataDir, 're3d/train.conll.txt')));
const sets: Array<[string, ConllDocument[], Recognizer]> = [
  ['conll2003/dev.txt', readIfPresent(join(dataDir, 'conll2003/dev.txt')), rec],
  ['wikigold/dev.txt', readIfPresent(join(dataDir, 'wikigold/dev.txt')), rec],
  ['re3d held-out docs (not trained on), types mapped', splitRe3d(mapRe3dTypes(re3dRaw)).heldOut, rec],
  ['re3d held-out docs, types mapped + titles/determiners stripped', splitRe3d(normaliseRe3d(re3dRaw, false)).heldOut, rec],
  ['wikiann-en/dev.txt (PER/ORG/LOC only, silver)', readIfPresent(join(dataDir, 'wikiann-en/dev.txt')), withoutMisc(rec)],
];
console.log(`model: ${rec.version}\n`);
for (const [name, docs, r] of sets) {
  if (docs.length === 0 || !existsSync(dataDir)) {
    console.log(`${name}: not available\n`);
    continue;
  }
  const { counts, tokensPerSecond } = scoreDocuments(docs, r);
  console.log(`== ${name}: F1 ${prf(counts.overall).f1.toFixed(4)} (${Math.round(tokensPerSecond)} tokens/s)`);
  console.log(formatCounts(counts).join('\n') + '\n');
}
