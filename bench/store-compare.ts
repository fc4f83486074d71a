/**
 * `node --import tsx bench/store-compare.ts A.db B.db`: whether two SQLite stores hold the same rows, table by table
 * (every table, FTS tables and their shadow tables included; rows sorted; timestamps and autoincrement row ids left
 * out). Exits 1 and names the first differing row of each table when they differ. Checks that a speed change left
 * the output of an ingest unchanged (see bench/ingest-parts.ts).
 */
import Database from 'better-sqlite3';

const VOLATILE = new Set(['at', 'ingested_at', 'first_seen', 'id:mentions', 'id:evidence', 'id:decisions', 'id:stage_runs', 'id:failures']);

function dump(path: string): Map<string, string[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const out = new Map<string, string[]>();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
      out.set(name, rows.map((row) => JSON.stringify(Object.entries(row)
        .filter(([k]) => !VOLATILE.has(k) && !VOLATILE.has(`${k}:${name}`))
        .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : v]))).sort());
    }
    return out;
  } finally {
    db.close();
  }
}

const [pathA, pathB] = process.argv.slice(2);
if (!pathA || !pathB) throw new Error('usage: store-compare.ts A.db B.db');
const [a, b] = [dump(pathA), dump(pathB)];
let rows = 0;
let differ = false;
for (const table of new Set([...a.keys(), ...b.keys()])) {
  const [x, y] = [a.get(table) ?? [], b.get(table) ?? []];
  rows += x.length;
  const i = x.findIndex((r, k) => r !== y[k]);
  if (x.length !== y.length || i >= 0) {
    differ = true;
    console.log(`${table}: ${x.length} vs ${y.length} rows; first difference:\n  ${x[i] ?? '(none)'}\n  ${y[i] ?? '(none)'}`);
  }
}
console.log(differ ? 'DIFFERENT' : `identical: ${a.size} tables, ${rows} rows`);
process.exitCode = differ ? 1 : 0;
