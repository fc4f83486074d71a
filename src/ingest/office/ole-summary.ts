/**
 * Title, author and creation time from the "\x05SummaryInformation" stream every legacy Office file carries (an OLE
 * property set, [MS-OLEPS]); read here because LibreOffice's PDF export stamps its own conversion time as the date.
 */
import iconv from 'iconv-lite';

/** What the property set says; each field only when present and not blank. */
export interface SummaryInfo {
  title?: string;
  author?: string;
  /** Creation time, ISO 8601 in UTC ("2019-11-20T08:25:00.000Z"). */
  created?: string;
}

const PID_CODEPAGE = 1;
const PID_TITLE = 2;
const PID_AUTHOR = 4;
const PID_CREATED = 12;
const VT_I2 = 0x02;
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
const VT_FILETIME = 0x40;
// 100-nanosecond ticks between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n;

/** Reads the summary property set; returns {} for a stream too damaged to read rather than failing the document. */
export function readSummaryInfo(stream: Uint8Array | undefined): SummaryInfo {
  if (!stream || stream.byteLength < 48) return {};
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  try {
    // Header: byte order 0xFFFE, version, system, CLSID, number of sets (at 24), then the first set's FMTID and offset.
    if (view.getUint16(0, true) !== 0xfffe || view.getUint32(24, true) < 1) return {};
    const set = view.getUint32(44, true);
    const count = Math.min(view.getUint32(set + 4, true), 1000);
    const values = new Map<number, number>();
    for (let i = 0; i < count; i++) values.set(view.getUint32(set + 8 + i * 8, true), set + view.getUint32(set + 12 + i * 8, true));
    const codepage = numberAt(view, values.get(PID_CODEPAGE)) ?? 1252;
    const out: SummaryInfo = {};
    const title = stringAt(view, stream, values.get(PID_TITLE), codepage);
    const author = stringAt(view, stream, values.get(PID_AUTHOR), codepage);
    const created = timeAt(view, values.get(PID_CREATED));
    if (title) out.title = title;
    if (author) out.author = author;
    if (created) out.created = created;
    return out;
  } catch {
    // An offset pointing outside the stream: a damaged property set says nothing.
    return {};
  }
}

function numberAt(view: DataView, at: number | undefined): number | undefined {
  if (at === undefined || view.getUint16(at, true) !== VT_I2) return undefined;
  // Code pages above 32767 (65001 for UTF-8) are stored as a signed 16-bit value.
  return view.getUint16(at + 4, true);
}

function stringAt(view: DataView, stream: Uint8Array, at: number | undefined, codepage: number): string | undefined {
  if (at === undefined) return undefined;
  const type = view.getUint16(at, true);
  const length = view.getUint32(at + 4, true);
  if (length > stream.byteLength) return undefined;
  let text: string;
  if (type === VT_LPWSTR || (type === VT_LPSTR && codepage === 1200)) {
    // VT_LPWSTR counts characters; a VT_LPSTR in code page 1200 counts bytes.
    const bytes = type === VT_LPWSTR ? length * 2 : length;
    text = Buffer.from(stream.buffer, stream.byteOffset + at + 8, bytes).toString('utf16le');
  } else if (type === VT_LPSTR) {
    const bytes = stream.subarray(at + 8, at + 8 + length);
    const encoding = codepage === 65001 ? 'utf8' : iconv.encodingExists(`cp${codepage}`) ? `cp${codepage}` : 'cp1252';
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  } else {
    return undefined;
  }
  return text.replace(/\0[\s\S]*$/, '').trim() || undefined;
}

function timeAt(view: DataView, at: number | undefined): string | undefined {
  if (at === undefined || view.getUint16(at, true) !== VT_FILETIME) return undefined;
  const ticks = view.getBigUint64(at + 4, true);
  // Zero means "never set"; Word also writes small values for durations in other fields, never for a creation time.
  if (ticks <= FILETIME_UNIX_EPOCH) return undefined;
  const ms = Number((ticks - FILETIME_UNIX_EPOCH) / 10_000n);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() > 2200 ? undefined : date.toISOString();
}
