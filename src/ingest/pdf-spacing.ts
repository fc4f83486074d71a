/**
 * Letter-spaced PDF text rejoined. A PDF that tracks its letters (character spacing, or glyphs placed one by one) makes
 * pdftotext split words where the spacing varies along a line: "Book i n g s@Thed orset.co.uk". pdftotext's word
 * boxes (`-tsv`) show the truth: it starts a new word at a gap over a tenth of an em, so such splits are gaps of a
 * tenth of an em or a little more, where a space between words is a quarter of an em or more (a word box is about
 * 0.8-1.3 em high, so in box heights: about 0.08-0.15 against 0.28 and up; justified lines shrink spaces a little).
 * Pages whose text shows the symptom (looksLetterSpaced) get their words' boxes read, and a space pdftotext put
 * between two words of one line closer than MAX_JOIN_GAP of their height is taken out. Nothing else of pdftotext's
 * text changes, so its reading order and line breaks stay.
 */

/** One word box of `pdftotext -tsv` (level 5 rows). */
export interface WordBox {
  /** 1-based page number. */
  page: number;
  /** Flow, block and line numbers: words with the same key are on one line of the text. */
  line: string;
  left: number;
  width: number;
  height: number;
  text: string;
}

/** Largest gap between two word boxes, as a share of their height, that is letter spacing rather than a space. */
export const MAX_JOIN_GAP = 0.2;
// Boxes of one line may overlap a little (kerning, italic overhang); more than this is not one run of letters.
const MAX_OVERLAP = 0.05;
// Bidi embedding controls pdftotext puts around right-to-left runs; they are removed from the page text too.
const BIDI_CONTROLS = /[\u202a-\u202e]/g;
const LEADER = /^[.·…]+$/u;

/**
 * True when a page's text shows the marks of letter spacing: two one-character words in a row ("i n gs", "3 6 0"), or
 * words of one or two characters making most of the page ("Bo ok in gs"). Tables of single digits match too; for
 * them the word boxes show real gaps and nothing is joined, at the cost of one more pdftotext run.
 */
export function looksLetterSpaced(page: string): boolean {
  if (/(?:^|\s)[\p{L}\p{N}] [\p{L}\p{N}](?=\s|$)/u.test(page)) return true;
  const words = page.split(/\s+/u).filter(Boolean);
  return words.length >= 10 && words.filter((w) => w.length <= 2).length > 0.6 * words.length;
}

/** Parses the word rows of `pdftotext -tsv` output. */
export function parseWordBoxes(tsv: string): WordBox[] {
  const words: WordBox[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const [, page, flow, block, line, , left, , width, height] = cells;
    words.push({
      page: Number(page), line: `${flow}/${block}/${line}`, left: Number(left), width: Number(width), height: Number(height),
      text: cells.slice(11).join('\t').replace(BIDI_CONTROLS, ''),
    });
  }
  return words;
}

/**
 * Takes out the spaces pdftotext put inside letter-spaced words of one page, given that page's word boxes in
 * pdftotext's order. When the boxes cannot be matched to the text word by word, the text is returned unchanged.
 */
export function rejoinLetterSpacing(page: string, words: readonly WordBox[]): string {
  const ends: number[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const word of words) {
    while (at < page.length && /\s/u.test(page[at]!)) at++;
    if (!word.text || !page.startsWith(word.text, at)) return page;
    starts.push(at);
    at += word.text.length;
    ends.push(at);
  }
  const drop = new Set<number>();
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (a.line !== b.line || ends[i - 1]! + 1 !== starts[i] || page[ends[i - 1]!] !== ' ') continue;
    // Dot leaders of a table of contents ("Index . . . . 12") are left as pdftotext spaced them.
    if (LEADER.test(a.text) || LEADER.test(b.text)) continue;
    const height = Math.min(a.height, b.height);
    if (!(height > 0)) continue;
    // Distance between the boxes whichever way the line runs (right-to-left lines list words from the right).
    const gap = Math.max(b.left - (a.left + a.width), a.left - (b.left + b.width));
    if (gap >= -MAX_OVERLAP * height && gap < MAX_JOIN_GAP * height) drop.add(ends[i - 1]!);
  }
  if (drop.size === 0) return page;
  let out = '';
  let from = 0;
  for (const index of [...drop].sort((x, y) => x - y)) {
    out += page.slice(from, index);
    from = index + 1;
  }
  return out + page.slice(from);
}
