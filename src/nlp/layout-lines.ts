/** What one line of plain text is, read from the line alone: quote depth, list marker, boilerplate, heading shape. */

/** One line of the text, with the offsets layout decisions need (all into the stored text). */
export interface TextLine {
  /** First character of the line. */
  start: number;
  /** End of the line's visible content: before trailing whitespace, "\r" and "\n". */
  end: number;
  /** The "\n" ending the line, or the text length for the last line. */
  next: number;
  /** Number of ">" quote markers opening the line ("> > text" is 2). */
  depth: number;
  /** Where the text after the quote markers starts (indentation included). */
  afterQuote: number;
  /** Where the line's words start: after quote markers, indentation and any list marker. */
  body: number;
  /** True when the line opens a list item ("- ", "* ", "• ", "1. ", "(a) "). */
  item: boolean;
  /** True when nothing but quote markers and whitespace is on the line. */
  blank: boolean;
  /** Boilerplate class when the line alone shows it is not prose, else "". */
  boiler: BoilerKind;
}

/** Kinds of boilerplate a line can show by itself; "" for none. */
export type BoilerKind = '' | 'signoff' | 'sig-start' | 'credit' | 'device' | 'separator' | 'header' | 'attribution' | 'copyright' | 'cable' | 'greeting';

// "> > text", ">>text", "  > text": e-mail quoting; each ">" is one level.
const QUOTE = /^[ \t]*((?:>[ \t]?)+)/;
// List markers that are never the start of a wrapped sentence: "• ", "▪ ", "◦ ".
const GLYPH_ITEM = /^[ \t]*[•▪‣◦●○■□►➢][ \t]+(?=\S)/u;
// Markers that could also be the start of a wrapped line ("- the ministry said", "12. The"): only after a unit end.
// "-- " is the bullet of diplomatic cables.
const AMBIGUOUS_ITEM = /^[ \t]*(?:--|[-*–—]|\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z]\))[ \t]+(?=\S)/u;
// A cable's portion marking after a paragraph number: "1. (C) Summary", "2. (S//NF) ..." (read as a marker).
const PORTION_MARK = /^\((?:U|C|S|TS|SBU|S\/\/?NF|C\/\/?NF|TS\/\/?SCI)\)[ \t]+/;

const CREDIT = String.raw`(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|edited|written|translated|translation)\s+by\b`;

// Boilerplate by line, each with a sample:
const BOILER: Array<[RegExp, BoilerKind]> = [
  // "-----Original Message-----", "---------- Forwarded message ---------", "________________________________"
  [/^(?:-{2,}\s*(?:original message|forwarded message|forwarded by .*|reply message)\s*-{2,}|_{10,}|-{10,}|begin forwarded message:?)$/i, 'separator'],
  // "Sent from my iPhone", "Sent from my Samsung Galaxy smartphone", "Get Outlook for iOS", "Sent via BlackBerry"
  [/^(?:sent from my (?:[\w-]+ ){0,2}(?:iphone|ipad|android|mobile|phone|blackberry|smartphone|galaxy|device|tablet)\b|sent (?:via|with|from) (?:blackberry|outlook|yahoo mail|mail for windows|aol)\b|get outlook for (?:ios|android)\b)/i, 'device'],
  // "(Reporting by Parisa Hafezi; Editing by William Maclean)", "Reporting by X in Beirut; Editing by Y" (not "Reporting
  // by the Intercept showed ...": a credit is bracketed or lists a second credit after a semicolon)
  [new RegExp(`^\\(\\s*${CREDIT}|^${CREDIT}[^;]*;\\s*${CREDIT}`, 'i'), 'credit'],
  // "(c) Reuters Limited 1996", "© 2019 The Associated Press. All rights reserved.", "Copyright 2020 ..."
  [/^(?:\(c\)|©|copyright\b)/i, 'copyright'],
  // "From: Jane Doe", "Sent: Monday, November 18, 2019 9:14 AM", "Subject: RE: ..." (boilerplate in a header block)
  [/^(?:from|sent|to|cc|bcc|date|subject|reply-to|importance)\s*:(?:\s|$)/i, 'header'],
  // Cable headers: "TAGS: PREL PGOV IR IZ", "E.O. 12958: DECL: 11/18/2019", "CLASSIFIED BY: ...", "SIPDIS"
  [/^(?:TAGS|E\.\s?O\.\s?\d+|CLASSIFIED BY|DECL|REASON|REF|SIPDIS|NOFORN)\b/, 'cable'],
];

// How every BOILER pattern can start (case aside): lines that start otherwise skip them.
const BOILER_LEAD = /^(?:[-_(©]|sent|get|copyright|on\b|from|to\b|cc|bcc|date|subject|reply|importance|begin|additional|further|reporting|writing|editing|compiled|edited|written|translat|tags|e\.|classified|decl|reason|ref|sipdis|noforn)/i;

// A sign-off: "-- Reuters Beirut Newsroom +961 1 954456", "-- Jim Smith, London Newsroom +44 171 542 8062".
const SIGNOFF_LEAD = /^(?:--|—|–)\s*\S/u;
const SIGNOFF_BODY = /(?:\+?\d[\d ()./-]{5,}\d)|@[\w-]+\.|\b(?:newsroom|newsdesk|news desk|desk|bureau)\b/i;

/** Splits the text into lines and classifies each by itself (offsets into `text`, which is not copied). */
export function readLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    lines.push(classify(text, start, next));
    if (next >= text.length) break;
    start = next + 1;
  }
  return lines;
}

function classify(text: string, start: number, next: number): TextLine {
  let end = next;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  // Only a line whose first visible character is ">" can be quoted.
  const q = text.charCodeAt(first) === 62 ? QUOTE.exec(text.slice(start, end)) : null;
  const depth = q ? countQuotes(q[1]!) : 0;
  const afterQuote = start + (q ? q[0].length : 0);
  let body = afterQuote;
  while (body < end && isSpace(text.charCodeAt(body))) body++;
  const line: TextLine = { start, end, next, depth, afterQuote, body, item: false, blank: body >= end, boiler: '' };
  if (line.blank) return line;
  const content = text.slice(body, end);
  line.boiler = boilerOf(content);
  return line;
}

/** Boilerplate class of a line's content, or "". */
export function boilerOf(content: string): BoilerKind {
  if (/^--\s*$/.test(content)) return 'sig-start';
  if (SIGNOFF_LEAD.test(content) && SIGNOFF_BODY.test(content)) return 'signoff';
  if (BOILER_LEAD.test(content)) for (const [re, kind] of BOILER) if (re.test(content)) return kind;
  // Tests on the line's end, made only when its last characters fit (an unanchored pattern would scan every line).
  const last = content.charCodeAt(content.length - 1);
  if (last !== 58 && last !== 46 && last !== 100 && last !== 68) return ''; // ":", ".", "d", "D"
  const tail = content.slice(-24).toLowerCase();
  if (tail.endsWith('wrote:')) {
    if (isAttribution(content)) return 'attribution';
  } else if (/all rights reserved\.?$/.test(tail)) return 'copyright';
  return '';
}

// A letter's salutation standing alone: "Tom,", "Hi Tom,", "Dear Ms. Roe,", "Good morning all,". No `i` flag: under it
// \p{Lu} would match any letter, and "yes," would be a name.
const GREETING = /^(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:morning|afternoon|evening))\s+)?(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[Aa]ll|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})\s*,$/u;
// A closing word on its line, before the writer's name: "Best,", "Kind regards,", "Thanks!".
const VALEDICTION = /^(?:best|best wishes|best regards|kind regards|warm regards|regards|thanks|many thanks|thank you|cheers|sincerely|yours(?: sincerely| truly)?|all the best)\s*[,.!]?$/i;
// The writer's name under it: one to three capitalised words.
const WRITER = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;

/** True for a salutation line ("Tom,", "Dear Ms. Roe,"); the caller checks that it stands alone (blank lines or the text's edge around it). */
export function isGreeting(content: string): boolean {
  return content.length <= 60 && GREETING.test(content);
}

/** True for a valediction line ("Best,", "Kind regards"). */
export function isValediction(content: string): boolean {
  return content.length <= 30 && VALEDICTION.test(content);
}

/** True for a line that is a name alone ("Sarah", "Jane Roe"), as a writer signs under a valediction. */
export function isWriterName(content: string): boolean {
  return content.length <= 40 && WRITER.test(content);
}

/** True for a reply's attribution line: "On Mon, Nov 18, 2019 at 9:14 AM Jane Doe <jane@example.org> wrote:". */
export function isAttribution(content: string): boolean {
  return /^on\b.{0,200}\bwrote:$|@[^\s>]+>?\s*wrote:$/i.test(content);
}

/** Length of a list marker opening `content` (0 when none); ambiguous markers count only when `afterUnitEnd()` says so. */
export function itemMarker(content: string, afterUnitEnd: () => boolean): number {
  let m = GLYPH_ITEM.exec(content);
  if (!m) {
    m = AMBIGUOUS_ITEM.exec(content);
    if (m && !afterUnitEnd()) m = null;
  }
  if (!m) return 0;
  const portion = PORTION_MARK.exec(content.slice(m[0].length));
  return m[0].length + (portion ? portion[0].length : 0);
}

// Words a title-case headline leaves in lower case.
const MINOR = new Set('a an the and or nor but of in on at to for by with from as vs via into onto over per up off amid after than'.split(' '));

/** True when a line reads as a heading by its shape: all capitals in a mixed-case text, or strict title case without a full stop. */
export function isHeadingLine(content: string, mixedCase: boolean): boolean {
  if (content.length > 200) return false;
  if (mixedCase && isAllCaps(content)) return true;
  if (endsTerminal(content)) return false;
  let capitalised = 0;
  // Word by word, stopping at the first lower-case word that is not a minor one (most prose lines stop at once).
  for (let i = 0; i < content.length; ) {
    while (i < content.length && content.charCodeAt(i) <= 32) i++;
    const start = i;
    while (i < content.length && content.charCodeAt(i) > 32) i++;
    if (i === start) break;
    const w = content.slice(start, i);
    const first = /\p{L}/u.exec(w)?.[0];
    if (first === undefined) continue;
    if (first !== first.toLowerCase()) capitalised++;
    else if (!MINOR.has(w.toLowerCase().replace(/[^\p{L}]/gu, ''))) return false;
  }
  return capitalised >= 2;
}

/** True when the content has at least two letters and none in lower case ("IRAN SPY CABLES", "BEIRUT, Nov 18" is not). */
export function isAllCaps(content: string): boolean {
  return !/\p{Ll}/u.test(content) && /\p{Lu}.*\p{Lu}/su.test(content);
}

/** True when the content ends a sentence: terminal punctuation, possibly followed by closing quotes or brackets. */
export function endsTerminal(content: string): boolean {
  let i = content.length - 1;
  while (i >= 0 && CLOSING.includes(content[i]!)) i--;
  return i >= 0 && TERMINALS.includes(content[i]!);
}

const CLOSING = '"\'”’)]»';
const TERMINALS = '.!?…؟';

function countQuotes(marker: string): number {
  let n = 0;
  for (const ch of marker) if (ch === '>') n++;
  return n;
}

// Space, tab, vertical tab, form feed (pdftotext's page break), carriage return, no-break space.
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13 && c !== 10) || c === 0xa0;
}
