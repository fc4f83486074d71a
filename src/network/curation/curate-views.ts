/**
 * The entity page and one relation as the workbench shows them with curation: the grade of every document cited
 * beside its evidence (`grades`: document id -> "B2"), per relation how many independent sources of each grade
 * support it (`corroboration`), the notes and tags of the entity and its relations, and an optional grade filter
 * ("at least B2": only evidence from documents graded so, source counts recounted, relations left without any dropped).
 */
import type { EntityRelationsPage, EntityView, Relation } from '../../model/index.js';
import type { Scope, Store } from '../../store/store.js';
import type { Grade } from './grade.js';
import { citedDocuments, readGradings, type Gradings } from './gradings.js';
import { readEntityView, viewEntity, capEvidence, type RelationWindow, type SummarisedRelation } from '../entity-view.js';
import { readCuration, type Curation } from './targets.js';

/** A relation with its corroboration by grade. */
export type CorroboratedRelation<R extends Relation> = R & { corroboration: Record<string, number> };

/** The entity page with grades, corroboration, notes and tags. */
export type CuratedEntityView = Omit<EntityView, 'relations'> & {
  relations: CorroboratedRelation<EntityView['relations'][number]>[];
  grades: Record<string, string>;
  curation: Curation;
  minGrade?: string;
};

/** Adds curation to an entity page; `hide` lists entities whose notes the caller may not see. */
export async function curateEntityView(store: Store, scope: Scope, view: EntityView, minGrade?: Grade, hide: ReadonlySet<string> = new Set()): Promise<CuratedEntityView> {
  const docs = [...citedDocuments(view.relations), ...citedDocuments([...view.events, ...view.claims].map((x) => ({ evidence: x.evidence })))];
  const gradings = await readGradings(store, scope, docs);
  const relations = minGrade ? gradings.filterRelations(view.relations, minGrade) : view.relations;
  const curation = await readCuration(store, scope, [{ kind: 'entity', id: view.entity.id }, ...relations.map((r) => ({ kind: 'relation' as const, id: r.id }))], hide);
  return {
    ...view,
    relations: relations.map((r) => ({ ...r, corroboration: gradings.corroboration(r.evidence) })),
    grades: gradings.codes(docs),
    curation,
    ...(minGrade ? { minGrade: `${minGrade.reliability}${minGrade.credibility}` } : {}),
  };
}

/**
 * The entity page as GET /api/entities/:id answers it, or null when the entity is absent or outside the scope: the
 * first RELATION_EVIDENCE sentences of each relation, grades, corroboration, notes and tags; with `minGrade`, the grade
 * filter of curateEntityView. A resolved entity's relations are summarised in SQL (Store.listEntityRelationSummaries:
 * the grade filter decides which documents' sentences are read and counted); a per-name entity's are read whole.
 * `opts` as readEntityView takes them: which relations, and whether to read only those (readEntityRelations).
 */
export async function readEntityPage(store: Store, scope: Scope, id: string, minGrade?: Grade, hide: ReadonlySet<string> = new Set(),
  opts: { relations?: RelationWindow; relationsOnly?: boolean } = {}): Promise<CuratedEntityView | null> {
  // The gradings the filter read for the supporting documents, reused for the page's grades.
  const read: { supporting?: Gradings } = {};
  const keep = minGrade
    ? async (documents: readonly string[]) => {
      const g = (read.supporting = await readGradings(store, scope, documents));
      return new Set(documents.filter((d) => g.meets(d, minGrade)));
    }
    : undefined;
  const page = await readEntityView(store, id, scope, { keep, ...opts });
  if (!page) return null;
  if (!page.summarised) {
    // A per-name entity (no member keys): every relation read whole, then filtered and capped.
    const view = await viewEntity(store, id, scope, { fullEvidence: true, relations: opts.relations });
    if (!view) return null;
    const curated = await curateEntityView(store, scope, view, minGrade, hide);
    return { ...curated, relations: capEvidence(curated.relations) };
  }
  const { summarised: _s, ...view } = page;
  const supported = (r: SummarisedRelation): string[] => Object.keys(r.evidenceDocuments ?? {});
  const docs = [
    ...view.relations.flatMap((r) => [...supported(r), ...(r.contradictions ?? []).map((e) => e.documentId)]),
    ...citedDocuments([...view.events, ...view.claims].map((x) => ({ evidence: x.evidence }))),
  ];
  const known = read.supporting;
  const gradings = known ? known.with(await readGradings(store, scope, docs.filter((d) => !known.has(d)))) : await readGradings(store, scope, docs);
  // The grade filter: relations without a sentence from a document graded so dropped, sources counted over those documents.
  const kept = (r: SummarisedRelation): string[] => supported(r).filter((d) => !minGrade || gradings.meets(d, minGrade));
  const relations = minGrade
    ? view.relations.filter((r) => r.evidenceCount > 0).map((r) => ({ ...r, independentSources: new Set(kept(r).map((d) => gradings.group(d))).size }))
    : view.relations;
  const curation = await readCuration(store, scope, [{ kind: 'entity', id: view.entity.id }, ...relations.map((r) => ({ kind: 'relation' as const, id: r.id }))], hide);
  return {
    ...view,
    relations: relations.map(({ evidenceDocuments, ...r }) => {
      const cited = kept({ ...r, evidenceDocuments });
      return { ...r, corroboration: gradings.corroboration(cited.map((documentId) => ({ documentId }))) };
    }),
    grades: gradings.codes(docs),
    curation,
    ...(minGrade ? { minGrade: `${minGrade.reliability}${minGrade.credibility}` } : {}),
  };
}

/**
 * A page of an entity's relations as the entity page lists them (GET /api/entities/:id/relations): the `limit` strongest
 * after the `offset` strongest, with first sentences, counts, corroboration and the grades of the documents they cite;
 * null when the entity is absent or outside the scope. Nothing else of the page is read.
 */
export async function readEntityRelations(store: Store, scope: Scope, id: string, window: RelationWindow, minGrade?: Grade): Promise<EntityRelationsPage | null> {
  const page = await readEntityPage(store, scope, id, minGrade, new Set(), { relations: window, relationsOnly: true });
  if (!page) return null;
  return { items: page.relations, total: page.relationCount ?? page.relations.length, grades: page.grades };
}

/** One relation with the grades of its documents, its corroboration by grade, notes and tags. */
export async function curateRelation<R extends Relation>(store: Store, scope: Scope, relation: R, hide: ReadonlySet<string> = new Set()): Promise<CorroboratedRelation<R> & { grades: Record<string, string>; curation: Curation }> {
  const docs = citedDocuments([relation]);
  const gradings = await readGradings(store, scope, docs);
  return {
    ...relation,
    corroboration: gradings.corroboration(relation.evidence),
    grades: gradings.codes(docs),
    curation: await readCuration(store, scope, [{ kind: 'relation', id: relation.id }], hide),
  };
}
