/**
 * What export formats read, a page at a time: documents, entities, relations, events and claims, each in id order, and
 * per page the entities, grades, notes and tags it names. Read from the Store by keyset pages (storeSource), or from
 * data held in memory (memorySource: hand-made data sets in tests, small exports).
 */
import type { Claim, DocumentLocation, DocumentSummary, Entity, Event, Relation } from '../model/index.js';
import type { EntityBrief, Scope, Store } from '../store/store.js';
import type { NoteRecord, TargetKind } from '../store/curation.js';
import { Gradings, readGradings } from '../network/curation/gradings.js';
import type { ExportData, ExportOptions } from './dataset.js';
import { mergedRelationPages } from './merged-order.js';

/** Notes and tags of some targets, by target key ("entity:ent_…"), notes oldest first. */
export interface Curation {
  notes: Map<string, NoteRecord[]>;
  tags: Map<string, string[]>;
}

/** The data of an export, read in pages (each list in id order, each page a few thousand items at most). */
export interface ExportSource {
  documents(): AsyncIterable<DocumentSummary[]>;
  /** How many documents the scope has (GEXF's description says so before any node). */
  documentCount(): Promise<number>;
  entities(): AsyncIterable<Entity[]>;
  /** Merged relations as the options choose them (reviewed only, minimum grade), with rejected ones when asked. */
  relations(): AsyncIterable<Relation[]>;
  /** Events; with `withRejected` (and options.includeRejected) the rejected ones too, in id order with the others. */
  events(withRejected?: boolean): AsyncIterable<Event[]>;
  claims(withRejected?: boolean): AsyncIterable<Claim[]>;
  /** The entities of some ids, as briefs (name, type): those absent or outside the scope left out. */
  entitiesOf(ids: Iterable<string>): Promise<Map<string, EntityBrief>>;
  /** Grades and near-duplicate groups of some documents. */
  gradings(documentIds: Iterable<string>): Promise<Gradings>;
  /** Every place each of some documents was found, by id (absent: its own path only). */
  locations(documentIds: readonly string[]): Promise<Map<string, DocumentLocation[]>>;
  /** Notes and tags of some targets of one kind. */
  curation(kind: TargetKind, ids: readonly string[]): Promise<Curation>;
}

/** Items read per keyset page. */
export const PAGE = 1000;

const byId = <T extends { id: string }>(items: T[]): T[] => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Pages of a keyset read until one comes back short. */
async function* keyset<T extends { id: string }>(read: (after: string | null, limit: number) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  for (let after: string | null = null; ;) {
    const page = await read(after, size);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Pages of `pages` (in id order) with `extra` (sorted by id, few: rejected proposals) merged in; on equal ids the page's
 * item comes first, as a stable sort of the two lists put end to end orders them.
 */
async function* mergeSorted<T extends { id: string }>(pages: AsyncIterable<T[]>, extra: T[]): AsyncGenerator<T[]> {
  let k = 0;
  for await (const page of pages) {
    const out: T[] = [];
    for (const item of page) {
      while (k < extra.length && extra[k]!.id < item.id) out.push(extra[k++]!);
      out.push(item);
    }
    if (out.length > 0) yield out;
  }
  if (k < extra.length) yield extra.slice(k);
}

const key = (kind: string, id: string) => `${kind}:${id}`;

/** Notes and tags of records read for some targets, grouped by target key. */
function groupCuration(notes: NoteRecord[], tags: { target: { kind: string; id: string }; tag: string }[]): Curation {
  const out: Curation = { notes: new Map(), tags: new Map() };
  for (const n of notes) {
    const k = key(n.target.kind, n.target.id);
    const list = out.notes.get(k);
    if (list) list.push(n);
    else out.notes.set(k, [n]);
  }
  for (const t of tags) {
    const k = key(t.target.kind, t.target.id);
    const list = out.tags.get(k);
    if (list) list.push(t.tag);
    else out.tags.set(k, [t.tag]);
  }
  return out;
}

/** The scope's data read from the store by keyset pages: memory holds a page (and the few rejected proposals), never the collection. */
export function storeSource(store: Store, scope: Scope, options: ExportOptions = {}, pageSize = PAGE): ExportSource {
  const rejected = options.includeRejected ? store.listRejected(scope).then((r) => ({ relations: byId(r.relations), events: byId(r.events), claims: byId(r.claims) })) : null;
  const source: ExportSource = {
    documents: () => keyset((after, limit) => store.listDocumentsAfter(scope, after, limit), pageSize),
    async documentCount() {
      return (await store.listDocuments(scope, 1, 0)).total;
    },
    entities: () => keyset((after, limit) => store.listEntitiesAfter(scope, after, limit), pageSize),
    async *relations() {
      const chosen = async function* (): AsyncGenerator<Relation[]> {
        for await (const page of mergedRelationPages(store, scope, pageSize)) {
          let kept = page.filter((r) => !options.reviewedOnly || r.review);
          // With minGrade: evidence from documents graded at least that, source counts recounted, relations without any left out.
          if (options.minGrade) kept = (await source.gradings(kept.flatMap((r) => r.evidence.map((e) => e.documentId)))).filterRelations(kept, options.minGrade);
          yield kept;
        }
      };
      yield* mergeSorted(chosen(), rejected ? (await rejected).relations : []);
    },
    async *events(withRejected = false) {
      yield* mergeSorted(keyset((after, limit) => store.listEventsAfter(scope, after, limit), pageSize), withRejected && rejected ? (await rejected).events : []);
    },
    async *claims(withRejected = false) {
      yield* mergeSorted(keyset((after, limit) => store.listClaimsAfter(scope, after, limit), pageSize), withRejected && rejected ? (await rejected).claims : []);
    },
    async entitiesOf(ids) {
      const list = [...new Set(ids)];
      const map = new Map<string, EntityBrief>();
      for (let i = 0; i < list.length; i += pageSize) for (const e of await store.getEntityBriefs(list.slice(i, i + pageSize), scope)) map.set(e.id, e);
      return map;
    },
    gradings: (documentIds) => readGradings(store, scope, documentIds),
    locations: (documentIds) => store.listLocationsOf(documentIds, scope),
    async curation(kind, ids) {
      if (ids.length === 0) return { notes: new Map(), tags: new Map() };
      const targets = ids.map((id) => ({ kind, id }));
      return groupCuration(await store.curation.listNotes(scope.collections, targets), await store.curation.listTags(scope.collections, targets));
    },
  };
  return source;
}

/** Data already in memory (ExportData, each list sorted by id) as a source: one page per list. */
export function memorySource(data: ExportData): ExportSource {
  const once = async function* <T>(items: T[]): AsyncGenerator<T[]> {
    if (items.length > 0) yield items;
  };
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  return {
    documents: () => once(data.documents),
    documentCount: async () => data.documents.length,
    entities: () => once(data.entities),
    relations: () => once(data.relations),
    events: () => once(data.events),
    claims: () => once(data.claims),
    async entitiesOf(ids) {
      const map = new Map<string, EntityBrief>();
      for (const id of ids) if (entities.has(id)) map.set(id, entities.get(id)!);
      return map;
    },
    gradings: async () => data.gradings ?? new Gradings(new Map()),
    locations: async () => data.locations ?? new Map(),
    async curation() {
      return { notes: data.notes ?? new Map(), tags: data.tags ?? new Map() };
    },
  };
}

/** Gathers a format's chunks into one string (tests, small exports). */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}
