/** Export test helpers: a small hand-made data set with awkward names, and the fully extracted sample store. */
import type { ExportData } from '../../src/export/dataset.js';
import { loadExportData } from '../../src/export/dataset.js';
import { ALL_COLLECTIONS, type Store } from '../../src/store/store.js';
import { sampleStore } from '../helpers.js';

/** Names that break naive writers: markup characters, quotes, a comma, a line break and Arabic script. */
export const AWKWARD = {
  org: 'Smith & Sons <Holdings> "Ltd"',
  person: 'قاسم سليماني',
  sentence: 'قاسم سليماني, said "yes" & <left>\nthe next day.',
} as const;

/** A two-entity, one-relation data set built by hand, for escaping tests. */
export function awkwardData(): ExportData {
  const base = { collection: 'c', aliases: [], mentionCount: 1, documentIds: ['0123456789abcdef'] };
  return {
    documents: [{
      id: '0123456789abcdef', collection: 'c', sha256: 'a'.repeat(64), path: '/tmp/c/a & b.txt', parentId: null, format: 'text',
      mimeType: 'text/plain', title: 'A <b> & "c"', source: null, published: '2019-11', author: null, language: 'ar', length: 100,
      ingestedAt: '2020-01-01T00:00:00.000Z',
    }],
    entities: [
      { ...base, id: 'ent_0000000000000001', type: 'ORG', name: AWKWARD.org, aliases: ['S&S, "the firm"'] },
      { ...base, id: 'ent_0000000000000002', type: 'PERSON', name: AWKWARD.person },
    ],
    relations: [{
      id: 'rel_0000000000000001', type: 'role_in', source: 'ent_0000000000000002', target: 'ent_0000000000000001', confidence: 0.8,
      evidence: [{ documentId: '0123456789abcdef', start: 0, end: AWKWARD.sentence.length, text: AWKWARD.sentence }],
      independentSources: 1, stage: 'facts', version: 'test', attrs: { role: ['leader'] },
    }],
    events: [],
    claims: [],
  };
}

/** The sample corpus ingested with every stage, and its export data. */
export async function extractedSample(): Promise<{ store: Store; data: ExportData }> {
  const { store } = await sampleStore(true);
  return { store, data: await loadExportData(store, ALL_COLLECTIONS) };
}

/** Reads RFC 4180 CSV back into rows (quoted fields may hold commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
