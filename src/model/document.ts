/** Documents as the store keeps them: metadata, the extracted text and its sentence boundaries. */

/** A character span [start, end) into a document's stored text (UTF-16 code units, as JavaScript strings index). */
export interface Span {
  /** First character of the span. */
  start: number;
  /** One past the last character. */
  end: number;
}

/** A problem met while reading a file; recorded in the store and shown in the ingest summary. */
export interface IngestError {
  /** The path as given to ingest (archive members: archive path + "!/" + member path). */
  path: string;
  /** Short machine-readable code, e.g. "empty-file", "zip-bomb", "invalid-utf8". */
  code: string;
  /** A sentence a user can act on. */
  message: string;
}

/** What a format handler produces for one document, before the store assigns an id. */
export interface ExtractedDocument {
  /** Path as given to ingest; for archive members the archive path + "!/" + member path. */
  path: string;
  /** SHA-256 (hex) of the original bytes this document was read from. */
  sha256: string;
  /** The original bytes, kept for chain of custody (`cablegraph verify`). */
  original: Uint8Array;
  /** Format name of the handler that read it ("text", "html", "pdf", "docx", "email", "zip", "jsonl", "json"). */
  format: string;
  /** Media type when known. */
  mimeType?: string;
  title?: string;
  /** Outlet or origin ("Middle East Eye", a mail sender's domain ...). */
  source?: string;
  /** Partial ISO date: "2019", "2019-11" or "2019-11-20". */
  published?: string;
  author?: string;
  /** ISO 639-1 code when detected ("en", "fa", "ar"); empty when unsure. */
  language?: string;
  /** The extracted plain text; once stored it never changes, so offsets into it stay valid. */
  text: string;
  /** Page start offsets into `text` for paged formats (PDF). */
  pages?: number[];
  /** Other metadata (e-mail headers, URL ...), as strings. */
  meta?: Record<string, string>;
  /** Problems that did not stop this document from being read (e.g. an attachment that failed). */
  warnings?: IngestError[];
  /** Documents contained in this one (archive members, attachments, JSON Lines records). */
  children?: ExtractedDocument[];
  /**
   * More members, read one at a time after `children`, for a file too large to hold whole (a sheet of millions of
   * rows, cut into parts): only a file read from disk (depth 0) has them, and each is a leaf. The ingest stores them in
   * batches as they come, so memory holds a batch, not the file's text; a failure while reading them is added to this
   * document's `warnings` by the time the iteration ends.
   */
  streamedChildren?: () => AsyncIterable<ExtractedDocument>;
}

/** A stored document with everything but its text. */
export interface DocumentSummary {
  id: string;
  collection: string;
  sha256: string;
  path: string;
  /** Id of the containing document (archive, e-mail), if any. */
  parentId: string | null;
  format: string;
  mimeType: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  author: string | null;
  language: string | null;
  /** Length of the stored text in characters. */
  length: number;
  /** ISO timestamp of the ingest that stored it. */
  ingestedAt: string;
}

/**
 * One place a document was found. A document is its content (one per collection and SHA-256), so the same bytes at two
 * paths, two identical sheets of a workbook or one attachment in two e-mails are one document with several locations.
 */
export interface DocumentLocation {
  /** The container it was found in (archive, e-mail, workbook), or null for a file given to ingest. */
  parentId: string | null;
  /** The container's title, when it has one (reads fill it in). */
  parentTitle?: string | null;
  /** The path there (archive members: the archive path + "!/" + member path; sheets: workbook path + "#" + sheet name). */
  path: string;
  /** What the container calls the member (its member path, attachment file name or sheet name); null for a root file. */
  name: string | null;
  /** ISO timestamp of the ingest that first found it there. */
  firstSeen: string;
}

/** A document listed under a container: one per location, so the same content found twice there is listed twice. */
export interface DocumentChild extends DocumentSummary {
  /** What the container calls this member (see DocumentLocation.name). `path` and `parentId` are the location's. */
  name: string | null;
}

/** A stored document with its text and sentence boundaries. */
export interface StoredDocument extends DocumentSummary {
  text: string;
  /** Sentence spans, in order, covering the text's sentences (whitespace between them is left out). */
  sentences: Span[];
  pages: number[];
  meta: Record<string, string>;
  warnings: IngestError[];
}
