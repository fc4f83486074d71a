/** Conversions between stored document rows (either backend) and model records; JSON columns are stored as text. */
import type { DocumentSummary, StoredDocument, Span } from '../../model/index.js';

/** A documents row as selected with SUMMARY_COLUMNS (plus the full-document columns when present). */
export interface DocumentRow {
  id: string;
  collection: string;
  sha256: string;
  path: string;
  parent_id: string | null;
  format: string;
  mime_type: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  author: string | null;
  language: string | null;
  length: number;
  ingested_at: string;
  text?: string;
  sentences?: string;
  pages?: string;
  meta?: string;
  warnings?: string;
}

/** Turns a row into a DocumentSummary. */
export function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id, collection: r.collection, sha256: r.sha256, path: r.path, parentId: r.parent_id, format: r.format,
    mimeType: r.mime_type, title: r.title, source: r.source, published: r.published, author: r.author,
    language: r.language, length: r.length, ingestedAt: r.ingested_at,
  };
}

/** Turns a full row into a StoredDocument; sentences are stored compactly as [[start, end], ...]. */
export function toStored(r: DocumentRow): StoredDocument {
  const pairs = JSON.parse(r.sentences ?? '[]') as [number, number][];
  return {
    ...toSummary(r),
    text: r.text ?? '',
    sentences: pairs.map(([start, end]): Span => ({ start, end })),
    pages: JSON.parse(r.pages ?? '[]') as number[],
    meta: JSON.parse(r.meta ?? '{}') as Record<string, string>,
    warnings: JSON.parse(r.warnings ?? '[]') as StoredDocument['warnings'],
  };
}
