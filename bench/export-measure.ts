/**
 * One export measured in its own process (so its peak RSS is its own): `node --expose-gc --import tsx bench/export-measure.ts DB
 * FORMAT MODE OUT`, MODE "streamed" (the export as the CLI writes it) or "loaded" (everything loaded, then one string, as
 * before exports streamed), or "idle" (the store opened and one page read: the floor). Prints one JSON line.
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { EXPORT_FORMATS, isExportFormat } from '../src/export/formats.js';
import { writeFilesAtomically } from '../src/export/output.js';
import { loadExportData } from '../src/export/dataset.js';
import { buildJsonExport } from '../src/export/json.js';
import { buildRelationsCsv } from '../src/export/csv.js';
import { buildGexf } from '../src/export/gexf.js';
import { buildFtm } from '../src/export/ftm.js';
import { buildStix } from '../src/export/stix.js';

const [db, format, mode, out] = process.argv.slice(2) as [string, string, string, string];
if (!isExportFormat(format) || !['streamed', 'loaded', 'idle'].includes(mode) || !out) throw new Error('usage: export-measure.ts DB FORMAT streamed|loaded|idle OUT');
// Live heap: sampled after a full collection every 100 ms (garbage not yet collected is not memory the export holds).
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const live = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
let peakHeap = live();
const timer = setInterval(() => { peakHeap = Math.max(peakHeap, live()); }, 100);
const cpu0 = process.cpuUsage();
// The page cache held to 2 MiB, so RSS shows what the export holds: the store's default cache (64 MiB) fills with the
// pages an export reads, up to its size, whatever the export keeps.
const store = new SqliteStore(db, { pageCacheMiB: 2 });
await store.migrate();
const options = { timestamp: '2020-01-03T00:00:00Z' };
if (mode === 'idle') {
  await store.listDocumentsAfter(ALL_COLLECTIONS, null, 1000);
  await writeFile(out, '');
} else if (mode === 'streamed') {
  const file = EXPORT_FORMATS[format].files(store, ALL_COLLECTIONS, options)[0]!;
  await writeFilesAtomically([{ path: out, chunks: file.chunks }]);
} else {
  const text = format === 'json'
    ? `${JSON.stringify(await buildJsonExport(store, ALL_COLLECTIONS, options), null, 2)}\n`
    : await (async () => {
      const data = await loadExportData(store, ALL_COLLECTIONS, options);
      return format === 'csv' ? buildRelationsCsv(data) : format === 'gexf' ? buildGexf(data, options) : format === 'ftm' ? buildFtm(data) : buildStix(data, options);
    })();
  await writeFile(out, text);
}
clearInterval(timer);
peakHeap = Math.max(peakHeap, live());
await store.close();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`${JSON.stringify({ peakRss: process.resourceUsage().maxRSS * 1024, peakHeap, bytes: statSync(out).size, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
