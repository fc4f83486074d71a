/** Entity members are candidate keys "<documentId>#TYPE:norm"; decisions re-resolve the collection, so ids can change and are found again by member. */
import { parseCandidateKey } from '../../src/model/candidate-key.js';
import { listEntities } from '../api/client.js';

/** "1fd7...#PERSON:qassem soleimani" -> {documentId, type, norm}; a key without "#" is all norm. */
export const parseMember = parseCandidateKey;

/** The id of the entity that now holds `member`, looked up by its name; null when none does. */
export async function findEntityByMember(member: string, name: string): Promise<string | null> {
  for (const q of [name, parseMember(member).norm]) {
    if (!q.trim()) continue;
    const page = await listEntities({ q, limit: 200, offset: 0 });
    const found = page.items.find((e) => e.members.includes(member));
    if (found) return found.id;
  }
  return null;
}
