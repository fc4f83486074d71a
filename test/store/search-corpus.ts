/**
 * A store of a few thousand documents of real prose, for tests of search under load: the sections of the CIA World
 * Factbook (public domain, read from ../shared/data, never copied here) when present, else the sample articles cut into
 * overlapping stretches of paragraphs with a varied filing line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../../src/store/ids.js';
import { SqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite/sqlite-store.js';
import type { NewDocument } from '../../src/store/store.js';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';

const FACTBOOK = process.env.CABLEGRAPH_DATA ? join(process.env.CABLEGRAPH_DATA, 'factbook') : join(ROOT, '..', 'shared', 'data', 'factbook');

/** Collects every "text" string of a Factbook section, markup removed. */
function sectionTexts(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') out.push(value.replace(/<[^>]+>/gu, ' ').replace(/&nbsp;/gu, ' '));
    else sectionTexts(value, out);
  }
}

/** Titles and texts: one per Factbook section of a country, or stretches of the sample articles. */
function* sources(): Generator<{ title: string; text: string }> {
  if (existsSync(FACTBOOK)) {
    for (const region of readdirSync(FACTBOOK).filter((r) => !r.includes('.')).sort()) {
      for (const file of readdirSync(join(FACTBOOK, region)).sort()) {
        const country = JSON.parse(readFileSync(join(FACTBOOK, region, file), 'utf8')) as Record<string, unknown>;
        for (const [section, body] of Object.entries(country)) {
          const parts: string[] = [];
          sectionTexts(body, parts);
          const text = parts.join('\n\n');
          if (text.length >= 200) yield { title: `${file.replace('.json', '')} ${section}`, text };
        }
      }
    }
    return;
  }
  const paragraphs = readdirSync(SAMPLE_CORPUS).sort()
    .flatMap((f) => readFileSync(join(SAMPLE_CORPUS, f), 'utf8').split(/\n\s*\n/u)).filter((p) => p.trim().length > 40);
  for (let i = 0; i < paragraphs.length; i++) {
    yield { title: paragraphs[i]!.slice(0, 60), text: [0, 1, 2, 3].map((k) => paragraphs[(i + k) % paragraphs.length]).join('\n\n') };
  }
}

/** `count` documents (sources repeated with a numbered filing line until there are enough). */
export function searchCorpus(count: number): NewDocument[] {
  const docs: NewDocument[] = [];
  for (let round = 0; docs.length < count; round++) {
    for (const { title, text } of sources()) {
      if (docs.length >= count) break;
      const body = `${text}\n\nFiled by desk ${round + 1}, item ${docs.length + 1}.`;
      const bytes = new TextEncoder().encode(body);
      docs.push({
        collection: 'corpus', sentences: [],
        doc: { sha256: sha256Hex(bytes), path: `corpus/${docs.length}.txt`, format: 'text', title, text: body, language: 'en', original: bytes },
      });
    }
  }
  return docs;
}

/** Where the corpus came from, for test names and skip messages. */
export const CORPUS_SOURCE = existsSync(FACTBOOK) ? 'Factbook sections' : 'sample-article stretches';

/** A new store file holding `count` corpus documents; returns its path (open it with the options a test needs). */
export async function corpusStoreFile(count: number): Promise<string> {
  const path = join(tempDir('cablegraph-search-'), 'corpus.db');
  const store = new SqliteStore(path, { searchReaders: 0 });
  await store.migrate();
  const docs = searchCorpus(count);
  for (let i = 0; i < docs.length; i += 250) await store.putDocuments(docs.slice(i, i + 250));
  await store.close();
  return path;
}

/** Opens a corpus store file with search options (migrated). */
export async function openCorpus(path: string, options: SqliteStoreOptions): Promise<SqliteStore> {
  const store = new SqliteStore(path, options);
  await store.migrate();
  return store;
}
