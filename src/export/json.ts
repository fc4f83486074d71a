/** The JSON export contract (version 1): documents, entities, relations, events and claims with evidence. Extend by adding fields only. */
import type { Store, Scope } from '../store/store.js';
import type { ExportOptions } from './dataset.js';
import { exportNotes, minGradeCode, readNotesAndTags } from './dataset.js';
import { readGradings, type Gradings } from '../network/curation/gradings.js';
import type { Claim, DocumentLocation, DocumentSummary, Entity, Event, Relation, RelationReview } from '../model/index.js';
import type { Rejection } from '../store/shared/rejected.js';
import type { TargetKind } from '../store/curation.js';
import type { ExportSource } from './source.js';
import { jsonArray } from './chunks.js';

/** The `review` (and `rejected`) fields of an exported relation, event or claim: absent when unreviewed. */
function reviewField(x: { review?: RelationReview; rejected?: Rejection }): Record<string, unknown> {
  if (x.rejected) return { review: { verdict: 'rejected', by: x.rejected.by ?? null, at: x.rejected.at, ...(x.rejected.reason ? { reason: x.rejected.reason } : {}) }, rejected: true };
  if (!x.review) return {};
  return { review: { verdict: x.review.kept ? 'accepted, no longer proposed' : x.review.verdict, by: x.review.by ?? null, at: x.review.at } };
}

/** Version of the export format; bumped only for incompatible changes. */
export const JSON_EXPORT_VERSION = 1;

/** Notes and tags of one target as the export writes them (empty lists where there are none). */
type CurationFields = { notes: unknown; tags: string[] };

/**
 * One document of the export, with its grade, curation and every place it was found (`locations`, its own path first:
 * a file found in two archives, or attached to two messages, is one document listed once, with both places).
 */
function jsonDocument(d: DocumentSummary, g: ReturnType<Gradings['grade']>, curation: CurationFields, locations: DocumentLocation[] | undefined): Record<string, unknown> {
  const places = locations && locations.length > 0 ? locations.map((l) => ({ path: l.path, parent: l.parentId, name: l.name })) : [{ path: d.path, parent: d.parentId, name: null }];
  return {
    id: d.id, title: d.title, source: d.source, published: d.published, language: d.language, sha256: d.sha256,
    path: d.path, parent: d.parentId, collection: d.collection, format: d.format, author: d.author,
    grade: g ? { code: g.code, reliability: g.reliability, credibility: g.credibility, from: g.from, by: g.by, at: g.at } : null, ...curation,
    locations: places,
  };
}

/** One entity of the export. */
function jsonEntity(e: Entity, curation: CurationFields): Record<string, unknown> {
  return { id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentionCount: e.mentionCount, documentIds: e.documentIds, collection: e.collection, ...curation };
}

/**
 * One relation of the export: review state, and independent sources by the best grade among their documents ("ungraded"
 * where none has one); what its sentences state beside the ends (`roles` of a post, `amounts` paid, each distinct value
 * once), the `rules` or model that read it, and the sentences that deny it (`denials`), where there are any.
 */
function jsonRelation(r: Relation, gradings: Gradings, curation: CurationFields): Record<string, unknown> {
  const values = (key: string): unknown[] => (Array.isArray(r.attrs?.[key]) ? (r.attrs[key] as unknown[]) : []);
  const [roles, amounts, rules] = [values('role'), values('amount'), values('rule')];
  return {
    id: r.id, type: r.type, source: r.source, target: r.target, confidence: r.confidence, evidence: r.evidence,
    // A merged relation lists the claims its sentences sit inside (claimIds); claimId is the first, for readers of
    // the contract's first form.
    independentSources: r.independentSources, claimId: r.claimId ?? r.claimIds?.[0] ?? null,
    ...((r.claimIds?.length ?? 0) > 0 ? { claimIds: r.claimIds } : {}), stage: r.stage, version: r.version, ...reviewField(r),
    ...(roles.length > 0 ? { roles } : {}), ...(amounts.length > 0 ? { amounts } : {}), ...(rules.length > 0 ? { rules } : {}),
    ...((r.contradictions?.length ?? 0) > 0 ? { denials: r.contradictions } : {}),
    corroboration: gradings.corroboration(r.evidence),
    ...curation,
  };
}

function jsonEvent(e: Event): Record<string, unknown> {
  return { id: e.id, type: e.type, date: e.date, participants: e.participants, evidence: e.evidence, stage: e.stage, version: e.version, ...reviewField(e) };
}

function jsonClaim(c: Claim): Record<string, unknown> {
  return {
    id: c.id, speaker: c.speaker, speakerText: c.speakerText, text: c.text, stance: c.stance, evidence: c.evidence, stage: c.stage, version: c.version,
    ...reviewField(c),
  };
}

/** Builds the export object for everything the scope sees. */
export async function buildJsonExport(store: Store, scope: Scope, options: ExportOptions = {}): Promise<Record<string, unknown>> {
  const summaries: DocumentSummary[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments(scope, 1000, offset);
    summaries.push(...page.items);
    if (page.items.length < 1000) break;
  }
  const gradings = await readGradings(store, scope, summaries.map((d) => d.id));
  const { notes, tags } = await readNotesAndTags(store, scope);
  // Notes and tags travel with what they are about (empty lists where there are none).
  const curation = (kind: string, id: string) => ({ notes: exportNotes(notes.get(`${kind}:${id}`)), tags: tags.get(`${kind}:${id}`) ?? [] });
  const locations = new Map<string, DocumentLocation[]>();
  for (let i = 0; i < summaries.length; i += 1000) {
    for (const [id, list] of await store.listLocationsOf(summaries.slice(i, i + 1000).map((d) => d.id), scope)) locations.set(id, list);
  }
  const documents = summaries.map((d) => jsonDocument(d, gradings.grade(d.id), curation('document', d.id), locations.get(d.id)));
  const entities = (await store.listEntities(scope)).map((e) => jsonEntity(e, curation('entity', e.id)));
  // Rejected proposals are never read, unless asked for (then marked `rejected: true`, with their id as proposal id);
  // `review` appears where an analyst decided (stage "analyst": made by hand).
  const rejected = options.includeRejected ? await store.listRejected(scope) : { relations: [], events: [], claims: [] };
  let chosen = (await store.listRelations(scope)).filter((r) => !options.reviewedOnly || r.review);
  // With minGrade: evidence from documents graded at least that, source counts recounted, relations without any left out.
  if (options.minGrade) chosen = gradings.filterRelations(chosen, options.minGrade);
  const relations = [...chosen, ...rejected.relations].map((r) => jsonRelation(r, gradings, curation('relation', r.id)));
  const events = [...(await store.listEvents(scope)), ...rejected.events].map(jsonEvent);
  const claims = [...(await store.listClaims(scope)), ...rejected.claims].map(jsonClaim);
  const minGrade = minGradeCode(options);
  return { version: JSON_EXPORT_VERSION, ...(minGrade ? { minGrade } : {}), documents, entities, relations, events, claims };
}

/**
 * The JSON export written page by page: the same objects as buildJsonExport, every list in id order (rejected proposals
 * among the others by id), as `JSON.stringify(..., null, 2)` would write the whole.
 */
export async function* writeJsonExport(source: ExportSource, options: ExportOptions = {}): AsyncGenerator<string> {
  const minGrade = minGradeCode(options);
  yield `{\n  "version": ${JSON_EXPORT_VERSION},${minGrade ? `\n  "minGrade": ${JSON.stringify(minGrade)},` : ''}\n  "documents": [`;
  // Notes and tags travel with what they are about (empty lists where there are none).
  const curated = async (kind: TargetKind, ids: string[]) => {
    const { notes, tags } = await source.curation(kind, ids);
    return (id: string) => ({ notes: exportNotes(notes.get(`${kind}:${id}`)), tags: tags.get(`${kind}:${id}`) ?? [] });
  };
  yield* jsonArray(source.documents(), async (page) => {
    const gradings = await source.gradings(page.map((d) => d.id));
    const curation = await curated('document', page.map((d) => d.id));
    const locations = await source.locations(page.map((d) => d.id));
    return page.map((d) => jsonDocument(d, gradings.grade(d.id), curation(d.id), locations.get(d.id)));
  }, 1);
  yield ',\n  "entities": [';
  yield* jsonArray(source.entities(), async (page) => {
    const curation = await curated('entity', page.map((e) => e.id));
    return page.map((e) => jsonEntity(e, curation(e.id)));
  }, 1);
  yield ',\n  "relations": [';
  yield* jsonArray(source.relations(), async (page) => {
    const gradings = await source.gradings(page.flatMap((r) => r.evidence.map((e) => e.documentId)));
    const curation = await curated('relation', page.map((r) => r.id));
    return page.map((r) => jsonRelation(r, gradings, curation(r.id)));
  }, 1);
  yield ',\n  "events": [';
  yield* jsonArray(source.events(true), (page) => page.map(jsonEvent), 1);
  yield ',\n  "claims": [';
  yield* jsonArray(source.claims(true), (page) => page.map(jsonClaim), 1);
  yield '\n}\n';
}
