/** Stage-run bookkeeping in SQLite: which stage version ran on which document, and which runs failed and why. */
import type Database from 'better-sqlite3';
import type { Scope, StageFailure, StageRun } from '../store.js';
import { scopeClause } from './scope-sql.js';

// Ids per statement: well under SQLite's limit on bound variables, however many documents are asked for.
const BATCH = 500;

/** Document id -> last run of `stage` for the documents in scope (only `documentIds`, when given). */
export function readStageRuns(db: Database.Database, stage: string, scope: Scope, documentIds?: readonly string[]): Map<string, StageRun> {
  const s = scopeClause(scope);
  const runs = new Map<string, StageRun>();
  const add = (rows: unknown[]): void => {
    for (const r of rows as { id: string; version: string; status: StageRun['status'] }[]) runs.set(r.id, { version: r.version, status: r.status });
  };
  const base = `SELECT r.document_id AS id, r.version, r.status FROM stage_runs r JOIN documents d ON d.id = r.document_id
    WHERE r.stage = ? AND ${s.sql}`;
  if (documentIds === undefined) {
    add(db.prepare(base).all(stage, ...s.params));
    return runs;
  }
  for (let i = 0; i < documentIds.length; i += BATCH) {
    const ids = documentIds.slice(i, i + BATCH);
    add(db.prepare(`${base} AND r.document_id IN (${ids.map(() => '?').join(', ')})`).all(stage, ...s.params, ...ids));
  }
  return runs;
}

/** Records a failed run of `stage` at `version` on a document (replacing what was recorded for that stage). */
export function writeStageFailure(db: Database.Database, documentId: string, stage: string, version: string, reason: string): void {
  db.prepare(`INSERT INTO stage_runs (document_id, stage, version, at, status, error) VALUES (?, ?, ?, ?, 'failed', ?)
    ON CONFLICT (document_id, stage) DO UPDATE SET version = excluded.version, at = excluded.at, status = 'failed', error = excluded.error`)
    .run(documentId, stage, version, new Date().toISOString(), reason);
}

/** Failed stage runs of the documents in scope, by collection, path and stage. */
export function readStageFailures(db: Database.Database, scope: Scope): StageFailure[] {
  const s = scopeClause(scope);
  return db.prepare(`SELECT r.document_id AS documentId, d.collection, d.path, r.stage, r.version, coalesce(r.error, '') AS reason, r.at
    FROM stage_runs r JOIN documents d ON d.id = r.document_id WHERE r.status = 'failed' AND ${s.sql}
    ORDER BY d.collection, d.path, r.document_id, r.stage`).all(...s.params) as StageFailure[];
}
