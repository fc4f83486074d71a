/**
 * STIX 2.1 export: one bundle with identity / location SDOs for entities, relationship SROs typed by
 * RELATION_TYPES.stix, a note per evidence sentence (and per event and claim), and a report per document.
 */
import { RELATION_TYPES, type Claim, type DocumentLocation, type Entity, type Event, type Evidence, type Relation } from '../model/index.js';
import type { ExportData, ExportOptions } from './dataset.js';
import { entityIndex, exportTimestamp, fileNameOf } from './dataset.js';
import { countryCode } from './countries.js';
import { CABLEGRAPH_NAMESPACE, uuidv5 } from './uuid.js';

/** A STIX object as written: common properties plus the type's own. */
export type StixObject = { type: string; id: string } & Record<string, unknown>;

/** A STIX 2.1 bundle. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The STIX id for one of our ids: `type--uuidv5(namespace, id)`. */
export function stixId(type: string, ourId: string): string {
  return `${type}--${uuidv5(CABLEGRAPH_NAMESPACE, `${type}:${ourId}`)}`;
}

export const PRODUCER = stixId('identity', 'cablegraph');
const typeOf = (type: string) => (RELATION_TYPES as Record<string, { label: string; stix: string } | undefined>)[type];

/** The relation's human label ("holds a post in"), or its type when not in the vocabulary. */
export const relationLabel = (type: string): string => typeOf(type)?.label ?? type;

/**
 * The SDO for an entity. People and organisations are identities: whether an organisation is an armed group
 * (threat-actor) is a judgment extraction cannot make reliably. Places are locations; a location must carry a region,
 * country or coordinates, so places that are not countries get region "unknown" (region is an open vocabulary).
 */
export function presentEntity(e: Entity, common: Record<string, unknown>): StixObject {
  const base = {
    ...common, name: e.name,
    ...(e.aliases.length > 0 ? { description: `Also written: ${e.aliases.join('; ')}` } : {}),
    x_cablegraph_id: e.id, x_cablegraph_mention_count: e.mentionCount,
  };
  if (e.type === 'LOC') {
    const country = countryCode(e.name);
    return { type: 'location', id: stixId('location', e.id), ...base, ...(country ? { country } : { region: 'unknown' }) };
  }
  const identityClass = e.type === 'PERSON' ? 'individual' : e.type === 'ORG' ? 'organization' : 'unknown';
  return { type: 'identity', id: stixId('identity', e.id), ...base, identity_class: identityClass };
}

/** A document's published date ("2019-11") as a STIX timestamp (start of the period), or undefined. */
export function publishedTimestamp(published: string | null): string | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(published ?? '');
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T00:00:00.000Z` : undefined;
}

/** Collects object ids per document id, for the reports' object_refs. */
class RefsByDocument {
  private readonly map = new Map<string, Set<string>>();
  /** Records that `ref` appears in document `documentId`. */
  add(documentId: string, ref: string): void {
    (this.map.get(documentId) ?? this.map.set(documentId, new Set()).get(documentId)!).add(ref);
  }
  /** The refs of a document, in the order they were added. */
  get(documentId: string): string[] {
    return [...(this.map.get(documentId) ?? [])];
  }
}

/** Builds the bundle; given the same data and `options.timestamp`, the output is identical byte for byte. */
export function buildStixBundle(data: ExportData, options: ExportOptions = {}): StixBundle {
  const now = exportTimestamp(options);
  const common = { spec_version: '2.1', created: now, modified: now, created_by_ref: PRODUCER };
  const entities = entityIndex(data);
  const sdoOf = new Map<string, string>();
  const refs = new RefsByDocument();
  const objects: StixObject[] = [
    { type: 'identity', id: PRODUCER, spec_version: '2.1', created: now, modified: now, name: 'Cablegraph', identity_class: 'system' },
  ];
  for (const e of data.entities) {
    const sdo = presentEntity(e, common);
    sdoOf.set(e.id, sdo.id);
    for (const doc of e.documentIds) refs.add(doc, sdo.id);
    objects.push(sdo);
  }
  const notes: StixObject[] = [];
  const name = (id: string) => entities.get(id)?.name ?? id;
  for (const r of data.relations) {
    const source = sdoOf.get(r.source);
    const target = sdoOf.get(r.target);
    if (!source || !target) continue; // an end outside the scope: never the case for one store, guarded all the same
    const label = typeOf(r.type)?.label ?? r.type;
    const id = stixId('relationship', r.id);
    objects.push(presentRelation(r, id, source, target, `${name(r.source)} ${label} ${name(r.target)}`, common));
    r.evidence.forEach((ev, i) => {
      const noteId = stixId('note', `${r.id}#${i}`);
      refs.add(ev.documentId, id);
      refs.add(ev.documentId, noteId);
      notes.push(presentEvidenceNote(noteId, id, `${name(r.source)} ${label} ${name(r.target)}`, ev, common));
    });
  }
  for (const ev of data.events) {
    const noteId = stixId('note', ev.id);
    const involved = [...ev.participants, ...(ev.place ? [ev.place] : [])].map((p) => sdoOf.get(p)).filter((x): x is string => !!x);
    const docs = [...new Set(ev.evidence.map((x) => x.documentId))];
    for (const doc of docs) refs.add(doc, noteId);
    notes.push(presentEventNote(ev, noteId, involved, docs, common));
  }
  for (const c of data.claims) {
    const noteId = stixId('note', c.id);
    const speaker = c.speaker ? sdoOf.get(c.speaker) : undefined;
    const docs = [...new Set(c.evidence.map((x) => x.documentId))];
    for (const doc of docs) refs.add(doc, noteId);
    notes.push(presentClaimNote(c, noteId, speaker, docs, common));
  }
  objects.push(...notes);
  for (const d of data.documents) {
    const own = refs.get(d.id);
    objects.push(presentReport(d, own, common, now, data.locations?.get(d.id)));
  }
  return { type: 'bundle', id: `bundle--${uuidv5(CABLEGRAPH_NAMESPACE, `bundle:${now}:${objects.map((o) => o.id).join(',')}`)}`, objects };
}

/** The relationship SRO for a relation (confidence scaled to STIX's 0-100). */
/** The note quoting one evidence sentence of a relation (`names`: "A met B"), pointing at the relation and its report. */
export function presentEvidenceNote(noteId: string, relationId: string, names: string, ev: Evidence, common: Record<string, unknown>): StixObject {
  return {
    type: 'note', id: noteId, ...common, abstract: `Evidence: ${names}`, content: ev.text,
    object_refs: [relationId, stixId('report', ev.documentId)],
    x_cablegraph_document_id: ev.documentId, x_cablegraph_start: ev.start, x_cablegraph_end: ev.end,
  };
}

/** An event as a note referencing its participants' and place's objects (`involved`) and its documents' reports. */
export function presentEventNote(ev: Event, noteId: string, involved: readonly string[], docs: readonly string[], common: Record<string, unknown>): StixObject {
  return {
    type: 'note', id: noteId, ...common, abstract: `Event: ${ev.type}${ev.date ? ` (${ev.date})` : ''}`,
    content: ev.evidence.map((x) => x.text).join('\n'), object_refs: [...new Set([...involved, ...docs.map((d) => stixId('report', d))])],
    x_cablegraph_id: ev.id, ...(ev.date ? { x_cablegraph_date: ev.date } : {}),
  };
}

/** A claim as a note referencing its speaker's object (when resolved) and its documents' reports. */
export function presentClaimNote(c: Claim, noteId: string, speaker: string | undefined, docs: readonly string[], common: Record<string, unknown>): StixObject {
  return {
    type: 'note', id: noteId, ...common, abstract: `Claim (${c.stance}) by ${c.speakerText}: ${c.text}`,
    content: c.evidence.map((x) => x.text).join('\n'), object_refs: [...(speaker ? [speaker] : []), ...docs.map((d) => stixId('report', d))],
    x_cablegraph_id: c.id, x_cablegraph_stance: c.stance,
  };
}

/**
 * A document as a STIX report referencing the objects extracted from it (or the producer when there are none), with
 * every place its content was found (`x_cablegraph_paths`, its own path first: two paths of a leak, an attachment of
 * two messages).
 */
export function presentReport(
  d: { id: string; title: string | null; path: string; published: string | null; language: string | null; sha256: string; source: string | null },
  own: readonly string[], common: Record<string, unknown>, now: string, locations: readonly DocumentLocation[] = [],
): StixObject {
  return {
    type: 'report', id: stixId('report', d.id), ...common, name: d.title ?? fileNameOf(d.path),
    // published is when the source appeared when it says so; otherwise when this report was made (the export).
    published: publishedTimestamp(d.published) ?? now,
    // A report must reference at least one object: a document with no extracted facts points at its producer.
    object_refs: own.length > 0 ? [...own] : [PRODUCER],
    ...(d.language ? { lang: d.language } : {}),
    external_references: [{ source_name: 'cablegraph', external_id: d.id, hashes: { 'SHA-256': d.sha256 } }],
    x_cablegraph_paths: [...new Set([d.path, ...locations.map((l) => l.path)])],
    ...(d.source ? { x_cablegraph_source: d.source } : {}),
  };
}

export function presentRelation(r: Relation, id: string, source: string, target: string, sentence: string, common: Record<string, unknown>): StixObject {
  const sources = `${r.independentSources} independent source${r.independentSources === 1 ? '' : 's'}`;
  return {
    type: 'relationship', id, ...common, relationship_type: typeOf(r.type)?.stix ?? 'related-to', source_ref: source, target_ref: target,
    description: `${sentence} (${sources})`, confidence: Math.round(r.confidence * 100),
    x_cablegraph_id: r.id, x_cablegraph_relation_type: r.type, x_cablegraph_independent_sources: r.independentSources,
  };
}

/** The export text: the bundle as indented JSON. */
export function buildStix(data: ExportData, options: ExportOptions = {}): string {
  return `${JSON.stringify(buildStixBundle(data, options), null, 2)}\n`;
}
