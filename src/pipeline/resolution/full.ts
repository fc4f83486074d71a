/** Full resolution of a collection: every candidate clustered at once, the index rebuilt, in one commit. */
import type { ResolvedEntityRecord } from '../../model/index.js';
import type { Store } from '../../store/store.js';
import { RESOLVE_STAGE, RESOLVE_VERSION, resolveRecords } from './cluster.js';
import { prepareAll, summarizeGroups, toIndexed, voteRows } from './prepare.js';

/** Entities full resolution gives for the collection's current candidates and decisions (nothing is written). */
export async function computeFull(store: Store, collection: string): Promise<ResolvedEntityRecord[]> {
  const prepared = prepareAll(await store.listCandidates(collection));
  return resolveRecords(collection, prepared, await store.listDecisions(collection));
}

/** Resolves the collection from scratch and rebuilds its index; returns the number of entities. */
export async function resolveFully(store: Store, collection: string, pause?: () => Promise<void>): Promise<number> {
  const r = store.resolution;
  for (;;) {
    const { version } = await r.state(collection);
    // Marks are read before the mentions: a document changed after this point stays marked for the next run.
    const dirty: { id: string; seq: number }[] = [];
    for (let page = await r.dirtyDocuments(collection, 5000); page.length > 0; page = await r.dirtyDocuments(collection, 5000, page.at(-1)!.id)) dirty.push(...page);
    const decisions = await store.listDecisions(collection);
    const pending = await r.pendingDecisions(collection);
    const prepared = prepareAll(await store.listCandidates(collection));
    const records = await resolveRecords(collection, prepared, decisions, undefined, pause);
    const decided = new Set(decisions.flatMap((d) => [d.a, d.b]));
    const result = await r.commit(collection, version, {
      full: true, algorithm: RESOLVE_VERSION, provenance: { stage: RESOLVE_STAGE, version: RESOLVE_VERSION },
      candidates: (function* () { for (const p of prepared) yield toIndexed(p); })(), groups: summarizeGroups(prepared, decided), votes: voteRows(prepared),
      entities: records.map((e) => ({ entity: e, members: e.members })), dirty, appliedDecisions: pending.map((d) => d.id),
    });
    if (result.ok) return records.length;
  }
}
