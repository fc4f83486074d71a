/** `cablegraph eval ner <file>`: scores the shipped NER model on a CoNLL file (conlleval-compatible). */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { evaluateNerFile } from '../nlp/ner/eval.js';
import { loadRecognizer } from '../nlp/ner/index.js';
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
}
