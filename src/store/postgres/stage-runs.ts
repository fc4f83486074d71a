/** Stage-run bookkeeping in PostgreSQL: which stage version ran on which document, and which runs failed and why. */
import type { Scope, StageFailure, StageRun } from '../store.js';
import { type Db, Params, scopeSql } from './sql.js';

/** Document id -> last run of `stage` for the documents in scope (only `documentIds`, when given: one array parameter). */
export async function readStageRuns(db: Db, stage: string, scope: Scope, documentIds?: readonly string[]): Promise<Map<string, StageRun>> {
  const p = new Params();
  const only = documentIds === undefined ? '' : ` AND r.document_id = ANY(${p.add([...documentIds])}::text[])`;
  const rows = await db.query<{ id: string; version: string; status: StageRun['status'] }>(`SELECT r.document_id AS id, r.version, r.status
    FROM stage_runs r JOIN documents d ON d.id = r.document_id WHERE r.stage = ${p.add(stage)}${only} AND ${scopeSql(p, scope)}`, p.values);
  return new Map(rows.rows.map((r) => [r.id, { version: r.version, status: r.status }]));
}

/** Records a failed run of `stage` at `version` on a document (replacing what was recorded for that stage). */
export async function writeStageFailure(db: Db, documentId: string, stage: string, version: string, reason: string): Promise<void> {
  await db.query(`INSERT INTO stage_runs (document_id, stage, version, at, status, error) VALUES ($1, $2, $3, $4, 'failed', $5)
    ON CONFLICT (document_id, stage) DO UPDATE SET version = EXCLUDED.version, at = EXCLUDED.at, status = 'failed', error = EXCLUDED.error`,
  [documentId, stage, version, new Date().toISOString(), reason]);
}

/** Failed stage runs of the documents in scope, by collection, path and stage. */
export async function readStageFailures(db: Db, scope: Scope): Promise<StageFailure[]> {
  const p = new Params();
  const rows = await db.query<StageFailure>(`SELECT r.document_id AS "documentId", d.collection, d.path, r.stage, r.version,
    coalesce(r.error, '') AS reason, r.at FROM stage_runs r JOIN documents d ON d.id = r.document_id
    WHERE r.status = 'failed' AND ${scopeSql(p, scope)} ORDER BY d.collection, d.path, r.document_id, r.stage`, p.values);
  return rows.rows;
}
