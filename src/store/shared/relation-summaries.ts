/**
 * Merged relations as the entity page shows them, without reading every sentence: the first few evidence sentences of
 * each (a window over the merged relation's rows in SQL, after an optional filter on documents such as a grade), how
 * many there are and from which documents (GROUP BY in SQL). Engine-independent: each store gives the three queries.
 */
import type { Evidence, Relation } from '../../model/index.js';
import { mergedEnds, mergeRelations, type RelationRow } from './merge-relations.js';

/** Evidence sentences of one relation row from one document: how many. */
export interface EvidenceCountRow {
  owner: string;
  document: string;
  n: number;
}

/** A merged relation with the first sentences only (see SummaryOptions). */
export interface RelationSummary extends Relation {
  /** How many supporting sentences it has (from kept documents when the read keeps some only). */
  evidenceCount: number;
  /** Every document its supporting sentences come from (kept or not), with how many sentences each. */
  evidenceDocuments: Record<string, number>;
}

/** How many sentences a summary carries, and which documents' sentences count (absent: every document). */
export interface SummaryOptions {
  evidence: number;
  /** How many of the strongest to pass over first (the next page of an entity's relations); 0 when absent. */
  offset?: number;
  /**
   * Told the documents of the supporting sentences, answers those whose sentences count (e.g. graded at least B2): a
   * relation with none from them is still answered, with no sentence and evidenceCount 0, for the caller to drop.
   */
  keep?: (documentIds: readonly string[]) => Promise<ReadonlySet<string>> | ReadonlySet<string>;
}

/** The queries a store answers for summaries; every one sees evidence of visible documents only. */
export interface SummaryQueries {
  /** Sentence counts per (relation row, document). */
  counts(rowIds: readonly string[]): Promise<EvidenceCountRow[]>;
  /**
   * The first `n` sentences of each merged relation, whose rows are given as [row id, merged index] (ordered by row id,
   * document, start: the order mergeRelations concatenates them in), from `documents` only when not null.
   */
  first(rows: readonly [string, number][], documents: readonly string[] | null, n: number): Promise<(Evidence & { owner: string })[]>;
  /** Every sentence of some rows (denials, which pages list whole). */
  all(rowIds: readonly string[]): Promise<(id: string) => Evidence[]>;
}

/**
 * `q` with the sentence counts of `ids` (every chosen row: a superset of the rows summariseRelations asks about, which
 * leaves out denials) asked now, so they are read beside the rows themselves rather than after them; each later call
 * answers the rows it names from that one read.
 */
export function countsAhead(q: SummaryQueries, ids: readonly string[]): SummaryQueries {
  const all = ids.length === 0 ? Promise.resolve([]) : q.counts(ids);
  // Settled here too, so a failure of the rows' read does not leave this one unhandled.
  all.catch(() => undefined);
  return {
    ...q,
    counts: async (rowIds) => {
      const want = new Set(rowIds);
      return (await all).filter((c) => want.has(c.owner));
    },
  };
}

/** Summaries of the merged relations of `rows` (ordered by id, as mergeRelations takes them). */
export async function summariseRelations(rows: readonly RelationRow[], q: SummaryQueries, opts: SummaryOptions): Promise<RelationSummary[]> {
  if (rows.length === 0) return [];
  // Denials as mergeRelations reads them (attributes parsed only where "negated" appears: a hub has thousands of rows).
  const negated = new Set(rows.filter((r) => r.attrs.includes('"negated"') && Boolean((JSON.parse(r.attrs) as { negated?: unknown }).negated)).map((r) => r.id));
  // Each supporting row's merged relation, by the key mergeRelations merges on.
  const merged = new Map<string, number>();
  const relationOf = new Map<string, number>();
  for (const r of rows) {
    const ends = mergedEnds(r);
    if (!ends || negated.has(r.id)) continue;
    let i = merged.get(ends.key);
    if (i === undefined) merged.set(ends.key, (i = merged.size));
    relationOf.set(r.id, i);
  }
  const supporting = [...relationOf.keys()];
  const counts = await q.counts(supporting);
  const documents = [...new Set(counts.map((c) => c.document))];
  const kept = opts.keep ? await opts.keep(documents) : null;
  const keptDocuments = kept ? documents.filter((d) => kept.has(d)) : null;
  const [first, denials] = await Promise.all([
    keptDocuments?.length === 0 ? [] : q.first(rowsHoldingFirst(supporting, relationOf, counts, kept, opts.evidence), keptDocuments, opts.evidence),
    q.all([...negated]),
  ]);
  const byOwner = new Map<string, Evidence[]>();
  for (const { owner, ...e } of first) {
    const list = byOwner.get(owner);
    if (list) list.push(e);
    else byOwner.set(owner, [e]);
  }
  // Counts per merged relation: sentences of kept documents, and every document.
  const totals = Array.from({ length: merged.size }, () => ({ n: 0, documents: {} as Record<string, number> }));
  for (const c of counts) {
    const t = totals[relationOf.get(c.owner)!]!;
    t.documents[c.document] = (t.documents[c.document] ?? 0) + Number(c.n);
    if (kept && !kept.has(c.document)) continue;
    t.n += Number(c.n);
  }
  const out: RelationSummary[] = [];
  for (const r of mergeRelations([...rows], (id) => (negated.has(id) ? denials(id) : byOwner.get(id) ?? []), true, true)) {
    const t = totals[merged.get(`${r.type}\u0000${r.source}\u0000${r.target}`)!]!;
    // A relation without any supporting sentence is none (as mergeRelations has it); one without kept ones stays, empty.
    if (Object.keys(t.documents).length === 0) continue;
    const documents = Object.fromEntries(Object.entries(t.documents).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    out.push({ ...r, evidence: r.evidence.slice(0, opts.evidence), evidenceCount: t.n, evidenceDocuments: documents });
  }
  return out;
}

/**
 * The rows whose sentences include each merged relation's first `n` (as [row id, merged index]): sentences come in row
 * id order, so a relation's first `n` lie in its lowest ids, as many as the counts say hold `n` kept sentences. A hub's
 * page then reads the sentences of about 3 rows per relation, not of the thousands it merges.
 */
function rowsHoldingFirst(supporting: readonly string[], relationOf: ReadonlyMap<string, number>, counts: readonly EvidenceCountRow[],
  kept: ReadonlySet<string> | null, n: number): [string, number][] {
  const sentences = new Map<string, number>();
  for (const c of counts) if (!kept || kept.has(c.document)) sentences.set(c.owner, (sentences.get(c.owner) ?? 0) + Number(c.n));
  const byRelation = new Map<number, string[]>();
  for (const id of supporting) {
    const i = relationOf.get(id)!;
    const list = byRelation.get(i);
    if (list) list.push(id);
    else byRelation.set(i, [id]);
  }
  const out: [string, number][] = [];
  for (const [i, ids] of byRelation) {
    ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let held = 0;
    for (const id of ids) {
      if (held >= n) break;
      const k = sentences.get(id) ?? 0;
      if (k === 0) continue;
      out.push([id, i]);
      held += k;
    }
  }
  return out;
}
