/** Reads zip members into memory (never to disk) while defending against zip bombs and path traversal. */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { IngestFailure, type IngestLimits } from './handler.js';
import { decodeLegacyName, isWellFormedUtf8 } from './decode.js';

/** One member read from an archive. */
export interface ZipMember {
  /** Path inside the archive, with forward slashes. */
  name: string;
  bytes: Uint8Array;
}

/** A member that could not be read, while the rest of the archive could. */
export interface ZipMemberFailure {
  name: string;
  error: IngestFailure;
}

// Small members compress extremely well when they are padding or repeated text; the ratio test starts above this size.
const RATIO_MIN_BYTES = 1024 * 1024;

/**
 * Reads every file member of a zip held in memory, calling onMember for each in archive order; budget counts the bytes
 * unpacked so far by this archive and those around it. Throws IngestFailure
 * "zip-bomb", "zip-slip", "too-many-entries" or "corrupt-archive" for the archive as a whole; a member that only
 * fails on its own (encrypted, damaged) is passed to onFailure and the rest are read. With overRatio "skip" (office
 * packages, whose metafile drawings of blank space compress 600-fold) a member over the expansion ratio is passed to
 * onFailure without being inflated, instead of refusing the whole file.
 */
export async function readZip(
  path: string,
  bytes: Uint8Array,
  limits: IngestLimits,
  onMember: (member: ZipMember) => Promise<void>,
  onFailure: (failure: ZipMemberFailure) => void,
  budget: { remaining: number } = { remaining: limits.maxArchiveBytes },
  overRatio: 'refuse' | 'skip' = 'refuse',
): Promise<void> {
  const zip = await openZip(path, bytes);
  if (zip.entryCount > limits.maxArchiveEntries) {
    zip.close();
    throw new IngestFailure('too-many-entries', `${path} has ${zip.entryCount} entries, more than the limit of ${limits.maxArchiveEntries}.`);
  }
  try {
    for (let entry = await nextEntry(zip, path); entry; entry = await nextEntry(zip, path)) {
      const name = memberName(entry);
      checkName(path, name);
      if (name.endsWith('/')) continue;
      const ratio = checkDeclaredSize(path, entry, limits, budget.remaining, overRatio === 'refuse');
      if (ratio) {
        onFailure({ name, error: ratio });
        continue;
      }
      // A big but honest member (a video in a leak) is skipped without inflating it; the rest of the archive is read.
      if (entry.uncompressedSize > limits.maxFileBytes) {
        onFailure({ name, error: new IngestFailure('too-large', `${path}!/${name} is ${entry.uncompressedSize} bytes, more than the ${limits.maxFileBytes}-byte limit for one file; it was skipped.`) });
        continue;
      }
      budget.remaining -= entry.uncompressedSize;
      let data: Uint8Array;
      try {
        data = await readEntry(zip, entry, `${path}!/${name}`);
      } catch (err) {
        if (err instanceof IngestFailure && err.code === 'zip-bomb') throw err;
        onFailure({ name, error: err instanceof IngestFailure ? err : new IngestFailure('corrupt-archive', `${path}!/${name} could not be read: ${String((err as Error).message ?? err)}`) });
        continue;
      }
      await onMember({ name, bytes: data });
    }
  } finally {
    zip.close();
  }
}

export function openZip(path: string, bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    // Sizes are checked by our own counter below, so yauzl's check is off. Names come as bytes: yauzl reads a name
    // without the UTF-8 flag as IBM PC (cp437), which garbles the Shift-JIS, GBK or UTF-8 names many tools write;
    // memberName decodes them and checkName refuses unsafe ones.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: false, decodeStrings: false }, (err, zip) => {
      if (err || !zip) reject(new IngestFailure('corrupt-archive', `${path} is not a readable zip archive: ${err?.message ?? 'unknown error'}.`));
      else resolve(zip);
    });
  });
}

export function nextEntry(zip: ZipFile, path: string): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => { zip.removeListener('entry', onEntry); zip.removeListener('end', onEnd); zip.removeListener('error', onError); };
    const onEntry = (entry: Entry) => { cleanup(); resolve(entry); };
    const onEnd = () => { cleanup(); resolve(null); };
    const onError = (err: Error) => { cleanup(); reject(archiveError(path, err)); };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

// yauzl refuses unsafe names itself ("absolute path: /etc/passwd", "invalid relative path: ../x"); say so in our terms.
function archiveError(path: string, err: Error): IngestFailure {
  const unsafe = err.message.match(/^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/);
  if (unsafe) return zipSlip(path, unsafe[1]!);
  return new IngestFailure('corrupt-archive', `${path} is a damaged zip archive: ${err.message}.`);
}

function zipSlip(path: string, name: string): IngestFailure {
  return new IngestFailure('zip-slip', `${path} contains an entry that points outside the archive ("${name}"); the archive is refused.`);
}

export function checkName(path: string, name: string): void {
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-z]:/i.test(name) || name.split(/[/\\]/).includes('..')) throw zipSlip(path, name);
}

// Info-ZIP "Unicode Path" extra field: version 1, CRC of the header name, then the UTF-8 name.
const UNICODE_PATH_FIELD = 0x7075;

/** A member's name: UTF-8 when flagged or given in the Unicode Path field or well-formed, else the likeliest code page. */
export function memberName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if (typeof raw === 'string') return raw;
  let name: string;
  const unicode = entry.extraFields.find((f) => f.id === UNICODE_PATH_FIELD && f.data.length > 5 && f.data[0] === 1);
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) name = raw.toString('utf8');
  else if (unicode) name = unicode.data.subarray(5).toString('utf8');
  else if (isWellFormedUtf8(raw)) name = raw.toString('utf8');
  else name = decodeLegacyName(raw);
  // Some Windows tools write backslashes; members are paths with forward slashes here.
  return name.replace(/\\/g, '/');
}

/** Throws when the member would break the budget, or its ratio when refuse; returns the ratio's failure otherwise. */
export function checkDeclaredSize(path: string, entry: Entry, limits: IngestLimits, remaining: number, refuse: boolean): IngestFailure | undefined {
  const size = entry.uncompressedSize;
  const where = `${path}!/${memberName(entry)}`;
  if (size > remaining) {
    throw new IngestFailure('zip-bomb', `${path} would unpack to more than ${limits.maxArchiveBytes} bytes in all (at ${where}); the archive is refused as a likely zip bomb.`);
  }
  const ratio = size / Math.max(1, entry.compressedSize);
  if (size > RATIO_MIN_BYTES && ratio > limits.maxCompressionRatio) {
    if (!refuse) return new IngestFailure('zip-bomb', `${where} expands ${Math.round(ratio)}-fold (limit ${limits.maxCompressionRatio}); that part was skipped unread.`);
    throw new IngestFailure('zip-bomb', `${where} expands ${Math.round(ratio)}-fold (limit ${limits.maxCompressionRatio}); the archive is refused as a likely zip bomb.`);
  }
  return undefined;
}

/** Inflates one member, counting bytes: a member that inflates past its declared size is lying and is refused. */
export function readEntry(zip: ZipFile, entry: Entry, where: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        const encrypted = /encrypted/i.test(err?.message ?? '');
        reject(new IngestFailure(encrypted ? 'encrypted' : 'corrupt-archive', encrypted
          ? `${where} is encrypted; give the password-free file instead.`
          : `${where} could not be opened: ${err?.message ?? 'unknown error'}.`));
        return;
      }
      const chunks: Buffer[] = [];
      let count = 0;
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > entry.uncompressedSize) {
          stream.destroy();
          reject(new IngestFailure('zip-bomb', `${where} inflates to more than the ${entry.uncompressedSize} bytes its header declares; the archive is refused as a likely zip bomb.`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) => reject(new IngestFailure('corrupt-archive', `${where} is damaged: ${e.message}.`)));
      stream.on('end', () => {
        if (count < entry.uncompressedSize) {
          reject(new IngestFailure('corrupt-archive', `${where} is truncated: ${count} of ${entry.uncompressedSize} bytes.`));
        } else resolve(new Uint8Array(Buffer.concat(chunks)));
      });
    });
  });
}

/**
 * The member names of a zip held in memory, read from its central directory without inflating anything (ZIP64
 * included); [] when there is no readable directory. For telling what a zip holds before reading it.
 */
export function zipNames(bytes: Uint8Array): string[] {
  return zipDirectory(bytes).map((e) => e.name);
}

/**
 * The central directory of a zip held in memory: each member's name and declared uncompressed size (ZIP64 sizes read as
 * "at least 4 GiB"), without inflating anything; [] when there is no readable directory.
 */
export function zipDirectory(bytes: Uint8Array): { name: string; size: number }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf('PK\x05\x06', undefined, 'latin1');
  if (eocd < 0 || eocd + 22 > buf.length) return [];
  let count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  // ZIP64: the locator just before the end record points at the ZIP64 end record, which holds the real values.
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(buf.readBigUInt64LE(eocd - 12));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) return [];
    count = Number(buf.readBigUInt64LE(z + 32));
    at = Number(buf.readBigUInt64LE(z + 48));
  }
  const entries: { name: string; size: number }[] = [];
  for (let i = 0; i < count && at + 46 <= buf.length && buf.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), size: buf.readUInt32LE(at + 24) });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}
