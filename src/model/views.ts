/** Shapes of the network views the API serves (graph, entity page): shared by the server and the web app. */
import type { DocumentSummary } from './document.js';
import type { Claim, Entity, EntityType, Event, Evidence, MergeReason, Relation, ResolvedEntityRecord } from './extraction.js';
import type { ReviewState } from './review.js';

/**
 * An entity as lists and entity search give it: its name, aliases and counts. Not its merge reasons, members or document
 * ids, which grow with the entity (a hub gathered from thousands of documents has tens of thousands of each, megabytes
 * of JSON): its page has them, paged (EntityView.entity, /api/entities/:id/members, /api/entities/:id/documents), and
 * the entity holding a member key is found by that key (/api/entities/by-member).
 */
export type EntityListItem = Omit<ResolvedEntityRecord, 'reasons' | 'members' | 'documentIds'> & {
  /** How many documents name the entity. */
  documentCount: number;
};

/** An entity record as a list item (its members, merge reasons and document ids left out, the documents counted). */
export function toListItem(e: Entity | ResolvedEntityRecord): EntityListItem {
  const { id, collection, type, name, aliases, mentionCount, documentIds } = e;
  return { id, collection, type, name, aliases, mentionCount, documentCount: documentIds.length };
}

/** A node of the graph. */
export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  degree: number;
  mentionCount: number;
}

/** An edge of the graph: one merged relation. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  confidence: number;
  independentSources: number;
  evidenceCount: number;
  contradicted: boolean;
  /** The analyst's review: accepted, kept (accepted, no longer proposed) or unreviewed. */
  review?: ReviewState;
}

/** Nodes and edges after filtering. */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes and edges that matched before the node cap (`limit`): the view shows `nodes.length` of `total.nodes`. */
  total?: { nodes: number; edges: number };
  /** Present when the cap left some out: "Showing N of M entities (the most connected) and ... relations." */
  note?: string;
}

/** A relation seen from one entity, with the other end named. */
export interface EntityRelation extends Relation {
  /** "out" when the entity is the source. */
  direction: 'out' | 'in';
  other: { id: string; name: string; type: EntityType } | null;
  /** How many evidence sentences the relation has; on the entity page `evidence` holds the first RELATION_EVIDENCE of them. */
  evidenceCount: number;
}

/** Most evidence sentences per relation on the entity page (the rest: GET /api/entities/:id/relations/:relation/evidence). */
export const RELATION_EVIDENCE = 3;

/** A page of one relation's evidence sentences, in the relation's order, and how many it has. */
export interface EvidencePage {
  items: Evidence[];
  total: number;
}

/** One member candidate of an entity with the merge reasons naming it (the first few: a hub's anchor can name thousands). */
export interface EntityMember {
  /** Candidate key, "<documentId>#TYPE:norm". */
  key: string;
  /** At most MEMBER_REASONS of the merge reasons naming this key, in stored order. */
  reasons: MergeReason[];
  /** How many merge reasons name this key. */
  reasonCount: number;
  /** The document the key was gathered from, by id (for its title), when the reader may see it. */
  document?: Pick<DocumentSummary, 'id' | 'title' | 'path'>;
}

/** Most merge reasons listed per member (the page shows two and counts the rest). */
export const MEMBER_REASONS = 3;

/** A page of an entity's members, by key (GET /api/entities/:id/members). */
export interface EntityMembersPage {
  items: EntityMember[];
  /** How many members the entity has. */
  total: number;
}

/** A document naming an entity, with how many of its mentions are the entity's (null for a per-name entity: not counted). */
export interface EntityDocument extends DocumentSummary {
  mentions: number | null;
}

/**
 * A page of the documents naming an entity (GET /api/entities/:id/documents), most relevant first: most mentions of
 * the entity, then the newest (undated last), then by id; and how many there are.
 */
export interface EntityDocumentsPage {
  items: EntityDocument[];
  total: number;
}

/** Documents listed on the entity page (the rest: GET /api/entities/:id/documents). */
export const ENTITY_DOCUMENTS = 20;

/**
 * A page of an entity's events (GET /api/entities/:id/events), the newest first (undated last, then by id), how many
 * there are, and the names of the entities they refer to.
 */
export interface EntityEventsPage {
  items: Event[];
  total: number;
  names: Record<string, string>;
}

/** Events listed on the entity page (the rest: GET /api/entities/:id/events; the timeline shows the dated ones). */
export const ENTITY_EVENTS = 50;

/** Relations on the entity page, the strongest (the rest: GET /api/entities/:id/relations, a page at a time). */
export const ENTITY_RELATIONS = 50;

/**
 * A page of an entity's relations (GET /api/entities/:id/relations): the strongest after `offset` of them, as the entity
 * page lists its first ENTITY_RELATIONS (first sentences, counts, corroboration by grade), how many the entity has
 * (`total`, before any grade filter), and the grades of the documents they cite. With a grade filter a page can hold
 * fewer than it was asked for (relations without a sentence from a document graded so are left out); the next page
 * starts at `offset + limit` all the same.
 */
export interface EntityRelationsPage {
  items: (EntityRelation & { corroboration: Record<string, number> })[];
  total: number;
  grades: Record<string, string>;
}

/** The entity page's data (GET /api/entities/:id). */
export interface EntityView {
  /**
   * The entity; on a hub's page `members` holds only the first page of keys (see `members`) and `reasons` only the
   * reasons of those members, so the page does not grow with the entity.
   */
  entity: ResolvedEntityRecord;
  /** The first members by key with their merge reasons, and how many there are (the rest: GET /api/entities/:id/members). */
  members: EntityMembersPage;
  /** How many merge reasons the entity has in all. */
  reasonCount: number;
  /** Present when the members were capped: "Showing 200 of 7,354 merged names." */
  membersNote?: string;
  relations: EntityRelation[];
  /** The first ENTITY_EVENTS events, the newest first (see EntityEventsPage). */
  events: Event[];
  /** How many events name the entity (more than `events.length` when the list was capped). */
  eventCount: number;
  claims: Claim[];
  /** The first ENTITY_DOCUMENTS documents naming the entity, most relevant first (see EntityDocumentsPage). */
  documents: EntityDocument[];
  /** How many documents name the entity in the scope (more than `documents.length` when the list was capped). */
  documentCount: number;
  /** How many merged relations the entity has (more than `relations.length` when only the strongest were read). */
  relationCount?: number;
  /** Present when the relations were capped: "Showing the N strongest of M relations (most independent sources first)." */
  relationsNote?: string;
  /** Names of entities referred to by events and claims, for display. */
  names: Record<string, string>;
}
