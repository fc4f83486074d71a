// Arabic-script/Latin name pairs of the shared data sets, read in place (never copied): names-google-ar2en
// (Apache-2.0), names-anetac (research use), names-wikidata-en-ar (CC0). Each set's columns differ; all come out
// as { arabic, english } word pairs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the shared data sets live unless CABLEGRAPH_DATA says otherwise. */
export const DATA_DIR = process.env.CABLEGRAPH_DATA ?? '/work/shared/data';

/** One name pair. */
export interface NamePair {
  arabic: string;
  english: string;
}

/** The sets and their split files. */
export const SETS: Record<string, { train: string; dev: string }> = {
  'names-google-ar2en': { train: 'train.tsv', dev: 'dev.tsv' },
  'names-anetac': { train: 'translit-train.tsv', dev: 'translit-dev.tsv' },
  'names-wikidata-en-ar': { train: 'train.tsv', dev: 'dev.tsv' },
};

/**
 * Reads a TSV of name pairs by its header: columns "arabic" and "english", or "arabic_chars" (letters separated by
 * spaces, as names-wikidata-en-ar writes them). Null when the file is absent.
 */
export function readPairs(file: string): NamePair[] | null {
  if (!existsSync(file)) return null;
  const [header = '', ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const cols = header.split('\t');
  const en = cols.indexOf('english');
  const ar = cols.indexOf('arabic');
  const chars = cols.indexOf('arabic_chars');
  const out: NamePair[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const f = line.split('\t');
    const arabic = ar >= 0 ? f[ar] ?? '' : (f[chars] ?? '').replace(/ /g, '');
    const english = f[en] ?? '';
    if (arabic !== '' && english !== '') out.push({ arabic, english });
  }
  return out;
}

/** The pairs of one split of one set, or null when the set is absent. */
export function readSplit(set: string, split: 'train' | 'dev'): NamePair[] | null {
  const files = SETS[set];
  return files ? readPairs(join(DATA_DIR, set, files[split])) : null;
}
