/** Legacy (pre-Unicode) encodings: which code page a text or a zip member's name was written in, judged by how its readings look. */
import chardet from 'chardet';
import iconv from 'iconv-lite';

// Bytes of a legacy-encoded file looked at to choose its encoding.
const ENCODING_SAMPLE_BYTES = 256 * 1024;

// What browsers do (WHATWG Encoding): ISO-8859-1 and -9 labels are read as their Windows supersets, whose 0x80-0x9F are printable.
export const WINDOWS_SUPERSET: Record<string, string> = { 'iso-8859-1': 'windows-1252', 'iso-8859-9': 'windows-1254' };
// Tried besides chardet's guesses: chardet is weak on short texts and on Persian in Windows-1256.
// cp866 (DOS Cyrillic) and Mac Roman are never proposed by chardet but turn up in old archives and mail.
const COMMON_LEGACY = ['windows-1252', 'windows-1256', 'windows-1251', 'windows-1250', 'iso-8859-6', 'cp866', 'macintosh'];

// Characters that real text rarely holds but a wrong single-byte reading strews about: box drawing, C1 controls, the
// replacement character, and Latin-1 signs such as the soft hyphen, "¤", "¬", "®", "¦" (cp866 Cyrillic read as
// Windows-1251 is full of them), and half-width katakana, which Chinese GBK read as Shift-JIS is strewn with. Common
// signs (° © § « » £) are not counted.
const JUNK = /[\uff61-\uff9f\u2500-\u259f\u0080-\u009f\ufffd\u00a4\u00a6\u00a8\u00ac-\u00af\u00b1\u00b4\u00b6\u00b8\u00bc-\u00be]/gu;

const TIE_BREAK: Record<string, number> = { 'windows-1252': 0.05, macintosh: 0.04 };

/**
 * Picks the single-byte encoding under which the bytes read most like text of one script: chardet's candidates
 * and a few common ones are each decoded and scored by how many high-bit bytes become letters of the dominant script.
 */
export function guessLegacyEncoding(all: Uint8Array): string {
  // A sample decides as well as the whole file, and each candidate decodes it once.
  const bytes = all.subarray(0, ENCODING_SAMPLE_BYTES);
  const matches = chardet.analyse(bytes);
  const candidates = new Map<string, number>();
  for (const m of matches) {
    const name = m.name.toLowerCase();
    const enc = WINDOWS_SUPERSET[name] ?? name;
    if (enc === 'utf-8' || enc === 'ascii' || !iconv.encodingExists(enc)) continue;
    candidates.set(enc, Math.max(candidates.get(enc) ?? 0, m.confidence / 100));
  }
  for (const enc of COMMON_LEGACY) if (!candidates.has(enc)) candidates.set(enc, 0);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const [enc, confidence] of candidates) {
    // Windows-1252 is the commonest legacy encoding; it wins ties among Latin encodings, then Mac Roman (which chardet
    // never proposes, so it has no confidence to add).
    const score = scriptScore(iconv.decode(buffer, enc)) + 0.1 * confidence + (TIE_BREAK[enc] ?? 0);
    if (score > bestScore) { best = enc; bestScore = score; }
  }
  return best;
}

/**
 * Share of words with non-ASCII letters that look like real words: one script throughout and, for Latin, mostly
 * ASCII letters ("déjà" is plausible; Arabic read as Windows-1252, "ÇáÚÑÇÞ", is not). Controls and U+FFFD count against.
 */
function scriptScore(text: string): number {
  let words = 0;
  let plausible = 0;
  for (const [word] of text.matchAll(/[\p{L}\p{M}\u0080-\u009f\ufffd]+/gu)) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    words++;
    if (plausibleWord(word)) plausible++;
  }
  if (words === 0) return 0;
  // Box drawing and block shapes between the letters: DOS Cyrillic (cp866) read as KOI8-R leaves short letter runs
  // that each look like words; the frames around them give the wrong reading away.
  const nonAscii = text.match(/[^\x00-\x7f]/gu)?.length ?? 0;
  const junk = text.match(JUNK)?.length ?? 0;
  return plausible / words - (nonAscii === 0 ? 0 : junk / nonAscii);
}

const SCRIPTS = [
  ...['Latin', 'Arabic', 'Cyrillic', 'Greek', 'Hebrew', 'Thai', 'Hangul'].map((s) => [s, new RegExp(`^[\\p{Script=${s}}\\p{M}\\u200c\\u200d]+$`, 'u')] as const),
  // Japanese mixes kanji, hiragana and katakana in one word; Chinese is kanji alone.
  ['CJK', /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]+$/u] as const,
];

// A capital inside a lower-case word, not ASCII: "LŸbeck" is Mac Roman "Lübeck" read as Windows-1252, "cafÈs" the reverse.
const INNER_CAPITAL = /\p{L}[^\x00-\x7f\p{Ll}](?=\p{Ll})/u;

function plausibleWord(word: string): boolean {
  const script = SCRIPTS.find(([, re]) => re.test(word))?.[0];
  if (!script) return false;
  if (script !== 'Latin') return true;
  if (INNER_CAPITAL.test(word)) return false;
  const nonAscii = word.replace(/[a-z]/gi, '').length;
  return nonAscii * 2 <= word.length + 1;
}

// Encodings zip tools used for member names before UTF-8 flags: the archiver's own code page.
const NAME_ENCODINGS = ['cp437', 'shift_jis', 'gbk', 'big5', 'euc-kr', 'cp866', 'windows-1251', 'windows-1252', 'windows-1256'];

/**
 * Decodes a short legacy-encoded string (a zip member's name) by the code page under which it reads most like words of
 * one script; IBM PC (cp437), the zip default, wins ties.
 */
export function decodeLegacyName(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best = iconv.decode(buffer, 'cp437');
  let bestScore = scriptScore(best) + 0.01;
  for (const enc of NAME_ENCODINGS.slice(1)) {
    const text = iconv.decode(buffer, enc);
    const score = scriptScore(text);
    if (score > bestScore) { best = text; bestScore = score; }
  }
  return best;
}
