/**
 * `cablegraph eval ner <file>`, `eval parse <file>` and `eval names <file>`: score the shipped NER model (conlleval-compatible),
 * parse model (UPOS, UAS, LAS) and transliteration model (top1/top5 ranking of Latin names for Arabic-script ones).
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { evaluateNerFile, NAME_TYPES } from '../nlp/ner/eval.js';
import { loadRecognizer, NER_LANGUAGES } from '../nlp/ner/index.js';
import { evaluateParseFile } from '../nlp/parse/eval.js';
import { loadParser } from '../nlp/parse/index.js';
import { loadTranslitModel } from '../resolve/translit/index.js';
import { evaluateNamesFile } from '../resolve/translit/eval-names.js';
import { UserError } from './common.js';

/** Registers the eval command. */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('Evaluate a model on labelled data.');
  evalCmd.command('ner')
    .description('Score NER on a 4-column CoNLL-2003 or 2-column "token TAG" file (IOB1 or IOB2). Prints per-type and overall P/R/F1, tokens/s; last line "F1 <value>".')
    .argument('<file>', 'labelled file')
    .option('--model <dir>', 'model folder (default: the shipped models/)')
    .option('--lang <code>', `the model's language (${NER_LANGUAGES.join(', ')}); scores PER, ORG and LOC only (PERS counts as PER, other labels as O)`)
    .action(async (file: string, opts: { model?: string; lang?: string }) => {
      if (!existsSync(file)) throw new UserError(`No such file: ${file}`);
      if (opts.lang !== undefined && !(NER_LANGUAGES as readonly string[]).includes(opts.lang)) throw new UserError(`Unknown --lang ${opts.lang}: use one of ${NER_LANGUAGES.join(', ')}`);
      const rec = opts.lang ? loadRecognizer(opts.lang, opts.model) : opts.model ? loadRecognizer(opts.model) : undefined;
      const { report } = await evaluateNerFile(file, rec, opts.lang ? { onlyTypes: NAME_TYPES } : {});
      process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
    });
  evalCmd.command('parse')
    .description('Tag, lemmatise and parse the words of a CoNLL-U file (predicted tags) and score them: UPOS accuracy, UAS and LAS over all words (punctuation included), tokens/s; last line "UAS x LAS y UPOS z".')
    .argument('<file>', 'CoNLL-U file')
    .option('--model <dir>', 'model folder (default: the shipped models/)')
    .action((file: string, opts: { model?: string }) => {
      if (!existsSync(file)) throw new UserError(`No such file: ${file}`);
      const { report } = evaluateParseFile(file, opts.model ? loadParser(opts.model) : loadParser());
      process.stdout.write(`${report}\n`);
    });
  evalCmd.command('names')
    .description('Rank every Latin name of a TSV (header with columns "arabic" and "english") for each Arabic-script name by the transliteration model; last line "top1 X top5 Y".')
    .argument('<file>', 'TSV of name pairs')
    .option('--model <file>', 'transliteration model file (default: the shipped models/translit-ar.json.gz)')
    .option('--errors', 'list the pairs ranked wrong')
    .option('--prefilter <n>', 'names ranked by the full model per Arabic name in files over 1,000 pairs (default 300)')
    .action((file: string, opts: { model?: string; errors?: boolean; prefilter?: string }) => {
      if (!existsSync(file)) throw new UserError(`No such file: ${file}`);
      const model = opts.model ? loadTranslitModel(opts.model) : loadTranslitModel();
      if (!model) throw new UserError(`No transliteration model at ${opts.model ?? 'models/translit-ar.json.gz'}`);
      const { report } = evaluateNamesFile(model, file, { errors: opts.errors, prefilter: opts.prefilter ? Number(opts.prefilter) : undefined });
      process.stdout.write(`${report}\n`);
    });
}
