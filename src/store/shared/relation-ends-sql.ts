/**
 * What both engines' relation reads share: which relation rows a read selects, and where each row's end entities come
 * from (relation_ends for reads by entity and by id, else each end's own row of the candidate -> entity map, so no read
 * loads the collection's map). The SQL is the same in SQLite and PostgreSQL.
 */

/** Which relation rows to read: every one in the scope, or those with an end among some entities or candidate keys, or one document's. */
export type RelationSelection =
  | { all: true }
  | { entities: readonly string[] }
  | { between: readonly string[] }
  | { keys: readonly string[] }
  | { ids: readonly string[] }
  | { document: string };

/** Whether a selection's rows take their ends from relation_ends (reads by entity) or from the map rows of their keys. */
const byEnds = (sel: RelationSelection): boolean => 'entities' in sel || 'between' in sel || 'ids' in sel;

/** The FROM tail giving each row `r` of document `d` its end entities (see endCols): relation_ends, or the map row of each end's key. */
export function endsJoin(sel: RelationSelection): string {
  return byEnds(sel)
    ? 'JOIN relation_ends re ON re.relation_id = r.id'
    : `LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = r.source
    LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = r.target`;
}

/** The end entity columns of endsJoin. */
export const endCols = (sel: RelationSelection): [string, string] => (byEnds(sel) ? ['re.source_entity', 're.target_entity'] : ['ms.entity_id', 'mt.entity_id']);
