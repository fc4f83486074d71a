/**
 * Features shared across relation types. A feature such as "tl:paid|nsubj|obj" (the predicate linking the two names is
 * a payment word, the first name its subject, the second its object) says the same thing for every type: "the
 * trigger's type is this class's type, reached by these roles, read in this direction". Shared, its weight is learned
 * from all types together, so types with few training examples (paid, met, succeeded) gain from the plentiful ones
 * (role_in, located_in): the type comes from the trigger lexicon, the structure from all the data.
 */
import { RELATION_TYPES } from '../../model/index.js';
import { CLASSES } from './classes.js';

/** Prefixes of the features that have shared keys. */
export const TYPED_PREFIXES: readonly string[] = ['tl', 'tb', 'tp', 'tpr', 'conjt', 'tw', 'rule'];
const TYPED = new RegExp(`^(${TYPED_PREFIXES.join('|')}):([a-z_]+)([<>]?)((?:\\|.*)?)$`);
const TYPED_FIRST = new Set(TYPED_PREFIXES.map((p) => p.charCodeAt(0)));

/** False for a feature that can have no shared key (a cheap test on its first letter, before sharedKeys' expression). */
export function mayBeShared(feature: string): boolean {
  return TYPED_FIRST.has(feature.charCodeAt(0));
}

const CLASSES_OF_TYPE = new Map<string, number[]>();
CLASSES.forEach((c, k) => {
  if (c.type !== undefined) CLASSES_OF_TYPE.set(c.type, [...(CLASSES_OF_TYPE.get(c.type) ?? []), k]);
});

/** The shared features of an example, as (class, key) pairs: each typed feature counts for the classes of its type. */
export function sharedKeys(feats: readonly string[]): [number, string][] {
  const out: [number, string][] = [];
  for (const f of feats) {
    const m = TYPED.exec(f);
    if (m === null || !(m[2]! in RELATION_TYPES)) continue;
    for (const c of CLASSES_OF_TYPE.get(m[2]!)!) {
      const cls = CLASSES[c]!;
      const dir = RELATION_TYPES[cls.type!].symmetric ? '=' : cls.reversed ? '<' : '>';
      // A rule's own direction either agrees with the class's or not; other features carry the roles that decide it.
      const tag = m[3] ? (m[3] === dir ? 'same' : 'opposite') : dir;
      out.push([c, `S:${m[1]}${m[4]}|${tag}`]);
    }
  }
  return out;
}
