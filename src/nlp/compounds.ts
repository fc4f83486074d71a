/**
 * Compound adjectives made of a name and a participle: "Minneapolis-based", "Iran-backed", "U.S.-led",
 * "Serb-held". CoNLL-2003 tags the whole word MISC; the name inside is what a network needs.
 */

/** Participles that join a name into a compound adjective. */
export const COMPOUND_PARTICIPLES = [
  'based', 'led', 'backed', 'born', 'owned', 'run', 'ruled', 'controlled', 'funded', 'sponsored', 'aligned',
  'affiliated', 'allied', 'held', 'dominated', 'linked',
] as const;

/** Participles after which the name is a place ("Beirut-based", "Cairo-born"); after the others it is an actor. */
export const PLACE_PARTICIPLES: ReadonlySet<string> = new Set(['based', 'born']);

// Case-sensitive: with the i flag \p{Lu} would match lower-case letters too.
const COMPOUND = new RegExp(`^(\\p{Lu}.*?)-(${COMPOUND_PARTICIPLES.join('|')})$`, 'u');

/** The name and participle of a compound adjective ("New York-based" -> "New York" + "based"), or undefined. */
export function splitCompound(text: string): { name: string; participle: string } | undefined {
  const m = COMPOUND.exec(text);
  return m ? { name: m[1]!, participle: m[2]! } : undefined;
}
