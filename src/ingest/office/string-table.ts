/**
 * A workbook's shared string table in bounded memory. Strings are held in memory until their text passes `spillChars`;
 * from then on every string (those held so far first) is written as UTF-8 to a temporary file and only its offset is
 * kept (8 bytes a string), and look-ups read it back, the most recent ones cached. A sheet refers to its strings
 * mostly in the order they were added, so reads are nearly sequential. `close()` removes the file.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Text held in memory before the table moves to disk (characters, about twice as many bytes). */
export const SPILL_CHARS = 8 * 1024 * 1024;
const CACHE = 16384;
/** Bytes read at once on a cache miss: the strings after the one asked for come with it. */
const READ_BLOCK = 8 * 1024;
const WRITE_BUFFER = 1 << 20;

export class StringTable {
  private held: string[] = [];
  private heldChars = 0;
  private file: { dir: string; fd: number } | null = null;
  /** Start of string i in the file at [i], its end at [i + 1]. */
  private offsets = new Float64Array(1024);
  private count = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly cache = new Map<number, string>();

  constructor(private readonly spillChars = SPILL_CHARS) {}

  /** Number of strings added. */
  get size(): number {
    return this.file ? this.count : this.held.length;
  }

  /** True once the table has moved to disk. */
  get spilled(): boolean {
    return this.file !== null;
  }

  add(text: string): void {
    if (!this.file) {
      this.held.push(text);
      this.heldChars += text.length;
      if (this.heldChars > this.spillChars) this.spill();
      return;
    }
    this.append(text);
  }

  /** String i, or '' past the end (as a reference to a missing string reads in SheetJS). */
  get(i: number): string {
    if (!this.file) return this.held[i] ?? '';
    if (!(i >= 0 && i < this.count)) return '';
    const hit = this.cache.get(i);
    if (hit !== undefined) return hit;
    this.readBlock(i);
    return this.cache.get(i) ?? '';
  }

  /** Reads string i and those after it, up to READ_BLOCK bytes, into the cache (one read for a run of cells). */
  private readBlock(i: number): void {
    this.flush();
    const start = this.offsets[i]!;
    let last = i + 1;
    while (last < this.count && this.offsets[last + 1]! - start <= READ_BLOCK) last++;
    const bytes = Buffer.allocUnsafe(this.offsets[last]! - start);
    let got = 0;
    while (got < bytes.length) got += readSync(this.file!.fd, bytes, got, bytes.length - got, start + got);
    // Dropped whole when full (cells refer to strings nearly in order; evicting the oldest key one at a time makes a
    // Map skip ever more deleted slots).
    if (this.cache.size + (last - i) > CACHE) this.cache.clear();
    for (let k = i; k < last; k++) this.cache.set(k, bytes.toString('utf8', this.offsets[k]! - start, this.offsets[k + 1]! - start));
  }

  /** Removes the temporary file (the table reads '' afterwards). */
  close(): void {
    if (this.file) {
      closeSync(this.file.fd);
      rmSync(this.file.dir, { recursive: true, force: true });
    }
    this.file = null;
    this.held = [];
    this.count = 0;
    this.cache.clear();
  }

  private spill(): void {
    const dir = mkdtempSync(join(tmpdir(), 'cablegraph-strings-'));
    this.file = { dir, fd: openSync(join(dir, 'strings'), 'w+') };
    const held = this.held;
    this.held = [];
    this.heldChars = 0;
    for (const s of held) this.append(s);
  }

  private append(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    if (this.count + 2 > this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const start = this.offsets[this.count]!;
    this.offsets[++this.count] = start + bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BUFFER) this.flush();
  }

  private flush(): void {
    if (!this.file || this.pendingBytes === 0) return;
    const all = Buffer.concat(this.pending, this.pendingBytes);
    // The pending bytes end where the last string does.
    const at = this.offsets[this.count]! - all.length;
    let done = 0;
    while (done < all.length) done += writeSync(this.file.fd, all, done, all.length - done, at + done);
    this.pending = [];
    this.pendingBytes = 0;
  }
}
