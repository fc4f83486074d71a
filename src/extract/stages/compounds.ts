/**
 * Places inside compound adjectives, as mentions of their own: "Minneapolis-based First Bank" names Minneapolis, not
 * an entity "Minneapolis-based"; "the New York-based group" names New York. The NER keeps CoNLL's convention (the
 * whole word MISC, or a longer span it typed by guess); the network needs the place, so the relation rules read
 * located_in(First Bank, Minneapolis). Actor compounds ("Iran-backed", "U.S.-led") stay whole: the relation model
 * was trained on them as CoNLL writes them and reads them as actors; cut to the name, it read "the UK-led Joint
 * Expeditionary Force" as part_of(Joint Expeditionary Force, UK) on the Factbook dev set.
 */
import type { EntityType } from '../../model/index.js';
import { PLACE_PARTICIPLES, splitCompound } from '../../nlp/compounds.js';
import { countryOf, isDemonym } from '../../resolve/countries.js';
import { normalizeName } from '../../resolve/index.js';
import type { Recognizer } from '../../nlp/ner/index.js';

// A MISC reading of the name says nothing of what it is.
const known = (t: EntityType | undefined): EntityType | undefined => (t === 'MISC' ? undefined : t);

interface Span {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

/**
 * Cuts every span that is a place compound ("X-based", "X-born") down to its name. The name's type, in order: a
 * nationality word is MISC ("Saudi-born"); a country is LOC; the type the same name has elsewhere in the document;
 * the type `guess` gives the name read alone (the NER, which knows cities from its lists), MISC readings ignored;
 * else LOC.
 */
export function nameCompounds<T extends Span>(spans: T[], guess: (name: string) => EntityType | undefined): T[] {
  if (!spans.some((s) => s.text.includes('-'))) return spans;
  const typeOf = new Map<string, EntityType>();
  for (const s of spans) if (!splitCompound(s.text)) typeOf.set(s.text, s.type);
  return spans.map((s) => {
    const compound = splitCompound(s.text);
    if (!compound) return s;
    const { name, participle } = compound;
    if (!PLACE_PARTICIPLES.has(participle)) return s;
    const type: EntityType =
      isDemonym(name) ? 'MISC'
        : countryOf(normalizeName(name, 'LOC')) ? 'LOC'
          : known(typeOf.get(name)) ?? known(guess(name)) ?? 'LOC';
    return { ...s, end: s.start + name.length, text: name, type };
  });
}

/** The type a recognizer gives a name read on its own, when it reads the whole of it as one name (for `guess`). */
export function typeReadAlone(rec: Recognizer, name: string): EntityType | undefined {
  const spans = rec.recognize(name, [{ start: 0, end: name.length }]);
  return spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === name.length ? spans[0]!.type : undefined;
}
