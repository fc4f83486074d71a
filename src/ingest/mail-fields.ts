/** One shape for a message's headers, whichever format it came in (.eml, .msg, .emlx, .pst), so search and the reader show them alike. */
import type { ExtractedDocument } from '../model/index.js';
import { findDate } from './dates.js';

/** The headers of one message, as a mail handler found them. */
export interface MailFields {
  /** "Jane Doe <jane@example.org>". */
  from?: string;
  /** Comma-separated addresses, each "Name <address>" or a bare address. */
  to?: string;
  cc?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  /** Message-IDs of the thread, separated by spaces. */
  references?: string;
  /** When the message was sent; ignored when invalid. */
  date?: Date;
  /** The date as the sender wrote it ("Tue, 19 Nov 2019 23:30:00 -0500"): its calendar day becomes `published`. */
  dateWritten?: string;
  senderName?: string;
  senderAddress?: string;
}

/**
 * Sets meta (from, to, cc, subject, messageId, inReplyTo, references, date), title, author, source (the sender's
 * domain) and published on a message's document.
 */
export function applyMailFields(doc: ExtractedDocument, fields: MailFields): void {
  const meta: Record<string, string> = { ...doc.meta };
  for (const key of ['from', 'to', 'cc', 'subject', 'messageId', 'inReplyTo', 'references'] as const) {
    const value = fields[key]?.trim();
    if (value) meta[key] = value;
  }
  const written = fields.dateWritten ? findDate(fields.dateWritten.replace(/\s+/g, ' '))?.value : undefined;
  const valid = fields.date && !Number.isNaN(fields.date.getTime()) ? fields.date : undefined;
  if (valid) meta.date = valid.toISOString();
  doc.meta = meta;
  const subject = fields.subject?.trim();
  if (subject) doc.title = subject;
  const author = fields.senderName?.trim() || fields.senderAddress?.trim();
  if (author) doc.author = author;
  const domain = fields.senderAddress?.split('@')[1]?.trim().toLowerCase();
  if (domain) doc.source = domain;
  // The calendar date as the sender wrote it ("Tue, 19 Nov 2019 23:30:00 -0500" is the 19th, though the 20th in UTC):
  // the body's "yesterday" and "on Monday" count from the sender's day. Without it, the UTC day of a stated time.
  const published = written ?? (fields.dateWritten === undefined && valid ? valid.toISOString().slice(0, 10) : undefined);
  if (published) doc.published = published;
}

// A forwarded message arrives without a file name; "attachment-2.eml" lets the e-mail handler claim it by extension too.
// Two attachments called "scan.pdf" become "scan.pdf" and "scan-2.pdf", so every child has its own path.
/** A safe, unique child name for an attachment: its own base name, else "attachment-<n><fallbackExt>". */
export function attachmentName(filename: string | undefined, fallbackExt: string, n: number, used: Set<string>): string {
  const base = filename?.split(/[/\\]/).pop()?.replace(/^\.+$/, '') || `attachment-${n}${fallbackExt}`;
  let name = base;
  for (let k = 2; used.has(name); k++) name = base.replace(/(\.[^.]*)?$/, `-${k}$1`);
  used.add(name);
  return name;
}

/** Reads Message-ID, In-Reply-To and References from a raw header block (RFC 5322, folded lines joined). */
export function threadHeaders(block: string): Pick<MailFields, 'messageId' | 'inReplyTo' | 'references'> & { date?: string } {
  const out: Pick<MailFields, 'messageId' | 'inReplyTo' | 'references'> & { date?: string } = {};
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim().replace(/\s+/g, ' ');
    if (!value) continue;
    if (key === 'message-id') out.messageId ??= value;
    else if (key === 'in-reply-to') out.inReplyTo ??= value;
    else if (key === 'references') out.references ??= value;
    else if (key === 'date') out.date ??= value;
  }
  return out;
}
