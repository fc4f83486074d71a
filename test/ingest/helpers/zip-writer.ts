/** A minimal zip writer for tests: stored or deflated members, with sizes that can lie, built in memory. */
import { crc32, deflateRawSync } from 'node:zlib';

/** One member to write. */
export interface ZipEntryInput {
  name: string;
  data: Uint8Array | string;
  /** Deflate the data (default) or store it. */
  deflate?: boolean;
  /** Uncompressed size to write in the headers instead of the real one (to build archives whose headers lie). */
  declaredSize?: number;
  /** Set the "encrypted" flag (the data itself is left as is). */
  encrypted?: boolean;
  /** The name's bytes as an old archiver wrote them, without the UTF-8 flag (`name` is then ignored). */
  rawName?: Uint8Array;
}

/** Builds a zip archive (local headers, data, central directory, end record) from the given members. */
export function writeZip(entries: ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const deflate = entry.deflate ?? true;
    const body = deflate ? deflateRawSync(raw) : raw;
    const name = entry.rawName ? Buffer.from(entry.rawName) : Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const flags = (entry.rawName ? 0 : 0x0800) | (entry.encrypted ? 0x0001 : 0); // UTF-8 names, encryption
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
