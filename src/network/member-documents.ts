/**
 * The documents an entity's merged names were gathered from, by id: the entity page lists only its most relevant
 * documents, so the members' list reads the titles of its own page of keys (a keyed read, at most a page of ids).
 */
import { parseCandidateKey } from '../model/candidate-key.js';
import type { EntityMembersPage } from '../model/index.js';
import type { Scope, Store } from '../store/store.js';

/** Each member of the page with the id, title and path of its document (left out when the scope cannot see it). */
export async function withMemberDocuments(store: Store, page: EntityMembersPage, scope: Scope): Promise<EntityMembersPage> {
  const ids = [...new Set(page.items.map((m) => parseCandidateKey(m.key).documentId).filter((id) => id !== ''))];
  if (ids.length === 0) return page;
  const found = new Map((await store.getDocumentSummaries(ids, scope)).map((d) => [d.id, { id: d.id, title: d.title, path: d.path }]));
  return {
    ...page,
    items: page.items.map((m) => {
      const document = found.get(parseCandidateKey(m.key).documentId);
      return document ? { ...m, document } : m;
    }),
  };
}
