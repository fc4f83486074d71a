/** The data every export format reads, loaded once from the Store in a fixed order so exports are repeatable. */
import type { DocumentSummary, Entity, Relation, Event, Claim, ReviewState, DocumentLocation } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';
import type { NoteRecord, Target } from '../store/curation.js';
import { readGradings, type Gradings } from '../network/curation/gradings.js';
import { gradeCode, type Grade } from '../network/curation/grade.js';

/** Everything a scope sees, as the JSON export reads it, each list sorted by id. */
export interface ExportData {
  /** Document metadata (no text: formats cite evidence sentences, not whole documents). */
  documents: DocumentSummary[];
  entities: Entity[];
  /** Merged relations with all their evidence and independent-source counts. */
  relations: Relation[];
  events: Event[];
  claims: Claim[];
  /** Grades of the documents (own or outlet's) and near-duplicate groups, for corroboration by grade. */
  gradings?: Gradings;
  /** Notes and tags by target ("entity:ent_…", "relation:rel_…", "document:…"). */
  notes?: Map<string, NoteRecord[]>;
  tags?: Map<string, string[]>;
  /** Every place each document was found, by document id (absent: its own path only). */
  locations?: Map<string, DocumentLocation[]>;
}

/** Options shared by every format. */
export interface ExportOptions {
  /** ISO timestamp written where a format wants one (STIX created/modified, GEXF lastmodifieddate); defaults to now. */
  timestamp?: string;
  /** Only relations an analyst accepted, edited, kept or made (rejected ones are never exported). */
  reviewedOnly?: boolean;
  /** Also the relations, events and claims an analyst rejected, marked `rejected` (JSON and CSV only; left out by default). */
  includeRejected?: boolean;
  /** Only relations with evidence from documents graded at least this ("B2"); their evidence and source counts as on those documents. */
  minGrade?: Grade;
}

/** The formats that can carry rejected proposals, marked as such. */
export const FORMATS_WITH_REJECTED: readonly string[] = ['json', 'csv'];

/** A relation's review state as exports write it: accepted, kept (accepted, no longer proposed) or unreviewed. */
export function reviewStateOf(r: Pick<Relation, 'review'> & { rejected?: unknown }): ReviewState {
  if (r.rejected) return 'rejected';
  return !r.review ? 'unreviewed' : r.review.kept ? 'kept' : 'accepted';
}

const PAGE = 1000;

/** Loads the documents, entities, relations, events and claims the scope sees. */
export async function loadExportData(store: Store, scope: Scope, options: ExportOptions = {}): Promise<ExportData> {
  const documents: DocumentSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments(scope, PAGE, offset);
    documents.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  // Sorting by id makes two exports of the same store byte-identical whatever order the backend returns rows in.
  const byId = <T extends { id: string }>(items: T[]): T[] => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const gradings = await readGradings(store, scope, documents.map((d) => d.id));
  let relations = (await store.listRelations(scope)).filter((r) => !options.reviewedOnly || r.review);
  if (options.minGrade) relations = gradings.filterRelations(relations, options.minGrade);
  const { notes, tags } = await readNotesAndTags(store, scope);
  const locations = new Map<string, DocumentLocation[]>();
  for (let i = 0; i < documents.length; i += PAGE) {
    for (const [id, list] of await store.listLocationsOf(documents.slice(i, i + PAGE).map((d) => d.id), scope)) locations.set(id, list);
  }
  return {
    documents: byId(documents),
    entities: byId(await store.listEntities(scope)),
    relations: byId([...relations, ...(options.includeRejected ? (await store.listRejected(scope)).relations : [])]),
    events: byId(await store.listEvents(scope)),
    claims: byId(await store.listClaims(scope)),
    gradings, notes, tags, locations,
  };
}

/** Every note and tag of the scope by target key, notes oldest first. */
export async function readNotesAndTags(store: Store, scope: Scope): Promise<{ notes: Map<string, NoteRecord[]>; tags: Map<string, string[]> }> {
  const key = (t: Target) => `${t.kind}:${t.id}`;
  const notes = new Map<string, NoteRecord[]>();
  for (const n of await store.curation.listNotes(scope.collections)) notes.set(key(n.target), [...(notes.get(key(n.target)) ?? []), n]);
  const tags = new Map<string, string[]>();
  for (const t of await store.curation.listTags(scope.collections)) tags.set(key(t.target), [...(tags.get(key(t.target)) ?? []), t.tag]);
  return { notes, tags };
}

/** Notes as exports write them (no ids of the store, no collection). */
export function exportNotes(notes: readonly NoteRecord[] | undefined): { text: string; by: string | null; at: string; editedAt: string | null }[] {
  return (notes ?? []).map((n) => ({ text: n.text, by: n.by, at: n.at, editedAt: n.editedAt }));
}

/** The "B2" a parsed minimum grade writes as. */
export function minGradeCode(options: ExportOptions): string | undefined {
  return options.minGrade ? gradeCode(options.minGrade) : undefined;
}

/** The export timestamp: the fixed one when given, else the current time, always with milliseconds and "Z". */
export function exportTimestamp(options: ExportOptions): string {
  return new Date(options.timestamp ?? Date.now()).toISOString();
}

/** Maps entity ids to entities, for formats that print names beside ids. */
export function entityIndex(data: ExportData): Map<string, Entity> {
  return new Map(data.entities.map((e) => [e.id, e]));
}

/** The last path segment of a document path (archive members: the member's own name). */
export function fileNameOf(path: string): string {
  return path.split(/[/\\]|!\//).filter(Boolean).pop() ?? path;
}
