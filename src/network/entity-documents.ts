/**
 * The documents naming an entity, a page at a time, most relevant first (most mentions of the entity, then the newest):
 * the entity page lists the first ENTITY_DOCUMENTS; GET /api/entities/:id/documents pages through the rest.
 */
import type { EntityDocument, EntityDocumentsPage, ResolvedEntityRecord } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';

/**
 * Documents `offset` to `offset + limit` of entity `id` and how many there are, or null when the entity is absent or
 * outside the scope. A resolved entity's documents are ranked by the store from its member keys and only the page's
 * summaries are read; a per-name entity (no member keys) has its documents read whole, newest first, uncounted.
 * `entity` skips reading the entity again when the caller has it (the entity page).
 */
export async function entityDocuments(store: Store, id: string, scope: Scope, offset: number, limit: number,
  entity?: Pick<ResolvedEntityRecord, 'documentIds'>): Promise<EntityDocumentsPage | null> {
  const ranked = await store.rankEntityDocuments(id, scope, offset, limit);
  if (ranked.total > 0) {
    const counts = new Map(ranked.items.map((r) => [r.id, r.mentions]));
    const items = (await store.getDocumentSummaries(ranked.items.map((r) => r.id), scope)).map((d): EntityDocument => ({ ...d, mentions: counts.get(d.id) ?? null }));
    return { items, total: ranked.total };
  }
  const known = entity ?? (await store.getEntityHead(id, scope, 0))?.entity;
  if (!known) return null;
  const all = await store.getDocumentSummaries(known.documentIds, scope);
  all.sort((a, b) => (a.published ?? '') < (b.published ?? '') ? 1 : (a.published ?? '') > (b.published ?? '') ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { items: all.slice(offset, offset + limit).map((d) => ({ ...d, mentions: null })), total: all.length };
}
