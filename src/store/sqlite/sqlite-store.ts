/** SqliteStore: the embedded store (one file, WAL, FTS5 with bm25 ranking), used on a laptop. */
import Database from 'better-sqlite3';
import type {
  DocumentSummary, DocumentChild, DocumentLocation, StoredDocument, Mention, Entity, Relation, Event, Claim, SearchResponse, StoreStats,
  EntityCandidate, ResolvedEntityRecord, EntityListItem, EntityMembersPage, Decision,
} from '../../model/index.js';
import type {
  Store, Scope, Page, NewDocument, NewLocation, PutResult, FailureRecord, SearchRequest, StageOutput, VerifyProblem, StageRun, StageFailure,
  EntitySearch, EntityBrief, EntityHead, EdgeRecord, EdgeSelection, DocumentFacts, Capped, EntityDocumentRank, RelationMergeKey,
} from '../store.js';
import { chooseStrongest, type StrongestFilter, rowsOfMerged } from '../shared/strongest.js';
import { documentId, sha256Hex } from '../ids.js';
import { foldText } from '../text-fold.js';
import { MIGRATIONS } from './migrations.js';
import { readRejected, type RejectedFacts } from '../shared/rejected.js';
import { scopeClause, SUMMARY_COLUMNS } from './scope-sql.js';
import type { DocumentRow } from '../shared/rows.js';
import { toStored, toSummary } from '../shared/rows.js';
import { itemLocation } from '../shared/locations.js';
import { locationWriter, readLocations, readLocationsOf, readChildren, pathsOfContent } from './locations.js';
import { searchDocuments } from './search.js';
import { ReaderPool, SEARCH_READERS } from './reader-pool.js';
import { SEARCH_BUDGET_MS } from '../query-limits.js';
import { readStageRuns, writeStageFailure, readStageFailures } from './stage-runs.js';
import { writeStageOutput, readMentions, readEntities } from './facts.js';
import { cachedStatement } from './statement-cache.js';
import { EdgeCache } from '../shared/edge-cache.js';
import { sqliteEdgeReader } from './edge-cache.js';
import { readMergedRelations, readEdges, relationEndRows, readChosenRelations, readChosenRows, summaryQueries } from './relations-read.js';
import { summariseRelations, type RelationSummary, type SummaryOptions } from '../shared/relation-summaries.js';
import { readEvents, readEventsPage, readClaims } from './events-claims-read.js';
import {
  readCandidates, writeEntities, readResolvedEntities, readEntity, readDecisions,
} from './entities.js';
import type { ResolutionStore } from '../resolution.js';
import type { DuplicateStore } from '../duplicates.js';
import type { TrustStore } from '../trust.js';
import type { ProtectionStore } from '../protection.js';
import { sqliteTrust, sqliteProtection, sqliteCuration, sqliteViews } from './trust.js';
import type { CurationStore } from '../curation.js';
import type { ViewsStore } from '../shared/views-store.js';
import { readSignatures, writeDuplicateGroups, sqliteDuplicates } from './duplicates.js';
import { sqliteResolution, sqliteExecutor } from './resolution.js';
import { SqlReviewStore } from '../shared/review-store.js';
import type { ReviewStore } from '../review.js';
import { recordDecision } from '../shared/record-decision.js';
import { searchEntityRows } from './entity-search.js';
import { withEntityLists, readEntityOfMember, readEntityBriefs, readSummaries, readEntityDocumentRanks } from './entity-reads.js';
import { combineWithUnresolved, unresolvedBriefs } from '../shared/unresolved.js';
import { readEntityHead, readEntityMembers } from './entity-members.js';
import { wholeHead } from '../shared/entity-members.js';
import { documentsAfter, resolvedEntities, relationMergeKeys, relationsOfRows, factsAfter } from './export-reads.js';
import { entityPage } from '../shared/export-pages.js';

/** How SqliteStore runs searches. */
export interface SqliteStoreOptions {
  /** Searches that may run at once in reader processes (default 3; 0 runs them on the calling thread, without a budget). */
  searchReaders?: number;
  /** Milliseconds from a search request to its answer before it is stopped with SearchTimeoutError (default 2 s). */
  searchBudgetMs?: number;
  /** Most MiB of database pages this connection keeps in memory (default PAGE_CACHE_MIB); filled only as pages are read. */
  pageCacheMiB?: number;
  /** Whether neighbourhood reads keep hubs' edges between requests (default true; see src/store/sqlite/edge-cache.ts). */
  edgeCache?: boolean;
}

/**
 * The page cache of the store's connection. SQLite's default (2 MiB) holds a sliver of a 20,000-document store, so every
 * probe of an entity page's reads (thousands of map and relation lookups for a hub) fetched its pages from the OS again:
 * on the kept 20k store a hub's relation read took about half the CPU with 128 MiB (bench/RESULTS.md, "Reads by key").
 */
export const PAGE_CACHE_MIB = 64;

/** The SQLite implementation of Store. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  // Started on the first search: other commands (ingest, export) never pay for the reader processes.
  private readers: ReaderPool | null = null;
  private readonly searchReaders: number;
  private readonly searchBudgetMs: number;
  readonly resolution: ResolutionStore;
  readonly duplicates: DuplicateStore;
  readonly reviews: ReviewStore;
  readonly trust: TrustStore;
  readonly protection: ProtectionStore;
  readonly curation: CurationStore;
  readonly views: ViewsStore;
  private edges: EdgeCache | null = null;
  private readonly keepEdges: boolean;

  /** Opens (creating if needed) the database file; call migrate() before use. */
  constructor(readonly path: string, options: SqliteStoreOptions = {}) {
    // A database in memory is invisible to other processes, so it searches on this thread.
    const inMemory = path === '' || path === ':memory:' || path.startsWith('file::memory:');
    this.searchReaders = inMemory ? 0 : Math.max(0, options.searchReaders ?? SEARCH_READERS);
    this.searchBudgetMs = options.searchBudgetMs ?? SEARCH_BUDGET_MS;
    this.keepEdges = options.edgeCache ?? true;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`cache_size = ${-Math.round(1024 * Math.max(2, options.pageCacheMiB ?? PAGE_CACHE_MIB))}`);
    // Statement journals in memory: a statement whose triggers write (relation_ends, migration 12) keeps one, and on disk
    // it spills past 64 KiB: a resolution commit rewriting 119,623 map rows (4,000 documents) took 28 s of CPU, mostly
    // system time, against 2 s in memory.
    this.db.pragma('temp_store = MEMORY');
    this.resolution = sqliteResolution(this.db);
    this.reviews = new SqlReviewStore(sqliteExecutor(this.db));
    this.duplicates = sqliteDuplicates(this.db);
    this.trust = sqliteTrust(this.db);
    this.protection = sqliteProtection(this.db);
    this.curation = sqliteCuration(this.db);
    this.views = sqliteViews(this.db);
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

  async refreshStatistics(_minPages?: number): Promise<string[]> {
    return [];
  }

  async close(): Promise<void> {
    await this.readers?.close();
    this.readers = null;
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
    const putLocation = locationWriter(this.db);
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
        const l = itemLocation(items, results.length, id, parent?.id ?? null);
        putLocation(l, now);
        results.push({ id, created });
      }
      return results;
    })(batch);
  }

  async putLocation(location: NewLocation): Promise<boolean> {
    return locationWriter(this.db)(location, new Date().toISOString());
  }

  async listLocations(documentId: string, scope: Scope): Promise<DocumentLocation[]> {
    return readLocations(this.db, documentId, scope);
  }

  async listLocationsOf(documentIds: readonly string[], scope: Scope): Promise<Map<string, DocumentLocation[]>> {
    return readLocationsOf(this.db, documentIds, scope);
  }

  async findBySha256(collection: string, sha256: string): Promise<DocumentSummary | null> {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.collection = ? AND d.sha256 = ?`)
      .get(collection, sha256) as DocumentRow | undefined;
    return row ? toSummary(row) : null;
  }

  async getDocument(id: string, scope: Scope): Promise<StoredDocument | null> {
    const s = scopeClause(scope);
    const row = cachedStatement(this.db, `SELECT ${SUMMARY_COLUMNS}, d.text, d.sentences, d.pages, d.meta, d.warnings
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

  async listChildren(id: string, scope: Scope): Promise<DocumentChild[]> {
    return readChildren(this.db, id, scope);
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
    if (this.searchReaders === 0) return searchDocuments(this.db, request, scope);
    return this.readerPool().search(request, scope);
  }

  /** Starts the search reader processes now and resolves when they are ready (a server can, so no first search waits). */
  async startSearchReaders(): Promise<void> {
    if (this.searchReaders > 0) await this.readerPool().warm();
  }

  private readerPool(): ReaderPool {
    this.readers ??= new ReaderPool(this.path, { readers: this.searchReaders, budgetMs: this.searchBudgetMs });
    return this.readers;
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

  async stageRuns(stage: string, scope: Scope, documentIds?: readonly string[]): Promise<Map<string, StageRun>> {
    return readStageRuns(this.db, stage, scope, documentIds);
  }

  async putStageFailure(documentId: string, stage: string, version: string, reason: string): Promise<void> {
    writeStageFailure(this.db, documentId, stage, version, reason);
  }

  async listStageFailures(scope: Scope): Promise<StageFailure[]> {
    return readStageFailures(this.db, scope);
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

  async getEntityHead(id: string, scope: Scope, limit: number): Promise<EntityHead | null> {
    const head = readEntityHead(this.db, id, scope, limit);
    if (head) return head;
    const whole = await this.getEntity(id, scope);
    return whole ? wholeHead(whole) : null;
  }

  async entityOfMember(key: string, scope: Scope): Promise<string | null> {
    return readEntityOfMember(this.db, key, scope.collections === '*' ? await this.listCollections() : scope.collections);
  }

  async listEntityMembers(id: string, scope: Scope, offset: number, limit: number): Promise<EntityMembersPage | null> {
    const page = readEntityMembers(this.db, id, scope, offset, limit);
    if (page) return page;
    // A per-name entity of a collection resolution has not run on has no members.
    return (await this.getEntity(id, scope)) ? { items: [], total: 0 } : null;
  }

  /** The visible collections that resolution has not run on (their entities are derived from mentions), or null. */
  private async unresolvedScope(scope: Scope): Promise<Scope | null> {
    const visible = scope.collections === '*' ? await this.listCollections() : scope.collections;
    const has = this.db.prepare('SELECT 1 FROM entities WHERE collection = ? LIMIT 1');
    const open = visible.filter((c) => !has.get(c));
    return open.length > 0 ? { collections: open } : null;
  }

  async searchEntities(request: EntitySearch, scope: Scope): Promise<Page<EntityListItem>> {
    const unresolved = await this.unresolvedScope(scope);
    if (!unresolved) {
      const { rows, total } = searchEntityRows(this.db, request, scope);
      return { items: withEntityLists(this.db, rows), total };
    }
    const { rows, total } = searchEntityRows(this.db, { ...request, limit: request.offset + request.limit, offset: 0 }, scope);
    const records = withEntityLists(this.db, rows).map((e, i) => ({ e, score: rows[i]!.score }));
    return combineWithUnresolved(records, total, readEntities(this.db, unresolved), request);
  }

  async getEntityBriefs(ids: readonly string[], scope: Scope): Promise<EntityBrief[]> {
    return unresolvedBriefs(ids, readEntityBriefs(this.db, ids, scope), async () => {
      const unresolved = await this.unresolvedScope(scope);
      return unresolved ? readEntities(this.db, unresolved) : [];
    });
  }

  async listEntityRelations(entityIds: readonly string[], scope: Scope): Promise<Relation[]> {
    return entityIds.length === 0 ? [] : readMergedRelations(this.db, scope, { entities: entityIds });
  }

  async listEdges(scope: Scope, select?: EdgeSelection): Promise<EdgeRecord[]> {
    if (!select) return readEdges(this.db, scope, { all: true });
    const ids = 'around' in select ? select.around : select.between;
    if (ids.length === 0) return [];
    return 'around' in select ? readEdges(this.db, scope, { entities: ids }) : this.edgeCache.between(scope, ids);
  }

  /** The neighbourhood reads' cache of hub edges (src/store/shared/edge-cache.ts), made on first use. */
  private get edgeCache(): EdgeCache {
    return (this.edges ??= new EdgeCache(sqliteEdgeReader(this.db, this.keepEdges)));
  }

  async listStrongestEntityRelations(entityId: string, scope: Scope, limit: number, offset = 0): Promise<Capped<Relation>> {
    const light = relationEndRows(this.db, scope, { entities: [entityId] });
    const { ids, total } = chooseStrongest(light, limit, {}, offset);
    return { items: readChosenRelations(this.db, scope, light, ids), total };
  }

  async listEntityRelationSummaries(entityId: string, scope: Scope, limit: number, opts: SummaryOptions): Promise<Capped<RelationSummary>> {
    const light = relationEndRows(this.db, scope, { entities: [entityId] });
    const { ids, total } = chooseStrongest(light, limit, {}, opts.offset);
    return { items: await summariseRelations(readChosenRows(this.db, light, ids), summaryQueries(this.db, scope), opts), total };
  }

  async getEntityRelation(entityId: string, relationId: string, scope: Scope): Promise<Relation | null> {
    const light = relationEndRows(this.db, scope, { entities: [entityId] });
    const ids = rowsOfMerged(light, relationId);
    return ids.length === 0 ? null : (readChosenRelations(this.db, scope, light, ids))[0] ?? null;
  }

  async listStrongestEdges(scope: Scope, around: readonly string[], limit: number, filter?: StrongestFilter): Promise<Capped<EdgeRecord>> {
    if (around.length === 0) return { items: [], total: 0 };
    return this.edgeCache.strongest(scope, around, limit, filter);
  }

  async listEntityEvents(entityId: string, scope: Scope): Promise<Event[]> {
    return readEvents(this.db, scope, { entities: [entityId] });
  }

  async listEntityEventsPage(entityId: string, scope: Scope, offset: number, limit: number): Promise<Capped<Event>> {
    return readEventsPage(this.db, scope, { entities: [entityId] }, offset, limit);
  }

  async listEntityClaims(entityId: string, scope: Scope): Promise<Claim[]> {
    return readClaims(this.db, scope, { entities: [entityId] });
  }

  async getClaims(ids: readonly string[], scope: Scope): Promise<Claim[]> {
    return ids.length === 0 ? [] : readClaims(this.db, scope, { ids });
  }

  async rankEntityDocuments(entityId: string, scope: Scope, offset: number, limit: number): Promise<Page<EntityDocumentRank>> {
    return readEntityDocumentRanks(this.db, entityId, scope, offset, limit);
  }

  async getDocumentSummaries(ids: readonly string[], scope: Scope): Promise<DocumentSummary[]> {
    return readSummaries(this.db, ids, scope);
  }

  async listDocumentFacts(documentId: string, scope: Scope): Promise<DocumentFacts> {
    const sel = { document: documentId };
    return { relations: readMergedRelations(this.db, scope, sel), events: readEvents(this.db, scope, sel), claims: readClaims(this.db, scope, sel) };
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
    // A skip scan of the collection index: one probe per collection, not a pass over every document.
    return (this.db.prepare(`WITH RECURSIVE c(name) AS (SELECT min(collection) FROM documents
      UNION ALL SELECT (SELECT min(collection) FROM documents WHERE collection > c.name) FROM c WHERE c.name IS NOT NULL)
      SELECT name FROM c WHERE name IS NOT NULL`).all() as { name: string }[]).map((r) => r.name);
  }

  async listRelations(scope: Scope, keys?: readonly string[]): Promise<Relation[]> {
    if (keys && keys.length === 0) return [];
    return readMergedRelations(this.db, scope, keys ? { keys } : { all: true });
  }

  async listEvents(scope: Scope): Promise<Event[]> {
    return readEvents(this.db, scope);
  }

  async listRejected(scope: Scope): Promise<RejectedFacts> {
    return readRejected(this.reviews, scope);
  }

  async listClaims(scope: Scope): Promise<Claim[]> {
    return readClaims(this.db, scope);
  }

  async listDocumentsAfter(scope: Scope, after: string | null, limit: number): Promise<DocumentSummary[]> {
    return documentsAfter(this.db, scope, after, limit);
  }

  async listEntitiesAfter(scope: Scope, after: string | null, limit: number): Promise<Entity[]> {
    const unresolved = await this.unresolvedScope(scope);
    return entityPage(resolvedEntities(this.db, scope, after, limit), unresolved ? readEntities(this.db, unresolved) : null, after, limit);
  }

  async relationMergeKeysAfter(scope: Scope, after: string | null, limit: number): Promise<RelationMergeKey[]> {
    return relationMergeKeys(this.db, scope, after, limit);
  }

  async listRelationsOfRows(rowIds: readonly string[], scope: Scope): Promise<Relation[]> {
    return relationsOfRows(this.db, scope, rowIds);
  }

  async listEventsAfter(scope: Scope, after: string | null, limit: number): Promise<Event[]> {
    return factsAfter(this.db, 'events', scope, after, limit);
  }

  async listClaimsAfter(scope: Scope, after: string | null, limit: number): Promise<Claim[]> {
    return factsAfter(this.db, 'claims', scope, after, limit);
  }

  async verifyOriginals(): Promise<{ checked: number; problems: VerifyProblem[] }> {
    const problems: VerifyProblem[] = [];
    let checked = 0;
    // Every place the content was found, in any collection (a copy at a second path is as affected as the first).
    const pathsOf = pathsOfContent(this.db);
    for (const row of this.db.prepare('SELECT sha256, bytes FROM originals').iterate() as Iterable<{ sha256: string; bytes: Buffer }>) {
      checked++;
      if (sha256Hex(row.bytes) !== row.sha256) {
        problems.push({ sha256: row.sha256, paths: pathsOf(row.sha256), problem: 'mismatch' });
      }
    }
    const missing = this.db.prepare(`SELECT DISTINCT d.sha256 FROM documents d
      LEFT JOIN originals o ON o.sha256 = d.sha256 WHERE o.sha256 IS NULL ORDER BY d.sha256`).all() as { sha256: string }[];
    for (const m of missing) problems.push({ sha256: m.sha256, paths: pathsOf(m.sha256), problem: 'missing' });
    return { checked, problems };
  }

  async readOriginal(sha256: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT bytes FROM originals WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : null;
  }
}
