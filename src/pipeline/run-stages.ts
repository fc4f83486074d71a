/** Runs extraction stages over stored documents, skipping documents that already have the stage's current version. */
import type { Stage } from '../model/index.js';
import type { Store, Scope } from '../store/store.js';

const PAGE = 500;

/**
 * Runs each stage on the given documents, or on every document in scope whose stored output is missing or from another
 * version; `force` re-runs it even where the version is current. Returns the number of (stage, document) runs.
 */
export async function runStages(store: Store, stages: Stage[], scope: Scope, documentIds?: string[], force = false): Promise<number> {
  if (stages.length === 0) return 0;
  let ran = 0;
  const ids = documentIds ?? (await allDocumentIds(store, scope));
  for (const stage of stages) {
    const versions = await store.stageVersions(stage.name);
    for (const id of ids) {
      if (!force && versions.get(id) === stage.version) continue;
      const doc = await store.getDocument(id, scope);
      if (!doc) continue;
      const mentions = await store.listMentions(id, scope);
      await store.putStageOutput(id, stage.name, stage.version, await stage.run(doc, { mentions }));
      ran++;
    }
  }
  return ran;
}

async function allDocumentIds(store: Store, scope: Scope): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments(scope, PAGE, offset);
    ids.push(...page.items.map((d) => d.id));
    if (page.items.length < PAGE) return ids;
  }
}
