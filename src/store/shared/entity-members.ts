/**
 * An entity's members a page at a time, each with the merge reasons naming it: both engines read a page of keys in key
 * order and the entity's reasons as JSON texts (PostgreSQL only those naming a key of the page), and build the page here.
 */
import { MEMBER_REASONS, type EntityMember, type EntityMembersPage, type MergeReason, type ResolvedEntityRecord } from '../../model/index.js';
import type { EntityRow } from './entity-rows.js';

/** The counts a candidate -> entity map row carries, in the order MEMBER_COUNTS_SQL gives them. */
export const MEMBER_COUNT_COLUMNS = 'mentions, claims, events';

/**
 * SQL (both engines) for the counts a new candidate -> entity map row starts with (`key`: an SQL expression): the
 * mentions carrying its key, the claims it speaks, the events naming it. Triggers keep them from then on (migrations 21
 * and 23), so the entity page ranks an entity's documents from its own rows and probes only keys with events or claims.
 */
export const MEMBER_COUNTS_SQL = (key: string): string => `CAST((SELECT count(*) FROM mentions x WHERE x.entity_key = ${key}) AS INTEGER),
  CAST((SELECT count(*) FROM claims c WHERE c.speaker = ${key}) AS INTEGER), CAST((SELECT count(*) FROM event_keys ek WHERE ek.key = ${key}) AS INTEGER)`;

/** One entity as its page shows it (see Store.getEntityHead). */
export interface EntityHead {
  /** The entity with only the first page of members and the merge reasons of those members. */
  entity: ResolvedEntityRecord;
  /** The first page of members with their reasons, and how many members there are. */
  members: EntityMembersPage;
  /** How many merge reasons the entity has in all. */
  reasonCount: number;
}

/** An entities row as the head read selects it: no reasons, their count and the member count instead. */
export type EntityHeadRow = Omit<EntityRow, 'reasons'> & { reason_count: number; member_count: number };

/**
 * The members of `keys` (a page, in order) with at most MEMBER_REASONS reasons each and their counts; `reasons` are the
 * entity's reasons as JSON texts, in stored order (all of them, or those naming a key of the page). A hub's anchor can be
 * named by thousands: each text's ends are read without parsing it, and only the reasons kept are parsed.
 */
export function membersWithReasons(keys: readonly string[], reasons: Iterable<string>): EntityMember[] {
  const byKey = new Map<string, EntityMember>(keys.map((key) => [key, { key, reasons: [], reasonCount: 0 }]));
  for (const text of reasons) {
    let parsed: MergeReason | undefined;
    let a = stringField(text, 'a');
    let b = stringField(text, 'b');
    if (a === undefined || b === undefined) ({ a, b } = parsed = JSON.parse(text) as MergeReason);
    for (const end of a === b ? [a] : [a, b]) {
      const member = byKey.get(end);
      if (!member) continue;
      member.reasonCount++;
      if (member.reasons.length < MEMBER_REASONS) member.reasons.push(parsed ??= JSON.parse(text) as MergeReason);
    }
  }
  return [...byKey.values()];
}

/**
 * The elements of a JSON array of flat objects (an entity's merge reasons as JSON.stringify wrote them) as their own
 * texts, found without parsing the array (SQLite's json_each took 46-58 ms for a hub's 4 MB of reasons at 100,000
 * documents, this 7-8 ms: bench/read-profile.ts --only page). Inside a string value every quote is
 * escaped, so `},{"` is a boundary between two objects unless a string value ends in "},{" (its closing quote then
 * follows, and after it a comma or brace, where a boundary has a field name). Null when the text is not such an array
 * or holds such a value (then the caller parses it).
 */
export function flatObjectTexts(json: string): string[] | null {
  if (json === '[]') return [];
  if (!json.startsWith('[{"') || !json.endsWith('}]')) return null;
  const out: string[] = [];
  let start = 1;
  for (;;) {
    const next = json.indexOf('{"', start + 2);
    if (next < 0) {
      out.push(json.slice(start, json.length - 1));
      return out;
    }
    // Objects are separated by a comma alone; anything else (a nested object, whitespace) is not this shape, nor a
    // closing quote (a value ending in "},{": a comma or brace follows it).
    const after = json.charCodeAt(next + 2);
    if (json.charCodeAt(next - 1) !== 44 || json.charCodeAt(next - 2) !== 125 || after === 44 || after === 125) return null;
    out.push(json.slice(start, next - 1));
    start = next;
  }
}

/**
 * A top-level string field of a flat JSON object, read without parsing it; undefined when absent or escaped (the caller
 * parses). `"a":"` cannot occur inside a string value, where every quote is escaped: '{"rule":"exact","a":"d1#ORG:x"}' -> "d1#ORG:x".
 */
export function stringField(json: string, name: string): string | undefined {
  const tag = `"${name}":"`;
  const at = json.indexOf(tag);
  if (at < 0) return undefined;
  const start = at + tag.length;
  const end = json.indexOf('"', start);
  if (end < 0) return undefined;
  const value = json.slice(start, end);
  return value.includes('\\') ? undefined : value;
}

/** The head of an entity from its row, aliases and first page of members: the reasons shown are those of the page. */
export function toEntityHead(row: EntityHeadRow, aliases: string[], page: EntityMember[]): EntityHead {
  const reasons = new Set<MergeReason>();
  for (const m of page) for (const r of m.reasons) reasons.add(r);
  const entity: ResolvedEntityRecord = {
    id: row.id, collection: row.collection, type: row.type, name: row.name, aliases, mentionCount: Number(row.mention_count),
    documentIds: JSON.parse(row.document_ids) as string[], members: page.map((m) => m.key), reasons: [...reasons],
  };
  return { entity, members: { items: page, total: Number(row.member_count) }, reasonCount: Number(row.reason_count) };
}

/** The head of an entity that has no member rows (a per-name entity of a collection resolution has not run on). */
export function wholeHead(entity: ResolvedEntityRecord): EntityHead {
  return { entity, members: { items: [], total: entity.members.length }, reasonCount: entity.reasons.length };
}
