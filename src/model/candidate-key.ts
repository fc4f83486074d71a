/**
 * Candidate keys: what resolution files a document's name under, "<documentId>#<TYPE>:<normalised name>"
 * ("1fd7...#PERSON:qassem soleimani"). Built from what the document says, so a re-extraction gives the same key and
 * user decisions stored against it still apply. This file is the one owner of the format; SQL that rebuilds a key
 * from mention columns uses CANDIDATE_KEY_SQL.
 */

/** The parts of a candidate key. */
export interface CandidateKeyParts {
  documentId: string;
  type: string;
  norm: string;
}

/** The key of a normalised name of `type` in a document. */
export function formatCandidateKey(documentId: string, type: string, norm: string): string {
  return `${documentId}#${type}:${norm}`;
}

/** The parts of a key; a key without "#" is all name (an entity member given by hand as a plain name). */
export function parseCandidateKey(key: string): CandidateKeyParts {
  const hash = key.indexOf('#');
  const rest = hash < 0 ? key : key.slice(hash + 1);
  const colon = rest.indexOf(':');
  return {
    documentId: hash < 0 ? '' : key.slice(0, hash),
    type: colon < 0 ? '' : rest.slice(0, colon),
    norm: colon < 0 ? rest : rest.slice(colon + 1),
  };
}

/** The normalised name inside a key ("<doc>#ORG:islamic state" -> "islamic state"), without building the parts. */
export function candidateKeyNorm(key: string): string {
  return key.slice(key.indexOf(':', key.indexOf('#')) + 1);
}

/** SQL that builds the key of a mentions row (alias `m`: document_id, type, norm), for both engines. */
export const CANDIDATE_KEY_SQL = "m.document_id || '#' || m.type || ':' || m.norm";
