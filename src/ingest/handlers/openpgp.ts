/**
 * OpenPGP encrypted messages (armored "-----BEGIN PGP MESSAGE-----", or binary starting with a public-key or
 * symmetric-key encrypted session key packet, or an encrypted data packet): unreadable without the key or password,
 * so they fail with "encrypted" and say what is needed, rather than "unsupported-format".
 */
import { IngestFailure, type FormatHandler } from '../handler.js';
import { asciiHead } from '../document.js';

const ARMOR = /^(?:\xef\xbb\xbf)?\s*-----BEGIN PGP MESSAGE-----/;
// Session key and encrypted data packet tags (RFC 4880 §4.3): 1 public-key session key, 3 symmetric-key session key,
// 18 symmetrically encrypted integrity-protected data (and 20, its AEAD successor).
const TAGS = new Set([1, 3, 18, 20]);

/** The tag and body of the first packet, when the head starts with a well-formed OpenPGP packet header. */
function firstPacket(head: Uint8Array): { tag: number; body: Uint8Array } | undefined {
  const b = head[0];
  if (b === undefined || (b & 0x80) === 0) return undefined;
  if (b & 0x40) {
    const tag = b & 0x3f;
    const l = head[1];
    if (l === undefined) return undefined;
    if (l < 192) return { tag, body: head.subarray(2, 2 + l) };
    if (l < 224) return { tag, body: head.subarray(3) };
    if (l === 255) return { tag, body: head.subarray(6) };
    return { tag, body: head.subarray(2) }; // partial body length
  }
  const tag = (b >> 2) & 0x0f;
  const lengthBytes = [1, 2, 4, 0][b & 3]!;
  return { tag, body: head.subarray(1 + lengthBytes) };
}

/** True when the head is a binary OpenPGP encrypted message: a session key packet with its version, or encrypted data. */
export function isBinaryOpenPgp(head: Uint8Array): boolean {
  const p = firstPacket(head);
  if (!p || !TAGS.has(p.tag)) return false;
  const version = p.body[0];
  if (p.tag === 1) return version === 3 || version === 6; // then key id and a known public-key algorithm
  if (p.tag === 3) return (version === 4 || version === 5 || version === 6) && p.body[1] !== undefined && p.body[1] >= 1 && p.body[1] <= 13;
  if (p.tag === 18) return version === 1 || version === 2;
  return version === 1;
}

/** Claims OpenPGP messages only to fail them clearly as "encrypted". */
export const openpgpHandler: FormatHandler = {
  name: 'openpgp',
  extensions: ['.gpg', '.pgp'],
  sniff(head) {
    return ARMOR.test(asciiHead(head, 256)) || isBinaryOpenPgp(head);
  },
  read(input) {
    const armored = ARMOR.test(asciiHead(input.bytes, 256));
    if (!armored && !isBinaryOpenPgp(input.bytes.subarray(0, 64))) {
      return Promise.reject(new IngestFailure('unsupported-format', `${input.path} is named like an OpenPGP file but is not an encrypted OpenPGP message (a key, a signature or another format).`));
    }
    return Promise.reject(new IngestFailure('encrypted', `${input.path} is an OpenPGP-encrypted message${armored ? ' (ASCII-armored)' : ''}; its text cannot be read without the recipient's private key or the password: ask for the key or the password, or for a decrypted copy.`));
  },
};
