/**
 * FollowTheMoney export: newline-delimited FtM entities, as `alephclient write-entities` and `ftm` tools read them.
 * Documents -> Document, entities -> Person / Organization / Address / LegalEntity, relations -> the schema
 * RELATION_TYPES names (Membership, Payment, Succession, UnknownLink ...), evidence -> one Note per sentence.
 */
import { RELATION_TYPES, type Claim, type DocumentLocation, type DocumentSummary, type Entity, type Event, type Relation } from '../model/index.js';
import type { ExportSource } from './source.js';
import type { ExportData } from './dataset.js';
import { entityIndex, fileNameOf } from './dataset.js';
import { countryCode } from './countries.js';
import { EDGE_SCHEMAS, ENTITY_SCHEMA, LANGUAGE_3, fitsRange, ftmId } from './ftm-schema.js';

/** One FtM entity as FtM's JSON form writes it: every property a list of strings. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

type Props = Record<string, (string | number | null | undefined)[]>;

/** What a relation, event or claim needs of the entities it names. */
type Named = Pick<Entity, 'id' | 'type' | 'name'>;

/** Builds an entity, dropping empty values and properties so the output carries no nulls or empty lists. */
function entity(id: string, schema: string, props: Props): FtmEntity {
  const properties: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(props)) {
    const kept = values.filter((v): v is string | number => v !== null && v !== undefined && v !== '').map(String);
    if (kept.length > 0) properties[key] = [...new Set(kept)];
  }
  return { id, schema, properties };
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const typeOf = (type: string) => (RELATION_TYPES as Record<string, { label: string; ftm: string } | undefined>)[type];
const docRef = (documentId: string) => ftmId(`doc_${documentId}`);

/** The FtM entity for one of ours. */
function presentEntity(e: Entity): FtmEntity {
  const schema = ENTITY_SCHEMA[e.type] ?? 'LegalEntity';
  const country = e.type === 'LOC' ? countryCode(e.name)?.toLowerCase() : undefined;
  return entity(ftmId(e.id), schema, {
    name: [e.name],
    alias: e.aliases,
    ...(schema === 'Address' ? { full: [e.name], country: [country] } : {}),
    // proof: the documents that name it (Thing.proof, range Document), so Aleph can walk back to the sources.
    proof: e.documentIds.map(docRef),
    notes: [`${e.type}: ${plural(e.mentionCount, 'mention')} in ${plural(e.documentIds.length, 'document')} (Cablegraph ${e.id})`],
  });
}

/**
 * The relationship entity for a relation, in the declared schema when both ends fit its ranges; otherwise in
 * UnknownLink (which takes any Thing) with the relation's label as `role`, so nothing is written that FtM's model
 * rejects. Today this sends every `controls` edge to UnknownLink: Ownership's `asset` must be an Asset, which no
 * extracted entity is, and `role_in` edges whose target is a place or a person, since Membership needs an Organization.
 */
function presentRelation(r: Relation, entities: Map<string, Named>): FtmEntity {
  const declared = typeOf(r.type);
  const [source, target] = [entities.get(r.source), entities.get(r.target)];
  const sourceSchema = source ? ENTITY_SCHEMA[source.type] : 'LegalEntity';
  const targetSchema = target ? ENTITY_SCHEMA[target.type] : 'LegalEntity';
  let schema = declared?.ftm ?? 'UnknownLink';
  let edge = EDGE_SCHEMAS[schema];
  const [from, to] = edge?.reversed ? [targetSchema, sourceSchema] : [sourceSchema, targetSchema];
  if (!edge || !fitsRange(from, edge.sourceRange) || !fitsRange(to, edge.targetRange)) {
    schema = 'UnknownLink';
    edge = EDGE_SCHEMAS.UnknownLink!;
  }
  const [fromId, toId] = edge.reversed ? [r.target, r.source] : [r.source, r.target];
  const label = declared?.label ?? r.type;
  const roles = ((r.attrs?.role as unknown[] | undefined) ?? []).map(String);
  const amounts = ((r.attrs?.amount as { amount?: number; currency?: string }[] | undefined) ?? []);
  const sources = plural(r.independentSources, 'independent source');
  return entity(ftmId(r.id), schema, {
    [edge.source]: [ftmId(fromId)],
    [edge.target]: [ftmId(toId)],
    // Interest.role: the post when stated ("commander"), else what the edge says ("controls") so UnknownLinks stay legible.
    ...(schema !== 'Payment' ? { role: roles.length > 0 ? roles : [label] } : {}),
    ...(schema === 'Payment' ? { amount: amounts.map((a) => a.amount), currency: amounts.map((a) => a.currency) } : {}),
    summary: [`${source?.name ?? r.source} ${label} ${target?.name ?? r.target} (${sources}, confidence ${r.confidence})`],
    // Interval.description: the evidence sentences themselves, so the edge carries its citations wherever it goes.
    description: r.evidence.map((ev) => ev.text),
    recordId: [r.id],
  });
}

/** One Note per evidence sentence: the sentence, the entities it links and the Document it sits in (`proof`). */
function presentEvidence(r: Relation, entities: Map<string, Named>): FtmEntity[] {
  const label = typeOf(r.type)?.label ?? r.type;
  const names = `${entities.get(r.source)?.name ?? r.source} ${label} ${entities.get(r.target)?.name ?? r.target}`;
  return r.evidence.map((ev, i) => entity(ftmId(`${r.id}_ev${i}`), 'Note', {
    name: [`Evidence: ${names}`],
    description: [ev.text],
    entity: [ftmId(r.source), ftmId(r.target)],
    proof: [docRef(ev.documentId)],
    notes: [`Characters ${ev.start}-${ev.end} of document ${ev.documentId}; supports relation ${r.id}`],
  }));
}

/** Every FtM entity of the export, in a fixed order: documents, entities, relations, evidence notes, events, claims. */
export function buildFtmEntities(data: ExportData): FtmEntity[] {
  const entities = entityIndex(data);
  const out: FtmEntity[] = data.documents.map((d) => presentDocument(d, data.locations?.get(d.id)));
  out.push(...data.entities.map(presentEntity));
  out.push(...data.relations.map((r) => presentRelation(r, entities)));
  out.push(...data.relations.flatMap((r) => presentEvidence(r, entities)));
  out.push(...data.events.map((ev) => presentEvent(ev, entities)));
  out.push(...data.claims.map((c) => presentClaim(c, entities)));
  return out;
}

/** The export text: one JSON entity per line, LF-terminated. */
export function buildFtm(data: ExportData): string {
  return buildFtmEntities(data).map((e) => `${JSON.stringify(e)}\n`).join('');
}

/**
 * A document's FtM entity. The same file found at several places (two paths of a leak, an attachment of two messages)
 * is one document: every place's file name goes in `fileName` (its own first) and every path in `notes`.
 */
function presentDocument(d: DocumentSummary, locations?: readonly DocumentLocation[]): FtmEntity {
  const fileName = fileNameOf(d.path);
  const paths = [...new Set([d.path, ...(locations ?? []).map((l) => l.path)])];
  const fileNames = [...new Set([fileName, ...(locations ?? []).map((l) => fileNameOf(l.path))])];
  return entity(docRef(d.id), 'Document', {
    name: [d.title ?? fileName], title: [d.title], fileName: fileNames, author: [d.author], publisher: [d.source],
    publishedAt: [d.published], language: [d.language ? LANGUAGE_3[d.language] : undefined], mimeType: [d.mimeType],
    // Aleph's contentHash is a SHA-1 of the stored file; we keep SHA-256, so it goes into notes rather than a wrong checksum.
    notes: [`SHA-256 ${d.sha256}; ${paths[0]}`, ...paths.slice(1).map((p) => `also found at ${p}`)],
  });
}

/** An event's FtM entity. */
function presentEvent(ev: Event, entities: Map<string, Named>): FtmEntity {
  const participants = ev.participants.map((id) => entities.get(id)).filter((e): e is Named => e !== undefined);
  const place = ev.place ? entities.get(ev.place) : undefined;
  return entity(ftmId(ev.id), 'Event', {
    name: [[ev.type, ev.date].filter(Boolean).join(', ')], summary: [ev.type], date: [ev.date],
    // Event.involved accepts legal entities only; places go to location / addressEntity instead.
    involved: participants.filter((e) => fitsRange(ENTITY_SCHEMA[e.type], 'LegalEntity')).map((e) => ftmId(e.id)),
    location: [place?.name],
    addressEntity: [...participants, ...(place ? [place] : [])].filter((e) => e.type === 'LOC').map((e) => ftmId(e.id)),
    description: ev.evidence.map((x) => x.text), proof: ev.evidence.map((x) => docRef(x.documentId)), recordId: [ev.id],
  });
}

/** A claim's FtM Note. */
function presentClaim(c: Claim, entities: Map<string, Named>): FtmEntity {
  return entity(ftmId(c.id), 'Note', {
    name: [`Claim (${c.stance}) by ${c.speakerText}`], summary: [c.text], description: c.evidence.map((x) => x.text),
    entity: [c.speaker && entities.has(c.speaker) ? ftmId(c.speaker) : undefined], proof: c.evidence.map((x) => docRef(x.documentId)),
  });
}

const lines = (entities: FtmEntity[]): string => entities.map((e) => `${JSON.stringify(e)}\n`).join('');

/**
 * The FtM export written a page at a time, in buildFtmEntities' order (documents, entities, relations, evidence notes,
 * events, claims): relations are read twice, once for the relationship entities and once for their evidence notes.
 */
export async function* writeFtm(source: ExportSource): AsyncGenerator<string> {
  for await (const page of source.documents()) {
    const locations = await source.locations(page.map((d) => d.id));
    yield lines(page.map((d) => presentDocument(d, locations.get(d.id))));
  }
  for await (const page of source.entities()) yield lines(page.map(presentEntity));
  const ends = (page: Relation[]) => source.entitiesOf(page.flatMap((r) => [r.source, r.target]));
  for await (const page of source.relations()) {
    const entities = await ends(page);
    yield lines(page.map((r) => presentRelation(r, entities)));
  }
  for await (const page of source.relations()) {
    const entities = await ends(page);
    yield lines(page.flatMap((r) => presentEvidence(r, entities)));
  }
  for await (const page of source.events()) {
    const entities = await source.entitiesOf(page.flatMap((e) => [...e.participants, ...(e.place ? [e.place] : [])]));
    yield lines(page.map((e) => presentEvent(e, entities)));
  }
  for await (const page of source.claims()) {
    const entities = await source.entitiesOf(page.flatMap((c) => (c.speaker ? [c.speaker] : [])));
    yield lines(page.map((c) => presentClaim(c, entities)));
  }
}
