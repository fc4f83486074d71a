/**
 * Inputs and comparisons for the worker and batch tests: a JSON Lines file of news-like records cut from the sample
 * articles (real prose with names, dates and quotations), and a dump of a SQLite store's contents that leaves out
 * only what differs between runs by design (timestamps, row ids).
 */
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SAMPLE_TEXT } from './large-inputs.js';

/** The sample articles' paragraphs of some length (headers and sign-offs left out). */
const PARAGRAPHS = SAMPLE_TEXT.split(/\n\s*\n/u).map((p) => p.trim()).filter((p) => p.length > 200);

/** `count` texts of two paragraphs each (so texts differ), as plain articles. */
export function newsParagraphs(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${PARAGRAPHS[i % PARAGRAPHS.length]!}\n\n${PARAGRAPHS[(i * 7 + 3) % PARAGRAPHS.length]!}\n`);
}

/** Writes `count` records: each joins two paragraphs (so texts differ) and has its own title and date. */
export function writeNewsJsonl(path: string, count: number): void {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = PARAGRAPHS[i % PARAGRAPHS.length]!;
    const b = PARAGRAPHS[(i * 7 + 3) % PARAGRAPHS.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(JSON.stringify({ title: `Dispatch ${i + 1}`, text: `${a}\n\n${b}`, published: `2019-11-${day}`, source: 'The Intercept' }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

// Columns that record when or in which order something was written, not what.
const VOLATILE = new Set(['at', 'ingested_at', 'id:mentions', 'first_seen', 'id:document_locations']);
const TABLES = ['documents', 'document_locations', 'stage_runs', 'mentions', 'relations', 'events', 'claims', 'evidence', 'entities', 'aliases', 'entity_members', 'failures'];

/** Every row of the content tables, as sorted JSON lines per table (timestamps and row ids left out). */
export function dumpStore(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    for (const table of TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      out[table] = rows.map((row) => JSON.stringify(Object.entries(row)
        .filter(([k]) => !VOLATILE.has(k) && !VOLATILE.has(`${k}:${table}`))
        .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : v]))).sort();
    }
    return out;
  } finally {
    db.close();
  }
}

/** Documents in a store file (read-only, safe while another process writes: WAL). */
export function countDocuments(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
