// Scores the shipped NER model (or the one in $NER_MODEL_DIR) on every visible evaluation set of a protocol:
// `node --import tsx scripts/eval-ner-sets.ts` (NER_PROTOCOL=final, the default: dev sets; =tune: the tune parts too).
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadRecognizer, findPackageRoot } from '../src/nlp/ner/index.js';
import { formatCounts, prf } from '../src/nlp/ner/score.js';
import { nerSets, scoreCheck, type Protocol } from './ner-sets.js';

const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const rec = loadRecognizer(process.env.NER_MODEL_DIR);
console.log(`model: ${rec.version}\n`);
if (!existsSync(dataDir)) console.log(`no data under ${dataDir}`);
else {
  for (const check of nerSets(dataDir, (process.env.NER_PROTOCOL ?? 'final') as Protocol).checks) {
    if (check.docs.length === 0) {
      console.log(`${check.name}: not available\n`);
      continue;
    }
    const { counts, tokensPerSecond } = scoreCheck(check, rec);
    console.log(`== ${check.name}${check.noMisc ? ' (MISC predictions dropped: the gold has none)' : ''}: F1 ${prf(counts.overall).f1.toFixed(4)} (${Math.round(tokensPerSecond)} tokens/s)`);
    console.log(formatCounts(counts).join('\n') + '\n');
  }
}
