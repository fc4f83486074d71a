#!/usr/bin/env node
/** The `cablegraph` command: one file per subcommand, registered here. */
import { Command, CommanderError } from 'commander';
import { registerIngest } from './ingest.js';
import { registerSearch } from './search.js';
import { registerShow } from './show.js';
import { registerStats } from './stats.js';
import { registerExport } from './export.js';
import { registerServe } from './serve.js';
import { registerVerify } from './verify.js';
import { registerDemo } from './demo.js';
import { registerEval } from './eval.js';
import { registerEntity } from './entity.js';
import { registerGraph } from './graph.js';
import { registerMerge } from './merge.js';
import { registerReprocess } from './reprocess.js';
import { registerRetry } from './retry.js';
import { registerResolve } from './resolve.js';
import { registerWorker } from './worker.js';
import { registerJobs } from './jobs.js';
import { registerReview } from './review.js';
import { registerUsers } from './users.js';
import { registerAudit } from './audit.js';
import { registerProtect } from './protect.js';
import { registerGrade } from './grade.js';
import { registerDossier } from './dossier.js';
import { UserError, EXIT } from './common.js';
import { limitHeapGrowth } from './heap.js';

// `cablegraph search ... | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('cablegraph')
  .description('Turn documents into a sourced, searchable network of who controls, pays, meets and informs whom.')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerIngest, registerSearch, registerShow, registerStats, registerExport, registerServe, registerVerify, registerDemo, registerEval,
  registerEntity, registerGraph, registerMerge, registerReprocess, registerRetry, registerResolve, registerWorker, registerJobs,
  registerUsers, registerAudit, registerReview, registerProtect, registerGrade, registerDossier]) {
  register(program);
}

try {
  limitHeapGrowth();
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`cablegraph: ${message}\n`);
  if (process.env.CABLEGRAPH_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(err instanceof UserError ? err.exitCode : EXIT.error);
}
