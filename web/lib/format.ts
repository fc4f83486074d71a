/** Small display helpers shared by scenes: document titles, language names, dates and counts. */
import type { DocumentSummary } from '../../src/model/index.js';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "fa" -> "Persian"; unknown or empty codes come back as written, empty as "unknown". */
export function languageName(code: string | null | undefined): string {
  if (!code) return 'unknown';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code; // not a valid BCP 47 tag
  }
}

/** The title to show: the document's own, else the file name from its path. */
export function documentTitle(doc: Pick<DocumentSummary, 'title' | 'path'>): string {
  const title = doc.title?.trim();
  if (title) return title;
  const name = doc.path.split(/[/\\]|!\//).filter(Boolean).pop();
  return name ?? doc.path;
}

/** Thousands separators, fixed to English so screenshots and tests do not vary with the machine's locale. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 document", "3 documents". */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : pluralWord}`;
}

/** An ISO timestamp as "2026-11-21 20:48 UTC"; partial dates ("2019-11") pass through. */
export function formatTimestamp(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** Characters as a readable size: "15,153 characters". */
export function formatLength(length: number): string {
  return plural(length, 'character');
}
