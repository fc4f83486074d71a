/**
 * The CurationStore both engines share: plain SQL with `?` placeholders over the trust executor (times as ISO text).
 * Lists of ids are bound in chunks of IN (...) placeholders, so no statement grows past CHUNK parameters.
 */
import type {
  CurationStore, Credibility, DocumentGrading, GradeRecord, NoteRecord, OutletGradeRecord, RelationEnds, Reliability, TagRecord, Target, TargetKind,
} from '../curation.js';
import { outletKey } from '../curation.js';
import type { TrustSql } from './trust-store.js';
import { relationAnchor, relocateRelations } from './curation-anchors.js';
import type { QueryNode } from '../query.js';
import { indexQueuedNotes, noteCandidates } from './note-words.js';

const CHUNK = 500;

interface GradeRow { reliability: Reliability; credibility: number | string; by_name: string | null; at: string }
interface NoteRow { id: number | string; collection: string; target_kind: TargetKind; target_id: string; anchor?: string | null; text: string; by_name: string | null; at: string; edited_at: string | null }
interface TagRow { collection: string; target_kind: TargetKind; target_id: string; anchor?: string | null; tag: string; by_name: string | null; at: string }

const toGrade = (r: GradeRow): GradeRecord => ({ reliability: r.reliability, credibility: Number(r.credibility) as Credibility, by: r.by_name, at: r.at });
const toNote = (r: NoteRow): NoteRecord => ({
  id: Number(r.id), collection: r.collection, target: { kind: r.target_kind, id: r.target_id }, text: r.text, by: r.by_name, at: r.at, editedAt: r.edited_at,
});
const toTag = (r: TagRow): TagRecord => ({ collection: r.collection, target: { kind: r.target_kind, id: r.target_id }, tag: r.tag, by: r.by_name, at: r.at });

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
const inCollections = (collections: readonly string[] | '*', column: string): { sql: string; params: string[] } =>
  collections === '*' ? { sql: '1 = 1', params: [] } : collections.length === 0 ? { sql: '1 = 0', params: [] } : { sql: `${column} IN (${marks(collections.length)})`, params: [...collections] };

/**
 * The entity a note or tag row of `table` is about now: the one holding its anchor (the lowest member key of the entity
 * it was written on), so it follows merges and splits and comes back on undo; else the id written (documents,
 * entities resolution has not run on). Relation rows are placed in JavaScript from their anchor (curation-anchors.ts).
 */
const currentId = (table: string): string => `CASE WHEN ${table}.target_kind = 'entity' AND ${table}.anchor IS NOT NULL THEN coalesce((SELECT em.entity_id
  FROM entity_members em WHERE em.collection = ${table}.collection AND em.candidate_key = ${table}.anchor), ${table}.target_id) ELSE ${table}.target_id END`;
const NOTE_COLUMNS = `notes.id, notes.collection, notes.target_kind, ${currentId('notes')} AS target_id, notes.anchor, notes.text, notes.by_name, notes.at, notes.edited_at`;
const TAG_COLUMNS = `tags.collection, tags.target_kind, ${currentId('tags')} AS target_id, tags.anchor, tags.tag, tags.by_name, tags.at`;

/** Tags once per target and tag (rows written on two entities that merged since read as one). */
function uniqueTags(rows: TagRow[]): TagRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.target_kind}\u0000${r.target_id}\u0000${r.tag}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The shared implementation over an engine's executor. */
export class SqlCurationStore implements CurationStore {
  constructor(private readonly sql: TrustSql) {}

  async setDocumentGrade(documentId: string, collection: string, grade: Omit<GradeRecord, 'at'>): Promise<GradeRecord> {
    const at = new Date().toISOString();
    await this.sql.run(`INSERT INTO document_grades (document_id, collection, reliability, credibility, by_name, at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (document_id) DO UPDATE SET reliability = excluded.reliability, credibility = excluded.credibility, by_name = excluded.by_name, at = excluded.at`,
    [documentId, collection, grade.reliability, grade.credibility, grade.by, at]);
    return { ...grade, at };
  }

  async clearDocumentGrade(documentId: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM document_grades WHERE document_id = ?', [documentId])) > 0;
  }

  async setOutletGrade(collection: string, outlet: string, grade: Omit<GradeRecord, 'at'>): Promise<GradeRecord> {
    const at = new Date().toISOString();
    await this.sql.run(`INSERT INTO outlet_grades (collection, outlet, reliability, credibility, by_name, at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (collection, outlet) DO UPDATE SET reliability = excluded.reliability, credibility = excluded.credibility, by_name = excluded.by_name, at = excluded.at`,
    [collection, outletKey(outlet), grade.reliability, grade.credibility, grade.by, at]);
    return { ...grade, at };
  }

  async clearOutletGrade(collection: string, outlet: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM outlet_grades WHERE collection = ? AND outlet = ?', [collection, outletKey(outlet)])) > 0;
  }

  async listOutletGrades(collections: readonly string[] | '*'): Promise<OutletGradeRecord[]> {
    const where = inCollections(collections, 'collection');
    const rows = await this.sql.all<GradeRow & { collection: string; outlet: string }>(
      `SELECT collection, outlet, reliability, credibility, by_name, at FROM outlet_grades WHERE ${where.sql} ORDER BY collection, outlet`, where.params);
    return rows.map((r) => ({ ...toGrade(r), collection: r.collection, outlet: r.outlet }));
  }

  async documentGradings(documentIds: readonly string[]): Promise<DocumentGrading[]> {
    const out: DocumentGrading[] = [];
    const ids = [...new Set(documentIds)];
    for (const part of chunks(ids)) {
      const rows = await this.sql.all<{ id: string; collection: string; source: string | null; grp: string } & Partial<GradeRow>>(
        `SELECT d.id, d.collection, coalesce(d.source, p.source) AS source, coalesce(d.duplicate_group, d.id) AS grp,
           g.reliability, g.credibility, g.by_name, g.at
         FROM documents d LEFT JOIN documents p ON p.id = d.parent_id LEFT JOIN document_grades g ON g.document_id = d.id
         WHERE d.id IN (${marks(part.length)})`, part);
      for (const r of rows) {
        out.push({
          documentId: r.id, collection: r.collection, source: r.source, group: r.grp, outlet: null,
          own: r.reliability ? toGrade(r as GradeRow) : null,
        });
      }
    }
    const collections = [...new Set(out.map((d) => d.collection))];
    if (collections.length > 0) {
      const outlets = new Map((await this.listOutletGrades(collections)).map((g) => [`${g.collection}\u0000${g.outlet}`, g]));
      for (const d of out) {
        const g = d.source ? outlets.get(`${d.collection}\u0000${outletKey(d.source)}`) : undefined;
        if (g) d.outlet = { reliability: g.reliability, credibility: g.credibility, by: g.by, at: g.at };
      }
    }
    return out;
  }

  async listOutlets(collections: readonly string[] | '*'): Promise<{ collection: string; outlet: string; source: string; documents: number }[]> {
    const where = inCollections(collections, 'collection');
    const rows = await this.sql.all<{ collection: string; source: string; n: number | string }>(
      `SELECT collection, source, count(*) AS n FROM documents WHERE source IS NOT NULL AND ${where.sql} GROUP BY collection, source ORDER BY collection, source`, where.params);
    const merged = new Map<string, { collection: string; outlet: string; source: string; documents: number }>();
    for (const r of rows) {
      const outlet = outletKey(r.source);
      if (!outlet) continue;
      const key = `${r.collection}\u0000${outlet}`;
      const seen = merged.get(key);
      if (seen) seen.documents += Number(r.n);
      else merged.set(key, { collection: r.collection, outlet, source: r.source, documents: Number(r.n) });
    }
    return [...merged.values()].sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet));
  }

  /**
   * The anchor of a new note or tag: on an entity its lowest member key (null when unresolved); on a relation whose ends
   * are given, its type and the ends' keys (curation-anchors.ts); null for documents.
   */
  private async anchorOf(target: Target, ends?: RelationEnds): Promise<string | null> {
    if (target.kind === 'relation' && ends) return relationAnchor(this.sql, ends);
    if (target.kind !== 'entity') return null;
    const [row] = await this.sql.all<{ k: string | null }>('SELECT min(candidate_key) AS k FROM entity_members WHERE entity_id = ?', [target.id]);
    return row?.k ?? null;
  }

  async addNote(collection: string, target: Target, text: string, by: string | null, ends?: RelationEnds): Promise<NoteRecord> {
    const [row] = await this.sql.all<NoteRow>(`INSERT INTO notes (collection, target_kind, target_id, anchor, text, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)
      RETURNING id, collection, target_kind, target_id, text, by_name, at, edited_at`, [collection, target.kind, target.id, await this.anchorOf(target, ends), text, by, new Date().toISOString()]);
    return toNote(row!);
  }

  async getNote(id: number): Promise<NoteRecord | null> {
    const [row] = await relocateRelations(this.sql, await this.sql.all<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes WHERE notes.id = ?`, [id]));
    return row ? toNote(row) : null;
  }

  async editNote(id: number, text: string): Promise<NoteRecord | null> {
    await this.sql.run('UPDATE notes SET text = ?, edited_at = ? WHERE id = ?', [text, new Date().toISOString(), id]);
    return this.getNote(id);
  }

  async deleteNote(id: number): Promise<boolean> {
    return (await this.sql.run('DELETE FROM notes WHERE id = ?', [id])) > 0;
  }

  async listNotes(collections: readonly string[] | '*', targets?: readonly Target[]): Promise<NoteRecord[]> {
    const rows = await this.byTargets<NoteRow>('notes', NOTE_COLUMNS, collections, targets);
    return rows.map(toNote).sort((a, b) => a.id - b.id);
  }

  async findNotes(collections: readonly string[] | '*', query: QueryNode, limit: number, before?: number): Promise<NoteRecord[]> {
    await indexQueuedNotes(this.sql);
    const found = noteCandidates(query);
    const where = inCollections(collections, 'notes.collection');
    // The candidates drive the join (CROSS JOIN keeps SQLite from walking every note in id order instead).
    const rows = await this.sql.all<NoteRow>(`SELECT ${NOTE_COLUMNS} FROM (${found.sql}) AS found CROSS JOIN notes
      WHERE notes.id = found.note_id AND ${where.sql}${before === undefined ? '' : ' AND notes.id < ?'} ORDER BY notes.id DESC LIMIT ?`,
    [...found.params, ...where.params, ...(before === undefined ? [] : [before]), limit]);
    return (await relocateRelations(this.sql, rows)).map(toNote);
  }

  async addTag(collection: string, target: Target, tag: string, by: string | null, ends?: RelationEnds): Promise<TagRecord> {
    await this.sql.run(`INSERT INTO tags (collection, target_kind, target_id, anchor, tag, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (target_kind, target_id, tag) DO NOTHING`, [collection, target.kind, target.id, await this.anchorOf(target, ends), tag, by, new Date().toISOString()]);
    const [row] = await this.sql.all<TagRow>('SELECT collection, target_kind, target_id, tag, by_name, at FROM tags WHERE target_kind = ? AND target_id = ? AND tag = ?',
      [target.kind, target.id, tag]);
    return toTag(row!);
  }

  async removeTag(target: Target, tag: string): Promise<boolean> {
    // On an entity: every row that reads as this entity's now (written on it, or on an entity merged into it since).
    if (target.kind === 'entity') {
      return (await this.sql.run(`DELETE FROM tags WHERE target_kind = 'entity' AND tag = ? AND (target_id = ? OR ${currentId('tags')} = ?)`, [tag, target.id, target.id])) > 0;
    }
    if (target.kind === 'relation') {
      // Every row that reads as this relation now (written on it, or on the relation its ends made before a merge or split).
      const rows = await this.sql.all<TagRow>("SELECT collection, target_kind, target_id, anchor, tag, by_name, at FROM tags WHERE target_kind = 'relation' AND tag = ?", [tag]);
      const now = await relocateRelations(this.sql, rows.map((r) => ({ ...r })));
      let removed = 0;
      for (const [i, r] of rows.entries()) {
        if (r.target_id !== target.id && now[i]!.target_id !== target.id) continue;
        removed += await this.sql.run("DELETE FROM tags WHERE target_kind = 'relation' AND target_id = ? AND tag = ?", [r.target_id, tag]);
      }
      return removed > 0;
    }
    return (await this.sql.run('DELETE FROM tags WHERE target_kind = ? AND target_id = ? AND tag = ?', [target.kind, target.id, tag])) > 0;
  }

  async listTags(collections: readonly string[] | '*', targets?: readonly Target[]): Promise<TagRecord[]> {
    const rows = uniqueTags(await this.byTargets<TagRow>('tags', TAG_COLUMNS, collections, targets));
    return rows.map(toTag).sort((a, b) => a.target.kind.localeCompare(b.target.kind) || a.target.id.localeCompare(b.target.id) || a.tag.localeCompare(b.tag));
  }

  async taggedWith(collections: readonly string[] | '*', tag: string, kind?: TargetKind): Promise<TagRecord[]> {
    const where = inCollections(collections, 'tags.collection');
    const rows = await relocateRelations(this.sql, await this.sql.all<TagRow>(`SELECT ${TAG_COLUMNS} FROM tags WHERE tags.tag = ? AND ${where.sql}
      ${kind ? 'AND tags.target_kind = ?' : ''}`, [tag, ...where.params, ...(kind ? [kind] : [])]));
    return uniqueTags(rows).sort((a, b) => a.target_kind.localeCompare(b.target_kind) || (a.target_id < b.target_id ? -1 : a.target_id > b.target_id ? 1 : 0)).map(toTag);
  }

  /**
   * Rows of notes or tags (`columns` read from `table`) for some targets (by kind, ids in chunks) or whole collections.
   * Entity rows are matched on the entity they are about now (see currentId), relation rows on the relation their anchor
   * reads as now (relocateRelations), each over the collections' rows of that kind.
   */
  private async byTargets<T extends NoteRow | TagRow>(table: string, columns: string, collections: readonly string[] | '*', targets?: readonly Target[]): Promise<T[]> {
    const where = inCollections(collections, `${table}.collection`);
    if (!targets) return relocateRelations(this.sql, await this.sql.all<T>(`SELECT ${columns} FROM ${table} WHERE ${where.sql}`, where.params));
    const out: T[] = [];
    for (const kind of ['document', 'entity', 'relation'] as const) {
      const ids = [...new Set(targets.filter((t) => t.kind === kind).map((t) => t.id))];
      if (ids.length === 0) continue;
      if (kind === 'entity' || kind === 'relation') {
        const wanted = new Set(ids);
        const rows = await this.sql.all<T>(`SELECT ${columns} FROM ${table} WHERE ${table}.target_kind = ? AND ${where.sql}`, [kind, ...where.params]);
        out.push(...(kind === 'relation' ? await relocateRelations(this.sql, rows) : rows).filter((r) => wanted.has(r.target_id)));
        continue;
      }
      for (const part of chunks(ids)) {
        out.push(...await this.sql.all<T>(`SELECT ${columns} FROM ${table} WHERE ${table}.target_kind = ? AND ${table}.target_id IN (${marks(part.length)}) AND ${where.sql}`,
          [kind, ...part, ...where.params]));
      }
    }
    return out;
  }
}
