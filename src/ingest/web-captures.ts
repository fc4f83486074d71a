/** What the web-archive readers share: a captured document, the tally of what was left out, and what is furniture. */

/** Media types that are a page's furniture, not documents: scripts, style sheets, fonts and images (icons, logos). */
export const FURNITURE = /^(?:text\/css|text\/javascript|application\/(?:x-)?javascript|application\/ecmascript|font\/|application\/font|application\/x-font|image\/)/i;

/** What a record was, counted for the archive's own text so nothing is skipped silently. */
export interface Tally { records: number; documents: number; furniture: number; notOk: number; revisits: number; empty: number; other: number }

/** The end of the file cut a record short: the records before it stand, this one is not read. */
export class CutShort extends Error {}

/** A captured document: its payload (transfer and content encodings undone), URL, capture date and media type. */
export interface Capture { bytes: Uint8Array; url: string; date?: string; mediaType: string; status?: number }

export function count(tally: Tally, key: keyof Tally): undefined {
  tally[key]++;
  return undefined;
}

