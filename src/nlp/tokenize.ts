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
    String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*?(?=['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M)(?!\p{L}))`, // word before a clitic
    String.raw`\p{L}[\p{L}\p{M}\p{N}\u200c\u0640]*(?:[-'’][\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u0640]*)*`, // words, al-Haq, O'Brien, ZWNJ in Persian
    String.raw`\.{2,}|-{2,}`, // ellipsis, dashes
    String.raw`\.\p{N}+`, // batting averages and the like: .596
    String.raw`[^\s]`, // any other single character
  ].join('|'),
  'gu',
);

/** Splits text into tokens with offsets; whitespace is never part of a token. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = offset;
  const slice = end === text.length ? text : text.slice(0, end);
  for (let m = TOKEN_PATTERN.exec(slice); m !== null; m = TOKEN_PATTERN.exec(slice)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}
