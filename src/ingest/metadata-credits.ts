/**
 * Who wrote an article and where it ran, from its credit lines: bylines ("By Jane Doe, Reuters", "بقلم ..."),
 * source labels ("Source: Al Jazeera", "المصدر: ..."), copyright footers and wire credits ("BAGHDAD (Reuters) -").
 */

// A name: one to five capitalized words ("Jane Doe", "Ali al-Husseini"); several are joined by "and", "&" or, when
// the next is a full name of two words or more, a comma ("Jane Doe, John Roe and Ann Lee", but "Jane Doe, Reuters").
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|al-\p{L}+|bin|ibn|de|van|von|der|da)){0,4}`;
const FULL_NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|al-\p{L}+|bin|ibn|de|van|von|der|da)){1,4}`;
const NAMES = new RegExp(String.raw`^(${NAME}(?:\s*(?:,\s*(?=${FULL_NAME}(?:\s*(?:,|and|&)|$))|\s(?:and|&)\s)\s*${NAME})*)`, 'u');
// What may follow the names on a byline: a credit ("| Reuters", ", staff writer", "for Middle East Eye", "in Baghdad").
const CREDIT = /^(?:[,|–—-]|(?:for|in|at)\s)\s*(.*)$/iu;
const OUTLET = /^(?:the\s+)?\p{Lu}[\p{L}\p{M}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}&'’.-]*|of|the|al-\p{L}+)){0,5}$/u;
// Arabic script has no capitals, so a name there is one to four words filling the rest of the line:
// "بقلم: محمد علي" (Arabic "by"), "نویسنده: علی رضایی" (Persian "author").
// "By" words stand alone; words that also start ordinary phrases ("كتب" is also "books") need a colon.
const ARABIC_BYLINE = /^(?:(?:بقلم|به قلم)\s*:?|(?:كتب|كتبه|كتبت|إعداد|اعداد|نویسنده|نوشته)\s*:)\s*((?:[\p{Script=Arabic}\u200c]+)(?:\s+[\p{Script=Arabic}\u200c]+){0,3})$/u;

interface Byline {
  author: string;
  /** An outlet credited on the byline: "By Jane Doe, Reuters", "By Jane Doe for Middle East Eye". */
  outlet?: string;
}

// "By Jane Doe", "Written by Jane Doe", "Author: Jane Doe", "By Jane Doe, Reuters" -> Jane Doe (and Reuters).
function bylineOf(segment: string): Byline | undefined {
  const arabic = segment.match(ARABIC_BYLINE);
  if (arabic) return { author: arabic[1]! };
  const m = segment.match(/^(?:(?:written|words|reporting|story)\s+by|by|author(?:s|\(s\))?\s*:)\s+(.*)$/iu);
  if (!m) return undefined;
  const names = m[1]!.match(NAMES);
  if (!names) return undefined;
  const rest = m[1]!.slice(names[1]!.length).trim();
  const author = names[1]!.replace(/[,\s]+$/, '');
  if (rest.length === 0) return { author };
  // Whatever follows the name must look like a trailing credit, not more of a sentence ("By the time ...").
  const credit = rest.match(CREDIT);
  if (!credit) return undefined;
  const place = /^in\s/i.test(rest);
  const outlet = credit[1]!.trim();
  return !place && OUTLET.test(outlet) ? { author, outlet } : { author };
}

/** The author named on a byline segment, if it is one. */
export function authorOf(segment: string): string | undefined {
  return bylineOf(segment)?.author;
}

/** The outlet credited on a byline segment ("By Jane Doe for Middle East Eye"), if any. */
export function bylineOutletOf(segment: string): string | undefined {
  return bylineOf(segment)?.outlet;
}

// Labels that announce the outlet: English, Arabic ("المصدر" source) and Persian ("منبع" source).
const SOURCE_LABEL = /^(?:source|via|publisher|published by|outlet|originally published (?:by|in|at)|المصدر|مصدر|منبع)\s*[:»>|–—-]\s*(.{2,80})$/iu;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?(.{2,80})$/iu;

/** The outlet on a labelled source line: "Source » middleeasteye", "Source: Al Jazeera", "المصدر: الجزيرة". */
export function sourceOf(segment: string): string | undefined {
  const labelled = segment.match(SOURCE_LABEL);
  return labelled ? cleanOutlet(labelled[1]!) : undefined;
}

/**
 * The owner named in a copyright footer: "© 2000 - 2021 Al Bawaba (www.albawaba.com)", "Copyright © 2019 The
 * Associated Press. All rights reserved." Only for the bottom of a page: near the top, "© AFP" credits a photo.
 */
export function copyrightOf(segment: string): string | undefined {
  const copyright = segment.match(COPYRIGHT);
  return copyright ? cleanOutlet(copyright[1]!.replace(/\.?\s*all rights reserved\.?$/i, '').replace(/,?\s+(?:19|20)\d{2}$/, '')) : undefined;
}

// The date a dateline may carry before the agency: "Nov 19", "Nov. 19, 2019", "19 November".
const DATELINE_DATE = String.raw`(?:,?\s+(?:\p{Lu}\p{L}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{L}{2,8})(?:,\s*\d{4})?,?)?`;
const WIRE_CREDIT = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}\p{M}.'-]*(?:,?\s+\p{Lu}[\p{L}\p{M}.'-]*){0,4}${DATELINE_DATE}\s+)?(?:\(([\p{Lu}][\p{L}&. ]{0,30})\)|/([\p{Lu}][\p{L}&. ]{0,30})/)\s*(?:--|[-–—])\s`,
  'u',
);

/**
 * The agency of a wire credit opening a paragraph: "WASHINGTON (Reuters) - ...", "TEHRAN, Iran (AP) — ...",
 * "BAGHDAD, Nov 19 (Reuters) - ...", "WASHINGTON, Nov. 19, 2019 /PRNewswire/ -- ...", "(AFP) - ...".
 */
export function wireSourceOf(line: string): string | undefined {
  const m = line.match(WIRE_CREDIT);
  return m ? (m[1] ?? m[2])!.trim() : undefined;
}

function cleanOutlet(value: string): string | undefined {
  const cleaned = value.replace(/\s*\((?:www\.|https?:)[^)]*\)\s*$/i, '').replace(/[\s.]+$/, '').trim();
  return cleaned.length >= 2 ? cleaned : undefined;
}
