/**
 * The Internet Archive's ARC format (version 1 and 2), WARC's predecessor: a `filedesc://` record describing the file,
 * then one record per capture, each a header line ending in the record's length ("URL IP-address YYYYMMDDhhmmss
 * content-type length", version 2 with more fields before the length) and that many bytes: for HTTP captures the
 * server's response, status line and headers included. Written from the format's published description; warcio
 * (which reads the WARC files) has no ARC reader.
 */
import { count, CutShort, FURNITURE, type Capture, type Tally } from './web-captures.js';

/** "20050614070144" -> "2005-06-14T07:01:44Z". */
function isoDate(stamp: string | undefined): string | undefined {
  const m = stamp?.match(/^(\d{4})(\d\d)(\d\d)(\d\d)?(\d\d)?(\d\d)?$/);
  if (!m) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}Z`;
}

/** Splits an HTTP response into status, media type and body; undefined when the block is not one. */
function httpResponse(block: Uint8Array): { status: number; mediaType: string; body: Uint8Array } | undefined {
  const buffer = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(buffer.toString('latin1', 0, 16));
  if (!status) return undefined;
  let end = buffer.indexOf('\r\n\r\n', 0, 'latin1');
  let gap = 4;
  const lf = buffer.indexOf('\n\n', 0, 'latin1');
  if (end < 0 || (lf >= 0 && lf < end)) [end, gap] = [lf, 2];
  if (end < 0) return { status: Number(status[1]), mediaType: '', body: new Uint8Array() };
  const headers = buffer.toString('latin1', 0, end);
  const type = /^content-type:\s*([^;\r\n]*)/im.exec(headers)?.[1]?.trim().toLowerCase() ?? '';
  return { status: Number(status[1]), mediaType: type, body: block.subarray(end + gap) };
}

/** The captures of an ARC file, in file order; throws CutShort when the file ends inside a record. */
export function* arcCaptures(bytes: Uint8Array, tally: Tally): Generator<Capture> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos < buffer.length) {
    while (pos < buffer.length && (buffer[pos] === 0x0a || buffer[pos] === 0x0d)) pos++;
    if (pos >= buffer.length) break;
    const eol = buffer.indexOf(0x0a, pos);
    const line = buffer.toString('latin1', pos, eol < 0 ? buffer.length : eol).trim();
    const fields = line.split(/\s+/);
    const length = Number(fields.at(-1));
    if (fields.length < 5 || !Number.isInteger(length) || length < 0) throw new Error(`record ${tally.records + 1} has no header line "URL IP date type length" (read "${line.slice(0, 80)}")`);
    tally.records++;
    const start = eol < 0 ? buffer.length : eol + 1;
    const url = fields[0]!;
    if (start + length > buffer.length) throw new CutShort(`(${url}): ${start + length - buffer.length} of its ${length} bytes are missing`);
    pos = start + length;
    const block = bytes.subarray(start, start + length);
    if (url.startsWith('filedesc:')) {
      count(tally, 'other');
      continue;
    }
    const date = isoDate(fields[2]);
    let mediaType = (fields[3] ?? '').toLowerCase();
    let body = block;
    let status: number | undefined;
    if (/^https?:/i.test(url)) {
      const response = httpResponse(block);
      if (response) ({ status, body } = response);
      if (response?.mediaType) mediaType = response.mediaType;
      if (status !== undefined && !(status >= 200 && status < 300)) {
        count(tally, 'notOk');
        continue;
      }
    }
    if (url.startsWith('dns:')) {
      count(tally, 'other');
      continue;
    }
    if (FURNITURE.test(mediaType)) {
      count(tally, 'furniture');
      continue;
    }
    if (body.byteLength === 0) {
      count(tally, 'empty');
      continue;
    }
    yield { bytes: body, url, mediaType, ...(date ? { date } : {}), ...(status === undefined ? {} : { status }) };
  }
}
