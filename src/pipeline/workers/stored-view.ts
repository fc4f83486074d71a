/**
 * A worker runs a document's stages back to back without a trip through the store, so a later stage must be handed
 * an earlier stage's mentions exactly as `Store.listMentions` would return them once stored: tagged with stage and
 * version, absent optional values as undefined, ordered by (start, end, stage), each with its entity id.
 * test/pipeline/stored-view.test.ts compares this with the rows read back from a real store.
 */
import type { Mention, StageOutput } from '../../model/index.js';
import { fallbackEntityId } from '../../store/shared/keys.js';

/**
 * The mentions a document has after `stage` at `version` stored `output`: its earlier mentions of other stages, and
 * the new ones in place of that stage's old ones. Entity ids: the id resolution gave the same candidate key among the
 * earlier mentions (a re-run of a stage on a resolved document), otherwise the per-name id the store falls back to.
 */
export function mentionsAfter(prior: readonly Mention[], collection: string, documentId: string, stage: string, version: string,
  output: StageOutput): Mention[] {
  if (output.mentions === undefined && !prior.some((m) => m.stage === stage)) return prior.slice();
  const resolved = new Map<string, string>();
  for (const m of prior) {
    const key = m.entityKey ?? `${m.documentId}#${m.type}:${m.norm}`;
    if (m.entityId !== undefined) resolved.set(key, m.entityId);
  }
  const kept = prior.filter((m) => m.stage !== stage);
  const added = (output.mentions ?? []).map((m): Mention => {
    const key = m.entityKey ?? `${documentId}#${m.type}:${m.norm}`;
    return {
      documentId, start: m.start, end: m.end, text: m.text, type: m.type, norm: m.norm, confidence: m.confidence ?? undefined,
      entityKey: m.entityKey ?? undefined, entityId: resolved.get(key) ?? fallbackEntityId(collection, key), stage, version,
    };
  });
  // Array sort is stable: equal (start, end, stage) keep their insertion order, as the rows do.
  return [...kept, ...added].sort(byPosition);
}

function byPosition(a: Mention, b: Mention): number {
  return a.start - b.start || a.end - b.end || (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0);
}
