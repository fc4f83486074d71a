/**
 * Search across scripts: a query that is a name ("Qassem Soleimani", or "قاسم سلیمانی") also finds the documents that
 * write the same resolved entity in another script. The entity is found by the name index (same normalised name or
 * transliteration variant, never a mere prefix), and its names in other scripts are added as alternative phrases.
 * The response says which names were added, so the user sees why a Persian document matched a Latin query.
 */
import type { EntityType, QueryExpansion } from '../model/index.js';
import type { Scope, Store } from '../store/store.js';
import { parseQuery, type QueryNode, QUERY_LIMITS } from '../store/query.js';
import { nameQuery, scoreNames, NAME_KIND } from '../store/shared/name-keys.js';

/** Entities a name may stand for (a name shared by a person and an organisation expands both). */
const MAX_ENTITIES = 3;
/** Names added per entity: the most frequent spellings come first in its aliases. */
const MAX_NAMES_PER_ENTITY = 6;
/** A query longer than this is a question, not a name. */
const MAX_NAME_WORDS = 6;

/** Writing systems a name can be in, as far as search cares: spellings in different ones never share index words. */
export function scriptOf(text: string): 'arabic' | 'latin' | 'other' {
  let arabic = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  if (arabic >= latin && arabic >= other && arabic > 0) return 'arabic';
  if (latin >= other && latin > 0) return 'latin';
  return 'other';
}

/** The name a query stands for, when it is one: plain words or one quoted phrase, no operators, prefixes or filters. */
export function nameOfQuery(raw: string): string | null {
  const text = raw.trim().replace(/^["“”](.*)["“”]$/u, '$1').trim();
  if (text === '' || /["“”()*]/u.test(text)) return null;
  const words = text.split(/\s+/u);
  if (words.length > MAX_NAME_WORDS) return null;
  if (words.some((w) => /^(?:AND|OR|NOT|NEAR(?:\/\d+)?)$/u.test(w) || w.startsWith('-'))) return null;
  return words.join(' ');
}

/**
 * The query with the entity's other-script names added as alternatives (`query OR "name" OR ...`), and what was
 * added; the query unchanged when it is not a name, names no entity, or the entity has no name in another script.
 */
export async function expandAcrossScripts(store: Store, scope: Scope, raw: string, query: QueryNode): Promise<{ query: QueryNode; expansions: QueryExpansion[] }> {
  const name = nameOfQuery(raw);
  if (name === null) return { query, expansions: [] };
  const script = scriptOf(name);
  const q = nameQuery(name);
  const page = await store.searchEntities({ q: name, limit: MAX_ENTITIES * 3, offset: 0 }, scope);
  const expansions: QueryExpansion[] = [];
  const alternatives: QueryNode[] = [];
  let terms = countTerms(query);
  for (const e of page.items) {
    if (expansions.length >= MAX_ENTITIES) break;
    // Same name or transliteration variant only: "Iran" must not pull in the names of "Iran Air".
    if (scoreNames(q, e.type as EntityType, [e.name, ...e.aliases]) < NAME_KIND.variant) continue;
    const names: string[] = [];
    for (const alias of [e.name, ...e.aliases]) {
      if (names.length >= MAX_NAMES_PER_ENTITY) break;
      if (scriptOf(alias) === script || scriptOf(alias) === 'other' || names.includes(alias)) continue;
      const node = phraseOf(alias);
      if (node === null) continue;
      const size = countTerms(node);
      if (terms + size > QUERY_LIMITS.maxTerms) break;
      terms += size;
      alternatives.push(node);
      names.push(alias);
    }
    if (names.length > 0) expansions.push({ entityId: e.id, entityName: e.name, type: e.type, names });
  }
  if (alternatives.length === 0) return { query, expansions: [] };
  return { query: { kind: 'or', children: [query, ...alternatives] }, expansions };
}

/** A name as an exact phrase of the query language; null when it holds nothing the index keeps. */
function phraseOf(name: string): QueryNode | null {
  try {
    return parseQuery(`"${name.replace(/["“”]/gu, ' ')}"`);
  } catch {
    // A name of punctuation only, or one longer than a query may be: nothing to add.
    return null;
  }
}

/** Index words a query holds, as the query limits count them. */
function countTerms(node: QueryNode): number {
  switch (node.kind) {
    case 'term':
      return 1;
    case 'phrase':
      return node.words.length;
    case 'not':
      return countTerms(node.positive) + countTerms(node.negative);
    default:
      return node.children.reduce((n, c) => n + countTerms(c), 0);
  }
}
