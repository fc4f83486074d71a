/**
 * Relations read by key in SQLite: a selection of relation ids (all in scope, an entity's relations by relation_ends,
 * candidate keys, one document's entities), each end's entity from relation_ends (reads by entity and by id) or from its
 * own row of the candidate -> entity map (the rest), so no read loads the collection's map.
 */
import { EVIDENCE_FROM_ENDS, EXTRACTED_CONFIDENCE, EXTRACTED_FIRST, extractedFromEnds } from '../shared/edges.js';
import type Database from 'better-sqlite3';
import type { Relation, Evidence } from '../../model/index.js';
import type { EdgeRecord, Scope } from '../store.js';
import { scopeClause } from './scope-sql.js';
import { IN_JSON } from './entity-reads.js';
import { mergeRelations, type RelationRow } from '../shared/merge-relations.js';
import { mergeEdges, type EdgeRow } from '../shared/edges.js';
import { chosenRelationRows, type RelationEndRow, type RelationDetailRow } from '../shared/strongest.js';
import { endCols, endsJoin, type RelationSelection } from '../shared/relation-ends-sql.js';
import type { EvidenceCountRow, SummaryQueries } from '../shared/relation-summaries.js';


// Relation ids with an end among the entities the inner SELECT names, by relation_ends (indexed on each end).
const ofEntities = (entityIds: string): string => `SELECT relation_id AS id FROM relation_ends WHERE source_entity IN (${entityIds})
  UNION SELECT relation_id AS id FROM relation_ends WHERE target_entity IN (${entityIds})`;


/** SQL naming the selected relation ids, with its parameters (null: every relation). */
function selectionSql(sel: RelationSelection): { sql: string; params: unknown[] } | null {
  if ('all' in sel) return null;
  if ('entities' in sel) {
    const ids = JSON.stringify([...sel.entities]);
    return { sql: ofEntities('SELECT value FROM json_each(?)'), params: [ids, ids] };
  }
  if ('between' in sel) {
    // Both ends among the entities: rows found from the source side's index, kept when the target is in the set too.
    const ids = JSON.stringify([...sel.between]);
    return { sql: `SELECT relation_id AS id FROM relation_ends WHERE source_entity ${IN_JSON} AND target_entity ${IN_JSON}`, params: [ids, ids] };
  }
  if ('ids' in sel) return { sql: 'SELECT value AS id FROM json_each(?)', params: [JSON.stringify([...sel.ids])] };
  if ('keys' in sel) {
    const keys = JSON.stringify([...sel.keys]);
    return { sql: `SELECT id FROM relations WHERE source ${IN_JSON} UNION SELECT id FROM relations WHERE target ${IN_JSON}`, params: [keys, keys] };
  }
  // A document's relations, merged with every other row of the entity pairs they join (independent sources, denials).
  // The map is keyed by (collection, key): the document's collection lets each end be one primary-key probe.
  const end = (column: string) => `SELECT em0.entity_id FROM relations r0 JOIN documents d0 INDEXED BY documents_group ON d0.id = r0.document_id
    JOIN entity_members em0 ON em0.collection = d0.collection AND em0.candidate_key = r0.${column} WHERE r0.document_id = ?`;
  const ends = `${end('source')} UNION ${end('target')}`;
  return { sql: `SELECT id FROM relations WHERE document_id = ? UNION ${ofEntities(ends)}`, params: Array(5).fill(sel.document) };
}

/** Selected relation rows in the scope, ordered by id, each end mapped through its own row of the candidate -> entity map. */
export function relationRows(db: Database.Database, scope: Scope, sel: RelationSelection): RelationRow[] {
  const s = scopeClause(scope);
  const chosen = selectionSql(sel);
  const from = chosen ? `(${chosen.sql}) sel JOIN relations r ON r.id = sel.id` : 'relations r';
  const [se, te] = endCols(sel);
  return db.prepare(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version, r.review,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp, ${se} AS source_entity, ${te} AS target_entity
    FROM ${from} JOIN documents d INDEXED BY documents_group ON d.id = r.document_id ${endsJoin(sel)}
    WHERE ${s.sql} ORDER BY r.id`).all(...(chosen?.params ?? []), ...s.params) as RelationRow[];
}

// JavaScript truthiness of attrs.negated, as mergeRelations reads it.
const NEGATED = "CASE WHEN coalesce(r.attrs ->> '$.negated', 0) IN (0, '') THEN 0 ELSE 1 END";

/** Selected relation rows in the scope as the choice of the strongest needs them: ends mapped, group, denial; no attributes or evidence. */
export function relationEndRows(db: Database.Database, scope: Scope, sel: RelationSelection): RelationEndRow[] {
  const s = scopeClause(scope);
  if ('entities' in sel) return endRowsOfEntities(db, scope, sel.entities);
  const chosen = selectionSql(sel);
  const from = chosen ? `(${chosen.sql}) sel JOIN relations r ON r.id = sel.id` : 'relations r';
  const [se, te] = endCols(sel);
  return db.prepare(`SELECT r.id, r.type, r.source, r.target, r.confidence, ${NEGATED} AS negated,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp, ${se} AS source_entity, ${te} AS target_entity
    FROM ${from} JOIN documents d INDEXED BY documents_group ON d.id = r.document_id ${endsJoin(sel)}
    WHERE ${s.sql}`).all(...(chosen?.params ?? []), ...s.params) as RelationEndRow[];
}

/** The light columns of relation_ends (migration 22) a read by entity or id selects, as `id` and the row's own names (edges add stage and review). */
const LIGHT = `re.relation_id AS id, re.type, re.source, re.target, re.confidence, re.negated, re.collection, re.grp,
  re.source_entity, re.target_entity`;

/**
 * The selection's rows with their light columns from relation_ends alone (its covering index by each end), for reads by
 * entity (the rows whose source is one of the entities, then those whose target is and whose source is not), between
 * entities or by id; else null.
 */
function lightSelectionSql(sel: RelationSelection, forEdges = false): { sql: string; params: unknown[] } | null {
  const LIGHT_COLUMNS = forEdges ? `${LIGHT}, re.stage, re.reviewed, re.document_id, re.evidence_own, re.evidence_other` : LIGHT;
  if ('entities' in sel) {
    const ids = JSON.stringify([...sel.entities]);
    return {
      sql: `SELECT ${LIGHT_COLUMNS} FROM relation_ends re INDEXED BY relation_ends_source WHERE re.source_entity ${IN_JSON}
        UNION ALL SELECT ${LIGHT_COLUMNS} FROM relation_ends re INDEXED BY relation_ends_target WHERE re.target_entity ${IN_JSON}
        AND (re.source_entity IS NULL OR re.source_entity NOT ${IN_JSON})`,
      params: [ids, ids, ids],
    };
  }
  if ('between' in sel) {
    const ids = JSON.stringify([...sel.between]);
    return { sql: `SELECT ${LIGHT_COLUMNS} FROM relation_ends re INDEXED BY relation_ends_source WHERE re.source_entity ${IN_JSON} AND re.target_entity ${IN_JSON}`, params: [ids, ids] };
  }
  if ('ids' in sel) return { sql: `SELECT ${LIGHT_COLUMNS} FROM relation_ends re WHERE re.relation_id ${IN_JSON}`, params: [JSON.stringify([...new Set(sel.ids)])] };
  return null;
}

/** relationEndRows of the relations with an end among some entities: one range of relation_ends' covering index by each end. */
function endRowsOfEntities(db: Database.Database, scope: Scope, entities: readonly string[]): RelationEndRow[] {
  const light = lightSelectionSql({ entities })!;
  const s = scopeClause(scope, undefined, 'sel.collection');
  return db.prepare(`SELECT * FROM (${light.sql}) sel WHERE ${s.sql}`).all(...light.params, ...s.params) as RelationEndRow[];
}

/**
 * Evidence of the given owners (every owner of the kind in the scope when `ids` is null), by owner id, ordered by
 * document and start; without `text` the sentences are left empty (graph edges need counts and documents only).
 */
export function evidenceOf(db: Database.Database, kind: string, ids: readonly string[] | null, scope: Scope, text = true): (id: string) => Evidence[] {
  const s = scopeClause(scope);
  const owners = ids ? `AND e.owner_id ${IN_JSON}` : '';
  // Every collection visible: no document to check (evidence rows go with their document, by foreign key).
  const visible = s.sql === '1' ? '' : `JOIN documents d INDEXED BY documents_group ON d.id = e.document_id`;
  const rows = db.prepare(`SELECT e.owner_id AS owner, e.document_id AS documentId, e.start, e.end, ${text ? 'e.text' : "''"} AS text
    FROM evidence e ${visible} WHERE e.owner_kind = ? ${owners} AND ${s.sql}
    ORDER BY e.owner_id, e.document_id, e.start, e.rowid`).all(kind, ...(ids ? [JSON.stringify([...ids])] : []), ...s.params) as (Evidence & { owner: string })[];
  const map = new Map<string, Evidence[]>();
  for (const { owner, ...ev } of rows) {
    const list = map.get(owner);
    if (list) list.push(ev);
    else map.set(owner, [ev]);
  }
  return (id) => map.get(id) ?? [];
}

/** The merged relations of the chosen rows (see chooseStrongest) of `light`, whose ends and groups are already read. */
export function readChosenRelations(db: Database.Database, scope: Scope, light: readonly RelationEndRow[], ids: readonly string[]): Relation[] {
  if (ids.length === 0) return [];
  return mergeRelations(readChosenRows(db, light, ids), evidenceOf(db, 'relation', ids, scope));
}

/** The chosen rows of `light` completed by their details, ordered by id (see chosenRelationRows). */
export function readChosenRows(db: Database.Database, light: readonly RelationEndRow[], ids: readonly string[]): RelationRow[] {
  if (ids.length === 0) return [];
  const details = db.prepare(`SELECT id, claim_id, attrs, stage, version, review FROM relations WHERE id ${IN_JSON}`).all(JSON.stringify(ids)) as RelationDetailRow[];
  return chosenRelationRows(light, ids, details);
}

/** Relations merged across documents (see mergeRelations), of the selection. */
export function readMergedRelations(db: Database.Database, scope: Scope, sel: RelationSelection): Relation[] {
  const rows = relationRows(db, scope, sel);
  if (rows.length === 0) return [];
  return mergeRelations(rows, evidenceOf(db, 'relation', 'all' in sel ? null : rows.map((r) => r.id), scope));
}

/**
 * Merged relations of the selection as graph edges, aggregated in SQL per type, ends and denial (confidence, near-duplicate
 * groups, evidence counted and its documents listed) so no relation attribute or evidence row is built in JavaScript.
 */
export function readEdges(db: Database.Database, scope: Scope, sel: RelationSelection): EdgeRecord[] {
  const s = scopeClause(scope);
  // Evidence counts only where its document is visible, as evidenceOf reads it.
  const visible = s.sql === '1' ? { sql: '', params: [] } : { sql: `AND EXISTS (SELECT 1 FROM documents de INDEXED BY documents_group WHERE de.id = e.document_id AND ${s.sql.replace(/\bd\./gu, 'de.')})`, params: s.params };
  // Each row's evidence counted and its documents listed, for the rows of `sel` (a CTE with their ids): one grouped read.
  const evidenceOf = (rows: string) => `ev AS MATERIALIZED (SELECT e.owner_id AS owner, count(*) AS n, group_concat(DISTINCT e.document_id) AS docs FROM evidence e
    WHERE e.owner_kind = 'relation' AND e.owner_id IN (${rows}) ${visible.sql} GROUP BY e.owner_id)`;
  const evidence = evidenceOf('SELECT id FROM sel');
  const light = lightSelectionSql(sel, true);
  if (light) {
    // Rows chosen by entity or id: their columns from relation_ends (migration 22), no relation or document row read; each
    // row's evidence counted there (migration 24), read from evidence only for rows citing other documents (an analyst's).
    const inScope = scopeClause(scope, undefined, 'sel.collection');
    return mergeEdges(db.prepare(`WITH sel AS MATERIALIZED (${light.sql}), ${evidenceOf('SELECT id FROM sel WHERE evidence_other > 0')}
      SELECT sel.type, sel.collection, min(sel.source) AS source, min(sel.target) AS target, min(sel.source_entity) AS source_entity,
        min(sel.target_entity) AS target_entity, sel.negated, ${extractedFromEnds('sel')}, group_concat(DISTINCT sel.grp) AS grps,
        ${EVIDENCE_FROM_ENDS}
      FROM sel LEFT JOIN ev ON ev.owner = sel.id
      WHERE ${inScope.sql}
      GROUP BY sel.type, sel.collection, coalesce(sel.source_entity, '#' || sel.source), coalesce(sel.target_entity, '#' || sel.target), sel.negated`)
      .all(...light.params, ...visible.params, ...inScope.params) as EdgeRow[]);
  }
  const chosen = selectionSql(sel);
  const [se, te] = endCols(sel);
  const head = `SELECT r.type, d.collection, min(r.source) AS source, min(r.target) AS target,
    min(${se}) AS source_entity, min(${te}) AS target_entity,
    ${NEGATED} AS negated, ${EXTRACTED_CONFIDENCE},
    group_concat(DISTINCT coalesce(d.duplicate_group, d.id)) AS grps`;
  const tail = `GROUP BY r.type, d.collection, coalesce(${se}, '#' || r.source), coalesce(${te}, '#' || r.target), negated`;
  if (!chosen) {
    // Every relation of the scope: the correlated reads, per row.
    const per = (what: string) => `(SELECT ${what} FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = r.id ${visible.sql})`;
    return mergeEdges(db.prepare(`${head}, sum(${per('count(*)')}) AS n, group_concat(${per('group_concat(DISTINCT e.document_id)')}) AS docs, ${EXTRACTED_FIRST}
      FROM relations r JOIN documents d INDEXED BY documents_group ON d.id = r.document_id ${endsJoin(sel)}
      WHERE ${s.sql} ${tail}`).all(...visible.params, ...visible.params, ...s.params) as EdgeRow[]);
  }
  return mergeEdges(db.prepare(`WITH sel(id) AS MATERIALIZED (${chosen.sql}), ${evidence}
    ${head}, sum(coalesce(ev.n, 0)) AS n, group_concat(ev.docs) AS docs, ${EXTRACTED_FIRST}
    FROM sel JOIN relations r ON r.id = sel.id JOIN documents d INDEXED BY documents_group ON d.id = r.document_id ${endsJoin(sel)}
    LEFT JOIN ev ON ev.owner = r.id
    WHERE ${s.sql} ${tail}`).all(...chosen.params, ...visible.params, ...s.params) as EdgeRow[]);
}

/** The queries of relation summaries (see summariseRelations) in SQLite: evidence of visible documents only. */
export function summaryQueries(db: Database.Database, scope: Scope): SummaryQueries {
  const s = scopeClause(scope);
  const visible = s.sql === '1' ? '' : 'JOIN documents d INDEXED BY documents_group ON d.id = e.document_id';
  return {
    // With every collection visible the evidence index alone answers (it holds owner and document).
    counts: async (ids) => db.prepare(`SELECT e.owner_id AS owner, e.document_id AS document, count(*) AS n
      FROM evidence e ${visible}
      WHERE e.owner_kind = 'relation' AND e.owner_id ${IN_JSON} AND ${s.sql} GROUP BY e.owner_id, e.document_id`)
      .all(JSON.stringify(ids), ...s.params) as EvidenceCountRow[],
    // The rows first, each probing the evidence index (CROSS JOIN keeps that order: the other way round re-reads the JSON
    // per sentence); `+` keeps the documents' list a filter (driven from it, through the document index, a hub took 78 ms, not 12).
    first: async (rows, documents, n) => db.prepare(`WITH m(id, rel) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(?))
      SELECT owner, documentId, start, end, text FROM (
        SELECT e.owner_id AS owner, e.document_id AS documentId, e.start, e.end, e.text, e.rowid AS seq,
          row_number() OVER (PARTITION BY m.rel ORDER BY e.owner_id, e.document_id, e.start, e.rowid) AS k
        FROM m CROSS JOIN evidence e ON e.owner_kind = 'relation' AND e.owner_id = m.id ${visible}
        WHERE ${s.sql} ${documents ? `AND +e.document_id ${IN_JSON}` : ''})
      WHERE k <= ? ORDER BY owner, documentId, start, seq`)
      .all(JSON.stringify(rows), ...s.params, ...(documents ? [JSON.stringify(documents)] : []), n) as (Evidence & { owner: string })[],
    all: async (ids) => (ids.length === 0 ? () => [] : evidenceOf(db, 'relation', ids, scope)),
  };
}
