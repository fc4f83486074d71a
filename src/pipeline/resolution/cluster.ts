/** Clustering of prepared candidates into entity records: the one computation full and incremental resolution share. */
import type { Decision, MergeReason, ResolvedEntityRecord } from '../../model/index.js';
import { clusterEntities, clusterEntitiesAsync } from '../../resolve/index.js';
import type { Prepared } from './prepare.js';
import { stringPool } from '../../model/string-pool.js';

/** Provenance of resolved entities. */
export const RESOLVE_STAGE = 'resolve';
export const RESOLVE_VERSION = 'resolve@8';

/**
 * Why an exact-name merge happened when a candidate was renamed to its country ("Iraqis" names Iraq): the reason says
 * so. `original` and `folded` give a candidate's name before and after folding.
 */
export function explainReason(r: MergeReason, name: (key: string) => { original: string; folded: string } | undefined,
  intern: (s: string) => string = (s) => s): MergeReason {
  if (r.rule !== 'exact-norm') return r;
  const [a, b] = [name(r.a), name(r.b)];
  const renamed = (x: typeof a) => (x && x.original !== x.folded ? x.original : undefined);
  const from = renamed(a) ?? renamed(b);
  if (!from) return r;
  // A country's thousands of reasons say one of a few texts: `intern` (a string pool) keeps each once.
  return { ...r, rule: 'country-name', evidence: intern(`"${from}" names ${a?.folded} (country gazetteer)`) };
}

/**
 * Entities of a set of prepared candidates that is closed for clustering (the whole collection, or a region no
 * clustering step crosses), with the users' decisions about them (oldest first). `blockSize` gives the collection's
 * group count of a blocking key when the set is not the whole collection; with `pause`, the work is done in slices
 * with a pause between them.
 */
export async function resolveRecords(collection: string, prepared: Prepared[], decisions: Decision[], blockSize?: (key: string) => number,
  pause?: () => Promise<void>): Promise<ResolvedEntityRecord[]> {
  const byKey = new Map(prepared.map((p) => [p.original.key, p]));
  const candidates = prepared.map((p) => p.candidate);
  const { entities } = pause ? await clusterEntitiesAsync(candidates, decisions, { blockSize }, pause) : clusterEntities(candidates, decisions, { blockSize });
  const texts = stringPool();
  const names = (key: string) => {
    const p = byKey.get(key);
    return p ? { original: p.original.name, folded: p.candidate.name } : undefined;
  };
  return entities.map((e) => ({
    id: e.id, collection, type: e.type, name: e.name, aliases: e.aliases, documentIds: e.documentIds,
    mentionCount: e.members.reduce((n, k) => n + (byKey.get(k)?.original.mentionCount ?? 0), 0),
    members: e.members, reasons: e.reasons.map((r) => explainReason(r, names, texts)),
  }));
}
