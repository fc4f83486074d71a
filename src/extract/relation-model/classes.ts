/**
 * The relation model's output classes: "none", or a relation type read left-to-right or right-to-left between the
 * two mentions of a candidate pair in text order (symmetric types have one class).
 */
import { RELATION_TYPES, type RelationTypeId } from '../../model/index.js';

/** One output class. */
export interface RelationClass {
  /** "none", "met", "role_in>" (first mention is the source) or "role_in<" (second mention is the source). */
  name: string;
  /** The relation type, absent for "none". */
  type?: RelationTypeId;
  /** True when the second mention (in text order) is the source. */
  reversed: boolean;
}

/** Every relation type id, in declaration order. */
export const TYPE_IDS = Object.keys(RELATION_TYPES) as RelationTypeId[];

/** The classes, "none" first; the order is part of the model file format. */
export const CLASSES: readonly RelationClass[] = [
  { name: 'none', reversed: false },
  ...TYPE_IDS.flatMap((type): RelationClass[] =>
    RELATION_TYPES[type].symmetric
      ? [{ name: type, type, reversed: false }]
      : [{ name: `${type}>`, type, reversed: false }, { name: `${type}<`, type, reversed: true }],
  ),
];

/** Index of "none". */
export const NONE = 0;

const INDEX = new Map(CLASSES.map((c, i) => [c.name, i]));

/** Class index of a type read in the given direction relative to text order (symmetric types ignore direction). */
export function classOf(type: RelationTypeId, reversed: boolean): number {
  const name = RELATION_TYPES[type].symmetric ? type : `${type}${reversed ? '<' : '>'}`;
  return INDEX.get(name)!;
}

/** Class indexes of every class whose type is in `types` (both directions). */
export function classesOfTypes(types: Iterable<RelationTypeId>): number[] {
  const set = new Set(types);
  return CLASSES.flatMap((c, i) => (c.type !== undefined && set.has(c.type) ? [i] : []));
}
