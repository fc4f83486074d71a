/** Tokenization with character offsets, splitting the way CoNLL-2003 does (clitics and punctuation apart, "U.S." whole). */

/** A token and where it sits in the text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Order matters: the first alternative that matches at a position wins.
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`https?://[^\s<>"]+[^\s<>".,;:!?)\]]`, // URLs
    String.raw`[\p{L}\p{M}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`, // e-mail addresses
    String.raw`(?:\p{Lu}\.){2,}`, // U.S., U.N.
    // Titles, months and company suffixes keep their period as CoNLL-2003 does ("Gen.", "Sept.", "Corp.").
    String.raw`(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Sen|Rep|Gov|Pres|Prof|Adm|Brig|Cmdr|Rev|Hon|St|Mt|Ft|Jr|Sr|Inc|Corp|Ltd|Co|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc)\.(?!\p{L})`,
    String.raw`\p{Lu}\.(?=\s+\p{Lu})`, // an initial: "George W. Bush"
    String.raw`(?<![^\n])\p{N}{1,2}\.(?=[ \t])`, // a list number opening a line: "1. Iran"
    String.raw`\p{N}+(?:[.,:/-]\p{N}+)*(?:\p{L}+)?(?:-\p{L}[\p{L}\p{M}]*)*`, // 3,000  08:25  1996-08-22  20th  26-year-old
    String.raw`n't(?!\p{L})`, // don't -> do n't
    String.raw`['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M)(?!\p{L})`, // Iran's -> Iran 's
    String.raw`\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*?(?=n't(?!\p{L}))`, // "do" of "don't"
    String.raw`\p{L}[\p{L}\p{M}\p{N}\u00ad]*(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad]*)*?(?=['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M)(?!\p{L}))`, // word before a clitic
    // words, al-Haq, O'Brien, ZWNJ in Persian, soft hyphens where a reading view joins a word broken over two lines
    String.raw`\p{L}[\p{L}\p{M}\p{N}\u200c\u0640\u00ad]*(?:[-'’]\u00ad*[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u0640\u00ad]*)*`,
    String.raw`\.{2,}|-{2,}`, // ellipsis, dashes
    String.raw`\.\p{N}+`, // batting averages and the like: .596
    String.raw`[^\s]`, // any other single character
  ].join('|'),
  'gu',
);

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
// After a run of ASCII letters, these characters cannot continue any longer token (URL, e-mail, "U.S.", "Gen.",
// clitics, hyphenated and digit-bearing words), so the run is a whole token: the fast path skips the regex.
const ENDS_WORD = new Set([32, 9, 10, 13, 44, 59, 33, 63, 40, 41, 91, 93, 123, 125, 34]);
// Characters that are always a token of their own: , ; ! ? ( ) [ ] { } "
const ALONE = new Set([44, 59, 33, 63, 40, 41, 91, 93, 123, 125, 34]);

/** Splits text into tokens with offsets; whitespace is never part of a token. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = end === text.length ? text : text.slice(0, end);
  let i = offset;
  while (i < end) {
    const c = slice.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      i++;
      continue;
    }
    if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < end && isAsciiLetter(slice.charCodeAt(j))) j++;
      if (j === end || ENDS_WORD.has(slice.charCodeAt(j))) {
        tokens.push({ text: slice.slice(i, j), start: i, end: j });
        i = j;
        continue;
      }
    } else if (ALONE.has(c)) {
      tokens.push({ text: slice[i]!, start: i, end: i + 1 });
      i++;
      continue;
    }
    TOKEN_PATTERN.lastIndex = i;
    const m = TOKEN_PATTERN.exec(slice);
    if (m === null) break;
    // A word broken over two lines is read without its soft hyphens ("Man\u00ad\u00adsouri" -> "Mansouri").
    tokens.push({ text: m[0].includes('\u00ad') ? m[0].replace(/\u00ad/g, '') : m[0], start: m.index, end: m.index + m[0].length });
    i = m.index + m[0].length;
  }
  return tokens;
}
