/** The contract every format handler fulfils. Adding a format means adding one handler file and listing it in handlers.ts. */
import type { ExtractedDocument } from '../model/index.js';
import type { OcrOptions } from './ocr/options.js';

/** Limits that protect the machine from hostile input. */
export interface IngestLimits {
  /** Largest file read, in bytes; larger files fail with code "too-large". */
  maxFileBytes: number;
  /** Largest total uncompressed size of one archive, in bytes. */
  maxArchiveBytes: number;
  /** Largest uncompressed/compressed ratio of an archive member before it counts as a zip bomb. */
  maxCompressionRatio: number;
  /** Deepest nesting of archives (and attachments) inside one another. */
  maxDepth: number;
  /** Most members in one archive. */
  maxArchiveEntries: number;
}

/** Defaults suited to a laptop. */
export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxArchiveBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxDepth: 5,
  maxArchiveEntries: 10_000,
};

/** What a handler is given for one file or embedded member. */
export interface HandlerInput {
  /** Path as given to ingest; for members the archive path + "!/" + member path. */
  path: string;
  bytes: Uint8Array;
  /** Nesting depth: 0 for a file on disk, 1 for a member of an archive on disk, ... */
  depth: number;
  limits: IngestLimits;
  /**
   * Bytes still allowed to be unpacked from the file on disk, shared by all archives nested in it, so a bomb cannot
   * spread its size over many levels; when absent an archive may unpack limits.maxArchiveBytes.
   */
  budget?: { remaining: number };
  /** OCR settings for images and PDF pages without a text layer; absent: the defaults (on, language per page). */
  ocr?: OcrOptions;
  /** Reads an embedded file (archive member, attachment) with the handler that fits it. */
  readChild(path: string, bytes: Uint8Array): Promise<ExtractedDocument>;
}

/** A format handler: declares what it accepts and turns bytes into an ExtractedDocument. */
export interface FormatHandler {
  /** Format name stored with each document ("text", "html", "pdf", ...). */
  name: string;
  /** Lower-case file extensions it accepts, with the dot (".txt"). */
  extensions: string[];
  /** True for containers (archives, JSON Lines) whose own text is only a listing: no language or metadata is inferred from it. */
  container?: boolean;
  /** Looks at the first bytes to claim a file whose extension is missing or misleading. */
  sniff?(head: Uint8Array): boolean;
  /** Its sniff claims only files whose extension names no other handler (XML: a .svg or .kml is XML too, but not ours). */
  weakSniff?: boolean;
  /** Reads the file; throws IngestFailure for bad input. */
  read(input: HandlerInput): Promise<ExtractedDocument>;
}

/** A specific, user-facing reason why a file could not be read. */
export class IngestFailure extends Error {
  constructor(
    /**
     * Short machine-readable code. Files: "not-found", "empty-file", "too-large", "unreadable", "unsupported-format",
     * "binary-file", "invalid-utf8", "read-error". Archives: "zip-bomb", "zip-slip", "too-many-entries",
     * "corrupt-archive", "encrypted", "too-deep", "tool-missing" (bsdtar/bsdcat not installed: 7z, rar, tar, iso, gz; readpst: pst; soffice: doc, ppt, wpd; mdbtools: mdb, accdb),
     * "tool-timeout" (soffice or mdbtools ran past its time limit). Formats: "corrupt-pdf", "corrupt-docx", "corrupt-spreadsheet", "corrupt-office" (odt, odp, pptx, doc, ppt, wpd), "corrupt-email",
     * "corrupt-contacts" (.vcf), "corrupt-calendar" (.ics), "corrupt-svg", "corrupt-pst", "corrupt-rtf", "corrupt-warc", "corrupt-cbor", "corrupt-csv" (a warning: a quote never closed), "corrupt-pkcs7", "corrupt-database" (.mdb, .accdb, .dbf),
     * "invalid-json", "empty-record", "unsupported-encoding". OCR: "ocr-unavailable" (no Tesseract or language data),
     * "ocr-failed" (every page failed). Warnings only: "memo-missing" (.dbf memo file not beside it), "no-text" (a scan stored blank, OCR off), "ocr-page-failed".
     */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IngestFailure';
  }
}
