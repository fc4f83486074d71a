/** Turns the bytes of a text file into a string: BOMs, strict UTF-8, legacy single-byte encodings, binary refusal. */
import iconv from 'iconv-lite';
import { IngestFailure } from './handler.js';
import { guessLegacyEncoding } from './legacy-encodings.js';

export { WINDOWS_SUPERSET, decodeLegacyName } from './legacy-encodings.js';

/** A decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  /** Encoding name as iconv-lite knows it ("utf-8", "windows-1256" ...). */
  encoding: string;
}

// Binary sniffing looks at the head only: enough to catch images, executables and office files named .txt.
const SNIFF_BYTES = 64 * 1024;
// Share of control characters (other than tab, newlines, form feed, escape) above which a file is not text.
const MAX_CONTROL_SHARE = 0.05;

/** Decodes text bytes, throwing IngestFailure "binary-file" or "invalid-utf8" when they are not text. */
export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  const bom = decodeWithBom(bytes, path);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  assertNotBinary(bytes, path);
  const scan = scanUtf8(bytes);
  if (scan.firstInvalid < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  // Real UTF-8 with a damaged stretch has more valid sequences than bad bytes; a legacy file read as UTF-8 is mostly
  // "invalid", with stray byte runs that happen to form valid sequences (often in cp866 Cyrillic and Shift-JIS).
  if (scan.validMultiByte > 0 && scan.validMultiByte >= scan.invalid) {
    throw new IngestFailure(
      'invalid-utf8',
      `${path} is UTF-8 with an invalid byte sequence at byte offset ${scan.firstInvalid}; the file looks damaged (re-export or repair it).`,
    );
  }
  const encoding = guessLegacyEncoding(bytes);
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding };
}

/** True when the head of the bytes looks like text in some encoding (used to read files with an unknown extension). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (hasBom(bytes) || utf16WithoutBom(bytes)) return true;
  return binaryReason(bytes) === null;
}

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

function decodeWithBom(b: Uint8Array, path: string): DecodedText | null {
  // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: strictUtf8(b, path), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b), encoding: 'utf-16be' };
  return null;
}

function strictUtf8(b: Uint8Array, path: string): string {
  const scan = scanUtf8(b);
  if (scan.firstInvalid >= 0) {
    throw new IngestFailure('invalid-utf8', `${path} has a UTF-8 byte order mark but an invalid byte sequence at byte offset ${scan.firstInvalid}; the file looks damaged.`);
  }
  return new TextDecoder('utf-8').decode(b);
}

/**
 * UTF-16 text without a BOM has NULs (the high byte of every ASCII space, digit or letter) on one side only: odd
 * offsets for little-endian, even for big-endian. Binary files have NULs on both sides.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const guess = oddNul > pairs * 0.1 && evenNul === 0 ? 'utf-16le' : evenNul > pairs * 0.1 && oddNul === 0 ? 'utf-16be' : null;
  if (!guess) return null;
  // Confirm: real UTF-16 text decodes without control characters or broken surrogate pairs.
  const sample = new TextDecoder(guess).decode(bytes.subarray(0, n));
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(sample) ? null : guess;
}

// Signatures of common non-text files, so the refusal can say what the file is.
const SIGNATURES: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an OLE compound file (Visio, Publisher, an installer or another format not read here)'],
  [[0x1f, 0x8b], 'gzip-compressed'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an ELF executable'],
  [[0x4d, 0x5a], 'a Windows executable'],
];

/** Names a known binary format from its first bytes, or returns null. */
export function describeBinary(head: Uint8Array): string | null {
  return SIGNATURES.find(([sig]) => sig.every((b, i) => head[i] === b))?.[1] ?? null;
}

function assertNotBinary(bytes: Uint8Array, path: string): void {
  const reason = binaryReason(bytes);
  if (!reason) return;
  const kind = describeBinary(bytes);
  throw new IngestFailure('binary-file', `${path} is not text (${kind ? `${kind}, ` : ''}${reason}); no handler reads this kind of file.`);
}

function binaryReason(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return `NUL byte at offset ${i}`;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_SHARE) return `${control} control bytes in the first ${n}`;
  return null;
}

interface Utf8Scan {
  /** Number of well-formed sequences of two to four bytes. */
  validMultiByte: number;
  /** Number of bytes that start no well-formed sequence. */
  invalid: number;
  /** Offset of the first such byte, or -1. */
  firstInvalid: number;
}

/** Walks the bytes as UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), counting good and bad sequences. */
function scanUtf8(b: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { validMultiByte: 0, invalid: 0, firstInvalid: -1 };
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const len = sequenceLength(b, i);
    if (len > 0) { scan.validMultiByte++; i += len; continue; }
    if (scan.firstInvalid < 0) scan.firstInvalid = i;
    scan.invalid++;
    i++;
  }
  return scan;
}

/** Length of the well-formed multi-byte sequence starting at i, or 0 (a hot loop: no closures here). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c >= 0xc2 && c <= 0xdf) return inRange(b[i + 1], 0x80, 0xbf) ? 2 : 0;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    if (c === 0xe0) lo = 0xa0; // no overlong forms
    if (c === 0xed) hi = 0x9f; // no UTF-16 surrogates
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (!inRange(b[i + 1], lo, hi)) return 0;
  for (let k = 2; k < len; k++) if (!inRange(b[i + k], 0x80, 0xbf)) return 0;
  return len;
}

function inRange(x: number | undefined, lo: number, hi: number): boolean {
  return x !== undefined && x >= lo && x <= hi;
}

/** True when the bytes are well-formed UTF-8 throughout. */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  return scanUtf8(bytes).firstInvalid < 0;
}
