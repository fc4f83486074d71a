/** The export formats, declared once: the CLI and the HTTP route both read this list. */
import type { Store, Scope } from '../store/store.js';
import { buildJsonExport } from './json.js';
import { loadExportData, type ExportOptions } from './dataset.js';
import { buildEntitiesCsv, buildRelationsCsv } from './csv.js';
import { buildGexf } from './gexf.js';
import { buildFtm } from './ftm.js';
import { buildStix } from './stix.js';

/** One file an export produces. */
export interface ExportFile {
  /** File name without folder ("cablegraph-export.json", "relations.csv"). */
  name: string;
  /** Media type with charset, sent as the HTTP Content-Type. */
  contentType: string;
  text: string;
}

/** One export format. */
export interface ExportFormat {
  /** What `--help` and the API documentation say about it. */
  description: string;
  /** Files it writes; the first is the main one (printed to standard output, served by default over HTTP). */
  build(store: Store, scope: Scope, options: ExportOptions): Promise<ExportFile[]>;
}

/** Every format by its `--format` / `?format=` name. */
export const EXPORT_FORMATS = {
  json: {
    description: 'the JSON export contract (version 1)',
    async build(store, scope, options: ExportOptions = {}) {
      const text = `${JSON.stringify(await buildJsonExport(store, scope, options), null, 2)}\n`;
      return [{ name: 'cablegraph-export.json', contentType: 'application/json; charset=utf-8', text }];
    },
  },
  csv: {
    description: 'relations.csv and entities.csv (RFC 4180)',
    async build(store, scope, options) {
      const data = await loadExportData(store, scope, options);
      return [
        { name: 'relations.csv', contentType: 'text/csv; charset=utf-8; header=present', text: buildRelationsCsv(data) },
        { name: 'entities.csv', contentType: 'text/csv; charset=utf-8; header=present', text: buildEntitiesCsv(data) },
      ];
    },
  },
  gexf: {
    description: 'GEXF 1.3 graph for Gephi',
    async build(store, scope, options) {
      const text = buildGexf(await loadExportData(store, scope, options), options);
      return [{ name: 'cablegraph-export.gexf', contentType: 'application/gexf+xml; charset=utf-8', text }];
    },
  },
  ftm: {
    description: 'FollowTheMoney entities, one JSON object a line (Aleph/OpenAleph import)',
    async build(store, scope, options) {
      const text = buildFtm(await loadExportData(store, scope, options));
      return [{ name: 'cablegraph-export.ftm.json', contentType: 'application/x-ndjson; charset=utf-8', text }];
    },
  },
  stix: {
    description: 'a STIX 2.1 bundle (identities, locations, relationships, evidence notes, reports)',
    async build(store, scope, options) {
      const text = buildStix(await loadExportData(store, scope, options), options);
      return [{ name: 'cablegraph-export.stix.json', contentType: 'application/stix+json; version=2.1; charset=utf-8', text }];
    },
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
