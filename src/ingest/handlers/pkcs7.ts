/**
 * Signed and encrypted files in CMS / PKCS #7 form (src/ingest/cms.ts): `.p7m` (a signed document with its content
 * inside, as Italian and Spanish e-government sign documents, or an encrypted one), `.p7s` (a detached signature).
 * A signed file is read as a listing of its signers, with the signed content a child document read by its own handler
 * ("contract.pdf.p7m" -> "contract.pdf"), carrying who signed it and when. Encrypted containers are refused as
 * `encrypted`. The signatures themselves are not verified.
 */
import { CmsError, describeSigner, looksLikeCms, readCms, signerName, type Signer } from '../cms.js';
import { newDocument, toWarning } from '../document.js';
import { IngestFailure, type FormatHandler } from '../handler.js';

export const pkcs7Handler: FormatHandler = {
  name: 'pkcs7',
  extensions: ['.p7m', '.p7s'],
  container: true,
  sniff: looksLikeCms,
  async read(input) {
    let reading;
    try {
      reading = readCms(input.bytes);
    } catch (err) {
      if (!(err instanceof CmsError)) throw err;
      throw new IngestFailure('corrupt-pkcs7', `${input.path} is not a readable CMS/PKCS #7 file: ${err.message}`);
    }
    if (reading.kind === 'encrypted') {
      throw new IngestFailure('encrypted', `${input.path} is ${reading.what}; ask for the recipient's key or a decrypted copy.`);
    }
    if (reading.kind === 'other') {
      throw new IngestFailure('unsupported-format', `${input.path} holds ${reading.what}, which Cablegraph does not read.`);
    }
    const lines = reading.signers.length ? reading.signers.map((s) => `Signed by ${describeSigner(s)}`) : ['Signed (no signer named)'];
    if (!reading.content) lines.push('Detached signature: the signed document is not inside this file.');
    const meta = signerMeta(reading.signers);
    const doc = newDocument(input, 'pkcs7', lines.join('\n'), { mimeType: input.path.toLowerCase().endsWith('.p7s') ? 'application/pkcs7-signature' : 'application/pkcs7-mime', meta });
    if (reading.content) {
      const path = `${input.path}!/${contentName(input.path)}`;
      try {
        const child = await input.readChild(path, reading.content);
        child.meta = { ...child.meta, ...meta };
        doc.children = [child];
      } catch (err) {
        doc.warnings = [toWarning(path, err)];
      }
    }
    return doc;
  },
};

/** The signers as metadata: `signedBy` ("Jane Roe <jane@example.org>; ...") and the first stated `signedAt`. */
export function signerMeta(signers: Signer[]): Record<string, string> {
  const meta: Record<string, string> = { signature: 'CMS (not verified)' };
  const names = signers.map(signerName).filter(Boolean);
  if (names.length) meta.signedBy = names.join('; ');
  const at = signers.find((s) => s.signedAt)?.signedAt;
  if (at) meta.signedAt = at;
  return meta;
}

/** "contract.pdf.p7m" -> "contract.pdf"; a name without an inner extension gives "content" (read by sniffing). */
function contentName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/^.*!\//, '');
  const inner = base.replace(/\.p7[ms]$/i, '');
  return inner !== base && /\.[a-z0-9]{1,5}$/i.test(inner) ? inner : 'content';
}
