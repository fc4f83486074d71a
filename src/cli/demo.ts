/** `cablegraph demo`: ingests the sample corpus (examples/iran-cables) into the store and serves the workbench (`npm start`). */
import { join } from 'node:path';
import type { Command } from 'commander';
import { openStore, DEFAULT_DB } from '../store/open.js';
import { ingestPaths, defaultStages, finishIngest } from '../pipeline.js';
import { packageRoot } from '../server/package-root.js';
import { withDb, positiveInt } from './common.js';
import { serveStore, DEFAULT_PORT } from './serve.js';

/** Registers the demo command. */
export function registerDemo(program: Command): void {
  withDb(program.command('demo'))
    .description('Ingest the sample corpus (three articles on the 2019 Iran Cables) and serve the workbench.')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port', positiveInt('--port'), DEFAULT_PORT)
    .action(async (opts: { db?: string; host: string; port: number }) => {
      const db = opts.db ?? process.env.CABLEGRAPH_DB ?? DEFAULT_DB;
      const store = await openStore(db);
      const corpus = join(packageRoot(), 'examples', 'iran-cables');
      const s = await ingestPaths([corpus], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
      process.stdout.write(`Sample corpus in ${db}: ${s.ingested} file(s) ingested, ${s.unchanged} already there, ${s.failed.length} failed.\n`);
      await serveStore(store, opts.host, opts.port);
    });
}
