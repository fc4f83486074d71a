/** `cablegraph eval ner <file>` and `eval parse <file>`: score the shipped NER model (conlleval-compatible) and parse model (UPOS, UAS, LAS). */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { evaluateNerFile } from '../nlp/ner/eval.js';
import { loadRecognizer } from '../nlp/ner/index.js';
import { evaluateParseFile } from '../nlp/parse/eval.js';
import { loadParser } from '../nlp/parse/index.js';
import { UserError } from './common.js';

/** Registers the eval command. */
export function registerEval(program: Command): void {
  const evalCmd = program.command('eval').description('Evaluate a model on labelled data.');
  evalCmd.command('ner')
    .description('Score NER on a 4-column CoNLL-2003 or 2-column "token TAG" file (IOB1 or IOB2). Prints per-type and overall P/R/F1, tokens/s; last line "F1 <value>".')
    .argument('<file>', 'labelled file')
    .option('--model <dir>', 'model folder (default: the shipped models/)')
    .action(async (file: string, opts: { model?: string }) => {
      if (!existsSync(file)) throw new UserError(`No such file: ${file}`);
      const { report } = await evaluateNerFile(file, opts.model ? loadRecognizer(opts.model) : undefined);
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
}
