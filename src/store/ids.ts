/** Deterministic ids, so the same content in the same collection always gets the same id (re-runs never duplicate). */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or a string. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A document's id: 16 hex digits derived from its collection and content hash. */
export function documentId(collection: string, sha256: string): string {
  return sha256Hex(`${collection}\u0000${sha256}`).slice(0, 16);
}

/** An id for a fact derived from the parts that identify it. */
export function factId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_${sha256Hex(parts.join('\u0000')).slice(0, 16)}`;
}
