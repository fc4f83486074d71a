/** Recognises the archive and compression formats read through libarchive, by their signatures. */
import { isTarHeader } from './tar-stream.js';

/** An archive format bsdtar unpacks into members. */
export type ArchiveKind = '7z' | 'rar' | 'tar' | 'iso';
/** A compression layer bsdcat removes: around a tar, or around one file. */
export type CompressionKind = 'gzip' | 'bzip2' | 'xz' | 'zstd';

/** Media type of each format, stored with the document. */
export const MIME_TYPES: Record<ArchiveKind | CompressionKind, string> = {
  '7z': 'application/x-7z-compressed',
  rar: 'application/vnd.rar',
  tar: 'application/x-tar',
  iso: 'application/x-iso9660-image',
  gzip: 'application/gzip',
  bzip2: 'application/x-bzip2',
  xz: 'application/x-xz',
  zstd: 'application/zstd',
};

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The archive format whose signature the bytes start with; an ISO image needs its 16th sector, past any sniffing head. */
export function archiveKind(bytes: Uint8Array): ArchiveKind | undefined {
  if (starts(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (starts(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar'; // "Rar!\x1a\x07", RAR 4 and 5
  if (isTarHeader(bytes)) return 'tar';
  // "CD001" volume descriptor. The 32 KB before it are zeros or boot code in a real image, never lines of text: bsdtar
  // must not be handed a text file that libarchive could take for an mtree listing (which names files on this machine).
  if (starts(bytes, [0x43, 0x44, 0x30, 0x30, 0x31], 0x8001) && bytes.subarray(0, 512).includes(0)) return 'iso';
  return undefined;
}

/** The compression whose signature the bytes start with. */
export function compressionKind(bytes: Uint8Array): CompressionKind | undefined {
  if (starts(bytes, [0x1f, 0x8b])) return 'gzip';
  // "BZh" and a block size digit 1-9.
  if (starts(bytes, [0x42, 0x5a, 0x68]) && bytes[3]! >= 0x31 && bytes[3]! <= 0x39) return 'bzip2';
  if (starts(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (starts(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  return undefined;
}

/** The name of the file inside a compressed one: "notes.txt.gz" -> "notes.txt", "dump.tgz" -> "dump.tar". */
export function decompressedName(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
  const short: Record<string, string> = { '.tgz': '.tar', '.tbz': '.tar', '.tbz2': '.tar', '.txz': '.tar', '.tzst': '.tar' };
  const ext = name.match(/\.[^.]+$/)?.[0]?.toLowerCase() ?? '';
  if (short[ext]) return name.slice(0, -ext.length) + short[ext];
  if (['.gz', '.bz2', '.xz', '.zst'].includes(ext)) return name.slice(0, -ext.length) || 'content';
  return `${name || 'content'}.out`;
}
