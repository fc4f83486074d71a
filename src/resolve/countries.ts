/** Countries by any name or nationality adjective the text may use ("U.S.", "United States", "American" -> one country). */
import data from './data/countries.json' with { type: 'json' };
import { normalizeName } from './normalize.js';

/** A country and how it was named. */
export interface CountryMatch {
  /** Canonical country name from the gazetteer ("United States of America"). */
  country: string;
  /** True when the name was a nationality adjective or its plural ("Iraqi", "Iraqis"). */
  demonym: boolean;
}

let index: Map<string, CountryMatch> | null = null;

function build(): Map<string, CountryMatch> {
  const map = new Map<string, CountryMatch>();
  for (const c of (data as { countries: { name: string; names: string[]; demonyms: string[] }[] }).countries) {
    // Names first: where a word is both (rare), reading it as the country's name is the safer choice.
    for (const n of [c.name, ...c.names]) {
      const key = normalizeName(n, 'LOC');
      if (key && !map.has(key)) map.set(key, { country: c.name, demonym: false });
    }
    for (const d of c.demonyms) {
      const key = normalizeName(d, 'MISC');
      if (key && !map.has(key)) map.set(key, { country: c.name, demonym: true });
    }
  }
  return map;
}

/** True when a name (as written) is a nationality adjective or its plural ("Iraqi", "Iraqis"), not a country's name. */
export function isDemonym(name: string): boolean {
  return countryOf(normalizeName(name, 'MISC'))?.demonym === true;
}

/** The country a normalised name refers to, if it is a country name or nationality adjective. */
export function countryOf(norm: string): CountryMatch | null {
  index ??= build();
  return index.get(norm) ?? null;
}
