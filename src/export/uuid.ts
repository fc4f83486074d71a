/** Name-based UUIDs (RFC 4122 version 5, SHA-1), so the same fact always gets the same STIX id. */
import { createHash } from 'node:crypto';

/** RFC 4122's URL namespace, used to derive our own. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A version-5 UUID of a name given in parts (the UUID of their concatenation), hashed as they come. */
export class Uuid5 {
  private readonly hash;
  constructor(namespace: string) {
    const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
    this.hash = createHash('sha1').update(ns);
  }

  update(part: string): this {
    this.hash.update(part, 'utf8');
    return this;
  }

  digest(): string {
    const bytes = this.hash.digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** The version-5 UUID of `name` in `namespace` (a UUID string). */
export function uuidv5(namespace: string, name: string): string {
  return new Uuid5(namespace).update(name).digest();
}

/** The namespace of every STIX id Cablegraph writes. */
export const CABLEGRAPH_NAMESPACE = uuidv5(URL_NAMESPACE, 'https://github.com/cablegraph/cablegraph#stix');
