/**
 * A zip held in memory whose members are read one at a time, by name: small ones whole, a large one as a stream of
 * chunks (an .xlsx sheet of millions of rows), with the archive reader's defences: member count, unsafe names, the
 * expansion ratio and the unpacked-bytes budget checked from the directory, and a member that inflates past its
 * declared size refused as a zip bomb.
 */
import type { Entry, ZipFile } from 'yauzl';
import { IngestFailure, type IngestLimits } from './handler.js';
import { checkDeclaredSize, checkName, memberName, nextEntry, openZip, readEntry } from './zip-reader.js';

export class ZipMembers {
  private constructor(
    private readonly zip: ZipFile,
    private readonly path: string,
    private readonly entries: Map<string, Entry>,
    /** Members left unread because of their declared expansion ratio, with why. */
    readonly skipped: Map<string, IngestFailure>,
    private readonly budget: { remaining: number },
    private readonly limits: IngestLimits,
  ) {}

  /** Reads the directory; throws IngestFailure for the archive as a whole (too many entries, unsafe names, damage). */
  static async open(path: string, bytes: Uint8Array, limits: IngestLimits, budget: { remaining: number } = { remaining: limits.maxArchiveBytes }): Promise<ZipMembers> {
    const zip = await openZip(path, bytes);
    try {
      if (zip.entryCount > limits.maxArchiveEntries) {
        throw new IngestFailure('too-many-entries', `${path} has ${zip.entryCount} entries, more than the limit of ${limits.maxArchiveEntries}.`);
      }
      const entries = new Map<string, Entry>();
      const skipped = new Map<string, IngestFailure>();
      for (let entry = await nextEntry(zip, path); entry; entry = await nextEntry(zip, path)) {
        const name = memberName(entry);
        checkName(path, name);
        if (name.endsWith('/')) continue;
        const ratio = checkDeclaredSize(path, entry, limits, Number.MAX_SAFE_INTEGER, false);
        if (ratio) skipped.set(name, ratio);
        else entries.set(name, entry);
      }
      return new ZipMembers(zip, path, entries, skipped, budget, limits);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The member's bytes, or undefined when the zip has no such member. */
  async bytes(name: string): Promise<Uint8Array | undefined> {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    this.take(entry, name);
    return readEntry(this.zip, entry, `${this.path}!/${name}`);
  }

  /** The member's inflated bytes chunk by chunk; nothing when the zip has no such member. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.take(entry, name);
    const where = `${this.path}!/${name}`;
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
      this.zip.openReadStream(entry, (err, s) => (err || !s ? reject(new IngestFailure('corrupt-archive', `${where} could not be opened: ${err?.message ?? 'unknown error'}.`)) : resolve(s)));
    });
    let count = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        count += chunk.length;
        if (count > entry.uncompressedSize) {
          throw new IngestFailure('zip-bomb', `${where} inflates to more than the ${entry.uncompressedSize} bytes its header declares; it is refused as a likely zip bomb.`);
        }
        yield chunk;
      }
    } catch (err) {
      if (err instanceof IngestFailure) throw err;
      throw new IngestFailure('corrupt-archive', `${where} is damaged: ${(err as Error).message}.`);
    } finally {
      (stream as unknown as { destroy?: () => void }).destroy?.();
    }
    if (count < entry.uncompressedSize) throw new IngestFailure('corrupt-archive', `${where} is truncated: ${count} of ${entry.uncompressedSize} bytes.`);
  }

  close(): void {
    this.zip.close();
  }

  /** Counts a member against the unpacked-bytes budget before it is inflated. */
  private take(entry: Entry, name: string): void {
    if (entry.uncompressedSize > this.budget.remaining) {
      throw new IngestFailure('zip-bomb', `${this.path} would unpack to more than ${this.limits.maxArchiveBytes} bytes in all (at ${this.path}!/${name}); the file is refused as a likely zip bomb.`);
    }
    this.budget.remaining -= entry.uncompressedSize;
  }
}
