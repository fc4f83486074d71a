// Writes a small Outlook .msg (MS-OXMSG in an MS-CFB compound file) with msgreader's own CFB burner, so a test can
// state the headers it asserts: string properties as UTF-16 "__substg1.0_XXXX001F" streams, fixed ones (dates,
// recipient type) in "__properties_version1.0", recipients and attachments in their own storages.
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';

/** What the test message holds. */
export interface MsgSpec {
  subject: string;
  /** Plain-text body; absent, the message has only `rtf`. */
  body?: string;
  /** An RTF body, stored as PidTagRtfCompressed in its uncompressed ("MELA") form. */
  rtf?: string;
  senderName: string;
  senderAddress: string;
  /** ISO time sent. */
  sent: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  recipients: { name: string; address: string; type: 'to' | 'cc' }[];
  attachments?: { name: string; data: Uint8Array }[];
}

const DIRECTORY = 1;
const DOCUMENT = 2;
const ROOT = 5;

/** The bytes of a .msg file holding `spec`. */
export function writeMsg(spec: MsgSpec): Uint8Array {
  const entries: Entry[] = [{ name: 'Root Entry', type: ROOT, length: 0, children: [] }];
  const add = (parent: number, entry: Entry): number => {
    entries.push(entry);
    entries[parent]!.children!.push(entries.length - 1);
    return entries.length - 1;
  };
  const file = (parent: number, name: string, data: Uint8Array) => add(parent, { name, type: DOCUMENT, length: data.length, binaryProvider: () => data });
  const text = (parent: number, id: number, value: string) => file(parent, `__substg1.0_${hex4(id)}001F`, new Uint8Array(Buffer.from(value, 'utf16le')));

  const recipients = spec.recipients.length;
  const attachments = spec.attachments?.length ?? 0;
  file(0, '__properties_version1.0', properties(32, [recipients, attachments, recipients, attachments], [[0x00390040, filetime(spec.sent)]]));
  text(0, 0x001a, 'IPM.Note');
  text(0, 0x0037, spec.subject);
  if (spec.body !== undefined) text(0, 0x1000, spec.body);
  if (spec.rtf !== undefined) file(0, '__substg1.0_10090102', compressedRtf(spec.rtf));
  text(0, 0x0c1a, spec.senderName);
  text(0, 0x5d01, spec.senderAddress);
  if (spec.messageId) text(0, 0x1035, spec.messageId);
  if (spec.inReplyTo) text(0, 0x1042, spec.inReplyTo);
  if (spec.references) text(0, 0x1039, spec.references);
  spec.recipients.forEach((r, i) => {
    const dir = add(0, { name: `__recip_version1.0_#${hex8(i)}`, type: DIRECTORY, length: 0, children: [] });
    file(dir, '__properties_version1.0', properties(8, [], [[0x0c150003, int64(r.type === 'to' ? 1 : 2)]]));
    text(dir, 0x3001, r.name);
    text(dir, 0x39fe, r.address);
  });
  spec.attachments?.forEach((a, i) => {
    const dir = add(0, { name: `__attach_version1.0_#${hex8(i)}`, type: DIRECTORY, length: 0, children: [] });
    file(dir, '__properties_version1.0', properties(8, [], [[0x37050003, int64(1)]]));
    text(dir, 0x3707, a.name);
    file(dir, '__substg1.0_37010102', a.data);
  });
  return burn(entries);
}

// Header (reserved bytes, then for the message: next recipient id, next attachment id, recipient and attachment
// counts), then 16 bytes per property: tag, flags (readable | writable), 8 bytes of value.
function properties(headerBytes: number, header: number[], props: [number, Uint8Array][]): Uint8Array {
  const out = Buffer.alloc(headerBytes + 16 * props.length);
  header.forEach((v, i) => out.writeUInt32LE(v, 8 + 4 * i));
  props.forEach(([tag, value], i) => {
    out.writeUInt32LE(tag, headerBytes + 16 * i);
    out.writeUInt32LE(6, headerBytes + 16 * i + 4);
    out.set(value, headerBytes + 16 * i + 8);
  });
  return new Uint8Array(out);
}

// MS-OXRTFCP header: compressed size (from the next field on), raw size, "MELA" (not compressed), CRC (0 when not compressed).
function compressedRtf(rtf: string): Uint8Array {
  const raw = Buffer.from(rtf, 'latin1');
  const header = Buffer.alloc(16);
  header.writeUInt32LE(raw.length + 12, 0);
  header.writeUInt32LE(raw.length, 4);
  header.writeUInt32LE(0x414c454d, 8);
  return new Uint8Array(Buffer.concat([header, raw]));
}

// FILETIME: 100-ns intervals since 1601-01-01.
function filetime(iso: string): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE((BigInt(Date.parse(iso)) + 11_644_473_600_000n) * 10_000n);
  return new Uint8Array(out);
}

function int64(n: number): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeUInt32LE(n);
  return new Uint8Array(out);
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
