/** The statements of one resolution commit, written once for both engines (see resolution-sql.ts). */
import type { ResolutionChange } from '../resolution.js';
import { stmt, val, type Column, type Dialect, type Statement } from './resolution-sql.js';
import { DECISION_COLUMNS } from './resolution-read.js';
import { mergeReviewInsert } from './merge-review-store.js';
import { MEMBER_COUNT_COLUMNS, MEMBER_COUNTS_SQL } from './entity-members.js';

/** A value typed as text where the engine cannot infer it (a SELECT list feeding an INSERT). */
const txt = (v: string | null) => ({ sql: 'CAST(? AS TEXT)', params: [v] });

/** Tables holding one collection's index, cleared by a full run. */
const INDEX_TABLES = ['resolve_candidates', 'resolve_groups', 'resolve_names', 'resolve_keys', 'resolve_votes'];

/**
 * Rows (or list values) bound per statement. A full run writes every candidate of the collection: bound as one
 * parameter, the rows of 60,000 candidates are a 7 MB JSON text, copied again by the driver and parsed by the engine,
 * all at once; in slices, with each statement built only when it runs, the commit holds one slice at a time.
 */
export const ROWS_PER_STATEMENT = 2000;

/** `items` in consecutive slices of at most ROWS_PER_STATEMENT, taken as they come (a generator's rows exist one slice at a time). */
function* slices<T>(items: Iterable<T>): Generator<T[]> {
  let part: T[] = [];
  for (const x of items) {
    part.push(x);
    if (part.length === ROWS_PER_STATEMENT) {
      yield part;
      part = [];
    }
  }
  if (part.length > 0) yield part;
}

/** `f` applied to every item of every list, lazily (the rows of a whole collection are never one array). */
function* eachOf<T, U>(lists: Iterable<T>, f: (x: T) => Iterable<U>): Generator<U> {
  for (const x of lists) yield* f(x);
}

/**
 * The plan for `change`: first the version guard (nothing is written when another commit came first), then deletions,
 * then writes, entities last so candidates re-pointed to a new entity are never deleted with the old one. Statements
 * are built as the executor asks for them (a generator), so their bound rows exist one slice at a time.
 */
export function* commitPlan(d: Dialect, collection: string, expectedVersion: number, change: ResolutionChange): Generator<Statement> {
  const c = val(collection);
  const ct = txt(collection);
  yield stmt(['INSERT INTO resolve_state (collection, version, algorithm) VALUES (', c, ", 0, '') ON CONFLICT (collection) DO NOTHING"]);
  yield stmt(['UPDATE resolve_state SET version = version + 1 WHERE collection = ', c, ' AND version = ', val(expectedVersion)], { guard: true });
  const del = function* (table: string, col: string, values: readonly string[] | undefined): Generator<Statement> {
    for (const part of slices(values ?? [])) yield stmt([`DELETE FROM ${table} WHERE collection = `, c, ' AND ', d.inList(col, part)]);
  };
  /** `INSERT ... SELECT <head> FROM <rows> AS v<tail>`, one statement per slice of `items`. */
  const insert = function* <T>(head: (string | { sql: string; params: unknown[] })[], columns: Column[], items: Iterable<T>, row: (x: T) => unknown[],
    tail = ''): Generator<Statement> {
    for (const part of slices(items)) yield stmt([...head, d.rows(columns, part.map(row)), ` AS v${tail}`]);
  };
  if (change.full) {
    for (const t of INDEX_TABLES) yield stmt([`DELETE FROM ${t} WHERE collection = `, c]);
    // The whole map is rewritten: relation rows are pointed at their entities once, after it (where the engine needs it).
    yield* d.wholeMap?.before(collection) ?? [];
    yield stmt(['DELETE FROM entity_members WHERE collection = ', c]);
    yield stmt(['DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE collection = ', c, ')']);
    yield stmt(['DELETE FROM entities WHERE collection = ', c]);
  }
  if (change.algorithm !== undefined) yield stmt(['UPDATE resolve_state SET algorithm = ', val(change.algorithm), ' WHERE collection = ', c]);

  // The index: candidates, groups (replaced whole), group sizes, vote counts.
  yield* del('resolve_candidates', 'key', change.removeCandidates);
  yield* insert(['INSERT INTO resolve_candidates (collection, key, document_id, type, name, aliases, mention_count, vote_norm, grp) SELECT ', ct,
    ', v.key, v.document_id, v.type, v.name, v.aliases, v.mention_count, v.vote_norm, v.grp FROM '],
  [['key', 'text'], ['document_id', 'text'], ['type', 'text'], ['name', 'text'], ['aliases', 'text'], ['mention_count', 'int'], ['vote_norm', 'text'], ['grp', 'text']],
  change.candidates ?? [], (x) => [x.key, x.documentId, x.type, x.name, JSON.stringify(x.aliases), x.mentionCount, x.voteNorm, x.group],
  ` WHERE true ON CONFLICT (collection, key) DO UPDATE SET document_id = excluded.document_id, type = excluded.type, name = excluded.name,
      aliases = excluded.aliases, mention_count = excluded.mention_count, vote_norm = excluded.vote_norm, grp = excluded.grp`);
  const groups = change.groups ?? [];
  const touched = [...(change.removeGroups ?? []), ...groups.map((g) => g.group)];
  for (const t of ['resolve_groups', 'resolve_names', 'resolve_keys']) yield* del(t, 'grp', touched);
  yield* insert(['INSERT INTO resolve_groups (collection, grp, first_key, size, decided) SELECT ', ct, ', v.grp, v.first_key, v.size, v.decided FROM '],
    [['grp', 'text'], ['first_key', 'text'], ['size', 'int'], ['decided', 'int']], groups, (g) => [g.group, g.firstKey, g.size, g.decided]);
  yield* insert(['INSERT INTO resolve_names (collection, grp, norm, first_key, name) SELECT ', ct, ', v.grp, v.norm, v.first_key, v.name FROM '],
    [['grp', 'text'], ['norm', 'text'], ['first_key', 'text'], ['name', 'text']], eachOf(groups, (g) => g.names.map((n) => [g.group, n] as const)),
    ([g, n]) => [g, n.norm, n.firstKey, n.name]);
  yield* insert(['INSERT INTO resolve_keys (collection, key, grp) SELECT ', ct, ', v.key, v.grp FROM '], [['key', 'text'], ['grp', 'text']],
    eachOf(groups, (g) => g.keys.map((k) => [k, g.group] as const)), (x) => [...x]);
  for (const part of slices(change.groupSizes ?? [])) {
    yield stmt(['UPDATE resolve_groups SET size = resolve_groups.size + v.n FROM ', d.rows([['grp', 'text'], ['n', 'int']], part.map((g) => [g.group, g.add])),
      ' AS v WHERE resolve_groups.collection = ', c, ' AND resolve_groups.grp = v.grp']);
  }
  if (change.votes && change.votes.length > 0) {
    yield* del('resolve_votes', 'vote_norm', change.votes.map((v) => v.voteNorm));
    yield* insert(['INSERT INTO resolve_votes (collection, vote_norm, type, mentions) SELECT ', ct, ', v.vote_norm, v.type, v.mentions FROM '],
      [['vote_norm', 'text'], ['type', 'text'], ['mentions', 'int']], change.votes.flatMap((v) => v.counts), (x) => [x.voteNorm, x.type, x.mentions]);
  }
  yield* entityStatements(d, collection, change);
  if (change.full) yield* d.wholeMap?.after(collection) ?? [];
  for (const part of slices(change.dirty ?? [])) yield d.deleteDirty(part);
  for (const part of slices((change.appliedDecisions ?? []).map(String))) {
    yield stmt(["UPDATE decisions SET status = 'applied' WHERE collection = ", c, ' AND ', d.inList('CAST(id AS TEXT)', part)]);
  }
  // A decision is recorded unless the latest one about the same pair already says the same (the same merge twice is one).
  for (const { decision: x, status } of change.newDecisions ?? []) {
    const latest = ['(SELECT kind FROM decisions WHERE collection = ', c, ' AND ((a = ', val(x.a), ' AND b = ', val(x.b), ') OR (a = ', val(x.b), ' AND b = ', val(x.a),
      ')) ORDER BY at DESC, id DESC LIMIT 1)'];
    yield stmt(['INSERT INTO decisions (collection, kind, a, b, at, by, note, status) SELECT ', ct, ', ', txt(x.kind), ', ', txt(x.a), ', ', txt(x.b), ', ',
      txt(x.at), ', ', txt(x.by ?? null), ', ', txt(x.note ?? null), ', ', txt(status), ' WHERE ', ...latest, ` ${d.differs} `, val(x.kind),
      ` RETURNING ${DECISION_COLUMNS}`], { returns: true });
  }
  // Review records of merges go with the decisions they explain (no statement returning rows, so decisions keep their places).
  for (const record of change.mergeReviews ?? []) yield mergeReviewInsert(record);
}

/** Entity rows, aliases and the candidate -> entity map. */
function* entityStatements(d: Dialect, collection: string, change: ResolutionChange): Generator<Statement> {
  const { stage, version } = change.provenance ?? { stage: 'resolve', version: 'unknown' };
  const c = val(collection);
  const ct = txt(collection);
  for (const part of slices(change.removeMembers ?? [])) yield stmt(['DELETE FROM entity_members WHERE collection = ', c, ' AND ', d.inList('candidate_key', part)]);
  const writes = change.entities ?? [];
  for (const part of slices(writes)) {
    const rows = part.map(({ entity: e }) => [e.id, e.type, e.name, e.mentionCount, JSON.stringify(e.documentIds), JSON.stringify(e.reasons)]);
    yield stmt(['INSERT INTO entities (id, collection, type, name, mention_count, document_ids, reasons, stage, version) SELECT v.id, ', ct,
      ', v.type, v.name, v.mention_count, v.document_ids, v.reasons, ', txt(stage), ', ', txt(version), ' FROM ',
      d.rows([['id', 'text'], ['type', 'text'], ['name', 'text'], ['mention_count', 'int'], ['document_ids', 'text'], ['reasons', 'text']], rows),
      ` AS v WHERE true ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, mention_count = excluded.mention_count,
      document_ids = excluded.document_ids, reasons = excluded.reasons, stage = excluded.stage, version = excluded.version`]);
  }
  for (const part of slices(writes)) yield stmt(['DELETE FROM aliases WHERE ', d.inList('entity_id', part.map((w) => w.entity.id))]);
  for (const part of slices(eachOf(writes, ({ entity: e }) => [...new Set(e.aliases)].map((a) => [e.id, a])))) {
    yield stmt(['INSERT INTO aliases (entity_id, name) SELECT v.entity_id, v.name FROM ', d.rows([['entity_id', 'text'], ['name', 'text']], part), ' AS v']);
  }
  for (const part of slices(eachOf(writes, (w) => w.members.map((k) => [k, w.entity.id])))) {
    // A new map row counts its key's mentions, claims and events; an existing one keeps its counts (kept by triggers).
    yield stmt([`INSERT INTO entity_members (collection, candidate_key, entity_id, ${MEMBER_COUNT_COLUMNS}) SELECT `, ct, ', v.k, v.e, ', MEMBER_COUNTS_SQL('v.k'), ' FROM ',
      d.rows([['k', 'text'], ['e', 'text']], part), ' AS v WHERE true ON CONFLICT (collection, candidate_key) DO UPDATE SET entity_id = excluded.entity_id']);
  }
  for (const part of slices(change.removeEntities ?? [])) yield stmt(['DELETE FROM entities WHERE collection = ', c, ' AND ', d.inList('id', part)]);
}
