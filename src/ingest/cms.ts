/**
 * CMS / PKCS #7 containers (RFC 5652), parsed with PeculiarVentures' asn1js and pkijs: signed files (.p7m: Italian
 * "firma digitale", S/MIME opaque-signed mail), detached signatures (.p7s) and encrypted (enveloped) data. What a signed
 * container holds is read; who signed it and when is reported from the signer's certificate and signed attributes.
 * Signatures are not verified: the signer is the one the container names.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** One signer: name, e-mail address and organisation from the certificate, and the signing time it states. */
export interface Signer { name?: string; email?: string; organisation?: string; signedAt?: string }

/** What a CMS container is. */
export type CmsReading =
  | { kind: 'signed'; content: Uint8Array | undefined; signers: Signer[] }
  | { kind: 'encrypted'; what: string }
  | { kind: 'other'; what: string };

/** The content is not CMS at all, or is damaged. */
export class CmsError extends Error {}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  compressedData: '1.2.840.113549.1.9.16.1.9',
  signingTime: '1.2.840.113549.1.9.5',
  email: '1.2.840.113549.1.9.1',
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  organisation: '2.5.4.10',
};

/** The DER encoding of the signed-data and enveloped-data content types, as a ContentInfo starts with one of them. */
const CONTENT_TYPE_OIDS = [OID.signedData, OID.envelopedData, OID.authEnvelopedData].map((oid) => new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER()));

/** Whether `head` starts like a DER/BER ContentInfo of signed or enveloped data (a SEQUENCE, then the content type). */
export function looksLikeCms(head: Uint8Array): boolean {
  if (head[0] !== 0x30) return false;
  // The content type follows the SEQUENCE's length: 1 byte (short form or 0x80 indefinite) or 1 + up to 4 bytes.
  const lengthBytes = head[1]! < 0x80 || head[1] === 0x80 ? 1 : 1 + (head[1]! & 0x7f);
  const at = 1 + lengthBytes;
  return CONTENT_TYPE_OIDS.some((oid) => oid.every((b, i) => head[at + i] === b));
}

/** DER bytes from a file that may hold the container as PEM ("-----BEGIN PKCS7-----") or bare base64 text. */
export function cmsBytes(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024 * 1024)).toString('latin1');
  const body = text.replace(/-----(?:BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
  if (body.length < 16 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return bytes;
  const decoded = new Uint8Array(Buffer.from(body, 'base64'));
  return decoded[0] === 0x30 ? decoded : bytes;
}

/** Parses a CMS ContentInfo; throws CmsError when the bytes are not one. */
export function readCms(bytes: Uint8Array): CmsReading {
  const der = cmsBytes(bytes);
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new CmsError(`not ASN.1 (${parsed.result.error || 'damaged encoding'})`);
  let info: pkijs.ContentInfo;
  try {
    info = new pkijs.ContentInfo({ schema: parsed.result });
  } catch (err) {
    throw new CmsError(`not a CMS/PKCS #7 container (${(err as Error).message})`);
  }
  switch (info.contentType) {
    case OID.signedData:
      return readSigned(info);
    case OID.envelopedData:
    case OID.authEnvelopedData:
      return { kind: 'encrypted', what: 'encrypted for its recipients (CMS enveloped data)' };
    case OID.encryptedData:
      return { kind: 'encrypted', what: 'encrypted with a password or shared key (CMS encrypted data)' };
    case OID.compressedData:
      return { kind: 'other', what: 'CMS compressed data' };
    default:
      return { kind: 'other', what: `CMS content of type ${info.contentType}` };
  }
}

function readSigned(info: pkijs.ContentInfo): CmsReading {
  let signed: pkijs.SignedData;
  try {
    signed = new pkijs.SignedData({ schema: info.content });
  } catch (err) {
    throw new CmsError(`damaged signed data (${(err as Error).message})`);
  }
  const eContent = signed.encapContentInfo.eContent;
  // getValue() joins the pieces of a constructed (BER, indefinite-length) OCTET STRING.
  const content = eContent ? new Uint8Array(eContent.getValue()) : undefined;
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signers = signed.signerInfos.map((si) => {
    const sid = si.sid as unknown;
    const cert = sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer))
      : certificates.length === 1 ? certificates[0] : undefined;
    return { ...(cert ? subjectOf(cert) : {}), ...signingTime(si) };
  });
  return { kind: 'signed', content: content && content.byteLength > 0 ? content : undefined, signers };
}

function subjectOf(cert: pkijs.Certificate): Omit<Signer, 'signedAt'> {
  const field = (oid: string): string | undefined => {
    const v = cert.subject.typesAndValues.find((t) => t.type === oid)?.value.valueBlock.value as unknown;
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const given = field(OID.givenName);
  const surname = field(OID.surname);
  const full = given && surname ? `${given} ${surname}` : undefined;
  // A common name that is an identifier (some national signing cards) gives way to the given name and surname.
  const cn = field(OID.commonName);
  const name = cn && !/^[A-Z0-9/+=]{20,}$/i.test(cn) ? cn : full ?? cn;
  const out: Omit<Signer, 'signedAt'> = {};
  if (name) out.name = name;
  const email = field(OID.email) ?? emailFromAltNames(cert);
  if (email) out.email = email;
  const organisation = field(OID.organisation);
  if (organisation) out.organisation = organisation;
  return out;
}

function emailFromAltNames(cert: pkijs.Certificate): string | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.17');
  const names = (ext?.parsedValue as pkijs.AltName | undefined)?.altNames ?? [];
  const rfc822 = names.find((n) => n.type === 1)?.value as unknown;
  return typeof rfc822 === 'string' ? rfc822 : undefined;
}

function signingTime(si: pkijs.SignerInfo): Pick<Signer, 'signedAt'> {
  const attr = si.signedAttrs?.attributes.find((a) => a.type === OID.signingTime);
  const value = attr?.values[0] as { toDate?: () => Date } | undefined;
  const date = value?.toDate?.();
  return date && !Number.isNaN(date.getTime()) ? { signedAt: date.toISOString() } : {};
}

/** "Jane Roe <jane@example.org>", the address alone, or '' when the certificate names neither. */
export function signerName(s: Signer): string {
  return [s.name, s.email && (s.name ? `<${s.email}>` : s.email)].filter(Boolean).join(' ');
}

/** "Jane Roe <jane@example.org> (Example Ltd), signed 2019-01-24T13:42:25.000Z" */
export function describeSigner(s: Signer): string {
  const who = [signerName(s), s.organisation && `(${s.organisation})`].filter(Boolean).join(' ') || 'an unnamed signer';
  return s.signedAt ? `${who}, signed ${s.signedAt}` : who;
}
