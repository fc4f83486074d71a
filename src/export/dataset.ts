/** The data every export format reads, loaded once from the Store in a fixed order so exports are repeatable. */
import type { DocumentSummary, Entity, Relation, Event, Claim, ReviewState } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';

/** Everything a scope sees, as the JSON export reads it, each list sorted by id. */
export interface ExportData {
  /** Document metadata (no text: formats cite evidence sentences, not whole documents). */
  documents: DocumentSummary[];
  entities: Entity[];
  /** Merged relations with all their evidence and independent-source counts. */
  relations: Relation[];
  events: Event[];
  claims: Claim[];
}

/** Options shared by every format. */
export interface ExportOptions {
  /** ISO timestamp written where a format wants one (STIX created/modified, GEXF lastmodifieddate); defaults to now. */
  timestamp?: string;
  /** Only relations an analyst accepted, edited, kept or made (rejected ones are never exported). */
  reviewedOnly?: boolean;
  /** Also the relations, events and claims an analyst rejected, marked `rejected` (JSON and CSV only; left out by default). */
  includeRejected?: boolean;
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
  return {
    documents: byId(documents),
    entities: byId(await store.listEntities(scope)),
    relations: byId([
      ...(await store.listRelations(scope)).filter((r) => !options.reviewedOnly || r.review),
      ...(options.includeRejected ? (await store.listRejected(scope)).relations : []),
    ]),
    events: byId(await store.listEvents(scope)),
    claims: byId(await store.listClaims(scope)),
  };
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
