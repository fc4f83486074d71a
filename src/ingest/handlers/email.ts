/** E-mail messages (.eml): headers become metadata, the body the text, attachments child documents. */
import { simpleParser, type AddressObject } from 'mailparser';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { findDate } from '../dates.js';
import { IngestFailure, type FormatHandler } from '../handler.js';
import { newDocument, toWarning } from '../document.js';
import { looksLikeEmail } from '../email-headers.js';
import { domToText } from '../html-text.js';
import { parseHTML } from 'linkedom';

/** Reads one RFC 5322 message; an attachment that cannot be read becomes a warning, never a failed message. */
export const emailHandler: FormatHandler = {
  name: 'email',
  extensions: ['.eml', '.email'],
  sniff: looksLikeEmail,
  async read(input) {
    let mail;
    try {
      mail = await simpleParser(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), { skipImageLinks: true });
    } catch (err) {
      throw new IngestFailure('corrupt-email', `${input.path} is not a readable e-mail message: ${(err as Error).message}`);
    }
    const text = (mail.text?.trim() ? mail.text : mail.html ? domToText(parseHTML(mail.html).document) : '').trim();
    const meta: Record<string, string> = {};
    const from = addresses(mail.from);
    if (from) meta.from = from;
    const to = addresses(mail.to);
    if (to) meta.to = to;
    const cc = addresses(mail.cc);
    if (cc) meta.cc = cc;
    if (mail.subject) meta.subject = mail.subject;
    if (mail.messageId) meta.messageId = mail.messageId;
    if (mail.inReplyTo) meta.inReplyTo = mail.inReplyTo;
    // mailparser puts the current time in place of a Date header it cannot parse; only a date the message states counts.
    // A message copied out of Outlook and saved as text has "Sent: Tuesday, November 19, 2019 3:14 PM" instead.
    const dateLine = mail.headerLines.findLast((h) => h.key === 'date') ?? mail.headerLines.findLast((h) => h.key === 'sent');
    const dateHeader = dateLine?.line.replace(/^[a-z]+:\s*/i, '').replace(/\s+/g, ' ');
    const written = dateHeader ? findDate(dateHeader)?.value : undefined;
    if (written && mail.date && !Number.isNaN(mail.date.getTime())) meta.date = mail.date.toISOString();
    const doc = newDocument(input, 'email', text, { mimeType: 'message/rfc822', meta });
    if (mail.subject?.trim()) doc.title = mail.subject.trim();
    const sender = mail.from?.value[0];
    if (sender) doc.author = sender.name || sender.address || '';
    if (!doc.author) delete doc.author;
    const domain = sender?.address?.split('@')[1]?.toLowerCase();
    if (domain) doc.source = domain;
    // The calendar date as the sender wrote it ("Tue, 19 Nov 2019 23:30:00 -0500" is the 19th, though the 20th in UTC):
    // the body's "yesterday" and "on Monday" count from the sender's day.
    if (written) doc.published = written;

    const children: ExtractedDocument[] = [];
    const warnings: IngestError[] = [];
    const used = new Set<string>();
    for (const [i, attachment] of mail.attachments.entries()) {
      // Images shown inside an HTML body are part of its layout, not documents someone attached.
      if (attachment.related && attachment.contentType.startsWith('image/')) continue;
      const path = `${input.path}!/${attachmentName(attachment.filename, attachment.contentType, i + 1, used)}`;
      try {
        children.push(await input.readChild(path, new Uint8Array(attachment.content)));
      } catch (err) {
        warnings.push(toWarning(path, err));
      }
    }
    doc.children = children;
    doc.warnings = warnings;
    return doc;
  },
};

// A forwarded message arrives without a file name; "attachment-2.eml" lets the e-mail handler claim it by extension too.
// Two attachments called "scan.pdf" become "scan.pdf" and "scan-2.pdf", so every child has its own path.
function attachmentName(filename: string | undefined, contentType: string, n: number, used: Set<string>): string {
  const base = filename?.split(/[/\\]/).pop() || `attachment-${n}${contentType === 'message/rfc822' ? '.eml' : ''}`;
  let name = base;
  for (let k = 2; used.has(name); k++) name = base.replace(/(\.[^.]*)?$/, `-${k}$1`);
  used.add(name);
  return name;
}

// "Jane Doe <jane@example.org>, desk@example.net"; group members are listed as plain addresses.
function addresses(value: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!value) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((a) => a.value).flatMap((v) => (v.group ? v.group : [v]));
  const text = list.map((v) => (v.name && v.address ? `${v.name} <${v.address}>` : v.address || v.name)).filter(Boolean).join(', ');
  return text || undefined;
}
