/** Calendars (.ics): each event or task becomes a child document (summary, time, place, organiser, attendees, description). */
import type { ExtractedDocument } from '../../model/index.js';
import { parseComponents, unescapeText, first, type Component, type ContentLine } from '../contacts/content-lines.js';
import { decodeText } from '../decode.js';
import { asciiHead, newDocument, sha256Hex } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';

const ITEMS = new Set(['VEVENT', 'VTODO', 'VJOURNAL']);

/** Reads iCalendar files; items are named "calendar.ics#1", "#2" in file order, with their times as metadata. */
export const icalendarHandler: FormatHandler = {
  name: 'icalendar',
  extensions: ['.ics', '.ical', '.ifb'],
  container: true,
  sniff: (head) => /^BEGIN:VCALENDAR\r?\n/i.test(asciiHead(head, 64).replace(/^\xef\xbb\xbf/, '')),
  async read(input) {
    const { text } = decodeText(input.bytes, input.path);
    const calendars = parseComponents(text).filter((c) => c.type === 'VCALENDAR');
    const items = calendars.flatMap((c) => c.children.filter((i) => ITEMS.has(i.type)));
    if (calendars.length === 0) throw new IngestFailure('corrupt-calendar', `${input.path} is not an iCalendar file: no BEGIN:VCALENDAR ... END:VCALENDAR block was found.`);
    const children = items.map((item, i) => itemDocument(input.path, item, i + 1)).filter((d): d is ExtractedDocument => d !== undefined);
    const doc = newDocument(input, 'icalendar', children.map((c) => `${c.meta?.start ?? ''} ${c.title ?? ''}`.trim()).join('\n'), { mimeType: 'text/calendar', children, warnings: [] });
    const name = unescapeText(first(calendars[0]!.lines, 'X-WR-CALNAME')?.value ?? '');
    if (name) doc.title = name;
    return doc;
  },
};

/** A DATE or DATE-TIME value: "20191119", "20191119T100000Z", or local time with TZID. */
interface When {
  iso: string;
  readable: string;
  day: string;
  zone?: string;
}

function parseWhen(line: ContentLine | undefined): When | undefined {
  const m = line?.value.trim().match(/^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/);
  if (!line || !m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (!m[4]) return { iso: day, readable: day, day };
  const time = `${m[4]}:${m[5]}`;
  const zone = m[7] ? 'UTC' : line.params.get('TZID')?.[0];
  return { iso: `${day}T${time}:${m[6]}${m[7] ? 'Z' : ''}`, readable: `${day} ${time}${zone ? ` ${zone}` : ''}`, day, ...(zone ? { zone } : {}) };
}

// "ATTENDEE;CN=Omar Said;PARTSTAT=ACCEPTED:mailto:omar@example.net" -> "Omar Said <omar@example.net> (accepted)".
function person(line: ContentLine, withStatus: boolean): string {
  const address = line.value.replace(/^mailto:/i, '').trim();
  const name = line.params.get('CN')?.[0]?.trim();
  const who = name && address && name.toLowerCase() !== address.toLowerCase() ? `${name} <${address}>` : address || name || '';
  const status = line.params.get('PARTSTAT')?.[0]?.toLowerCase().replace(/-/g, ' ');
  return withStatus && status && status !== 'needs action' ? `${who} (${status})` : who;
}

function itemDocument(path: string, item: Component, n: number): ExtractedDocument | undefined {
  const lines = item.lines;
  const text = (name: string) => unescapeText(first(lines, name)?.value ?? '');
  const summary = text('SUMMARY');
  const start = parseWhen(first(lines, 'DTSTART'));
  const end = parseWhen(first(lines, 'DTEND') ?? first(lines, 'DUE'));
  const location = text('LOCATION');
  const organizer = first(lines, 'ORGANIZER');
  const attendees = lines.filter((l) => l.name === 'ATTENDEE').map((l) => person(l, true)).filter(Boolean);
  const description = text('DESCRIPTION');
  const out: string[] = [];
  if (summary) out.push(/[.!?]$/.test(summary) ? summary : `${summary}.`);
  if (start) out.push(`When: ${start.readable}${end ? ` to ${end.day === start.day ? end.readable.slice(11) : end.readable}` : ''}`);
  const duration = text('DURATION');
  if (duration && !end) out.push(`Duration: ${duration}`);
  const rule = text('RRULE');
  if (rule) out.push(`Repeats: ${rule}`);
  if (location) out.push(`Where: ${location}`);
  if (organizer) out.push(`Organizer: ${person(organizer, false)}`);
  if (attendees.length) out.push(`Attendees: ${attendees.join('; ')}`);
  if (description) out.push('', description);
  if (out.length === 0) return undefined;
  const meta: Record<string, string> = { kind: item.type.slice(1).toLowerCase() };
  if (start) meta.start = start.iso;
  if (end) meta.end = end.iso;
  if (start?.zone) meta.timezone = start.zone;
  if (location) meta.location = location;
  if (organizer) meta.organizer = person(organizer, false);
  if (attendees.length) meta.attendees = attendees.join('; ');
  const uid = text('UID');
  if (uid) meta.uid = uid;
  const body = out.join('\n');
  const original = new TextEncoder().encode(body);
  const doc: ExtractedDocument = { path: `${path}#${n}`, sha256: sha256Hex(original), original, format: 'event', mimeType: 'text/plain', text: body, meta };
  if (summary) doc.title = summary;
  // When the entry was written, for "tomorrow" in its description; else the day it happens.
  const written = parseWhen(first(lines, 'CREATED')) ?? start;
  if (written) doc.published = written.day;
  const author = organizer?.params.get('CN')?.[0]?.trim();
  if (author) doc.author = author;
  return doc;
}
