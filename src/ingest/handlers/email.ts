/** E-mail messages (.eml): headers become metadata, the body the text, attachments child documents. */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { ExtractedDocument, IngestError } from '../../model/index.js';
import { findDate } from '../dates.js';
import { IngestFailure, type FormatHandler, type HandlerInput } from '../handler.js';
import { newDocument, sha256Hex, toWarning } from '../document.js';
import { readCms, type Signer } from '../cms.js';
import { signerMeta } from './pkcs7.js';
import { looksLikeEmail } from '../email-headers.js';
import { domToText } from '../html-text.js';
import { applyMailFields, attachmentName } from '../mail-fields.js';
import { parseHTML } from 'linkedom';

/** Reads one RFC 5322 message; an attachment that cannot be read becomes a warning, never a failed message. */
export const emailHandler: FormatHandler = {
  name: 'email',
  extensions: ['.eml', '.email'],
  sniff: looksLikeEmail,
  read: (input) => readMessage(input, 0),
};

/** Reads one message; `signedLayers` counts the opaque signatures already unwrapped around it. */
async function readMessage(input: HandlerInput, signedLayers: number): Promise<ExtractedDocument> {
  let mail;
  try {
    mail = await simpleParser(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), { skipImageLinks: true });
  } catch (err) {
    throw new IngestFailure('corrupt-email', `${input.path} is not a readable e-mail message: ${(err as Error).message}`);
  }
  refuseEncrypted(input.path, mail.headers.get('content-type'));
  const opaque = opaqueSigned(mail);
  if (opaque) return readOpaqueSigned(input, mail.headerLines, opaque, signedLayers + 1);
  const text = (mail.text?.trim() ? mail.text : mail.html ? domToText(parseHTML(mail.html).document) : '').trim();
  // mailparser puts the current time in place of a Date header it cannot parse; only a date the message states counts.
  // A message copied out of Outlook and saved as text has "Sent: Tuesday, November 19, 2019 3:14 PM" instead.
  const dateLine = mail.headerLines.findLast((h) => h.key === 'date') ?? mail.headerLines.findLast((h) => h.key === 'sent');
  const dateWritten = dateLine?.line.replace(/^[a-z]+:\s*/i, '').replace(/\s+/g, ' ');
  const written = dateWritten ? findDate(dateWritten)?.value : undefined;
  const doc = newDocument(input, 'email', text, { mimeType: 'message/rfc822' });
  const sender = mail.from?.value[0];
  const references = Array.isArray(mail.references) ? mail.references.join(' ') : mail.references;
  applyMailFields(doc, {
    from: addresses(mail.from), to: addresses(mail.to), cc: addresses(mail.cc), subject: mail.subject,
    messageId: mail.messageId, inReplyTo: mail.inReplyTo, references,
    ...(written && mail.date ? { date: mail.date } : {}), ...(dateWritten ? { dateWritten } : {}),
    senderName: sender?.name, senderAddress: sender?.address,
  });

  const children: ExtractedDocument[] = [];
  const warnings: IngestError[] = [];
  const used = new Set<string>();
  for (const [i, attachment] of mail.attachments.entries()) {
    // Images shown inside an HTML body are part of its layout, not documents someone attached.
    if (attachment.related && attachment.contentType.startsWith('image/')) continue;
    // A signature (S/MIME .p7s, PGP .asc) vouches for the message; it is noted, not read as a document.
    const signature = SIGNATURE_TYPES[attachment.contentType.toLowerCase()];
    if (signature) {
      doc.meta = { ...doc.meta, signature };
      continue;
    }
    const path = `${input.path}!/${attachmentName(attachment.filename, attachment.contentType === 'message/rfc822' ? '.eml' : '', i + 1, used)}`;
    try {
      children.push(await input.readChild(path, new Uint8Array(attachment.content)));
    } catch (err) {
      warnings.push(toWarning(path, err));
    }
  }
  doc.children = children;
  doc.warnings = warnings;
  return doc;
}

/**
 * An opaque-signed S/MIME message (application/pkcs7-mime; smime-type=signed-data, "smime.p7m") carries its body inside
 * the signature: the signed MIME entity, when the container reads as signed data.
 */
function opaqueSigned(mail: ParsedMail): { entity: Uint8Array; signers: Signer[] } | undefined {
  const type = mail.headers.get('content-type') as { value?: string } | undefined;
  if (!/^application\/(x-)?pkcs7-mime$/i.test(type?.value ?? '') || mail.attachments.length !== 1) return undefined;
  try {
    const reading = readCms(new Uint8Array(mail.attachments[0]!.content));
    return reading.kind === 'signed' && reading.content ? { entity: reading.content, signers: reading.signers } : undefined;
  } catch {
    return undefined; // not CMS after all: the container is read as an attachment, and fails there with its reason
  }
}

/**
 * Reads the signed entity under the message's own headers (From, To, Subject, Date ...; its Content-* headers give way
 * to the entity's), keeping the file's bytes as the original and noting who signed it. Nested signing is unwrapped up
 * to MAX_SIGNED_LAYERS deep.
 */
async function readOpaqueSigned(input: HandlerInput, headerLines: ParsedMail['headerLines'], signed: { entity: Uint8Array; signers: Signer[] }, layers: number): Promise<ExtractedDocument> {
  if (layers > MAX_SIGNED_LAYERS) throw new IngestFailure('corrupt-email', `${input.path} is signed more than ${MAX_SIGNED_LAYERS} times over; it was not read.`);
  const outer = headerLines.filter((h) => !/^(content-|mime-version$)/i.test(h.key)).map((h) => h.line).join('\r\n');
  const bytes = new Uint8Array(Buffer.concat([Buffer.from(`${outer}\r\n`, 'utf8'), Buffer.from(signed.entity.buffer, signed.entity.byteOffset, signed.entity.byteLength)]));
  const doc = await readMessage({ ...input, bytes }, layers);
  doc.original = input.bytes;
  doc.sha256 = sha256Hex(input.bytes);
  doc.meta = { ...doc.meta, ...signerMeta(signed.signers), signature: 'S/MIME (opaque-signed, not verified)' };
  return doc;
}

const MAX_SIGNED_LAYERS = 3;

const SIGNATURE_TYPES: Record<string, string> = {
  'application/pkcs7-signature': 'S/MIME', 'application/x-pkcs7-signature': 'S/MIME', 'application/pgp-signature': 'OpenPGP',
};

/**
 * An S/MIME-encrypted message (application/pkcs7-mime, enveloped or authenticated-enveloped data) or a PGP/MIME one
 * (multipart/encrypted) holds no readable body: it is refused as encrypted rather than stored empty. Signed messages
 * (multipart/signed, or pkcs7-mime signed-data) are not refused.
 */
function refuseEncrypted(path: string, header: unknown): void {
  const type = header as { value?: string; params?: Record<string, string> } | undefined;
  const value = type?.value?.toLowerCase() ?? '';
  const smime = (type?.params?.['smime-type'] ?? '').toLowerCase();
  if (/^application\/(x-)?pkcs7-mime$/.test(value) && !/signed-data|certs-only|compressed-data/.test(smime)) {
    throw new IngestFailure('encrypted', `${path} is an S/MIME-encrypted message; ask for the recipient's key or a decrypted copy.`);
  }
  if (value === 'multipart/encrypted') {
    throw new IngestFailure('encrypted', `${path} is a PGP/MIME-encrypted message; ask for the recipient's key or a decrypted copy.`);
  }
}

// "Jane Doe <jane@example.org>, desk@example.net"; group members are listed as plain addresses.
function addresses(value: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!value) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((a) => a.value).flatMap((v) => (v.group ? v.group : [v]));
  const text = list.map((v) => (v.name && v.address ? `${v.name} <${v.address}>` : v.address || v.name)).filter(Boolean).join(', ');
  return text || undefined;
}
