/**
 * Builds src/resolve/data/countries.json: each country's name, the other names the text may use ("U.S.", "United States")
 * and its nationality adjectives ("American", "Americans"), from the CountryInfo gazetteer in ../shared/data
 * (gazetteer-countryinfo, MIT, Copyright 2014 Open Event Data Alliance). Run: npx tsx scripts/build-countries.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = join(import.meta.dirname, '..', '..', 'shared', 'data', 'gazetteer-countryinfo', 'CountryInfo.140728.txt');
const text = readFileSync(source, 'latin1');
const SMALL = new Set(['of', 'the', 'and', 'da', 'de', 'du']);
const title = (s: string): string => s.toLowerCase().split(' ')
  .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.replace(/(^|-)\p{L}/gu, (m) => m.toUpperCase()))).join(' ');
// Nationality blocks mix adjectives with other names of the country (and misspellings, which only match text that has them).
const ADJECTIVE = /(?:an|ian|ean|ese|i|ish|ch|ic|ot|er|ine|ite)$/;

const countries: { name: string; names: string[]; demonyms: string[] }[] = [];
for (const block of text.split('<CountryName>').slice(2)) {
  const country = /^([^<]+)<\/CountryName>/.exec(block)?.[1]?.trim();
  const nationality = /<Nationality>([\s\S]*?)<\/Nationality>/.exec(block)?.[1];
  if (!country || !nationality) continue;
  const name = title(country.replace(/_/g, ' '));
  const names = new Set<string>();
  const demonyms = new Set<string>();
  for (const line of nationality.split('\n')) {
    const entry = line.replace(/#.*/, '').trim().replace(/_$/, '');
    const bare = entry.replace(/_?\(.*\)$/, '');
    if (!bare || /[(),]/.test(bare)) continue;
    const words = bare.replace(/_/g, ' ');
    if (!words.includes(' ') && ADJECTIVE.test(words.toLowerCase()) && words !== country && words.length >= 4) {
      demonyms.add(title(words));
      if (/(?:an|i)$/i.test(words)) demonyms.add(`${title(words)}s`);
    } else {
      names.add(words.length <= 4 && /^[A-Z.]+$/.test(words) ? words : title(words));
    }
  }
  names.delete(name);
  countries.push({ name, names: [...names].sort(), demonyms: [...demonyms].sort() });
}
writeFileSync(join(import.meta.dirname, '..', 'src', 'resolve', 'data', 'countries.json'), `${JSON.stringify({
  about: 'Countries with other names and nationality adjectives, derived by scripts/build-countries.ts from the CountryInfo gazetteer (MIT, Copyright 2014 Open Event Data Alliance).',
  countries,
})}\n`);
console.log(`${countries.length} countries, ${countries.reduce((n, c) => n + c.demonyms.length, 0)} adjectives, ${countries.reduce((n, c) => n + c.names.length, 0)} other names`);
