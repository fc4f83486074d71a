/** SqliteStore: the embedded store (one file, WAL, FTS5 with bm25 ranking), used on a laptop. */
import Database from 'better-sqlite3';
import type {
  DocumentSummary, StoredDocument, Mention, Entity, Relation, Event, Claim, SearchResponse, StoreStats,
  EntityCandidate, ResolvedEntityRecord, Decision,
} from '../../model/index.js';
import type {
  Store, Scope, Page, NewDocument, PutResult, FailureRecord, SearchRequest, StageOutput, VerifyProblem,
} from '../store.js';
import { documentId, sha256Hex } from '../ids.js';
import { foldText } from '../text-fold.js';
import { MIGRATIONS } from './migrations.js';
import { scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import type { DocumentRow } from '../shared/rows.js';
import { toStored, toSummary } from '../shared/rows.js';
import { searchDocuments } from './search.js';
import { writeStageOutput, readMentions, readEntities } from './facts.js';
import { readMergedRelations, readEvents, readClaims } from './relations-read.js';
import {
  readCandidates, writeEntities, readResolvedEntities, readEntity, resolvedCollections, readDecisions,
  readSignatures, writeDuplicateGroups,
} from './entities.js';
import type { ResolutionStore } from '../resolution.js';
import { sqliteResolution } from './resolution.js';
import { recordDecision } from '../shared/record-decision.js';

/** The SQLite implementation of Store. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  readonly resolution: ResolutionStore;

  /** Opens (creating if needed) the database file; call migrate() before use. */
  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.resolution = sqliteResolution(this.db);
  }

  async migrate(): Promise<void> {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new Error(`${this.path} was written by a newer Cablegraph (schema ${current}, this one knows ${latest}): upgrade Cablegraph.`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.pragma(`user_version = ${m.version}`);
      })();
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async putDocuments(batch: NewDocument[]): Promise<PutResult[]> {
    const insertDoc = this.db.prepare(`INSERT OR IGNORE INTO documents
      (id, collection, sha256, path, parent_id, format, mime_type, title, source, published, author, language, text, length,
       sentences, pages, meta, warnings, ingested_at)
      VALUES (@id, @collection, @sha256, @path, @parentId, @format, @mimeType, @title, @source, @published, @author, @language,
       @text, @length, @sentences, @pages, @meta, @warnings, @ingestedAt)`);
    const insertFts = this.db.prepare('INSERT INTO document_fts (rowid, title, body) VALUES (?, ?, ?)');
    const insertOriginal = this.db.prepare('INSERT OR IGNORE INTO originals (sha256, size, bytes) VALUES (?, ?, ?)');
    const now = new Date().toISOString();
    return this.db.transaction((items: NewDocument[]) => {
      const results: PutResult[] = [];
      for (const item of items) {
        const d = item.doc;
        const id = documentId(item.collection, d.sha256);
        const parent = item.parentIndex !== undefined && item.parentIndex >= 0 ? results[item.parentIndex] : undefined;
        const info = insertDoc.run({
          id, collection: item.collection, sha256: d.sha256, path: d.path, parentId: parent?.id ?? null, format: d.format,
          mimeType: d.mimeType ?? null, title: d.title ?? null, source: d.source ?? null, published: d.published ?? null,
          author: d.author ?? null, language: d.language || null, text: d.text, length: d.text.length,
          sentences: JSON.stringify(item.sentences.map((s) => [s.start, s.end])), pages: JSON.stringify(d.pages ?? []),
          meta: JSON.stringify(d.meta ?? {}), warnings: JSON.stringify(d.warnings ?? []), ingestedAt: now,
        });
        const created = info.changes > 0;
        if (created) {
          insertFts.run(info.lastInsertRowid, foldText(d.title ?? ''), foldText(d.text));
          insertOriginal.run(d.sha256, d.original.byteLength, Buffer.from(d.original.buffer, d.original.byteOffset, d.original.byteLength));
        }
        results.push({ id, created });
      }
      return results;
    })(batch);
  }

  async findBySha256(collection: string, sha256: string): Promise<DocumentSummary | null> {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.collection = ? AND d.sha256 = ?`)
      .get(collection, sha256) as DocumentRow | undefined;
    return row ? toSummary(row) : null;
  }

  async getDocument(id: string, scope: Scope): Promise<StoredDocument | null> {
    const s = scopeClause(scope);
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, d.text, d.sentences, d.pages, d.meta, d.warnings
      FROM documents d WHERE d.id = ? AND ${s.sql}`).get(id, ...s.params) as DocumentRow | undefined;
    return row ? toStored(row) : null;
  }

  async listDocuments(scope: Scope, limit: number, offset: number): Promise<Page<DocumentSummary>> {
    const s = scopeClause(scope);
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${s.sql}
      ORDER BY d.collection, d.path LIMIT ? OFFSET ?`).all(...s.params, limit, offset) as DocumentRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${s.sql}`).get(...s.params) as { n: number }).n;
    return { items: rows.map(toSummary), total };
  }

  async listChildren(id: string, scope: Scope): Promise<DocumentSummary[]> {
    const s = scopeClause(scope);
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.parent_id = ? AND ${s.sql} ORDER BY d.path`)
      .all(id, ...s.params) as DocumentRow[];
    return rows.map(toSummary);
  }

  async recordFailure(f: FailureRecord): Promise<void> {
    this.db.prepare(`INSERT INTO failures (collection, path, code, message, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (collection, path) DO UPDATE SET code = excluded.code, message = excluded.message, at = excluded.at`)
      .run(f.collection, f.path, f.code, f.message, f.at);
  }

  async clearFailures(collection: string, path: string): Promise<void> {
    this.db.prepare('DELETE FROM failures WHERE collection = ? AND path = ?').run(collection, path);
  }

  async listFailures(scope: Scope): Promise<FailureRecord[]> {
    const s = scopeClause(scope);
    return this.db.prepare(`SELECT d.collection, d.path, d.code, d.message, d.at FROM failures d WHERE ${s.sql} ORDER BY d.path`)
      .all(...s.params) as FailureRecord[];
  }

  async search(request: SearchRequest, scope: Scope): Promise<SearchResponse> {
    return searchDocuments(this.db, request, scope);
  }

  async stats(scope: Scope): Promise<StoreStats> {
    const s = scopeClause(scope);
    const count = (sql: string): number => (this.db.prepare(sql).get(...s.params) as { n: number }).n;
    const group = (col: string, table = 'documents'): { value: string; count: number }[] =>
      this.db.prepare(`SELECT coalesce(${col}, '') AS value, count(*) AS count FROM ${table} d WHERE ${s.sql}
        GROUP BY value ORDER BY count DESC, value`).all(...s.params) as { value: string; count: number }[];
    return {
      documents: count(`SELECT count(*) AS n FROM documents d WHERE ${s.sql}`),
      characters: count(`SELECT coalesce(sum(d.length), 0) AS n FROM documents d WHERE ${s.sql}`),
      byCollection: group('d.collection'),
      byFormat: group('d.format'),
      byLanguage: group('d.language'),
      failures: count(`SELECT count(*) AS n FROM failures d WHERE ${s.sql}`),
      failuresByCode: group('d.code', 'failures'),
      mentions: count(`SELECT count(*) AS n FROM mentions m JOIN documents d ON d.id = m.document_id WHERE ${s.sql}`),
      relations: count(`SELECT count(*) AS n FROM relations r JOIN documents d ON d.id = r.document_id WHERE ${s.sql}`),
    };
  }

  async putStageOutput(id: string, stage: string, version: string, output: StageOutput): Promise<void> {
    writeStageOutput(this.db, id, stage, version, output);
  }

  async stageVersions(stage: string): Promise<Map<string, string>> {
    const rows = this.db.prepare('SELECT document_id, version FROM stage_runs WHERE stage = ?').all(stage) as { document_id: string; version: string }[];
    return new Map(rows.map((r) => [r.document_id, r.version]));
  }

  async listMentions(id: string, scope: Scope): Promise<Mention[]> {
    return readMentions(this.db, id, scope);
  }

  async listEntities(scope: Scope): Promise<Entity[]> {
    const unresolved = await this.unresolvedScope(scope);
    return [...readResolvedEntities(this.db, scope), ...(unresolved ? readEntities(this.db, unresolved) : [])];
  }

  async getEntity(id: string, scope: Scope): Promise<ResolvedEntityRecord | null> {
    const resolved = readEntity(this.db, id, scope);
    if (resolved) return resolved;
    const unresolved = await this.unresolvedScope(scope);
    const e = unresolved ? readEntities(this.db, unresolved).find((x) => x.id === id) : undefined;
    return e ? { ...e, members: [], reasons: [] } : null;
  }

  /** The visible collections that resolution has not run on (their entities are derived from mentions), or null. */
  private async unresolvedScope(scope: Scope): Promise<Scope | null> {
    const resolved = resolvedCollections(this.db);
    const visible = scope.collections === '*' ? await this.listCollections() : scope.collections;
    const open = visible.filter((c) => !resolved.has(c));
    return open.length > 0 ? { collections: open } : null;
  }

  async listCandidates(collection: string): Promise<EntityCandidate[]> {
    return readCandidates(this.db, collection);
  }

  async putEntities(collection: string, entities: ResolvedEntityRecord[], stage: string, version: string): Promise<void> {
    writeEntities(this.db, collection, entities, stage, version);
  }

  async addDecision(collection: string, decision: Decision): Promise<void> {
    await recordDecision(this.resolution, collection, decision);
  }

  async listDecisions(collection: string): Promise<Decision[]> {
    return readDecisions(this.db, collection);
  }

  async listSignatures(collection: string): Promise<{ id: string; signature: Uint8Array | null }[]> {
    return readSignatures(this.db, collection);
  }

  async putDuplicateGroups(signatures: Map<string, Uint8Array>, groups: Map<string, string>): Promise<void> {
    writeDuplicateGroups(this.db, signatures, groups);
  }

  async listCollections(): Promise<string[]> {
    return (this.db.prepare('SELECT DISTINCT collection FROM documents ORDER BY collection').all() as { collection: string }[]).map((r) => r.collection);
  }

  async listRelations(scope: Scope, keys?: readonly string[]): Promise<Relation[]> {
    if (keys && keys.length === 0) return [];
    return readMergedRelations(this.db, scope, keys);
  }

  async listEvents(scope: Scope): Promise<Event[]> {
    return readEvents(this.db, scope);
  }

  async listClaims(scope: Scope): Promise<Claim[]> {
    return readClaims(this.db, scope);
  }

  async verifyOriginals(): Promise<{ checked: number; problems: VerifyProblem[] }> {
    const problems: VerifyProblem[] = [];
    let checked = 0;
    const pathsOf = this.db.prepare('SELECT path FROM documents WHERE sha256 = ? ORDER BY path');
    for (const row of this.db.prepare('SELECT sha256, bytes FROM originals').iterate() as Iterable<{ sha256: string; bytes: Buffer }>) {
      checked++;
      if (sha256Hex(row.bytes) !== row.sha256) {
        problems.push({ sha256: row.sha256, paths: (pathsOf.all(row.sha256) as { path: string }[]).map((r) => r.path), problem: 'mismatch' });
      }
    }
    const missing = this.db.prepare(`SELECT d.sha256, group_concat(d.path, '\n') AS paths FROM documents d
      LEFT JOIN originals o ON o.sha256 = d.sha256 WHERE o.sha256 IS NULL GROUP BY d.sha256`).all() as { sha256: string; paths: string }[];
    for (const m of missing) problems.push({ sha256: m.sha256, paths: m.paths.split('\n'), problem: 'missing' });
    return { checked, problems };
  }

  async readOriginal(sha256: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT bytes FROM originals WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : null;
  }
}
