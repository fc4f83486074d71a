/** Folds country names and nationality adjectives into one place entity per country before resolution. */
import { candidateKeyNorm, type EntityCandidate } from '../model/index.js';
import { countryOf } from '../resolve/countries.js';

/** The normalised name inside a candidate key ("<doc>#MISC:iraqi" -> "iraqi"). */
const nameOf = candidateKeyNorm;

/**
 * Renames candidates that name a country ("U.S.", "United States", "America") or use its adjective ("Iraqi", "Iranians")
 * to the country, typed LOC, keeping what the text said as an alias: role_in(Abadi -> Iraqi) becomes role_in(Abadi -> Iraq)
 * and the country is one node of the graph. People are never renamed ("Jordan" the person stays a person).
 */
export function foldCountries(candidates: EntityCandidate[]): EntityCandidate[] {
  return candidates.map((c) => {
    if (c.type === 'PERSON') return c;
    const match = countryOf(nameOf(c.key));
    if (!match) return c;
    const aliases = [...new Set([c.name, ...c.aliases])].filter((a) => a !== match.country);
    return { ...c, type: 'LOC', name: match.country, aliases };
  });
}
