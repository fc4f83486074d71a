/**
 * CSV export: entities.csv and relations.csv (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). Values are written exactly as stored, since an evidence sentence must match its document; a cell that
 * starts with "=", "+", "-" or "@" may be taken for a formula by spreadsheet programs, so import the columns as text.
 */
import type { ExportData } from './dataset.js';
import { entityIndex } from './dataset.js';

/** One cell value; null and undefined are written as empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/** Quotes one field as RFC 4180 asks: only when needed, doubling inner quotes. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading or trailing space is quoted too, so spreadsheet programs do not trim it away.
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV text: a header row then the rows, each line ended by CRLF. */
export function csvTable(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** entities.csv: one row per entity; aliases and document ids are joined with "; " (the JSON export keeps them as lists). */
export function buildEntitiesCsv(data: ExportData): string {
  const header = ['id', 'type', 'name', 'aliases', 'mention_count', 'document_count', 'document_ids', 'collection'];
  const rows = data.entities.map((e) => [
    e.id, e.type, e.name, e.aliases.join('; '), e.mentionCount, e.documentIds.length, e.documentIds.join('; '), e.collection,
  ]);
  return csvTable(header, rows);
}

/**
 * relations.csv: one row per relation, with both ends' names and its first evidence sentence; the other sentences are
 * counted (evidence_count) and left to the JSON, FtM and STIX exports, so one relation stays one row.
 */
export function buildRelationsCsv(data: ExportData): string {
  const entities = entityIndex(data);
  const header = [
    'id', 'type', 'source_id', 'source_name', 'target_id', 'target_name', 'confidence', 'independent_sources',
    'evidence_count', 'evidence_text', 'document_id', 'start', 'end',
  ];
  const rows = data.relations.map((r) => {
    const first = r.evidence[0];
    return [
      r.id, r.type, r.source, entities.get(r.source)?.name, r.target, entities.get(r.target)?.name, r.confidence,
      r.independentSources, r.evidence.length, first?.text, first?.documentId, first?.start, first?.end,
    ];
  });
  return csvTable(header, rows);
}
