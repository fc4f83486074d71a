/** Type corrections from the document around a name, applied after the NER model: evidence the model's window does not see. */
import type { EntityType } from '../../model/index.js';
import { countryOf, isDemonym } from '../../resolve/countries.js';
import { normalizeName } from '../../resolve/normalize.js';
import { splitCompound } from '../../nlp/compounds.js';

/** A recognised name (as the NER model returns it). */
interface Span {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

// A name followed by one of these nouns names an organisation: "the Beit Rahbari agency", "the Badr group".
const ORG_HEADS = new Set(
  ('agency agencies department ministry organisation organization group groups movement party committee council company ' +
    'corporation network brigade brigades battalion militia militias faction factions front coalition alliance bureau ' +
    'directorate unit newspaper channel institute foundation').split(' '),
);
// Heads that follow places too ("U.S. forces", "Iraq army"): they make a person or other name an organisation, not a place.
const ARMED_HEADS = new Set('army forces force command guard guards corps'.split(' '));

const fold = (s: string): string => s.toLowerCase().replace(/[’']s$/u, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// A MISC name shaped like an adjective ("Kurdish", "Islamist", "Maoist", "European", "Iraqi Kurdish", "pro-Baghdad")
// modifies the noun after it: every word has an adjective's ending or is a nationality. Not "-an" or "-i" alone, which
// end many names ("Hashd al-Shaabi").
const ADJECTIVE_ENDING = /(?:ish|ist|ists|ian|ean|ese|ic|ern)$/u;
const adjectival = (text: string): boolean =>
  /^(?:pro|anti)-/iu.test(text) || text.split(/\s+/u).every((w) => ADJECTIVE_ENDING.test(w) || isDemonym(w));
// A country is a place before any noun: "the Indonesia newspaper", "Japan's coalition party", "the U.S. agency".
const isCountry = (s: Span): boolean => s.type === 'LOC' && countryOf(normalizeName(s.text, 'LOC'))?.demonym === false;

/** The next word after `end`, lower case, skipping spaces only (punctuation ends the phrase). */
function nextWord(text: string, end: number): string {
  // Not across a table's cell gap (a tab in the reading view): "Hassan Karimi <tab> Ministry of Defence" is two cells.
  return /^ +([\p{L}]+)/u.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';
}

/**
 * Returns the spans with corrected types, and which were changed:
 * - a name equal to the document's outlet is an organisation ("© 2021 Al Bawaba" where the outlet is Al Bawaba);
 * - a name followed by an organisation noun is an organisation ("the Beit Rahbari agency");
 * - every other mention of a corrected name in the document takes the corrected type.
 * A nationality adjective is never corrected: "Iraqi factions" are factions of Iraq, not an organisation "Iraqi"; nor is a
 * compound adjective ("Iran-backed militias" are militias backed by Iran), a MISC name shaped like an adjective ("Kurdish
 * factions", "Islamist groups") or a country ("the Indonesia newspaper"). Measured on CoNLL-2003 dev
 * (`scripts/ner-retype-check.ts`): the rule without these exceptions turned 25 right types wrong and 2 wrong ones right;
 * with them, 7 and 2.
 */
export function retypeMentions<T extends Span>(text: string, spans: T[], outlet?: string | null): T[] {
  const corrected = new Map<string, EntityType>();
  const outletKey = outlet ? fold(outlet) : '';
  for (const s of spans) {
    if (s.type === 'ORG' || (s.type === 'MISC' && (isDemonym(s.text) || adjectival(s.text))) || splitCompound(s.text) || isCountry(s)) continue;
    const key = fold(s.text);
    const head = nextWord(text, s.end);
    if ((outletKey && key === outletKey) || ORG_HEADS.has(head) || (s.type !== 'LOC' && ARMED_HEADS.has(head))) corrected.set(key, 'ORG');
  }
  if (corrected.size === 0) return spans;
  return spans.map((s) => {
    const type = corrected.get(fold(s.text));
    return type && type !== s.type ? { ...s, type } : s;
  });
}
