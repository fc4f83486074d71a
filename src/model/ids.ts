/** Deterministic ids: the same content always gets the same id, so re-runs never duplicate and user decisions stay attached. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or a string. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An id for a fact derived from the parts that identify it ("rel_1a2b..."). */
export function factId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_${sha256Hex(parts.join('\u0000')).slice(0, 16)}`;
}
