/**
 * `node --import tsx bench/large-sheet.ts --rows N [--stages none|all]`: a ledger workbook of N rows
 * (SheetJS-written, compressed; each row a distinct code "TX-i", an account, an amount, a memo) ingested into a fresh
 * SQLite store by a fresh child process (so generating the workbook does not count in its memory), then one line: documents stored with their text lengths, seconds, CPU seconds and
 * peak RSS (getrusage). Run it once per size (peak RSS is the process's maximum): 250,000 and 1,000,000 rows show
 * whether reading a very large sheet grows with its rows (office/xlsx-stream.ts); `--stages all` adds every extraction
 * stage and resolution (the codes are where resolution once compared every pair).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { defaultStages, finishIngest, ingestPaths } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '250000' }, stages: { type: 'string', default: 'none' }, file: { type: 'string' } } });
const rows = Number(args.rows);
if (!Number.isInteger(rows) || rows < 1 || !['none', 'all'].includes(args.stages!)) throw new Error('usage: large-sheet.ts --rows N [--stages none|all]');

if (args.file) await ingest(args.file);
else {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-large-sheet-'));
  try {
    const table: (string | number)[][] = [['Reference', 'Account', 'Amount', 'Memo']];
    for (let i = 1; i <= rows; i++) table.push([`TX-${i}`, 1_000_000 + (i % 977), i, `transfer ${i % 13} to account ${i % 977}`]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'Transfers');
    const file = join(dir, `ledger-${rows}.xlsx`);
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--rows', String(rows), '--stages', args.stages!, '--file', file], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`the ingest process failed (${run.status ?? run.signal})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ingests the workbook into a fresh store in this process and prints the line. */
async function ingest(file: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-large-sheet-store-'));
  try {
    const store = new SqliteStore(join(dir, 'store.db'));
    await store.migrate();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const all = args.stages === 'all';
    const summary = await ingestPaths([file], { store, collection: 'c', ...(all ? { stages: defaultStages(), finish: finishIngest } : { stages: [] }) });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const docs = await store.listDocuments(ALL_COLLECTIONS, 1000, 0);
    const mentions = all ? (await store.stats(ALL_COLLECTIONS)).mentions : 0;
    await store.close();
    console.log([
      `${rows} rows, stages ${args.stages}:`,
      `${docs.total} documents (${docs.items.map((d) => `${d.path.split('#')[1] ?? 'workbook'} ${d.length}`).join(', ')} characters),`,
      `${summary.failed.length} failed,${all ? ` ${mentions} mentions,` : ''}`,
      `${seconds.toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    ].join(' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
