// Error breakdown of the Persian or Arabic model on its dev sets (nothing is written): exact, type, boundary,
// boundary+type, missed and spurious names per type; names after a preposition or "و"; multi-word names; and how
// often our tokenizer cuts a gold token differently from the training retokenisation.
// `node --import tsx scripts/ner-errors-script.ts fa [MODEL_DIR] [--list]`.
import { join } from 'node:path';
import { findPackageRoot, loadRecognizer } from '../src/nlp/ner/index.js';
import { NAME_TYPES, rebuildText, sentenceTags } from '../src/nlp/ner/eval.js';
import { tagsToChunks, type Chunk } from '../src/nlp/ner/tags.js';
import { tokenizeArabicScript } from '../src/nlp/arabic-tokenize.js';
import { splitterOf } from '../src/nlp/ner/arabic.js';
import { loadModelFile } from '../src/nlp/ner/model-io.js';
import { modelFileFor, defaultModelDir } from '../src/nlp/ner/index.js';
import { normalizeArabicScript } from '../src/nlp/arabic-script.js';
import { scriptSets } from './ner-arabic-sets.js';

const lang = process.argv[2] === 'ar' ? 'ar' : 'fa';
const dir = process.argv[3] && !process.argv[3].startsWith('--') ? process.argv[3] : defaultModelDir();
const list = process.argv.includes('--list');
const dataDir = process.env.CABLEGRAPH_DATA ?? join(findPackageRoot(), '..', 'shared', 'data');
const rec = loadRecognizer(lang, dir);
const splitter = splitterOf(loadModelFile(join(dir, modelFileFor(lang))));
const PREP = new Set(['و', 'در', 'به', 'از', 'با', 'برای', 'که', 'را', 'تا', 'في', 'من', 'الى', 'الي', 'على', 'عن', 'مع']);
const only = (t: string): string => (NAME_TYPES as readonly string[]).includes(t.slice(2)) ? t : 'O';

for (const set of scriptSets(dataDir, lang)) {
  if (set.dev.length === 0) continue;
  const tally = new Map<string, number>();
  const add = (k: string): void => void tally.set(k, (tally.get(k) ?? 0) + 1);
  let tokMismatch = 0;
  let goldTokens = 0;
  for (const doc of set.dev) {
    const r = rebuildText(doc);
    const spans = rec.recognize(r.text, r.sentences);
    doc.sentences.forEach((s, i) => {
      const sent = r.sentences[i]!;
      // Tokenizer check: the eval text's tokens of each gold token against the gold token tokenised alone (training).
      const evalToks = tokenizeArabicScript(r.text, sent.start, sent.end, splitter);
      const alone = s.tokens.flatMap((t) => tokenizeArabicScript(t, 0, t.length, splitter).map((x) => x.text));
      goldTokens += s.tokens.length;
      if (evalToks.map((x) => x.text).join('|') !== alone.join('|')) tokMismatch++;
      const gold = tagsToChunks(s.tags.map((t) => (t.startsWith('B-PERS') || t.startsWith('I-PERS') ? t.slice(0, 2) + 'PER' : only(t))));
      const pred = tagsToChunks(sentenceTags(spans, r, i));
      const show = (c: Chunk): string => s.tokens.slice(c.start, c.end).join(' ');
      const overlaps = (a: Chunk, b: Chunk): boolean => a.start < b.end && b.start < a.end;
      for (const g of gold) {
        const len = g.end - g.start > 1 ? 'multi' : 'single';
        const prev = g.start > 0 ? normalizeArabicScript(s.tokens[g.start - 1]!) : '';
        const afterPrep = PREP.has(prev) ? ' after-prep' : '';
        const exact = pred.find((p) => p.start === g.start && p.end === g.end);
        const over = pred.filter((p) => overlaps(p, g));
        const kind = exact ? (exact.type === g.type ? 'ok' : `type ${g.type}->${exact.type}`) : over.length === 0 ? 'missed' : over.some((p) => p.type === g.type) ? 'boundary' : 'boundary+type';
        add(`${g.type} ${kind}`);
        add(`${g.type} ${len} ${kind === 'ok' ? 'ok' : 'err'}`);
        if (afterPrep) add(`${g.type}${afterPrep} ${kind === 'ok' ? 'ok' : 'err'}`);
        if (kind === 'boundary') {
          const p = over.find((x) => x.type === g.type)!;
          add(`${g.type} boundary ${p.start < g.start ? 'pred-starts-early' : p.start > g.start ? 'pred-starts-late' : ''}${p.end > g.end ? ' pred-ends-late' : p.end < g.end ? ' pred-ends-early' : ''}`.trim());
        }
        if (list && kind !== 'ok') console.log(`${set.name}\t${g.type} ${kind}\t${show(g)}\t${over.map(show).join(' / ')}\t${s.tokens.join(' ').slice(0, 140)}`);
      }
      for (const p of pred) {
        if (gold.some((g) => overlaps(p, g))) continue;
        add(`${p.type} spurious`);
        if (list) console.log(`${set.name}\t${p.type} spurious\t${show(p)}\t\t${s.tokens.join(' ').slice(0, 140)}`);
      }
    });
  }
  console.log(`== ${set.name} dev: sentences whose eval tokens differ from training tokens: ${tokMismatch} (${goldTokens} gold tokens)`);
  for (const [k, n] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${k}\t${n}`);
}
