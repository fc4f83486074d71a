/** Country names to ISO 3166-1 alpha-2 codes, from the runtime's own ICU data, so no country list ships with the code. */

// Short and older forms the press uses that ICU's English display names do not produce ("Türkiye" is ICU's name now).
const ALIASES: Record<string, string> = {
  'us': 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'usa': 'US', 'america': 'US', 'united states of america': 'US',
  'uk': 'GB', 'u.k.': 'GB', 'britain': 'GB', 'great britain': 'GB', 'turkey': 'TR', 'russia': 'RU', 'syria': 'SY',
};

let byName: Map<string, string> | undefined;

/** Builds the name -> code table once, from every two-letter region code ICU can name (long and short styles). */
function table(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  const styles = (['long', 'short'] as const).map((style) => new Intl.DisplayNames(['en'], { type: 'region', style, fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      // "ZZ" is ICU's "Unknown Region"; user-assigned codes (AA, QM-QZ, XA-XZ) have no names and are skipped by fallback "none".
      if (code === 'ZZ' || code === 'EU' || code === 'UN' || code === 'EZ') continue;
      for (const names of styles) {
        const name = names.of(code);
        if (name && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return byName;
}

/** The alpha-2 code ("IR") when `name` is a country's name as written in English ("Iran", "U.S."), else undefined. */
export function countryCode(name: string): string | undefined {
  return table().get(name.trim().toLowerCase());
}
