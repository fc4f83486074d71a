/** Document ids, derived from collection and content so the same file in the same collection is stored once. */
import { sha256Hex } from '../model/ids.js';

export { sha256Hex, factId } from '../model/ids.js';

/** A document's id: 16 hex digits derived from its collection and content hash. */
export function documentId(collection: string, sha256: string): string {
  return sha256Hex(`${collection}\u0000${sha256}`).slice(0, 16);
}
