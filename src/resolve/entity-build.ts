/** The output side of clustering: an entity's id, lead name, aliases and reasons, each independent of candidate order. */
import { createHash } from 'node:crypto';
import type { EntityType } from '../model/index.js';
import { isAcronym } from './acronyms.js';
import { comparableWords } from './name-key.js';
import { normalizeName } from './normalize.js';
import type { MergeReason, ResolveCandidate, ResolvedEntity } from './types.js';

/** Deterministic entity id: the type and the lowest member key, hashed, so it survives re-extraction. */
export function entityId(type: EntityType, members: string[]): string {
  const lowest = [...members].sort()[0] ?? '';
  return `ent_${createHash('sha256').update(`${type}\u0000${lowest}`).digest('hex').slice(0, 16)}`;
}

/** Builds the output entity of one cluster: the most-documented, fullest name leads; other spellings are aliases. */
export function toEntity(list: ResolveCandidate[], indexes: number[], reasons: MergeReason[]): ResolvedEntity {
  const members = indexes.map((i) => list[i]).filter((c): c is ResolveCandidate => c !== undefined);
  const type = members[0]?.type ?? 'MISC';
  // Most documents first, then names not written in capitals only, in Latin script (the reader's), then the fullest, then the longest.
  const rank = (c: ResolveCandidate): number[] => leadRank(c.name, c.documentIds.length, type);
  const lead = members.reduce((x, y) => (leadsOver(y.name, rank(y), x.name, rank(x)) ? y : x));
  const keys = members.map((c) => c.key).sort();
  return {
    id: entityId(type, keys),
    name: lead.name,
    type,
    aliases: aliasesOf(members.flatMap((c) => [c.name, ...c.aliases]), lead.name, type),
    members: keys,
    documentIds: [...new Set(members.flatMap((c) => c.documentIds))].sort(),
    reasons: sortReasons(reasons),
  };
}

/**
 * One spelling per normalised form other than the lead's: the smallest (code-unit order), so the choice does not
 * depend on the order candidates arrive in and an incremental update can keep it by comparing two strings.
 */
export function aliasesOf(names: Iterable<string>, lead: string, type: EntityType): string[] {
  const leadNorm = normalizeName(lead, type);
  const byNorm = new Map<string, string>();
  for (const n of names) {
    const norm = normalizeName(n, type);
    if (norm === '' || norm === leadNorm) continue;
    const prev = byNorm.get(norm);
    if (prev === undefined || n < prev) byNorm.set(norm, n);
  }
  return [...byNorm.values()].sort();
}

/** Reasons in one canonical order (by the candidates they join, then rule), whatever order the unions happened in. */
export function sortReasons(reasons: MergeReason[]): MergeReason[] {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...reasons].sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b) || cmp(x.rule, y.rule) || y.score - x.score);
}

// Two words in capitals and no lower-case letter: "KHALID JABOURI" from a telex, against "Khalid Jabouri".
const CAPITALS_ONLY = /^[^\p{Ll}]*\p{Lu}{2,}[^\p{L}]+\p{Lu}{2,}[^\p{Ll}]*$/u;

/**
 * The lead-name order of toEntity: more documents, not in capitals only, Latin script, more words, longer; ties to the
 * smaller name.
 */
export function leadRank(name: string, documents: number, type: EntityType): number[] {
  return [
    documents,
    CAPITALS_ONLY.test(name) ? 0 : 1,
    /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]*$/u.test(name) ? 1 : 0,
    isAcronym(name) ? 0 : comparableWords(normalizeName(name, type), type).length,
    name.length,
  ];
}

/** True when a name of the given rank would lead over the current lead (see toEntity). */
export function leadsOver(name: string, rank: number[], lead: string, leadRankNow: number[]): boolean {
  for (let k = 0; k < rank.length; k++) if ((rank[k] ?? 0) !== (leadRankNow[k] ?? 0)) return (rank[k] ?? 0) > (leadRankNow[k] ?? 0);
  return name < lead;
}
