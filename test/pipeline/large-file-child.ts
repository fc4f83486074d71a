/**
 * Child process of large-file.test.ts: ingests `--input` into a new store at `--store` (collection `--collection`) with
 * crashingStages and the collection steps, and prints one JSON line: the summary, what the ingest logged, and the
 * process's peak RSS. The test starts it with V8's old space capped, so a stage that holds memory in proportion to
 * its input fails here with "heap out of memory" rather than passing on a machine with room to spare.
 */
import { openStore } from '../../src/store/open.js';
import { ingestPaths, finishIngest } from '../../src/pipeline.js';
import { crashingStages } from './large-inputs.js';

const arg = (name: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`missing --${name}`);
  return value;
};

const store = await openStore(arg('store'));
const logged: string[] = [];
const rssBefore = process.memoryUsage().rss;
try {
  const summary = await ingestPaths([arg('input')], { store, collection: arg('collection'), stages: crashingStages(), finish: finishIngest, log: (m) => logged.push(m) });
  // maxRSS: the peak of the whole process in KiB, so a spike during the stages counts.
  console.log(JSON.stringify({ summary, logged, rssBefore, peakRss: process.resourceUsage().maxRSS * 1024 }));
} finally {
  await store.close();
}
