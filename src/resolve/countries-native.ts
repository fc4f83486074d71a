/**
 * Country names in Persian and Arabic, from the ICU data Node ships (Intl.DisplayNames: "ایران", "إيران" -> Iran),
 * tied to the country table of countries.ts, plus the colloquial names the press uses beside the official ones.
 */
import { countryOf } from './countries.js';
import { normalizeName } from './normalize.js';

// Everyday names the ICU data does not give (it gives the official "ایالات متحده", "المملكة المتحدة").
const COLLOQUIAL: Record<string, string> = { آمریکا: 'US', امریکا: 'US', أمريكا: 'US', امريكا: 'US', انگلیس: 'GB', انگلستان: 'GB', بريطانيا: 'GB' };

/** Folds spelling variants of Arabic script that do not change a name: alif forms, yeh and kaf forms, marks, article. */
export function nativeKey(name: string): string {
  return name.normalize('NFC').replace(/[\u064b-\u065f\u0670\u0640\u200b-\u200f]/gu, '').replace(/[أإآٱ]/g, 'ا').replace(/[یى]/g, 'ي')
    .replace(/ک/g, 'ك').replace(/ة/g, 'ه').replace(/\s+/g, ' ').trim();
}

let index: Map<string, string> | null = null;

/** Builds the index from every two-letter region code ICU names in English. */
function build(): Map<string, string> {
  const map = new Map<string, string>();
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const natives = ['fa', 'ar'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  const canonical = (code: string): string | undefined => {
    const name = en.of(code);
    return name === undefined ? undefined : countryOf(normalizeName(name, 'LOC'))?.country ?? name;
  };
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let country: string | undefined;
      try {
        country = canonical(code);
      } catch {
        continue;
      }
      if (country === undefined) continue;
      for (const d of natives) {
        const native = d.of(code);
        if (native === undefined) continue;
        const key = nativeKey(native);
        if (!map.has(key)) map.set(key, country);
        if (key.startsWith('ال') && !map.has(key.slice(2))) map.set(key.slice(2), country);
      }
    }
  }
  for (const [name, code] of Object.entries(COLLOQUIAL)) {
    const country = canonical(code);
    if (country !== undefined) map.set(nativeKey(name), country);
  }
  return map;
}

/** The country (as countries.ts names it) a Persian or Arabic name refers to, or null ("ایران" -> "Iran"). */
export function nativeCountry(name: string): string | null {
  index ??= build();
  const key = nativeKey(name);
  return index.get(key) ?? (key.startsWith('ال') ? index.get(key.slice(2)) ?? null : null);
}

/** The country a Latin-script name refers to (not a nationality adjective), or null ("Iran" -> "Iran"). */
export function latinCountry(name: string): string | null {
  const hit = countryOf(normalizeName(name, 'LOC'));
  return hit && !hit.demonym ? hit.country : null;
}
