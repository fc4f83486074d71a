// NER throughput per language: the Persian and Arabic models against the English one in the same run, each on the
// dev text of its own labelled set (sentences joined into one document), sentence tokenisation included.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, findPackageRoot, loadRecognizer, modelFileFor, type NerLanguage } from '../src/nlp/ner/index.js';
import { readConll } from '../src/nlp/ner/conll.js';
import { rebuildText } from '../src/nlp/ner/eval.js';
import { bestCore } from './timing.js';

const DEV: Record<NerLanguage, string> = { en: 'conll2003/dev.txt', fa: 'peyma/dev.txt', ar: 'anercorp/dev.txt' };

/** Tokens/s of the en, fa and ar recognizers on their dev sets, with load time and model size. */
export async function benchNerScripts(): Promise<{ title: string; lines: string[] }> {
  const title = 'Named-entity recognition: Persian and Arabic against English (same run)';
  const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
  const rows: string[] = [];
  const rates = new Map<NerLanguage, number>();
  for (const lang of ['en', 'fa', 'ar'] as const) {
    const file = join(dataDir, DEV[lang]);
    const modelPath = join(defaultModelDir(), modelFileFor(lang));
    if (!existsSync(file) || !existsSync(modelPath)) {
      rows.push(`| ${lang} | _skipped: ${existsSync(file) ? 'no model' : `no ${DEV[lang]}`}_ | | | |`);
      continue;
    }
    const sentences = readConll(file).flatMap((d) => d.sentences);
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    const doc = rebuildText({ sentences });
    const c0 = process.cpuUsage();
    const rec = loadRecognizer(lang);
    const used = process.cpuUsage(c0);
    const loadMs = (used.user + used.system) / 1000;
    let found = 0;
    rec.recognize(doc.text, doc.sentences);
    const sec = bestCore(5, () => {
      found = rec.recognize(doc.text, doc.sentences).length;
    });
    rates.set(lang, tokens / sec);
    rows.push(`| ${lang} | ${rec.version} | ${DEV[lang]}: ${tokens} tokens | ${Math.round(tokens / sec)} | ${found} | ${loadMs.toFixed(0)} ms CPU, ${(statSync(modelPath).size / 1e6).toFixed(1)} MB |`);
  }
  const en = rates.get('en');
  const ratio = (l: NerLanguage): string => (en && rates.get(l) ? `${(rates.get(l)! / en).toFixed(2)}x` : 'n/a');
  return {
    title,
    lines: [
      'Each model on the dev text of its own set (gold tokens joined by spaces, one document); one warm-up pass, then the best of five; time is the smaller of CPU and wall time. Tokens are the files\' tokens.',
      '',
      '| language | model | text | tokens/s (one core) | names found | load, file |',
      '|---|---|---|---:|---:|---|',
      ...rows,
      '',
      `Persian / English speed: **${ratio('fa')}**; Arabic / English: **${ratio('ar')}**.`,
    ],
  };
}
