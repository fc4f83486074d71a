/**
 * pdftotext's right-to-left lines into logical order. pdftotext writes a Persian or Arabic line in logical order inside
 * a right-to-left embedding (U+202B ... U+202C) but leaves the digits and punctuation between words as left-to-right
 * embedded runs (U+202A ... U+202C) in their visual order: "تهران، ۲۵ آبان ۱۳۹۸ - بر" comes out as
 * "تهران‪ ۲۵ ،‬آبان ‪ - ۱۳۹۸‬بر", and a sentence's closing full stop, drawn at the line's left end, opens the line
 * ("‪.‬سیاست‌ها موفق بوده است"). Read with the controls dropped, commas and dates land on the wrong words and every
 * sentence of a paragraph ends on the next line's first word.
 */

const LRE = '\u202a';
const RLE = '\u202b';
const PDF = '\u202c';
// An embedded run of digits, spaces and punctuation only (a run holding letters is text written left to right: kept).
const NEUTRAL_RUN = new RegExp(`${LRE}([^${LRE}${RLE}${PDF}\\p{L}]*)${PDF}`, 'gu');
// A number with its inner separators is one unit ("2019/11/20", "۱۳۹۸"); everything else goes character by character.
const UNIT = /[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[/.,:\u066b\u066c-][0-9\u0660-\u0669\u06f0-\u06f9]+)*|[^]/gu;
// A right-to-left line opening with an embedded run of closing punctuation: the stop that ends the line.
const LEADING_STOP = new RegExp(`^${RLE}${LRE}([.!?\u061f:\u061b\u060c,]+)${PDF}(.*)$`, 'u');

/** One page of pdftotext output with right-to-left lines in logical order; the bidi controls are left for the caller. */
export function logicalRtlLines(page: string): string {
  if (!page.includes(RLE)) return page;
  return joinZwnjSplits(page.split('\n')).map((line) => {
    if (!line.startsWith(RLE)) return line;
    const stop = LEADING_STOP.exec(line);
    // The stop goes to the end of the line, before the embedding closes.
    const rest = stop?.[2]?.endsWith(PDF) ? stop[2].slice(0, -1) : stop?.[2];
    const moved = stop ? `${RLE}${rest}${stop[1]}${PDF}` : line;
    return moved.replace(NEUTRAL_RUN, (_, run: string) => `${LRE}${(run.match(UNIT) ?? []).reverse().join('')}${PDF}`);
  }).join('\n');
}

/**
 * A word joined by a zero-width non-joiner ("نخست‌وزیر") whose two parts' boxes overlap can make pdftotext cut its line
 * there and write the second part's line first: "‌وزیر عراق، دیدار کرد" then "عبدالمهدی، نخست". No line of real text
 * opens with the non-joiner, so such a line goes after the next one, joined to it.
 */
function joinZwnjSplits(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.startsWith(`${RLE}\u200c`) && next?.startsWith(RLE) && next.endsWith(PDF)) {
      out.push(`${next.slice(0, -1)}${line.slice(1)}`);
      i++;
    } else out.push(line);
  }
  return out;
}
