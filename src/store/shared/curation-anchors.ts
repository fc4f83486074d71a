/**
 * Anchors of notes and tags on relations. A merged relation's id hashes its type and end entities, and an entity's id
 * changes when it is merged or split; so a note on a relation is anchored (column `anchor`, JSON) to its type and each
 * end's lowest member key when written, and read under the relation those keys' entities make now: it follows merges
 * and splits of either end and comes back on undo. A key resolution has not mapped stands for its per-name entity; an
 * end with no member at all is anchored by its entity id. Rows without an anchor (or whose ends now are one entity)
 * stay under the id written.
 */
import { RELATION_TYPES } from '../../model/index.js';
import type { RelationEnds } from '../curation.js';
import { factId } from '../ids.js';
import { fallbackEntityId } from './keys.js';
import type { TrustSql } from './trust-store.js';

const CHUNK = 500;
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The anchor of a note or tag written on a relation with these ends. */
export async function relationAnchor(sql: TrustSql, ends: RelationEnds): Promise<string> {
  const keyOf = async (entity: string): Promise<string> => {
    const [row] = await sql.all<{ k: string | null }>('SELECT min(candidate_key) AS k FROM entity_members WHERE entity_id = ?', [entity]);
    return row?.k ?? entity;
  };
  return JSON.stringify([ends.type, await keyOf(ends.source), await keyOf(ends.target)]);
}

/** A stored row of notes or tags as read with its anchor. */
export interface AnchoredRow {
  collection: string;
  target_kind: string;
  target_id: string;
  anchor?: string | null;
}

/** The relation id a row's anchor reads as now (null when it has none or its ends are one entity now). */
function currentRelation(anchor: string, collection: string, entityOf: Map<string, string>): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(anchor);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((x) => typeof x === 'string')) return null;
  const [type, a, b] = parsed as [string, string, string];
  const end = (k: string): string => entityOf.get(`${collection}\u0000${k}`) ?? fallbackEntityId(collection, k);
  let [source, target] = [end(a), end(b)];
  if (source === target) return null;
  if ((RELATION_TYPES as Record<string, { symmetric: boolean }>)[type]?.symmetric && source > target) [source, target] = [target, source];
  return factId('rel', type, source, target);
}

/** Rows with each relation row's target id replaced by the relation its anchor reads as now (the anchor column dropped). */
export async function relocateRelations<T extends AnchoredRow>(sql: TrustSql, rows: T[]): Promise<T[]> {
  const anchored = rows.filter((r) => r.target_kind === 'relation' && r.anchor);
  const entityOf = new Map<string, string>();
  const keys = [...new Set(anchored.flatMap((r) => {
    try {
      return (JSON.parse(r.anchor!) as unknown[]).slice(1).filter((x): x is string => typeof x === 'string');
    } catch {
      return [];
    }
  }))];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    for (const m of await sql.all<{ collection: string; candidate_key: string; entity_id: string }>(
      `SELECT collection, candidate_key, entity_id FROM entity_members WHERE candidate_key IN (${marks(part.length)})`, part)) {
      entityOf.set(`${m.collection}\u0000${m.candidate_key}`, m.entity_id);
    }
  }
  return rows.map(({ anchor, ...r }) => {
    if (r.target_kind !== 'relation' || !anchor) return r as T;
    return { ...r, target_id: currentRelation(anchor, r.collection, entityOf) ?? r.target_id } as T;
  });
}
