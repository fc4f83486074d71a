/** Outlook messages (.msg): headers become metadata as for .eml, the body the text, attachments (an attached .msg too) children. */
import { decompressRTF } from '@kenjiuno/decompressrtf';
import msgreader, { type FieldsData } from '@kenjiuno/msgreader';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';
import { newDocument, toWarning } from '../document.js';
import { domToText } from '../html-text.js';
import { applyMailFields, attachmentName, threadHeaders } from '../mail-fields.js';
import { rtfToText } from '../rtf-text.js';

const MsgReader = msgreader.default;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// MAPI properties msgreader reads but does not name: PidTagInReplyToId and PidTagInternetReferences.
const IN_REPLY_TO = 0x1042;
const REFERENCES = 0x1039;

/**
 * Reads an Outlook message with msgreader. The OLE handler hands over compound files holding message streams, so a
 * .msg saved under another name is read too; this handler claims the ".msg" extension only.
 */
export const msgHandler: FormatHandler = {
  name: 'msg',
  extensions: ['.msg'],
  sniff: (head) => OLE_SIGNATURE.every((b, i) => head[i] === b),
  async read(input) {
    const thread = new WeakMap<FieldsData, { inReplyTo?: string; references?: string }>();
    let data: FieldsData;
    let reader: InstanceType<typeof MsgReader>;
    try {
      reader = new MsgReader(new DataView(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
      reader.parserConfig = { propertyObserver: (fields, tag, raw) => observeThread(thread, fields, tag, raw) };
      data = reader.getFileData();
    } catch (err) {
      throw corrupt(input, (err as Error).message);
    }
    if (data.error || data.dataType !== 'msg') throw corrupt(input, data.error ?? 'no message properties');
    // "IPM.Note.SMIME" is an encrypted message; "IPM.Note.SMIME.MultipartSigned" is only signed and readable.
    if (/^IPM\.Note\.SMIME$/i.test(data.messageClass ?? '')) {
      throw new IngestFailure('encrypted', `${input.path} is an S/MIME-encrypted Outlook message; ask for the recipient's key or a decrypted copy.`);
    }
    const doc = newDocument(input, 'msg', bodyText(data), { mimeType: 'application/vnd.ms-outlook' });
    const headers = data.headers ? threadHeaders(data.headers) : {};
    const own = thread.get(data) ?? {};
    const senderAddress = smtp(data.senderSmtpAddress, data.senderEmail, data.sentRepresentingSmtpAddress);
    const senderName = unquote(data.senderName);
    const sent = data.clientSubmitTime ?? data.messageDeliveryTime;
    applyMailFields(doc, {
      from: address(senderName, senderAddress),
      to: recipients(data, 'to'),
      cc: recipients(data, 'cc'),
      subject: data.subject,
      messageId: data.messageId ?? headers.messageId,
      inReplyTo: own.inReplyTo ?? headers.inReplyTo,
      references: own.references ?? headers.references,
      ...(sent ? { date: new Date(sent) } : {}),
      ...(headers.date ? { dateWritten: headers.date } : {}),
      senderName,
      senderAddress,
    });
    await readAttachments(input, reader, data, doc);
    return doc;
  },
};

function corrupt(input: HandlerInput, reason: string): IngestFailure {
  return new IngestFailure('corrupt-email', `${input.path} is not a readable Outlook message: ${reason}.`);
}

/** Plain-text body, else the HTML body as text, else the RTF body as text (Outlook keeps more than one for most messages). */
function bodyText(data: FieldsData): string {
  if (data.body?.trim()) return data.body.replace(/\r\n?/g, '\n').trim();
  const html = data.bodyHtml ?? (data.html ? decodeHtml(data.html, data.internetCodepage) : undefined);
  if (html) return domToText(parseHTML(html).document);
  if (!data.compressedRtf) return '';
  try {
    return rtfToText(Buffer.from(decompressRTF(Array.from(data.compressedRtf))).toString('latin1'));
  } catch {
    return '';
  }
}

// The HTML body is stored as bytes in the message's Internet code page (65001 is UTF-8, 1252 Western European ...).
function decodeHtml(bytes: Uint8Array, codepage: number | undefined): string {
  const encoding = codepage && codepage !== 65001 ? `cp${codepage}` : 'utf8';
  return iconv.decode(Buffer.from(bytes), iconv.encodingExists(encoding) ? encoding : 'utf8');
}

function observeThread(thread: WeakMap<FieldsData, { inReplyTo?: string; references?: string }>, fields: FieldsData, tag: number, raw: Uint8Array | null): void {
  const id = tag >>> 16;
  if (!raw || (id !== IN_REPLY_TO && id !== REFERENCES)) return;
  // 0x001F is UTF-16LE, 0x001E an 8-bit string; Message-IDs are ASCII either way.
  const text = ((tag & 0xffff) === 0x1f ? Buffer.from(raw).toString('utf16le') : Buffer.from(raw).toString('latin1')).replace(/\0+$/, '').trim();
  if (!text) return;
  const entry = thread.get(fields) ?? {};
  if (id === IN_REPLY_TO) entry.inReplyTo = text;
  else entry.references = text;
  thread.set(fields, entry);
}

// Exchange addresses ("/O=EXCHANGELABS/OU=...") are not e-mail addresses: the SMTP form is preferred when stored.
function smtp(...candidates: (string | undefined)[]): string | undefined {
  return candidates.find((c) => c?.includes('@') && !c.startsWith('/'))?.trim();
}

// Outlook stores a bare address as a display name in quotes ("'desk@example.org'").
function unquote(name: string | undefined): string | undefined {
  return name?.trim().replace(/^'(.*)'$/, '$1') || undefined;
}

function address(name: string | undefined, addr: string | undefined): string | undefined {
  if (name && addr && name.toLowerCase() !== addr.toLowerCase()) return `${name} <${addr}>`;
  return addr ?? name;
}

function recipients(data: FieldsData, type: 'to' | 'cc'): string | undefined {
  const list = (data.recipients ?? []).filter((r) => (r.recipType ?? 'to') === type)
    .map((r) => address(unquote(r.name), smtp(r.smtpAddress, r.email)))
    .filter((a): a is string => Boolean(a));
  return list.length > 0 ? list.join(', ') : undefined;
}

/** Reads each attachment as a child; images placed inside the HTML body are layout and are skipped. */
async function readAttachments(input: HandlerInput, reader: InstanceType<typeof MsgReader>, data: FieldsData, doc: ExtractedDocument): Promise<void> {
  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  const used = new Set<string>();
  for (const [i, attachment] of (data.attachments ?? []).entries()) {
    if (attachment.attachmentHidden && attachment.pidContentId && /^image\//i.test(attachment.attachMimeTag ?? '')) continue;
    // An attached message has no file name: it is named after its subject ("Budget talks.msg").
    const inner = attachment.innerMsgContent ? (attachment.name || attachment.innerMsgContentFields?.subject || '').replace(/[/\\]/g, '-') : undefined;
    const filename = inner === undefined ? attachment.fileName || attachment.fileNameShort : inner ? `${inner}.msg` : undefined;
    const path = `${input.path}!/${attachmentName(filename, inner === undefined ? '' : '.msg', i + 1, used)}`;
    let content: Uint8Array;
    try {
      content = reader.getAttachment(attachment).content;
    } catch (err) {
      warnings.push({ path, code: 'corrupt-email', message: `${path} could not be taken out of the message: ${(err as Error).message}.` });
      continue;
    }
    try {
      children.push(await input.readChild(path, content));
    } catch (err) {
      warnings.push(toWarning(path, err));
    }
  }
  doc.children = children;
  doc.warnings = warnings;
}
