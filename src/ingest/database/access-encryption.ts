/**
 * Whether an Access file is encrypted with a password. The database definition page (page 0) keeps 128 bytes from
 * offset 0x18 masked with RC4 under a fixed key; once unmasked, the four bytes at 0x3e are the database's encoding key,
 * zero in a file that is not encoded. An ACE file (.accdb, Access 2007 and later: version byte 0x14 >= 2) with a key is
 * encrypted with "Encrypt with Password" (Office's RC4 or AES): mdbtools cannot read it. A Jet file's key only encodes
 * its pages with RC4 under that key (no password), which mdbtools undoes itself, so it is read as usual.
 */

const VERSION_OFFSET = 0x14;
const MASK_START = 0x18;
const MASK_LENGTH = 128;
const MASK_KEY = new Uint8Array([0xc7, 0xda, 0x39, 0x6b]);
const KEY_OFFSET = 0x3e;
const FIRST_ACE_VERSION = 2;

/** True when the file is an ACE database encrypted with a password. */
export function isEncryptedAce(bytes: Uint8Array): boolean {
  if (bytes.byteLength < MASK_START + MASK_LENGTH || bytes[VERSION_OFFSET]! < FIRST_ACE_VERSION) return false;
  const header = rc4(MASK_KEY, bytes.subarray(MASK_START, MASK_START + MASK_LENGTH));
  return header.subarray(KEY_OFFSET - MASK_START, KEY_OFFSET - MASK_START + 4).some((b) => b !== 0);
}

/** RC4 (the cipher Jet uses for the mask): keystream XORed with the data. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256).map((_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.byteLength);
  for (let k = 0, i = 0, j = 0; k < data.byteLength; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}
