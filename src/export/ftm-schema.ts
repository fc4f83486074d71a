/**
 * The part of the FollowTheMoney model (followthemoney 3.8 schema YAML) this export writes: which schema each entity
 * type becomes, and for each relationship schema its two end properties and the schemata they accept (`range`).
 */
import type { EntityType } from '../model/index.js';

/** FtM schema per entity type. */
export const ENTITY_SCHEMA: Record<EntityType, string> = {
  PERSON: 'Person',
  ORG: 'Organization',
  // A place named in text: Address is FtM's place entity (`full` holds the name, `country` the code when it is a country).
  LOC: 'Address',
  // MISC names that take part in relations are mostly nationalities standing for states or groups ("Iraqi", "Americans");
  // LegalEntity is FtM's "not sure if person or company" schema and, unlike the abstract Thing, can be written.
  MISC: 'LegalEntity',
};

/** Schemata each written schema is, itself included (FtM `extends`, flattened). */
const IS_A: Record<string, readonly string[]> = {
  Person: ['Person', 'LegalEntity', 'Thing'],
  Organization: ['Organization', 'LegalEntity', 'Thing'],
  LegalEntity: ['LegalEntity', 'Thing'],
  Address: ['Address', 'Thing'],
};

/** A relationship schema's two ends: the property names and the schema each end must be (the YAML's `range`). */
export interface EdgeSchema {
  /** Property holding the edge's source ("member", "payer"). */
  source: string;
  /** Property holding the edge's target ("organization", "beneficiary"). */
  target: string;
  /** Schema the source property accepts (its `range`). */
  sourceRange: string;
  /** Schema the target property accepts. */
  targetRange: string;
  /** True when our relation's source is FtM's target: "A succeeded B" is Succession{predecessor: B, successor: A}. */
  reversed?: boolean;
}

/** The relationship schemata RELATION_TYPES names, with their `edge:` source and target properties. */
export const EDGE_SCHEMAS: Record<string, EdgeSchema> = {
  Membership: { source: 'member', target: 'organization', sourceRange: 'LegalEntity', targetRange: 'Organization' },
  Ownership: { source: 'owner', target: 'asset', sourceRange: 'LegalEntity', targetRange: 'Asset' },
  Payment: { source: 'payer', target: 'beneficiary', sourceRange: 'LegalEntity', targetRange: 'LegalEntity' },
  // FtM's edge runs predecessor -> successor ("preceeds"); our `succeeded` runs successor -> predecessor.
  Succession: { source: 'predecessor', target: 'successor', sourceRange: 'LegalEntity', targetRange: 'LegalEntity', reversed: true },
  UnknownLink: { source: 'subject', target: 'object', sourceRange: 'Thing', targetRange: 'Thing' },
};

/** True when an entity written as `schema` may fill a property whose range is `range`. */
export function fitsRange(schema: string, range: string): boolean {
  return IS_A[schema]?.includes(range) ?? false;
}

/** FtM `language` values are ISO 639-2 codes; our documents carry ISO 639-1 ones. Unlisted languages are left out. */
export const LANGUAGE_3: Record<string, string> = {
  en: 'eng', ar: 'ara', fa: 'fas', fr: 'fra', de: 'deu', es: 'spa', ru: 'rus', tr: 'tur', he: 'heb', ku: 'kur', ur: 'urd', zh: 'zho',
};

// FtM entity ids: letters, digits, "." and "-" only, starting and ending with a letter or digit (followthemoney types/entity.py).
const FTM_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;

/** An FtM id derived from one of ours ("ent_1a2b" -> "cg-ent-1a2b"), stable across exports. */
export function ftmId(id: string): string {
  const candidate = `cg-${id.replace(/_/g, '-')}`;
  if (!FTM_ID.test(candidate)) throw new Error(`Cannot derive an FtM id from "${id}"`);
  return candidate;
}
