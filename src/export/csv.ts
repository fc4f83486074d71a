/**
 * CSV export: entities.csv and relations.csv (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). Text is written as stored, with one exception: a text cell that starts with "=", "+", "-", "@", a tab
 * or a carriage return would be run as a formula by spreadsheet programs (CSV injection), so it gets a leading
 * apostrophe, as OWASP recommends; a text cell that already starts with an apostrophe gets one more, so removing one
 * leading apostrophe from any text cell that has one gives back the stored value (and the evidence offsets match it).
 */
import type { ExportData } from './dataset.js';
import { entityIndex, reviewStateOf } from './dataset.js';
import type { Curation, ExportSource } from './source.js';
import type { Entity, Relation } from '../model/index.js';
import type { Gradings } from '../network/curation/gradings.js';

/** One cell value; null and undefined are written as empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

// What spreadsheet programs read as the start of a formula ("=SUM(A1)", "+1", "-2+3", "@cmd", "\t=1", "\r=1"), and the
// apostrophe that marks an escaped cell (so escaping can be undone without doubt).
const FORMULA_START = /^[=+\-@\t\r']/;

/** Makes a text cell inert in spreadsheets: "=1+2" becomes "'=1+2" (see the module comment); numbers are left alone. */
export function csvText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes one field as RFC 4180 asks: only when needed, doubling inner quotes; formula-like text is escaped first (csvText). */
export function csvField(value: CsvValue): string {
  const text = csvText(value);
  // A leading or trailing space is quoted too, so spreadsheet programs do not trim it away; an escaped cell is quoted as
  // OWASP advises.
  return /[",\r\n]|^\s|\s$|^'/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV text: a header row then the rows, each line ended by CRLF. */
export function csvTable(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** entities.csv: one row per entity; aliases and document ids are joined with "; " (the JSON export keeps them as lists). */
export function buildEntitiesCsv(data: ExportData): string {
  return csvTable(ENTITY_HEADER, data.entities.map((e) => entityRow(e, curationOf(data))));
}

/**
 * relations.csv: one row per relation, with both ends' names and its first evidence sentence; the other sentences are
 * counted (evidence_count) and left to the JSON, FtM and STIX exports, so one relation stays one row.
 */
export function buildRelationsCsv(data: ExportData): string {
  const entities = entityIndex(data);
  return csvTable(RELATION_HEADER, data.relations.map((r) => relationRow(r, entities, data.gradings, curationOf(data))));
}

/** The notes and tags of data in memory. */
const curationOf = (data: ExportData): Curation => ({ notes: data.notes ?? new Map(), tags: data.tags ?? new Map() });

const ENTITY_HEADER = ['id', 'type', 'name', 'aliases', 'mention_count', 'document_count', 'document_ids', 'collection', 'tags', 'notes'];
const RELATION_HEADER = [
  'id', 'type', 'source_id', 'source_name', 'target_id', 'target_name', 'confidence', 'independent_sources',
  'evidence_count', 'evidence_text', 'document_id', 'start', 'end', 'review', 'stage', 'corroboration', 'tags', 'notes',
];

/** entities.csv written a page at a time (see buildEntitiesCsv). */
export async function* writeEntitiesCsv(source: ExportSource): AsyncGenerator<string> {
  yield csvTable(ENTITY_HEADER, []);
  for await (const page of source.entities()) {
    const curation = await source.curation('entity', page.map((e) => e.id));
    yield csvRows(page.map((e) => entityRow(e, curation)));
  }
}

/** relations.csv written a page at a time (see buildRelationsCsv): each page reads the entities it names and its grades. */
export async function* writeRelationsCsv(source: ExportSource): AsyncGenerator<string> {
  yield csvTable(RELATION_HEADER, []);
  for await (const page of source.relations()) {
    const entities = await source.entitiesOf(page.flatMap((r) => [r.source, r.target]));
    const gradings = await source.gradings(page.flatMap((r) => r.evidence.map((e) => e.documentId)));
    const curation = await source.curation('relation', page.map((r) => r.id));
    yield csvRows(page.map((r) => relationRow(r, entities, gradings, curation)));
  }
}

/** One row of entities.csv. */
function entityRow(e: Entity, curation: Curation): CsvValue[] {
  return [
    e.id, e.type, e.name, e.aliases.join('; '), e.mentionCount, e.documentIds.length, e.documentIds.join('; '), e.collection,
    ...cells(curation, `entity:${e.id}`),
  ];
}

/** One row of relations.csv: both ends' names, the first evidence sentence, the corroboration by grade. */
function relationRow(r: Relation, entities: Map<string, { name: string }>, gradings: Gradings | undefined, curation: Curation): CsvValue[] {
  const first = r.evidence[0];
  return [
    r.id, r.type, r.source, entities.get(r.source)?.name, r.target, entities.get(r.target)?.name, r.confidence,
    r.independentSources, r.evidence.length, first?.text, first?.documentId, first?.start, first?.end, reviewStateOf(r), r.stage,
    Object.entries(gradings?.corroboration(r.evidence) ?? {}).map(([g, n]) => `${g}:${n}`).join('; '), ...cells(curation, `relation:${r.id}`),
  ];
}

/** Rows without a header, each ended by CRLF. */
function csvRows(rows: CsvValue[][]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The tags ("; "-joined) and notes (each "text (by, at)", joined by " | ") of a target, as two cells. */
function cells(curation: Curation, key: string): [string, string] {
  const notes = (curation.notes.get(key) ?? []).map((n) => `${n.text} (${n.by ?? 'unknown'}, ${n.at})`);
  return [(curation.tags.get(key) ?? []).join('; '), notes.join(' | ')];
}
