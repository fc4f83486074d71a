/**
 * A push parser for the POSIX tar (pax/ustar) stream bsdtar writes: every archive format is converted to it, so
 * one small parser sees members of 7z, rar, iso and tar alike, one at a time and in bounded memory.
 */
import { IngestFailure } from '../handler.js';

/** One member's header. */
export interface TarEntry {
  /** The name's bytes as stored: UTF-8 from pax headers, or whatever code page the archive used. */
  name: Buffer;
  kind: 'file' | 'directory' | 'link' | 'other';
  size: number;
  /** For links: the target's bytes. */
  link?: Buffer;
}

/** What the consumer wants done with a file member's data. */
export type EntryDecision = 'read' | 'skip';

const BLOCK = 512;

/** Feeds bytes in order; calls onEntry for each member and onData with the whole data of members it chose to read. */
export class TarStream {
  private header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  private zeroBlocks = 0;
  private ended = false;
  // The member (or pax/GNU extension block) whose data is being read, with the bytes still expected and padding.
  private remaining = 0;
  private padding = 0;
  private target: Buffer | undefined;
  private targetFill = 0;
  private current: { entry: TarEntry | undefined; extension: string | undefined } = { entry: undefined, extension: undefined };
  private pax: { path?: Buffer; link?: Buffer; size?: number } = {};

  constructor(
    private readonly path: string,
    private readonly onEntry: (entry: TarEntry) => EntryDecision,
    private readonly onData: (entry: TarEntry, data: Uint8Array) => Promise<void>,
  ) {}

  /** True once the end-of-archive blocks were seen. */
  get done(): boolean {
    return this.ended;
  }

  /** Parses a chunk; awaits onData for members completed in it. */
  async push(chunk: Buffer): Promise<void> {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - at);
        if (this.target) chunk.copy(this.target, this.targetFill, at, at + n);
        this.targetFill += n;
        this.remaining -= n;
        at += n;
        if (this.remaining === 0) await this.finishData();
      } else if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - at);
        this.padding -= n;
        at += n;
      } else {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - at);
        chunk.copy(this.header, this.headerFill, at, at + n);
        this.headerFill += n;
        at += n;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          await this.readHeader();
        }
      }
    }
  }

  private async readHeader(): Promise<void> {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      if (++this.zeroBlocks === 2) this.ended = true;
      return;
    }
    this.zeroBlocks = 0;
    if (!checksumMatches(h)) throw new IngestFailure('corrupt-archive', `${this.path} is damaged: a member header fails its checksum.`);
    const type = String.fromCharCode(h[156]!);
    const size = this.pax.size ?? readNumber(h.subarray(124, 136));
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    this.targetFill = 0;
    this.target = undefined;
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      // Extension headers: pax records or a GNU long name for the next member; a global pax header is ignored.
      this.current = { entry: undefined, extension: type };
      if (size > 1024 * 1024) throw new IngestFailure('corrupt-archive', `${this.path} is damaged: a ${size}-byte extended header.`);
      this.target = Buffer.alloc(size);
      this.pax = type === 'x' || type === 'g' ? {} : this.pax;
    } else {
      const entry = this.entry(h, type, size);
      this.pax = {};
      this.current = { entry, extension: undefined };
      if (entry.kind === 'file' && this.onEntry(entry) === 'read') this.target = Buffer.alloc(size);
      else if (entry.kind !== 'file') this.onEntry(entry);
    }
    if (size === 0) await this.finishData();
  }

  private entry(h: Buffer, type: string, size: number): TarEntry {
    let name = this.pax.path;
    if (!name) {
      const base = cString(h.subarray(0, 100));
      const prefix = h.subarray(257, 262).toString('latin1') === 'ustar' ? cString(h.subarray(345, 500)) : Buffer.alloc(0);
      name = prefix.length > 0 ? Buffer.concat([prefix, Buffer.from('/'), base]) : base;
    }
    const kind = type === '0' || type === '\0' || type === '7' ? 'file' : type === '5' ? 'directory' : type === '1' || type === '2' ? 'link' : 'other';
    const entry: TarEntry = { name, kind, size };
    if (kind === 'link') entry.link = this.pax.link ?? cString(h.subarray(157, 257));
    return entry;
  }

  private async finishData(): Promise<void> {
    const { entry, extension } = this.current;
    const data = this.target;
    this.target = undefined;
    this.current = { entry: undefined, extension: undefined };
    if (extension === 'x' && data) this.pax = parsePax(data, this.path);
    else if (extension === 'L' && data) this.pax.path = cString(data);
    else if (extension === 'K' && data) this.pax.link = cString(data);
    else if (entry && data) await this.onData(entry, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
}

// Records "<length> <key>=<value>\n"; values are raw bytes (UTF-8, or binary with hdrcharset=BINARY).
function parsePax(data: Buffer, path: string): { path?: Buffer; link?: Buffer; size?: number } {
  const out: { path?: Buffer; link?: Buffer; size?: number } = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space > at ? Number(data.subarray(at, space).toString('latin1')) : NaN;
    if (!Number.isInteger(length) || length <= 0 || at + length > data.length) throw new IngestFailure('corrupt-archive', `${path} is damaged: a malformed pax header.`);
    const record = data.subarray(space + 1, at + length - 1);
    const eq = record.indexOf(0x3d);
    const key = record.subarray(0, eq).toString('latin1');
    const value = record.subarray(eq + 1);
    if (key === 'path') out.path = value;
    else if (key === 'linkpath') out.link = value;
    else if (key === 'size') out.size = Number(value.toString('latin1'));
    at += length;
  }
  return out;
}

function cString(field: Buffer): Buffer {
  const nul = field.indexOf(0);
  return Buffer.from(nul < 0 ? field : field.subarray(0, nul));
}

// Octal digits padded with spaces or NULs; GNU base-256 (first byte 0x80) for sizes over 8 GB.
function readNumber(field: Buffer): number {
  if (field[0]! & 0x80) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const text = field.toString('latin1').replace(/[\0 ]+/g, ' ').trim();
  return text ? parseInt(text, 8) : 0;
}

function checksumMatches(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return readNumber(h.subarray(148, 156)) === sum;
}

/** True when a 512-byte block is a tar header with a valid checksum (ustar or the older v7 layout). */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < BLOCK) return false;
  const h = Buffer.from(block.buffer, block.byteOffset, BLOCK);
  return !h.every((b) => b === 0) && checksumMatches(h);
}
