/** The statements of one resolution commit, written once for both engines (see resolution-sql.ts). */
import type { ResolutionChange } from '../resolution.js';
import { stmt, val, type Dialect, type Statement } from './resolution-sql.js';
import { DECISION_COLUMNS } from './resolution-read.js';

/** A value typed as text where the engine cannot infer it (a SELECT list feeding an INSERT). */
const txt = (v: string | null) => ({ sql: 'CAST(? AS TEXT)', params: [v] });

/** Tables holding one collection's index, cleared by a full run. */
const INDEX_TABLES = ['resolve_candidates', 'resolve_groups', 'resolve_names', 'resolve_keys', 'resolve_votes'];

/**
 * The plan for `change`: first the version guard (nothing is written when another commit came first), then deletions,
 * then writes, entities last so candidates re-pointed to a new entity are never deleted with the old one.
 */
export function commitPlan(d: Dialect, collection: string, expectedVersion: number, change: ResolutionChange): Statement[] {
  const c = val(collection);
  const ct = txt(collection);
  const plan: Statement[] = [
    stmt(['INSERT INTO resolve_state (collection, version, algorithm) VALUES (', c, ", 0, '') ON CONFLICT (collection) DO NOTHING"]),
    stmt(['UPDATE resolve_state SET version = version + 1 WHERE collection = ', c, ' AND version = ', val(expectedVersion)], { guard: true }),
  ];
  const inList = (col: string, values: readonly string[] | undefined) => (values && values.length > 0 ? d.inList(col, values) : null);
  const del = (table: string, col: string, values: readonly string[] | undefined) => {
    const list = inList(col, values);
    if (list) plan.push(stmt([`DELETE FROM ${table} WHERE collection = `, c, ' AND ', list]));
  };
  if (change.full) {
    for (const t of INDEX_TABLES) plan.push(stmt([`DELETE FROM ${t} WHERE collection = `, c]));
    plan.push(stmt(['DELETE FROM entity_members WHERE collection = ', c]));
    plan.push(stmt(['DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE collection = ', c, ')']));
    plan.push(stmt(['DELETE FROM entities WHERE collection = ', c]));
  }
  if (change.algorithm !== undefined) plan.push(stmt(['UPDATE resolve_state SET algorithm = ', val(change.algorithm), ' WHERE collection = ', c]));

  // The index: candidates, groups (replaced whole), group sizes, vote counts.
  del('resolve_candidates', 'key', change.removeCandidates);
  if (change.candidates && change.candidates.length > 0) {
    const rows = d.rows([['key', 'text'], ['document_id', 'text'], ['type', 'text'], ['name', 'text'], ['aliases', 'text'], ['mention_count', 'int'], ['vote_norm', 'text'], ['grp', 'text']],
      change.candidates.map((x) => [x.key, x.documentId, x.type, x.name, JSON.stringify(x.aliases), x.mentionCount, x.voteNorm, x.group]));
    plan.push(stmt(['INSERT INTO resolve_candidates (collection, key, document_id, type, name, aliases, mention_count, vote_norm, grp) SELECT ', ct,
      ', v.key, v.document_id, v.type, v.name, v.aliases, v.mention_count, v.vote_norm, v.grp FROM ', rows, ` AS v WHERE true
      ON CONFLICT (collection, key) DO UPDATE SET document_id = excluded.document_id, type = excluded.type, name = excluded.name,
      aliases = excluded.aliases, mention_count = excluded.mention_count, vote_norm = excluded.vote_norm, grp = excluded.grp`]));
  }
  const groups = change.groups ?? [];
  const touched = [...(change.removeGroups ?? []), ...groups.map((g) => g.group)];
  for (const t of ['resolve_groups', 'resolve_names', 'resolve_keys']) del(t, 'grp', touched);
  if (groups.length > 0) {
    plan.push(stmt(['INSERT INTO resolve_groups (collection, grp, first_key, size, decided) SELECT ', ct, ', v.grp, v.first_key, v.size, v.decided FROM ',
      d.rows([['grp', 'text'], ['first_key', 'text'], ['size', 'int'], ['decided', 'int']], groups.map((g) => [g.group, g.firstKey, g.size, g.decided])), ' AS v']));
    const names = groups.flatMap((g) => g.names.map((n) => [g.group, n.norm, n.firstKey, n.name]));
    if (names.length > 0) {
      plan.push(stmt(['INSERT INTO resolve_names (collection, grp, norm, first_key, name) SELECT ', ct, ', v.grp, v.norm, v.first_key, v.name FROM ',
        d.rows([['grp', 'text'], ['norm', 'text'], ['first_key', 'text'], ['name', 'text']], names), ' AS v']));
    }
    const keys = groups.flatMap((g) => g.keys.map((k) => [k, g.group]));
    if (keys.length > 0) {
      plan.push(stmt(['INSERT INTO resolve_keys (collection, key, grp) SELECT ', ct, ', v.key, v.grp FROM ', d.rows([['key', 'text'], ['grp', 'text']], keys), ' AS v']));
    }
  }
  if (change.groupSizes && change.groupSizes.length > 0) {
    plan.push(stmt(['UPDATE resolve_groups SET size = resolve_groups.size + v.n FROM ', d.rows([['grp', 'text'], ['n', 'int']], change.groupSizes.map((g) => [g.group, g.add])),
      ' AS v WHERE resolve_groups.collection = ', c, ' AND resolve_groups.grp = v.grp']));
  }
  if (change.votes && change.votes.length > 0) {
    del('resolve_votes', 'vote_norm', change.votes.map((v) => v.voteNorm));
    const counts = change.votes.flatMap((v) => v.counts.map((x) => [x.voteNorm, x.type, x.mentions]));
    if (counts.length > 0) {
      plan.push(stmt(['INSERT INTO resolve_votes (collection, vote_norm, type, mentions) SELECT ', ct, ', v.vote_norm, v.type, v.mentions FROM ',
        d.rows([['vote_norm', 'text'], ['type', 'text'], ['mentions', 'int']], counts), ' AS v']));
    }
  }
  entityStatements(d, plan, collection, change);
  if (change.dirty && change.dirty.length > 0) plan.push(d.deleteDirty(change.dirty));
  if (change.appliedDecisions && change.appliedDecisions.length > 0) {
    plan.push(stmt(["UPDATE decisions SET status = 'applied' WHERE collection = ", c, ' AND ', d.inList('CAST(id AS TEXT)', change.appliedDecisions.map(String))]));
  }
  // A decision is recorded unless the latest one about the same pair already says the same (the same merge twice is one).
  for (const { decision: x, status } of change.newDecisions ?? []) {
    const latest = ['(SELECT kind FROM decisions WHERE collection = ', c, ' AND ((a = ', val(x.a), ' AND b = ', val(x.b), ') OR (a = ', val(x.b), ' AND b = ', val(x.a),
      ')) ORDER BY at DESC, id DESC LIMIT 1)'];
    plan.push(stmt(['INSERT INTO decisions (collection, kind, a, b, at, by, note, status) SELECT ', ct, ', ', txt(x.kind), ', ', txt(x.a), ', ', txt(x.b), ', ',
      txt(x.at), ', ', txt(x.by ?? null), ', ', txt(x.note ?? null), ', ', txt(status), ' WHERE ', ...latest, ` ${d.differs} `, val(x.kind),
      ` RETURNING ${DECISION_COLUMNS}`], { returns: true }));
  }
  return plan;
}

/** Entity rows, aliases and the candidate -> entity map. */
function entityStatements(d: Dialect, plan: Statement[], collection: string, change: ResolutionChange): void {
  const { stage, version } = change.provenance ?? { stage: 'resolve', version: 'unknown' };
  const c = val(collection);
  const ct = txt(collection);
  if (change.removeMembers && change.removeMembers.length > 0) {
    plan.push(stmt(['DELETE FROM entity_members WHERE collection = ', c, ' AND ', d.inList('candidate_key', change.removeMembers)]));
  }
  const writes = change.entities ?? [];
  if (writes.length > 0) {
    const rows = writes.map(({ entity: e }) => [e.id, e.type, e.name, e.mentionCount, JSON.stringify(e.documentIds), JSON.stringify(e.reasons)]);
    plan.push(stmt(['INSERT INTO entities (id, collection, type, name, mention_count, document_ids, reasons, stage, version) SELECT v.id, ', ct,
      ', v.type, v.name, v.mention_count, v.document_ids, v.reasons, ', txt(stage), ', ', txt(version), ' FROM ',
      d.rows([['id', 'text'], ['type', 'text'], ['name', 'text'], ['mention_count', 'int'], ['document_ids', 'text'], ['reasons', 'text']], rows),
      ` AS v WHERE true ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, mention_count = excluded.mention_count,
      document_ids = excluded.document_ids, reasons = excluded.reasons, stage = excluded.stage, version = excluded.version`]));
    plan.push(stmt(['DELETE FROM aliases WHERE ', d.inList('entity_id', writes.map((w) => w.entity.id))]));
    const aliases = writes.flatMap(({ entity: e }) => [...new Set(e.aliases)].map((a) => [e.id, a]));
    if (aliases.length > 0) {
      plan.push(stmt(['INSERT INTO aliases (entity_id, name) SELECT v.entity_id, v.name FROM ', d.rows([['entity_id', 'text'], ['name', 'text']], aliases), ' AS v']));
    }
    const members = writes.flatMap((w) => w.members.map((k) => [k, w.entity.id]));
    if (members.length > 0) {
      plan.push(stmt(['INSERT INTO entity_members (collection, candidate_key, entity_id) SELECT ', ct, ', v.k, v.e FROM ', d.rows([['k', 'text'], ['e', 'text']], members),
        ' AS v WHERE true ON CONFLICT (collection, candidate_key) DO UPDATE SET entity_id = excluded.entity_id']));
    }
  }
  if (change.removeEntities && change.removeEntities.length > 0) {
    plan.push(stmt(['DELETE FROM entities WHERE collection = ', c, ' AND ', d.inList('id', change.removeEntities)]));
  }
}
