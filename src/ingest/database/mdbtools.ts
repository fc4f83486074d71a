/** Runs mdbtools (Debian mdbtools: mdb-tables, mdb-export) on an Access file, never through a shell, with a time limit. */
import { runTool, type ToolRun } from '../archive/bsdtar.js';
import { IngestFailure } from '../handler.js';
import { cleanCell } from '../table-layout.js';

/** The Debian package named when the tools are missing. */
export const MDBTOOLS_PACKAGE = 'mdbtools';

/** The binaries and their time limit; $CABLEGRAPH_MDB_TABLES, _MDB_EXPORT and _MDBTOOLS_TIMEOUT_MS override them (tests do). */
export const mdbTools = {
  get tables(): string { return process.env.CABLEGRAPH_MDB_TABLES ?? 'mdb-tables'; },
  get export(): string { return process.env.CABLEGRAPH_MDB_EXPORT ?? 'mdb-export'; },
  // A damaged file can make mdbtools walk pages for a long time; one table may take this long at most.
  get timeoutMs(): number { return Number(process.env.CABLEGRAPH_MDBTOOLS_TIMEOUT_MS) || 5 * 60_000; },
};

/** The user tables of the Access file at `file` (system tables left out), in the file's order. */
export async function listTables(file: string, path: string): Promise<string[]> {
  const out: Buffer[] = [];
  const run = await runTool(mdbTools.tables, ['-1', '--', file], path, (chunk) => { out.push(chunk); return true; }, options());
  check(run, path, 'its table list');
  return Buffer.concat(out).toString('utf8').split('\n').filter((name) => name.trim() !== '');
}

/** What exporting one table gave: its rows (header first) or, past `maxRows` data rows, only the fact that it was over. */
export interface TableExport {
  rows: string[][];
  over: boolean;
}

/**
 * Exports one table as rows of cells, header first. mdb-export writes one line per row with cells split by tabs and
 * tabs, line breaks and backslashes inside cells escaped (-e), so no CSV parsing is needed; binary (OLE) columns are
 * left empty (-b strip) and dates written ISO-style; "--" keeps a table named "-x" from reading as an option. Stops the tool once `maxRows` data rows are passed.
 */
export async function exportTable(file: string, table: string, path: string, maxRows: number): Promise<TableExport> {
  const args = ['-d', '\t', '-Q', '-e', '-b', 'strip', '-D', '%Y-%m-%d', '-T', '%Y-%m-%d %H:%M:%S', '--', file, table];
  const decoder = new TextDecoder('utf-8');
  const rows: string[][] = [];
  let pending = '';
  let over = false;
  const take = (line: string) => { rows.push(line.split('\t').map(unescapeCell)); };
  const run = await runTool(mdbTools.export, args, path, (chunk) => {
    const lines = (pending + decoder.decode(chunk, { stream: true })).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) take(line);
    // The header row does not count.
    if (rows.length - 1 > maxRows) { over = true; return false; }
    return true;
  }, options());
  if (over) return { rows: [], over };
  check(run, path, `table "${table}"`);
  pending += decoder.decode();
  if (pending !== '') take(pending);
  return { rows, over: rows.length - 1 > maxRows };
}

function options() {
  return { debianPackage: MDBTOOLS_PACKAGE, timeoutMs: mdbTools.timeoutMs };
}

/** Throws the specific failure for a run that did not end well: killed at its time limit, or refused by mdbtools. */
function check(run: ToolRun, path: string, what: string): void {
  if (run.code === 0) return;
  if (run.code === null) {
    throw new IngestFailure('tool-timeout', `${path}: mdbtools did not finish reading ${what} within ${Math.round(mdbTools.timeoutMs / 1000)} s and was stopped; the file may be huge or damaged.`);
  }
  // mdbtools explains first where it failed ("mdb_read_table: Unable to find page ...") and last what that means.
  const said = run.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const reason = said.at(-1) ?? `exit code ${run.code}`;
  throw new IngestFailure('corrupt-database', `${path} is a damaged Access database: mdbtools could not read ${what} (${reason}).`);
}

// mdb-export -e writes "\t", "\n", "\r" and "\\" for those characters inside a cell.
function unescapeCell(cell: string): string {
  if (!cell.includes('\\')) return cell;
  return cleanCell(cell.replace(/\\([\\tnr])/g, (_, c: string) => (c === '\\' ? '\\' : ' ')));
}
