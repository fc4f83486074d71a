/** Reads of the resolution index, written once for both engines over an SqlExecutor (see resolution-sql.ts). */
import type { DecisionRecord, EntityCandidate, EntityType, MergeReason, ResolvedEntityRecord } from '../../model/index.js';
import type { CandidateQuery, GroupSummary, IndexedCandidate, ResolutionState, VoteCount } from '../resolution.js';
import { candidatesFromRows, type CandidateRow } from './candidates.js';
import { stmt, val, type SqlExecutor } from './resolution-sql.js';

interface CandidateRecordRow {
  key: string; document_id: string; type: EntityType; name: string; aliases: string; mention_count: number | string; vote_norm: string; grp: string;
}

const CANDIDATE_COLUMNS = 'key, document_id, type, name, aliases, mention_count, vote_norm, grp';

const toIndexed = (r: CandidateRecordRow): IndexedCandidate => ({
  key: r.key, documentId: r.document_id, type: r.type, name: r.name, aliases: JSON.parse(r.aliases) as string[],
  mentionCount: Number(r.mention_count), voteNorm: r.vote_norm, group: r.grp,
});

interface DecisionRow {
  id: number | string; collection: string; kind: 'merge' | 'split' | 'clear'; a: string; b: string; at: string; by: string | null; note: string | null; status: string;
}

/** Columns of a decision row. */
export const DECISION_COLUMNS = 'id, collection, kind, a, b, at, by, note, status';

/** A decision row as a DecisionRecord. */
export const toDecision = (d: DecisionRow): DecisionRecord => ({
  id: Number(d.id), collection: d.collection, kind: d.kind, a: d.a, b: d.b, at: d.at, by: d.by ?? undefined, note: d.note ?? undefined,
  status: d.status === 'pending' ? 'pending' : 'applied',
});

/** Runs one statement and returns its rows. */
async function rows<T>(exec: SqlExecutor, parts: Parameters<typeof stmt>[0]): Promise<T[]> {
  const s = stmt(parts);
  return exec.all<T>(s.sql, s.params);
}

/** The read half of ResolutionStore. */
export class ResolutionReads {
  constructor(protected readonly exec: SqlExecutor) {}

  private get d() {
    return this.exec.dialect;
  }

  async state(collection: string): Promise<ResolutionState> {
    const [s] = await rows<{ version: number | string; algorithm: string }>(this.exec, ['SELECT version, algorithm FROM resolve_state WHERE collection = ', val(collection)]);
    const [n] = await rows<{ n: number | string }>(this.exec, ['SELECT count(*) AS n FROM documents WHERE collection = ', val(collection)]);
    const [dirty] = await rows<{ n: number | string }>(this.exec, ['SELECT count(*) AS n FROM resolve_dirty WHERE collection = ', val(collection)]);
    return { version: Number(s?.version ?? 0), algorithm: s?.algorithm ?? '', documents: Number(n?.n ?? 0), dirty: Number(dirty?.n ?? 0) };
  }

  async dirtyDocuments(collection: string, limit: number, after = ''): Promise<{ id: string; seq: number }[]> {
    const list = await rows<{ id: string; seq: number | string }>(this.exec, [
      'SELECT document_id AS id, seq FROM resolve_dirty WHERE collection = ', val(collection), ' AND document_id > ', val(after),
      ' ORDER BY document_id LIMIT ', val(limit)]);
    return list.map((r) => ({ id: r.id, seq: Number(r.seq) }));
  }

  async freshCandidates(collection: string, documentIds: string[]): Promise<EntityCandidate[]> {
    if (documentIds.length === 0) return [];
    const list = await rows<CandidateRow & { n: number | string }>(this.exec, [
      'SELECT m.entity_key AS key, m.type, m.text, m.document_id AS doc, count(*) AS n FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.collection = ',
      val(collection), ' AND ', this.d.inList('m.document_id', documentIds),
      ' AND m.entity_key IS NOT NULL GROUP BY m.entity_key, m.type, m.text, m.document_id ORDER BY m.entity_key, m.type, m.text, m.document_id']);
    return candidatesFromRows(collection, list.map((r) => ({ ...r, n: Number(r.n) })));
  }

  async indexedCandidates(collection: string, query: CandidateQuery): Promise<IndexedCandidate[]> {
    const out = new Map<string, IndexedCandidate>();
    const by: [string, string[] | undefined][] = [['key', query.keys], ['grp', query.groups], ['vote_norm', query.voteNorms], ['document_id', query.documents]];
    for (const [col, values] of by) {
      if (!values || values.length === 0) continue;
      const list = await rows<CandidateRecordRow>(this.exec, [`SELECT ${CANDIDATE_COLUMNS} FROM resolve_candidates WHERE collection = `, val(collection), ' AND ', this.d.inList(col, values)]);
      for (const r of list) out.set(r.key, toIndexed(r));
    }
    return [...out.values()];
  }

  async groups(collection: string, groups: string[]): Promise<GroupSummary[]> {
    if (groups.length === 0) return [];
    const where = (alias = '') => [`WHERE ${alias}collection = `, val(collection), ' AND ', this.d.inList(`${alias}grp`, groups)];
    const heads = await rows<{ grp: string; first_key: string; size: number | string; decided: number | string }>(this.exec, ['SELECT grp, first_key, size, decided FROM resolve_groups ', ...where()]);
    const names = await rows<{ grp: string; norm: string; first_key: string; name: string }>(this.exec, ['SELECT grp, norm, first_key, name FROM resolve_names ', ...where(), ' ORDER BY grp, norm']);
    const keys = await rows<{ grp: string; key: string }>(this.exec, ['SELECT grp, key FROM resolve_keys ', ...where(), ' ORDER BY grp, key']);
    const out = new Map<string, GroupSummary>(heads.map((h) => [h.grp, { group: h.grp, firstKey: h.first_key, size: Number(h.size), decided: Number(h.decided), names: [], keys: [] }]));
    for (const n of names) out.get(n.grp)?.names.push({ norm: n.norm, firstKey: n.first_key, name: n.name });
    for (const k of keys) out.get(k.grp)?.keys.push(k.key);
    return [...out.values()];
  }

  async groupsWithKeys(collection: string, keys: string[]): Promise<{ key: string; group: string }[]> {
    if (keys.length === 0) return [];
    const list = await rows<{ key: string; grp: string }>(this.exec, ['SELECT key, grp FROM resolve_keys WHERE collection = ', val(collection), ' AND ', this.d.inList('key', keys)]);
    return list.map((r) => ({ key: r.key, group: r.grp }));
  }

  async keyCounts(collection: string, keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const list = await rows<{ key: string; n: number | string }>(this.exec, [
      'SELECT key, count(*) AS n FROM resolve_keys WHERE collection = ', val(collection), ' AND ', this.d.inList('key', keys), ' GROUP BY key']);
    return new Map(list.map((r) => [r.key, Number(r.n)]));
  }

  async voteCounts(collection: string, voteNorms: string[]): Promise<VoteCount[]> {
    if (voteNorms.length === 0) return [];
    const list = await rows<{ vote_norm: string; type: EntityType; mentions: number | string }>(this.exec, [
      'SELECT vote_norm, type, mentions FROM resolve_votes WHERE collection = ', val(collection), ' AND ', this.d.inList('vote_norm', voteNorms)]);
    return list.map((r) => ({ voteNorm: r.vote_norm, type: r.type, mentions: Number(r.mentions) }));
  }

  async decisionsAbout(collection: string, keys: string[]): Promise<DecisionRecord[]> {
    if (keys.length === 0) return [];
    const out = new Map<number, DecisionRecord>();
    for (const col of ['a', 'b']) {
      const list = await rows<DecisionRow>(this.exec, [`SELECT ${DECISION_COLUMNS} FROM decisions WHERE collection = `, val(collection), ' AND ', this.d.inList(col, keys)]);
      for (const r of list) out.set(Number(r.id), toDecision(r));
    }
    return [...out.values()].sort((x, y) => x.id - y.id);
  }

  async pendingDecisions(collection?: string): Promise<DecisionRecord[]> {
    const list = await rows<DecisionRow>(this.exec, [`SELECT ${DECISION_COLUMNS} FROM decisions WHERE status = 'pending'`,
      ...(collection === undefined ? [] : [' AND collection = ', val(collection)]), ' ORDER BY id']);
    return list.map(toDecision);
  }

  async decision(id: number): Promise<DecisionRecord | null> {
    const [r] = await rows<DecisionRow>(this.exec, [`SELECT ${DECISION_COLUMNS} FROM decisions WHERE id = `, val(id)]);
    return r ? toDecision(r) : null;
  }

  async latestDecision(collection: string, a: string, b: string): Promise<DecisionRecord | null> {
    const [r] = await rows<DecisionRow>(this.exec, [`SELECT ${DECISION_COLUMNS} FROM decisions WHERE collection = `, val(collection),
      ' AND ((a = ', val(a), ' AND b = ', val(b), ') OR (a = ', val(b), ' AND b = ', val(a), ')) ORDER BY at DESC, id DESC LIMIT 1']);
    return r ? toDecision(r) : null;
  }

  async entityOfKeys(collection: string, keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const list = await rows<{ k: string; e: string }>(this.exec, [
      'SELECT candidate_key AS k, entity_id AS e FROM entity_members WHERE collection = ', val(collection), ' AND ', this.d.inList('candidate_key', keys)]);
    return new Map(list.map((r) => [r.k, r.e]));
  }

  async entityRecords(collection: string, ids: string[], options: { members?: boolean } = {}): Promise<ResolvedEntityRecord[]> {
    if (ids.length === 0) return [];
    const heads = await rows<{ id: string; type: EntityType; name: string; mention_count: number | string; document_ids: string; reasons: string }>(this.exec, [
      'SELECT id, type, name, mention_count, document_ids, reasons FROM entities WHERE collection = ', val(collection), ' AND ', this.d.inList('id', ids)]);
    const lists = async (sql: string, col: string): Promise<Map<string, string[]>> => {
      const map = new Map<string, string[]>();
      for (const r of await rows<{ id: string; v: string }>(this.exec, [sql, this.d.inList(col, ids), ' ORDER BY v'])) {
        const l = map.get(r.id);
        if (l) l.push(r.v);
        else map.set(r.id, [r.v]);
      }
      return map;
    };
    const aliases = await lists('SELECT entity_id AS id, name AS v FROM aliases WHERE ', 'entity_id');
    const members = options.members === false ? new Map<string, string[]>() : await lists('SELECT entity_id AS id, candidate_key AS v FROM entity_members WHERE ', 'entity_id');
    return heads.map((h) => ({
      id: h.id, collection, type: h.type, name: h.name, aliases: aliases.get(h.id) ?? [], mentionCount: Number(h.mention_count),
      documentIds: JSON.parse(h.document_ids) as string[], members: members.get(h.id) ?? [], reasons: JSON.parse(h.reasons) as MergeReason[],
    }));
  }
}
