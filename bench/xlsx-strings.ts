/**
 * The streaming .xlsx reader's shared string table held in memory against moved to a temporary file
 * (src/ingest/office/string-table.ts), on one generated workbook in the same run: the reader alone (no NLP), each way in
 * a child process of its own so its peak RSS is its own, alternating, best of three. The workbook: a ledger of
 * BENCH_XLSX_ROWS rows (default 300,000), three of its four columns unique strings, written by SheetJS with a shared
 * string table. Run alone: `node --import tsx bench/xlsx-strings.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import type { BenchSection } from './ingest.js';

const ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 300_000);
const ROUNDS = 3;
/** A table whose text never passes this stays in memory: the "held" run. */
const NEVER = 2 ** 40;

interface Run { seconds: number; rssMb: number; parts: number; chars: number }

function writeWorkbook(path: string): void {
  const rows: (string | number)[][] = [['Id', 'Payee', 'Memo', 'Account']];
  for (let i = 1; i <= ROWS; i++) {
    rows.push([i, `Payee ${i} ${((i * 7919) % 100003).toString(36)} Holdings`, `transfer reference ${(i * 104729).toString(36)} to an account in Basra`, `ACC-${(i * 31337).toString(16)}-IQ`]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Ledger');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer);
}

function runChild(path: string, spill: number): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', path, String(spill)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xlsx reader failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
}

export async function benchXlsxStrings(): Promise<BenchSection> {
  const title = 'Streaming .xlsx: shared strings held in memory or in a temporary file';
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-bench-xlsx-'));
  try {
    const path = join(dir, 'ledger.xlsx');
    writeWorkbook(path);
    const { SPILL_CHARS } = await import('../src/ingest/office/string-table.js');
    const best = { held: undefined as Run | undefined, spilled: undefined as Run | undefined };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, spill] of [['held', NEVER], ['spilled', SPILL_CHARS]] as const) {
        const run = runChild(path, spill);
        if (!best[kind] || run.seconds < best[kind]!.seconds) best[kind] = run;
      }
    }
    const [held, spilled] = [best.held!, best.spilled!];
    if (held.chars !== spilled.chars || held.parts !== spilled.parts) throw new Error('the two readings differ');
    const kb = (readFileSync(path).byteLength / 1024).toFixed(0);
    return {
      title,
      lines: [
        `${ROWS.toLocaleString('en-US')} rows, ${(3 * ROWS).toLocaleString('en-US')} unique strings (${kb} KB .xlsx); the reader alone, every part pulled; best of ${ROUNDS} alternating runs, each in its own process.`,
        '',
        '| shared strings | seconds | peak RSS (MB) | parts | characters |',
        '|---|---:|---:|---:|---:|',
        `| held in memory (baseline) | ${held.seconds.toFixed(2)} | ${held.rssMb.toFixed(0)} | ${held.parts} | ${held.chars} |`,
        `| temporary file past ${(SPILL_CHARS / 1048576).toFixed(0)}M characters (shipped) | ${spilled.seconds.toFixed(2)} | ${spilled.rssMb.toFixed(0)} | ${spilled.parts} | ${spilled.chars} |`,
        '',
        `Temporary file / in memory: **${(spilled.seconds / held.seconds).toFixed(2)}x** the time, **${(spilled.rssMb / held.rssMb).toFixed(2)}x** the peak RSS.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: one reading, its figures as the last line of standard output. */
async function child(path: string, spill: number): Promise<void> {
  const { readLargeWorkbook } = await import('../src/ingest/office/xlsx-stream.js');
  const { DEFAULT_LIMITS } = await import('../src/ingest/handler.js');
  const bytes = new Uint8Array(readFileSync(path));
  const started = performance.now();
  const doc = await readLargeWorkbook({ path, bytes, depth: 0, limits: DEFAULT_LIMITS } as Parameters<typeof readLargeWorkbook>[0], undefined, spill);
  let parts = 0;
  let chars = 0;
  for await (const p of doc.streamedChildren!()) {
    parts++;
    chars += p.text.length;
  }
  const run: Run = { seconds: (performance.now() - started) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, parts, chars };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3]!, Number(process.argv[4]));
else if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${(await benchXlsxStrings()).lines.join('\n')}\n`);
