/** Entity members are candidate keys "<documentId>#TYPE:norm"; decisions re-resolve the collection, so ids can change and are found again by member. */
import { parseCandidateKey } from '../../src/model/candidate-key.js';
import { getEntityMembers } from '../api/client.js';

/** "1fd7...#PERSON:qassem soleimani" -> {documentId, type, norm}; a key without "#" is all norm. */
export const parseMember = parseCandidateKey;

/** Members read per request when gathering all of an entity's (the server's page limit). */
const MEMBER_PAGE = 200;

/** Every member key of an entity, read a page at a time (an undo needs all the keys a merge moved). */
export async function allMemberKeys(id: string): Promise<string[]> {
  const keys: string[] = [];
  for (let total = Infinity; keys.length < total;) {
    const page = await getEntityMembers(id, keys.length, MEMBER_PAGE);
    keys.push(...page.items.map((m) => m.key));
    total = page.total;
    if (page.items.length === 0) break;
  }
  return keys;
}
