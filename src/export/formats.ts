/** The export formats, declared once: the CLI and the HTTP route both read this list. */
import type { Store, Scope } from '../store/store.js';
import type { ExportOptions } from './dataset.js';
import { writeJsonExport } from './json.js';
import { writeEntitiesCsv, writeRelationsCsv } from './csv.js';
import { writeGexf } from './gexf.js';
import { writeFtm } from './ftm.js';
import { writeStix } from './stix-stream.js';
import { storeSource } from './source.js';

/** One file an export produces, written as a sequence of text chunks read from the store a page at a time. */
export interface ExportFile {
  /** File name without folder ("cablegraph-export.json", "relations.csv"). */
  name: string;
  /** Media type with charset, sent as the HTTP Content-Type. */
  contentType: string;
  /** Starts reading and writing the file; each call reads the store anew. */
  chunks(): AsyncIterable<string>;
}

/** One export format. */
export interface ExportFormat {
  /** What `--help` and the API documentation say about it. */
  description: string;
  /** Files it writes; the first is the main one (printed to standard output, served by default over HTTP). Nothing is read until a file's chunks are. */
  files(store: Store, scope: Scope, options: ExportOptions): ExportFile[];
}

/** Every format by its `--format` / `?format=` name. */
export const EXPORT_FORMATS = {
  json: {
    description: 'the JSON export contract (version 1)',
    files: (store, scope, options) => [
      { name: 'cablegraph-export.json', contentType: 'application/json; charset=utf-8', chunks: () => writeJsonExport(storeSource(store, scope, options), options) },
    ],
  },
  csv: {
    description: 'relations.csv and entities.csv (RFC 4180)',
    files: (store, scope, options) => [
      { name: 'relations.csv', contentType: 'text/csv; charset=utf-8; header=present', chunks: () => writeRelationsCsv(storeSource(store, scope, options)) },
      { name: 'entities.csv', contentType: 'text/csv; charset=utf-8; header=present', chunks: () => writeEntitiesCsv(storeSource(store, scope, options)) },
    ],
  },
  gexf: {
    description: 'GEXF 1.3 graph for Gephi',
    files: (store, scope, options) => [
      { name: 'cablegraph-export.gexf', contentType: 'application/gexf+xml; charset=utf-8', chunks: () => writeGexf(storeSource(store, scope, options), options) },
    ],
  },
  ftm: {
    description: 'FollowTheMoney entities, one JSON object a line (Aleph/OpenAleph import)',
    files: (store, scope, options) => [
      { name: 'cablegraph-export.ftm.json', contentType: 'application/x-ndjson; charset=utf-8', chunks: () => writeFtm(storeSource(store, scope, options)) },
    ],
  },
  stix: {
    description: 'a STIX 2.1 bundle (identities, locations, relationships, evidence notes, reports)',
    files: (store, scope, options) => [
      { name: 'cablegraph-export.stix.json', contentType: 'application/stix+json; version=2.1; charset=utf-8', chunks: () => writeStix(storeSource(store, scope, options), options) },
    ],
  },
} satisfies Record<string, ExportFormat>;

/** A format name ("json", "csv" ...). */
export type ExportFormatId = keyof typeof EXPORT_FORMATS;

/** Every format name, in the order the help lists them. */
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];

/** True when `name` is a format this build knows. */
export function isExportFormat(name: string): name is ExportFormatId {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
