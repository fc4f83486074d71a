/**
 * Relations read by key in PostgreSQL: a selection of relation ids (all in scope, entities' relations by relation_ends,
 * candidate keys, one document's entities), each end's entity from relation_ends or its own map row (see the SQLite twin).
 */
import { EVIDENCE_FROM_ENDS, EXTRACTED_CONFIDENCE, EXTRACTED_FIRST, extractedFromEnds } from '../shared/edges.js';
import type { Relation, Evidence } from '../../model/index.js';
import type { EdgeRecord, Scope } from '../store.js';
import { type Db, Params, scopeSql } from './sql.js';
import { mergeRelations, type RelationRow } from '../shared/merge-relations.js';
import { mergeEdges, type EdgeRow } from '../shared/edges.js';
import { chosenRelationRows, type RelationEndRow, type RelationEndGroupRow, type RelationDetailRow } from '../shared/strongest.js';
import { endCols, endsJoin, type RelationSelection } from '../shared/relation-ends-sql.js';
import type { EvidenceCountRow, SummaryQueries } from '../shared/relation-summaries.js';


// Relation ids with an end among the entities `entityIds` (an array expression) names, by relation_ends (indexed on each end).
const ofEntities = (entityIds: string): string => `SELECT relation_id AS id FROM relation_ends WHERE source_entity = ANY(${entityIds})
  UNION SELECT relation_id AS id FROM relation_ends WHERE target_entity = ANY(${entityIds})`;


function selectionSql(p: Params, sel: RelationSelection): string | null {
  if ('all' in sel) return null;
  if ('entities' in sel) return ofEntities(`${p.add([...sel.entities])}::text[]`);
  if ('between' in sel) {
    // Both ends among the entities: rows found from the source side's index, kept when the target is in the set too.
    const ids = p.add([...sel.between]);
    return `SELECT relation_id AS id FROM relation_ends WHERE source_entity = ANY(${ids}::text[]) AND target_entity = ANY(${ids}::text[])`;
  }
  if ('ids' in sel) return `SELECT unnest(${p.add([...sel.ids])}::text[]) AS id`;
  if ('keys' in sel) {
    const k = p.add([...sel.keys]);
    return `SELECT id FROM relations WHERE source = ANY(${k}::text[]) UNION SELECT id FROM relations WHERE target = ANY(${k}::text[])`;
  }
  // A document's relations, merged with every other row of the entity pairs they join (independent sources, denials).
  const doc = p.add(sel.document);
  // The map is keyed by (collection, key): the document's collection lets each end be one primary-key probe.
  const end = (column: string) => `SELECT em0.entity_id FROM relations r0 JOIN documents d0 ON d0.id = r0.document_id
    JOIN entity_members em0 ON em0.collection = d0.collection AND em0.candidate_key = r0.${column} WHERE r0.document_id = ${doc}`;
  const ends = `ARRAY(${end('source')} UNION ${end('target')})`;
  return `SELECT id FROM relations WHERE document_id = ${doc} UNION ${ofEntities(ends)}`;
}

/** The light columns of relation_ends (migration 22) a read by entity or id selects, as `id` and the row's own names (edges add stage and review). */
const LIGHT = `re.relation_id AS id, re.type, re.source, re.target, re.confidence, re.negated, re.collection, re.grp,
  re.source_entity, re.target_entity`;

/** The selection's rows with their light columns from relation_ends alone, for reads by entity, between entities or by id; else null. */
function lightSelectionSql(p: Params, sel: RelationSelection, forEdges = false): string | null {
  const LIGHT_COLUMNS = forEdges ? `${LIGHT}, re.stage, re.reviewed, re.document_id, re.evidence_own, re.evidence_other` : LIGHT;
  if ('entities' in sel) {
    const ids = p.add([...sel.entities]);
    return `SELECT ${LIGHT_COLUMNS} FROM relation_ends re WHERE re.source_entity = ANY(${ids}::text[])
      UNION ALL SELECT ${LIGHT_COLUMNS} FROM relation_ends re WHERE re.target_entity = ANY(${ids}::text[])
        AND (re.source_entity IS NULL OR NOT re.source_entity = ANY(${ids}::text[]))`;
  }
  if ('between' in sel) {
    // Probed source by source through relation_ends_source: written as two ANY conditions, the planner scanned the whole
    // table for a 2-hop neighbourhood's 95 entities (31 ms at 20,000 documents; probed, 23.5 ms with the heap fetches).
    const ids = p.add([...sel.between]);
    return `SELECT ${LIGHT_COLUMNS} FROM (SELECT DISTINCT unnest(${ids}::text[]) AS id) b JOIN relation_ends re ON re.source_entity = b.id
      WHERE re.target_entity = ANY(${ids}::text[])`;
  }
  // One primary-key probe per id (OFFSET 0 keeps the planner from flattening the lateral read into a join): joined to the
  // unnested ids, or with = ANY, it scanned the whole table instead (a 2-hop neighbourhood's 7,867 rows at 100,000
  // documents: a sequential scan of 693,328 rows, 83-232 ms).
  if ('ids' in sel) {
    return `SELECT re.* FROM (SELECT DISTINCT unnest(${p.add([...sel.ids])}::text[]) AS id) u
      CROSS JOIN LATERAL (SELECT ${LIGHT_COLUMNS} FROM relation_ends re WHERE re.relation_id = u.id OFFSET 0) re`;
  }
  return null;
}

/** Selected relation rows in the scope, ordered by id, each end mapped through its own row of the candidate -> entity map. */
export async function relationRows(db: Db, scope: Scope, sel: RelationSelection): Promise<RelationRow[]> {
  const p = new Params();
  const chosen = selectionSql(p, sel);
  const from = chosen ? `(${chosen}) sel JOIN relations r ON r.id = sel.id` : 'relations r';
  const [se, te] = endCols(sel);
  return (await db.query<RelationRow>(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version, r.review,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp, ${se} AS source_entity, ${te} AS target_entity
    FROM ${from} JOIN documents d ON d.id = r.document_id ${endsJoin(sel)}
    WHERE ${scopeSql(p, scope)} ORDER BY r.id`, p.values)).rows;
}

// JavaScript truthiness of attrs.negated, as mergeRelations reads it.
const NEGATED = `CASE WHEN r.attrs::json -> 'negated' IS NULL THEN 0 ELSE CASE json_typeof(r.attrs::json -> 'negated')
    WHEN 'null' THEN 0 WHEN 'boolean' THEN (r.attrs::json ->> 'negated')::boolean::int
    WHEN 'number' THEN ((r.attrs::json ->> 'negated')::float8 <> 0)::int WHEN 'string' THEN (r.attrs::json ->> 'negated' <> '')::int ELSE 1 END END`;

/**
 * The rows with an end among some entities as the choice needs them, from relation_ends alone (it carries the columns,
 * migration 22): those whose source is one of them, then those whose target is and whose source is not.
 */
async function endRowsOfEntities(db: Db, scope: Scope, entities: readonly string[]): Promise<RelationEndRow[]> {
  const p = new Params();
  const light = lightSelectionSql(p, { entities })!;
  return (await db.query<RelationEndRow>(`SELECT * FROM (${light}) sel WHERE ${scopeSql(p, scope, undefined, 'sel.collection')}`, p.values)).rows;
}

/**
 * The relations with an end among some entities, aggregated per type, collection, pair of ends and denial (see
 * RelationEndGroupRow): what the choice of a hop's strongest relations reads, a few thousand rows around a hub where the
 * light rows are tens of thousands.
 */
export async function relationEndGroups(db: Db, scope: Scope, entities: readonly string[]): Promise<RelationEndGroupRow[]> {
  const p = new Params();
  const light = lightSelectionSql(p, { entities })!;
  return (await db.query<RelationEndGroupRow>(`SELECT sel.type, sel.collection, min(sel.source) AS source, min(sel.target) AS target,
      min(sel.source_entity) AS source_entity, min(sel.target_entity) AS target_entity, sel.negated, count(*) AS n, max(sel.confidence) AS confidence,
      string_agg(DISTINCT sel.grp, ',') AS grps, string_agg(sel.id, ',') AS ids
    FROM (${light}) sel WHERE ${scopeSql(p, scope, undefined, 'sel.collection')}
    GROUP BY sel.type, sel.collection, coalesce(sel.source_entity, '#' || sel.source), coalesce(sel.target_entity, '#' || sel.target), sel.negated`, p.values)).rows;
}

/** Selected relation rows in the scope as the choice of the strongest needs them (see the SQLite twin). */
export async function relationEndRows(db: Db, scope: Scope, sel: RelationSelection): Promise<RelationEndRow[]> {
  if ('entities' in sel) return endRowsOfEntities(db, scope, sel.entities);
  const p = new Params();
  const chosen = selectionSql(p, sel);
  const from = chosen ? `(${chosen}) sel JOIN relations r ON r.id = sel.id` : 'relations r';
  const [se, te] = endCols(sel);
  return (await db.query<RelationEndRow>(`SELECT r.id, r.type, r.source, r.target, r.confidence, ${NEGATED} AS negated,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp, ${se} AS source_entity, ${te} AS target_entity
    FROM ${from} JOIN documents d ON d.id = r.document_id ${endsJoin(sel)}
    WHERE ${scopeSql(p, scope)}`, p.values)).rows;
}

/** Evidence rows `e` whose document is in the scope (no probe of the document when every collection is). */
function visibleEvidence(p: Params, scope: Scope): string {
  const docs = scopeSql(p, scope);
  return docs === 'TRUE' ? 'TRUE' : `EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id AND ${docs})`;
}

/** Evidence of the given owners (every owner of the kind in the scope when `ids` is null), ordered by document and start. */
export async function evidenceOf(db: Db, kind: string, ids: readonly string[] | null, scope: Scope, text = true): Promise<(id: string) => Evidence[]> {
  const p = new Params();
  const k = p.add(kind);
  const owners = ids
    ? `e.owner_id = ANY(${p.add([...ids])}::text[]) AND ${visibleEvidence(p, scope)}`
    : `e.owner_id IN (SELECT f.id FROM ${kind}s f JOIN documents d ON d.id = f.document_id WHERE ${scopeSql(p, scope)})`;
  const rows = await db.query<Evidence & { owner: string }>(`SELECT e.owner_id AS owner, e.document_id AS "documentId", e.span_start AS start,
    e.span_end AS "end", ${text ? 'e.text' : "''"} AS text FROM evidence e WHERE e.owner_kind = ${k} AND ${owners}
    ORDER BY e.owner_id, e.document_id, e.span_start, e.seq`, p.values);
  const byOwner = new Map<string, Evidence[]>();
  for (const { owner, ...e } of rows.rows) {
    const list = byOwner.get(owner);
    if (list) list.push(e);
    else byOwner.set(owner, [e]);
  }
  return (id) => byOwner.get(id) ?? [];
}

/** The merged relations of the chosen rows of `light` (see the SQLite twin). */
export async function readChosenRelations(db: Db, scope: Scope, light: readonly RelationEndRow[], ids: readonly string[]): Promise<Relation[]> {
  if (ids.length === 0) return [];
  return mergeRelations(await readChosenRows(db, light, ids), await evidenceOf(db, 'relation', ids, scope));
}

/** The chosen rows of `light` completed by their details, ordered by id (see chosenRelationRows). */
export async function readChosenRows(db: Db, light: readonly RelationEndRow[], ids: readonly string[]): Promise<RelationRow[]> {
  if (ids.length === 0) return [];
  // Joined to the ids, not `id = ANY(...)`: with thousands of ids (a hub's page) the planner chose a scan of every relation.
  const details = await db.query<RelationDetailRow>(`SELECT r.id, r.claim_id, r.attrs, r.stage, r.version, r.review
    FROM (SELECT DISTINCT unnest($1::text[]) AS id) u JOIN relations r ON r.id = u.id`, [[...ids]]);
  return chosenRelationRows(light, ids, details.rows);
}

/** The queries of relation summaries (see summariseRelations) in PostgreSQL: evidence of visible documents only. */
export function summaryQueries(db: Db, scope: Scope): SummaryQueries {
  return {
    counts: async (ids) => {
      const p = new Params();
      const owners = p.add([...ids]);
      return (await db.query<EvidenceCountRow>(`SELECT e.owner_id AS owner, e.document_id AS document, count(*)::int AS n
        FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = ANY(${owners}::text[])
          AND ${visibleEvidence(p, scope)} GROUP BY e.owner_id, e.document_id`, p.values)).rows;
    },
    first: async (rows, documents, n) => {
      const p = new Params();
      const ids = p.add(rows.map(([id]) => id));
      const rels = p.add(rows.map(([, rel]) => rel));
      const docs = documents ? `AND e.document_id = ANY(${p.add([...documents])}::text[])` : '';
      return (await db.query<Evidence & { owner: string }>(`SELECT owner, "documentId", start, "end", text FROM (
          SELECT e.owner_id AS owner, e.document_id AS "documentId", e.span_start AS start, e.span_end AS "end", e.text, e.seq,
            row_number() OVER (PARTITION BY m.rel ORDER BY e.owner_id, e.document_id, e.span_start, e.seq) AS k
          FROM unnest(${ids}::text[], ${rels}::int[]) AS m(id, rel) JOIN evidence e ON e.owner_kind = 'relation' AND e.owner_id = m.id
          WHERE ${visibleEvidence(p, scope)} ${docs}) x
        WHERE k <= ${p.add(n)} ORDER BY owner, "documentId", start, seq`, p.values)).rows;
    },
    all: async (ids) => (ids.length === 0 ? () => [] : evidenceOf(db, 'relation', ids, scope)),
  };
}

/** Relations merged across documents (see mergeRelations), of the selection. */
export async function readMergedRelations(db: Db, scope: Scope, sel: RelationSelection): Promise<Relation[]> {
  const rows = await relationRows(db, scope, sel);
  if (rows.length === 0) return [];
  return mergeRelations(rows, await evidenceOf(db, 'relation', 'all' in sel ? null : rows.map((r) => r.id), scope));
}

/** Merged relations of the selection as graph edges, aggregated in SQL (see the SQLite twin). */
export async function readEdges(db: Db, scope: Scope, sel: RelationSelection): Promise<EdgeRecord[]> {
  const p = new Params();
  // Evidence counts only where its document is visible (every document is when the scope is all collections).
  const visible = visibleEvidence(p, scope);
  // Each row's evidence counted and its documents listed, for the rows of `sel` (a CTE with their ids): one grouped read.
  const evidenceOf = (rows: string) => `ev AS MATERIALIZED (SELECT e.owner_id AS owner, count(*)::int AS n, string_agg(DISTINCT e.document_id, ',') AS docs FROM evidence e
    WHERE e.owner_kind = 'relation' AND e.owner_id IN (${rows}) AND ${visible} GROUP BY e.owner_id)`;
  const evidence = evidenceOf('SELECT id FROM sel');
  const light = lightSelectionSql(p, sel, true);
  if (light) {
    // Rows chosen by entity or id: their columns from relation_ends (migration 22), no relation or document row read; each
    // row's evidence counted there (migration 24), read from evidence only for rows citing other documents (an analyst's).
    const sql = `WITH sel AS MATERIALIZED (${light}), ${evidenceOf('SELECT id FROM sel WHERE evidence_other > 0')}
      SELECT sel.type, sel.collection, min(sel.source) AS source, min(sel.target) AS target, min(sel.source_entity) AS source_entity,
        min(sel.target_entity) AS target_entity, sel.negated, ${extractedFromEnds('sel')}, string_agg(DISTINCT sel.grp, ',') AS grps,
        ${EVIDENCE_FROM_ENDS}
      FROM sel LEFT JOIN ev ON ev.owner = sel.id
      WHERE ${scopeSql(p, scope, undefined, 'sel.collection')}
      GROUP BY sel.type, sel.collection, coalesce(sel.source_entity, '#' || sel.source), coalesce(sel.target_entity, '#' || sel.target), sel.negated`;
    return mergeEdges((await db.query<EdgeRow>(sql, p.values)).rows);
  }
  const chosen = selectionSql(p, sel);
  const [se, te] = endCols(sel);
  const head = `SELECT r.type, d.collection, min(r.source) AS source, min(r.target) AS target,
    min(${se}) AS source_entity, min(${te}) AS target_entity, ${NEGATED} AS negated, ${EXTRACTED_CONFIDENCE},
    string_agg(DISTINCT coalesce(d.duplicate_group, d.id), ',') AS grps`;
  const tail = `WHERE ${scopeSql(p, scope)} GROUP BY r.type, d.collection, coalesce(${se}, '#' || r.source), coalesce(${te}, '#' || r.target), ${NEGATED}`;
  if (!chosen) {
    // Every relation of the scope: the correlated reads, per row.
    const per = (what: string) => `(SELECT ${what} FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = r.id AND ${visible})`;
    const sql = `${head}, sum(${per('count(*)::int')})::int AS n, string_agg(${per("string_agg(DISTINCT e.document_id, ',')")}, ',') AS docs,
      ${EXTRACTED_FIRST} FROM relations r JOIN documents d ON d.id = r.document_id ${endsJoin(sel)} ${tail}`;
    return mergeEdges((await db.query<EdgeRow>(sql, p.values)).rows);
  }
  const sql = `WITH sel AS MATERIALIZED (${chosen}), ${evidence}
    ${head}, sum(coalesce(ev.n, 0))::int AS n, string_agg(ev.docs, ',') AS docs, ${EXTRACTED_FIRST}
    FROM sel JOIN relations r ON r.id = sel.id JOIN documents d ON d.id = r.document_id ${endsJoin(sel)}
    LEFT JOIN ev ON ev.owner = r.id ${tail}`;
  return mergeEdges((await db.query<EdgeRow>(sql, p.values)).rows);
}
