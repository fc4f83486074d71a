/**
 * The entity page and one relation as the workbench shows them with curation: the grade of every document cited
 * beside its evidence (`grades`: document id -> "B2"), per relation how many independent sources of each grade
 * support it (`corroboration`), the notes and tags of the entity and its relations, and an optional grade filter
 * ("at least B2": only evidence from documents graded so, source counts recounted, relations left without any dropped).
 */
import type { EntityView, Relation } from '../../model/index.js';
import type { Scope, Store } from '../../store/store.js';
import type { Grade } from './grade.js';
import { citedDocuments, readGradings } from './gradings.js';
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
