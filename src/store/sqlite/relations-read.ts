/** Reads relations, events and claims with candidate keys mapped to resolved entities, and relations merged across documents. */
import type Database from 'better-sqlite3';
import type { Relation, Event, Claim, Evidence } from '../../model/index.js';
import { RELATION_TYPES } from '../../model/index.js';
import type { Scope } from '../store.js';
import { factId } from '../ids.js';
import { scopeClause } from './scope-sql.js';

/** Maps a candidate key to its entity id: the resolved entity when resolution ran, else the per-name entity. */
export function entityResolver(db: Database.Database, scope: Scope): (collection: string, key: string) => string {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT m.collection, m.candidate_key AS k, m.entity_id AS e FROM entity_members m
    JOIN (SELECT DISTINCT collection FROM documents d WHERE ${s.sql}) c ON c.collection = m.collection`).all(...s.params) as { collection: string; k: string; e: string }[];
  const map = new Map(rows.map((r) => [`${r.collection}\u0000${r.k}`, r.e]));
  return (collection, key) => {
    const resolved = map.get(`${collection}\u0000${key}`);
    if (resolved) return resolved;
    // "<documentId>#TYPE:norm" -> the unresolved entity for that name and type (see readEntities).
    const m = /^[^#]*#([A-Z]+):(.*)$/u.exec(key);
    return m ? factId('ent', collection, m[1]!, m[2]!) : key;
  };
}

function evidenceOf(db: Database.Database, kind: string, id: string): Evidence[] {
  return db.prepare('SELECT document_id AS documentId, start, end, text FROM evidence WHERE owner_kind = ? AND owner_id = ? ORDER BY document_id, start')
    .all(kind, id) as Evidence[];
}

interface RelationRow {
  id: string; type: string; source: string; target: string; confidence: number; claim_id: string | null; attrs: string;
  stage: string; version: string; collection: string; grp: string;
}

/**
 * Relations merged across documents: one edge per type, source and target entity, with every supporting sentence.
 * Independent sources count near-duplicate groups (a re-report of an original counts once); denials are listed, not counted.
 */
export function readMergedRelations(db: Database.Database, scope: Scope): Relation[] {
  const s = scopeClause(scope);
  const rows = db.prepare(`SELECT r.id, r.type, r.source, r.target, r.confidence, r.claim_id, r.attrs, r.stage, r.version,
    d.collection, coalesce(d.duplicate_group, d.id) AS grp FROM relations r JOIN documents d ON d.id = r.document_id
    WHERE ${s.sql} ORDER BY r.id`).all(...s.params) as RelationRow[];
  const resolve = entityResolver(db, scope);
  const merged = new Map<string, Relation & { groups: Set<string> }>();
  for (const r of rows) {
    let source = resolve(r.collection, r.source);
    let target = resolve(r.collection, r.target);
    if (source === target) continue;
    const symmetric = (RELATION_TYPES as Record<string, { symmetric: boolean }>)[r.type]?.symmetric ?? false;
    if (symmetric && source > target) [source, target] = [target, source];
    const key = `${r.type}\u0000${source}\u0000${target}`;
    let rel = merged.get(key);
    if (!rel) {
      rel = {
        id: factId('rel', r.type, source, target), type: r.type, source, target, confidence: 0, evidence: [], independentSources: 0,
        stage: r.stage, version: r.version, attrs: {}, claimIds: [], contradictions: [], groups: new Set(),
      };
      merged.set(key, rel);
    }
    const attrs = JSON.parse(r.attrs) as Record<string, unknown>;
    const evidence = evidenceOf(db, 'relation', r.id);
    if (attrs.negated) {
      rel.contradictions!.push(...evidence);
      continue;
    }
    rel.evidence.push(...evidence);
    rel.groups.add(r.grp);
    rel.confidence = Math.max(rel.confidence, r.confidence);
    if (r.claim_id && !rel.claimIds!.includes(r.claim_id)) rel.claimIds!.push(r.claim_id);
    for (const [k, v] of Object.entries(attrs)) {
      const list = (rel.attrs![k] as unknown[] | undefined) ?? [];
      if (!list.some((x) => JSON.stringify(x) === JSON.stringify(v))) rel.attrs![k] = [...list, v];
    }
  }
  return [...merged.values()]
    .filter((r) => r.evidence.length > 0)
    .map(({ groups, ...r }) => ({ ...r, independentSources: groups.size }));
}

/** Events in the scope, participants mapped to entities. */
export function readEvents(db: Database.Database, scope: Scope): Event[] {
  const s = scopeClause(scope);
  const resolve = entityResolver(db, scope);
  const rows = db.prepare(`SELECT e.id, e.type, e.date, e.participants, e.attrs, e.stage, e.version, d.collection FROM events e
    JOIN documents d ON d.id = e.document_id WHERE ${s.sql} ORDER BY e.date, e.id`).all(...s.params) as
    (Omit<Event, 'participants' | 'evidence'> & { participants: string; attrs: string; collection: string })[];
  return rows.map(({ collection, attrs, ...e }) => {
    const extra = JSON.parse(attrs) as { precision?: Event['precision']; place?: string };
    return {
      ...e,
      participants: (JSON.parse(e.participants) as string[]).map((k) => resolve(collection, k)),
      evidence: evidenceOf(db, 'event', e.id),
      ...(extra.precision ? { precision: extra.precision } : {}),
      ...(extra.place ? { place: resolve(collection, extra.place) } : {}),
    };
  });
}

/** Claims in the scope, speakers mapped to entities. */
export function readClaims(db: Database.Database, scope: Scope): Claim[] {
  const s = scopeClause(scope);
  const resolve = entityResolver(db, scope);
  const rows = db.prepare(`SELECT c.id, c.speaker, c.speaker_text AS speakerText, c.text, c.stance, c.stage, c.version, d.collection FROM claims c
    JOIN documents d ON d.id = c.document_id WHERE ${s.sql} ORDER BY c.id`).all(...s.params) as (Omit<Claim, 'evidence'> & { collection: string })[];
  return rows.map(({ collection, ...c }) => ({ ...c, speaker: c.speaker ? resolve(collection, c.speaker) : null, evidence: evidenceOf(db, 'claim', c.id) }));
}
