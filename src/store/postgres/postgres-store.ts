/** PostgresStore: the server store for teams (a connection pool, tsvector search with a GIN index, originals as bytea). */
import pg from 'pg';
import type {
  DocumentSummary, DocumentChild, DocumentLocation, StoredDocument, Mention, Entity, Relation, Event, Claim, SearchResponse, StoreStats,
  EntityCandidate, ResolvedEntityRecord, EntityListItem, EntityMembersPage, Decision,
} from '../../model/index.js';
import type {
  Store, Scope, Page, NewDocument, NewLocation, PutResult, FailureRecord, SearchRequest, StageOutput, VerifyProblem, StageRun, StageFailure,
  EntitySearch, EntityBrief, EntityHead, EdgeRecord, EdgeSelection, DocumentFacts, Capped, EntityDocumentRank, RelationMergeKey,
} from '../store.js';
import { chooseStrongest, type StrongestFilter, rowsOfMerged } from '../shared/strongest.js';
import { documentId } from '../ids.js';
import { toStored, toSummary, type DocumentRow } from '../shared/rows.js';
import { itemLocation } from '../shared/locations.js';
import { writeLocation, readLocations, readLocationsOf, readChildren, pathsOfContent } from './locations.js';
import { PG_MIGRATIONS } from './migrations.js';
import { readRejected, type RejectedFacts } from '../shared/rejected.js';
import { type Db, Params, scopeSql, inTransaction, wrapDb, SUMMARY_COLUMNS } from './sql.js';
import { documentIndex } from './text-search.js';
import { searchDocuments } from './search.js';
import { SEARCH_BUDGET_MS } from '../query-limits.js';
import { readStageRuns, writeStageFailure, readStageFailures } from './stage-runs.js';
import { writeStageOutput, readMentions, readEntities } from './facts.js';
import { readMergedRelations, readEdges, relationEndRows, readChosenRelations, readChosenRows, summaryQueries } from './relations-read.js';
import { countsAhead, summariseRelations, type RelationSummary, type SummaryOptions } from '../shared/relation-summaries.js';
import { readEvents, readEventsPage, readClaims } from './events-claims-read.js';
import {
  readCandidates, writeEntities, readResolvedEntities, readEntity, readDecisions,
} from './entities.js';
import type { ResolutionStore } from '../resolution.js';
import type { DuplicateStore } from '../duplicates.js';
import type { TrustStore } from '../trust.js';
import type { ProtectionStore } from '../protection.js';
import { postgresTrust, postgresProtection, postgresCuration, postgresViews } from './trust.js';
import type { CurationStore } from '../curation.js';
import type { ViewsStore } from '../shared/views-store.js';
import { readSignatures, writeDuplicateGroups, postgresDuplicates } from './duplicates.js';
import { postgresResolution, postgresExecutor } from './resolution.js';
import { SqlReviewStore } from '../shared/review-store.js';
import type { ReviewStore } from '../review.js';
import { recordDecision } from '../shared/record-decision.js';
import { indexPendingNames, searchEntityRows } from './entity-search.js';
import { EdgeCache } from '../shared/edge-cache.js';
import { postgresEdgeReader } from './edge-cache.js';
import { withEntityLists, readEntityOfMember, readEntityBriefs, readSummaries, readEntityDocumentRanks } from './entity-reads.js';
import { combineWithUnresolved, unresolvedBriefs } from '../shared/unresolved.js';
import { readEntityHead, readEntityMembers } from './entity-members.js';
import { wholeHead } from '../shared/entity-members.js';
import { documentsAfter, resolvedEntities, relationMergeKeys, relationsOfRows, factsAfter } from './export-reads.js';
import { entityPage } from '../shared/export-pages.js';

/** How PostgresStore runs searches. */
export interface PostgresStoreOptions {
  /** Milliseconds a search may take before PostgreSQL cancels it (statement_timeout) with SearchTimeoutError (default 2000). */
  searchBudgetMs?: number;
  /** Whether neighbourhood reads keep hubs' edges between requests (default true; see src/store/shared/edge-cache.ts). */
  edgeCache?: boolean;
}

// Serialises concurrent migrate() calls from several processes (any constant shared by them).
const MIGRATION_LOCK = 4_242_001;

/** The PostgreSQL implementation of Store. */
export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly db: Db;
  readonly resolution: ResolutionStore;
  readonly duplicates: DuplicateStore;
  readonly reviews: ReviewStore;
  readonly trust: TrustStore;
  readonly protection: ProtectionStore;
  readonly curation: CurationStore;
  readonly views: ViewsStore;
  /** The neighbourhood reads' cache of hub edges (src/store/shared/edge-cache.ts). */
  private readonly edgeCache: EdgeCache;

  /** Connects lazily to the database `url` names (postgres://user@host:port/db); call migrate() before use. */
  constructor(readonly url: string, private readonly options: PostgresStoreOptions = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle client losing its server must not crash the process; the next query reports the problem.
    this.pool.on('error', () => undefined);
    this.db = wrapDb(this.pool);
    this.resolution = postgresResolution(this.pool, this.db);
    this.reviews = new SqlReviewStore(postgresExecutor(this.pool, this.db));
    this.duplicates = postgresDuplicates(this.pool, this.db);
    this.trust = postgresTrust(this.db);
    this.protection = postgresProtection(this.db);
    this.curation = postgresCuration(this.db);
    this.views = postgresViews(this.db);
    this.edgeCache = new EdgeCache(postgresEdgeReader(this.db, options.edgeCache ?? true));
  }

  async migrate(): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const current = (await db.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations')).rows[0]!.v;
      const latest = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version ?? 0;
      if (current > latest) {
        throw new Error(`${redact(this.url)} was written by a newer Cablegraph (schema ${current}, this one knows ${latest}): upgrade Cablegraph.`);
      }
      // All steps in one transaction: a failing step leaves the schema as it was.
      for (const m of PG_MIGRATIONS) {
        if (m.version <= current) continue;
        await db.query(m.sql);
        await db.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [m.version, m.description]);
      }
    }).catch((err: unknown) => {
      throw explainConnectionError(err, this.url);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async refreshStatistics(minPages = 8): Promise<string[]> {
    // A table never analysed (reltuples -1; or rows counted but no column statistics in pg_stats: CREATE INDEX records
    // reltuples and relpages, as a restore does last), or with more pages now than its last ANALYZE or VACUUM recorded
    // (pg_class.relpages): exact at once, where the activity counters of pg_stat_user_tables reach other sessions late.
    const grown = await this.db.query<{ t: string }>(`SELECT c.oid::regclass::text AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN LATERAL (SELECT pg_relation_size(c.oid) / current_setting('block_size')::int AS pages) now
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND now.pages > $1
        AND (now.pages > 1.2 * greatest(c.relpages, 0) + $1
          OR c.reltuples < 0 OR (c.reltuples > 0 AND NOT EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname)))
      ORDER BY 1`, [minPages]);
    const tables = grown.rows.map((r) => r.t);
    if (tables.length > 0) await this.db.query(`ANALYZE ${tables.join(', ')}`);
    return tables;
  }

  async putDocuments(batch: NewDocument[]): Promise<PutResult[]> {
    const now = new Date().toISOString();
    return inTransaction(this.pool, async (db) => {
      const results: PutResult[] = [];
      for (const item of batch) {
        const d = item.doc;
        const id = documentId(item.collection, d.sha256);
        const parent = item.parentIndex !== undefined && item.parentIndex >= 0 ? results[item.parentIndex] : undefined;
        const index = documentIndex(d.title ?? '', d.text);
        const inserted = await db.query(`INSERT INTO documents (id, collection, sha256, path, parent_id, format, mime_type, title, source,
          published, author, language, text, length, sentences, pages, meta, warnings, ingested_at, fts, fts_exact)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::tsvector, $21)
          ON CONFLICT DO NOTHING`, [
          id, item.collection, d.sha256, d.path, parent?.id ?? null, d.format, d.mimeType ?? null, d.title ?? null, d.source ?? null,
          d.published ?? null, d.author ?? null, d.language || null, d.text, d.text.length,
          JSON.stringify(item.sentences.map((s) => [s.start, s.end])), JSON.stringify(d.pages ?? []), JSON.stringify(d.meta ?? {}),
          JSON.stringify(d.warnings ?? []), now, index.vector, index.exact,
        ]);
        const created = (inserted.rowCount ?? 0) > 0;
        if (created && index.windows.length > 0) {
          await db.query(`INSERT INTO document_windows (document_id, n, fts)
            SELECT $1::text, w.n, w.fts::tsvector FROM unnest($2::text[]) WITH ORDINALITY AS w(fts, n)`, [id, index.windows]);
        }
        if (created) {
          await db.query('INSERT INTO originals (sha256, size, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
            [d.sha256, d.original.byteLength, Buffer.from(d.original.buffer, d.original.byteOffset, d.original.byteLength)]);
        }
        await writeLocation(db, itemLocation(batch, results.length, id, parent?.id ?? null), now);
        results.push({ id, created });
      }
      return results;
    });
  }

  async putLocation(location: NewLocation): Promise<boolean> {
    return writeLocation(this.db, location, new Date().toISOString());
  }

  async listLocations(documentId: string, scope: Scope): Promise<DocumentLocation[]> {
    return readLocations(this.db, documentId, scope);
  }

  async listLocationsOf(documentIds: readonly string[], scope: Scope): Promise<Map<string, DocumentLocation[]>> {
    return readLocationsOf(this.db, documentIds, scope);
  }

  async findBySha256(collection: string, sha256: string): Promise<DocumentSummary | null> {
    const r = await this.db.query<DocumentRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.collection = $1 AND d.sha256 = $2`, [collection, sha256]);
    return r.rows[0] ? toSummary(r.rows[0]) : null;
  }

  async getDocument(id: string, scope: Scope): Promise<StoredDocument | null> {
    const p = new Params();
    const r = await this.db.query<DocumentRow>(`SELECT ${SUMMARY_COLUMNS}, d.text, d.sentences, d.pages, d.meta, d.warnings
      FROM documents d WHERE d.id = ${p.add(id)} AND ${scopeSql(p, scope)}`, p.values);
    return r.rows[0] ? toStored(r.rows[0]) : null;
  }

  async listDocuments(scope: Scope, limit: number, offset: number): Promise<Page<DocumentSummary>> {
    const p = new Params();
    const where = scopeSql(p, scope);
    const total = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents d WHERE ${where}`, p.values);
    const rows = await this.db.query<DocumentRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE ${where}
      ORDER BY d.collection, d.path, d.seq LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { items: rows.rows.map(toSummary), total: total.rows[0]!.n };
  }

  async listChildren(id: string, scope: Scope): Promise<DocumentChild[]> {
    return readChildren(this.db, id, scope);
  }

  async recordFailure(f: FailureRecord): Promise<void> {
    await this.db.query(`INSERT INTO failures (collection, path, code, message, at) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (collection, path) DO UPDATE SET code = EXCLUDED.code, message = EXCLUDED.message, at = EXCLUDED.at`,
    [f.collection, f.path, f.code, f.message, f.at]);
  }

  async clearFailures(collection: string, path: string): Promise<void> {
    await this.db.query('DELETE FROM failures WHERE collection = $1 AND path = $2', [collection, path]);
  }

  async listFailures(scope: Scope): Promise<FailureRecord[]> {
    const p = new Params();
    const r = await this.db.query<FailureRecord>(`SELECT d.collection, d.path, d.code, d.message, d.at FROM failures d
      WHERE ${scopeSql(p, scope)} ORDER BY d.path, d.id`, p.values);
    return r.rows;
  }

  async search(request: SearchRequest, scope: Scope): Promise<SearchResponse> {
    // Each statement in a transaction of its own, so its SET LOCAL statement_timeout ends with it (see searchDocuments).
    return searchDocuments((work) => inTransaction(this.pool, work), request, scope, this.options.searchBudgetMs ?? SEARCH_BUDGET_MS);
  }

  async stats(scope: Scope): Promise<StoreStats> {
    const p = new Params();
    const where = scopeSql(p, scope);
    const count = async (sql: string): Promise<number> => Number((await this.db.query<{ n: string }>(sql, p.values)).rows[0]!.n);
    const group = async (col: string, table = 'documents'): Promise<{ value: string; count: number }[]> =>
      (await this.db.query<{ value: string; count: number }>(`SELECT coalesce(${col}, '') AS value, count(*)::int AS count
        FROM ${table} d WHERE ${where} GROUP BY value ORDER BY count DESC, value`, p.values)).rows;
    return {
      documents: await count(`SELECT count(*) AS n FROM documents d WHERE ${where}`),
      characters: await count(`SELECT coalesce(sum(d.length), 0) AS n FROM documents d WHERE ${where}`),
      byCollection: await group('d.collection'),
      byFormat: await group('d.format'),
      byLanguage: await group('d.language'),
      failures: await count(`SELECT count(*) AS n FROM failures d WHERE ${where}`),
      failuresByCode: await group('d.code', 'failures'),
      mentions: await count(`SELECT count(*) AS n FROM mentions m JOIN documents d ON d.id = m.document_id WHERE ${where}`),
      relations: await count(`SELECT count(*) AS n FROM relations r JOIN documents d ON d.id = r.document_id WHERE ${where}`),
    };
  }

  async putStageOutput(id: string, stage: string, version: string, output: StageOutput): Promise<void> {
    await inTransaction(this.pool, (db) => writeStageOutput(db, id, stage, version, output));
  }

  async stageVersions(stage: string): Promise<Map<string, string>> {
    const r = await this.db.query<{ document_id: string; version: string }>('SELECT document_id, version FROM stage_runs WHERE stage = $1', [stage]);
    return new Map(r.rows.map((x) => [x.document_id, x.version]));
  }

  async stageRuns(stage: string, scope: Scope, documentIds?: readonly string[]): Promise<Map<string, StageRun>> {
    return readStageRuns(this.db, stage, scope, documentIds);
  }

  async putStageFailure(documentId: string, stage: string, version: string, reason: string): Promise<void> {
    await writeStageFailure(this.db, documentId, stage, version, reason);
  }

  async listStageFailures(scope: Scope): Promise<StageFailure[]> {
    return readStageFailures(this.db, scope);
  }

  async listMentions(id: string, scope: Scope): Promise<Mention[]> {
    return readMentions(this.db, id, scope);
  }

  async listEntities(scope: Scope): Promise<Entity[]> {
    const unresolved = await this.unresolvedScope(scope);
    return [...(await readResolvedEntities(this.db, scope)), ...(unresolved ? await readEntities(this.db, unresolved) : [])];
  }

  async getEntity(id: string, scope: Scope): Promise<ResolvedEntityRecord | null> {
    const resolved = await readEntity(this.db, id, scope);
    if (resolved) return resolved;
    const unresolved = await this.unresolvedScope(scope);
    const e = unresolved ? (await readEntities(this.db, unresolved)).find((x) => x.id === id) : undefined;
    return e ? { ...e, members: [], reasons: [] } : null;
  }

  async getEntityHead(id: string, scope: Scope, limit: number): Promise<EntityHead | null> {
    const head = await readEntityHead(this.db, id, scope, limit);
    if (head) return head;
    const whole = await this.getEntity(id, scope);
    return whole ? wholeHead(whole) : null;
  }

  async entityOfMember(key: string, scope: Scope): Promise<string | null> {
    return readEntityOfMember(this.db, key, scope.collections === '*' ? await this.listCollections() : scope.collections);
  }

  async listEntityMembers(id: string, scope: Scope, offset: number, limit: number): Promise<EntityMembersPage | null> {
    const page = await readEntityMembers(this.db, id, scope, offset, limit);
    if (page) return page;
    // A per-name entity of a collection resolution has not run on has no members.
    return (await this.getEntity(id, scope)) ? { items: [], total: 0 } : null;
  }

  /** The visible collections that resolution has not run on (their entities are derived from mentions), or null. */
  private async unresolvedScope(scope: Scope): Promise<Scope | null> {
    const visible = scope.collections === '*' ? await this.listCollections() : [...scope.collections];
    const resolved = await this.db.query<{ c: string }>(`SELECT c FROM unnest($1::text[]) AS v(c)
      WHERE EXISTS (SELECT 1 FROM entities e WHERE e.collection = v.c)`, [visible]);
    const has = new Set(resolved.rows.map((r) => r.c));
    const open = visible.filter((c) => !has.has(c));
    return open.length > 0 ? { collections: open } : null;
  }

  async searchEntities(request: EntitySearch, scope: Scope): Promise<Page<EntityListItem>> {
    if (request.q && (await this.db.query('SELECT 1 FROM entity_names_pending LIMIT 1')).rows.length > 0) {
      await inTransaction(this.pool, indexPendingNames);
    }
    const unresolved = await this.unresolvedScope(scope);
    if (!unresolved) {
      const { rows, total } = await searchEntityRows(this.db, request, scope);
      return { items: await withEntityLists(this.db, rows), total };
    }
    const { rows, total } = await searchEntityRows(this.db, { ...request, limit: request.offset + request.limit, offset: 0 }, scope);
    const records = (await withEntityLists(this.db, rows)).map((e, i) => ({ e, score: rows[i]!.score }));
    return combineWithUnresolved(records, total, await readEntities(this.db, unresolved), request);
  }

  async getEntityBriefs(ids: readonly string[], scope: Scope): Promise<EntityBrief[]> {
    return unresolvedBriefs(ids, await readEntityBriefs(this.db, ids, scope), async () => {
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

  async listStrongestEntityRelations(entityId: string, scope: Scope, limit: number, offset = 0): Promise<Capped<Relation>> {
    const light = await relationEndRows(this.db, scope, { entities: [entityId] });
    const { ids, total } = chooseStrongest(light, limit, {}, offset);
    return { items: await readChosenRelations(this.db, scope, light, ids), total };
  }

  async listEntityRelationSummaries(entityId: string, scope: Scope, limit: number, opts: SummaryOptions): Promise<Capped<RelationSummary>> {
    const light = await relationEndRows(this.db, scope, { entities: [entityId] });
    const { ids, total } = chooseStrongest(light, limit, {}, opts.offset);
    const queries = countsAhead(summaryQueries(this.db, scope), ids);
    return { items: await summariseRelations(await readChosenRows(this.db, light, ids), queries, opts), total };
  }

  async getEntityRelation(entityId: string, relationId: string, scope: Scope): Promise<Relation | null> {
    const light = await relationEndRows(this.db, scope, { entities: [entityId] });
    const ids = rowsOfMerged(light, relationId);
    return ids.length === 0 ? null : (await readChosenRelations(this.db, scope, light, ids))[0] ?? null;
  }

  async listStrongestEdges(scope: Scope, around: readonly string[], limit: number, filter?: StrongestFilter): Promise<Capped<EdgeRecord>> {
    if (around.length === 0) return { items: [], total: 0 };
    // Grouped by the engine per pair of ends (around hubs the light rows are tens of thousands, their pairs a few
    // thousand), each entity's groups kept while nothing is written.
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
    return {
      relations: await readMergedRelations(this.db, scope, sel), events: await readEvents(this.db, scope, sel), claims: await readClaims(this.db, scope, sel),
    };
  }

  async listCandidates(collection: string): Promise<EntityCandidate[]> {
    return readCandidates(this.db, collection);
  }

  async putEntities(collection: string, entities: ResolvedEntityRecord[], stage: string, version: string): Promise<void> {
    await inTransaction(this.pool, (db) => writeEntities(db, collection, entities, stage, version));
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
    await inTransaction(this.pool, (db) => writeDuplicateGroups(db, signatures, groups));
  }

  async listCollections(): Promise<string[]> {
    // A skip scan of the collection index: one probe per collection, not a pass over every document.
    return (await this.db.query<{ name: string }>(`WITH RECURSIVE c(name) AS (SELECT min(collection) FROM documents
      UNION ALL SELECT (SELECT min(collection) FROM documents WHERE collection > c.name) FROM c WHERE c.name IS NOT NULL)
      SELECT name FROM c WHERE name IS NOT NULL`)).rows.map((r) => r.name);
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
    return entityPage(await resolvedEntities(this.db, scope, after, limit), unresolved ? await readEntities(this.db, unresolved) : null, after, limit);
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
    // The server re-hashes the bytes (sha256() is built in), so originals never travel to the client.
    const hashed = await this.db.query<{ sha256: string; ok: boolean }>(`SELECT o.sha256, encode(sha256(o.bytes), 'hex') = o.sha256 AS ok
      FROM originals o ORDER BY o.sha256`);
    const missing = await this.db.query<{ sha256: string }>(`SELECT DISTINCT d.sha256 FROM documents d
      LEFT JOIN originals o ON o.sha256 = d.sha256 WHERE o.sha256 IS NULL ORDER BY d.sha256`);
    const found: [string, VerifyProblem['problem']][] = [
      ...hashed.rows.filter((r) => !r.ok).map((r): [string, VerifyProblem['problem']] => [r.sha256, 'mismatch']),
      ...missing.rows.map((r): [string, VerifyProblem['problem']] => [r.sha256, 'missing']),
    ];
    const paths = await pathsOfContent(this.db, found.map(([sha256]) => sha256));
    return { checked: hashed.rows.length, problems: found.map(([sha256, problem]) => ({ sha256, paths: paths.get(sha256) ?? [], problem })) };
  }

  async readOriginal(sha256: string): Promise<Uint8Array | null> {
    const r = await this.db.query<{ bytes: Buffer }>('SELECT bytes FROM originals WHERE sha256 = $1', [sha256]);
    return r.rows[0] ? new Uint8Array(r.rows[0].bytes) : null;
  }
}

/** Turns the errors of a first connection into messages that say what to do; other errors pass unchanged. */
function explainConnectionError(err: unknown, url: string): unknown {
  const code = (err as { code?: string }).code;
  const where = redact(url);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return new Error(`Cannot reach PostgreSQL at ${where} (${code}): is the server running, and are host and port right?`, { cause: err });
  }
  if (code === '3D000') return new Error(`${(err as Error).message} at ${where}: create it first (createdb, or CREATE DATABASE).`, { cause: err });
  if (code === '28P01' || code === '28000') return new Error(`PostgreSQL refused the login for ${where}: ${(err as Error).message}.`, { cause: err });
  return err;
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/u, '//$1:***@');
}
